"""``casefacts serve --demo`` as a user runs it: a real process, the real rules wiring."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx
import pytest
from store.factories import make_case

from casefacts.store import Store

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_demo_loads_cases_prints_a_token_and_serves(tmp_path: Path) -> None:
    from casefacts.rules import apply_rules

    case = make_case()
    (tmp_path / "case.json").write_text(case.model_dump_json())
    db, port = tmp_path / "demo.db", free_port()
    command = [
        str(Path(sys.executable).with_name("casefacts")),
        "serve",
        "--demo",
        "--demo-data",
        str(tmp_path / "case.json"),
        "--db",
        str(db),
        "--port",
        str(port),
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        token = ""
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("cf_"):
                token = line.strip()
                break
        assert token, "no token printed"
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"{base}/api/v1/health", headers={"Authorization": f"Bearer {token}"})
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline and process.poll() is None, "the server did not start"
                time.sleep(0.2)
        assert health.status_code == 200 and health.json()["migration"] == "0001"
        with httpx.Client(base_url=base) as browser:
            login = browser.post("/login", data={"token": token, "next": "/ui/queue"})
            assert login.status_code == 303
            assert "case-001" in browser.get("/ui/queue").text
        review = httpx.post(
            f"{base}/api/v1/cases/case-001/facts/{case.facts[1].fact_id}/review",
            json={"action": "accept"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert review.status_code == 200, review.text
        store = Store(f"sqlite:///{db}")
        stored = store.get_case("case-001")
        store.close()
        as_of = stored.as_of
        assert as_of is not None and as_of.month and as_of.day
        assert review.json()["findings"] == [
            f.model_dump(mode="json")
            for f in apply_rules(stored, as_of=date(as_of.year, as_of.month, as_of.day))
        ]
    finally:
        process.terminate()
        process.wait(timeout=10)
