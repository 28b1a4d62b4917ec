"""prefect.yaml declares both flows with valid schedules and parameters; ``flows.serve`` agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CONFIG = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))


def test_the_file_is_a_valid_prefect_project() -> None:
    from prefect.cli.deploy._models import PrefectYamlModel

    model = PrefectYamlModel.model_validate(CONFIG)
    assert sorted(d.name for d in model.deployments) == ["nightly", "weekly"]


@pytest.mark.parametrize("entry", CONFIG["deployments"], ids=lambda e: e["name"])
def test_each_deployment_names_a_flow_its_parameters_fit_and_its_cron_parses(entry: dict) -> None:
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.flows import load_flow_from_entrypoint

    flow = load_flow_from_entrypoint(str(REPO / entry["entrypoint"]))
    validated = flow.validate_parameters(entry["parameters"])  # raises for an unknown name or a bad value
    assert {name: validated[name] for name in entry["parameters"]} == entry["parameters"]
    assert entry["schedules"] and all(CronSchedule(cron=s["cron"], timezone=s["timezone"]) for s in entry["schedules"])
    assert entry["concurrency_limit"] == 1 and entry["work_pool"]["name"] == "casefacts"


def test_schedules_run_nightly_and_weekly() -> None:
    crons = {d["name"]: d["schedules"][0]["cron"].split() for d in CONFIG["deployments"]}
    assert crons["nightly"][2:] == ["*", "*", "*"]  # every day
    assert crons["weekly"][2:4] == ["*", "*"] and crons["weekly"][4] != "*"  # one day a week


def test_serve_builds_the_same_deployments() -> None:
    from flows.serve import load_deployments

    served = {d.name: d for d in load_deployments()}
    for entry in CONFIG["deployments"]:
        deployment = served[entry["name"]]
        assert deployment.parameters == entry["parameters"]
        assert [s.schedule.cron for s in deployment.schedules] == [s["cron"] for s in entry["schedules"]]
        assert deployment.concurrency_limit == entry["concurrency_limit"]
