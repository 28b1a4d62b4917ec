"""Serve the deployments of ``prefect.yaml`` from this process, without a work pool or worker.

    prefect server start                 # in another terminal (serving needs a server)
    PREFECT_API_URL=http://127.0.0.1:4200/api python -m flows.serve

Schedules, parameters, tags and concurrency limits are read from ``prefect.yaml``, so the two
ways of deploying cannot drift apart. Runs execute in subprocesses of this process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from prefect import serve
from prefect.flows import load_flow_from_entrypoint
from prefect.schedules import Cron

REPO = Path(__file__).resolve().parents[1]


def load_deployments(path: Path = REPO / "prefect.yaml") -> list[Any]:
    """``RunnerDeployment``s for every deployment of the file."""
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    deployments = []
    for entry in config["deployments"]:
        flow = load_flow_from_entrypoint(str(REPO / entry["entrypoint"]))
        deployments.append(flow.to_deployment(
            name=entry["name"],
            description=entry.get("description"),
            tags=entry.get("tags"),
            parameters=entry.get("parameters", {}),
            schedules=[Cron(s["cron"], timezone=s.get("timezone")) for s in entry.get("schedules", [])],
            concurrency_limit=entry.get("concurrency_limit"),
        ))
    return deployments


if __name__ == "__main__":
    serve(*load_deployments())
