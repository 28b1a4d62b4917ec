"""A live app (uvicorn in a thread) and Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from store.factories import fake_rules, make_case

from casefacts.api import create_app
from casefacts.schema import CaseFile
from casefacts.store import Store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path(repo_root: Path) -> str:
    """Debian's chromium, installed with apt by scripts/install-system-deps.sh when missing."""
    if not Path(CHROMIUM).exists() and shutil.which("apt-get"):
        subprocess.run(["bash", str(repo_root / "scripts" / "install-system-deps.sh")], check=False)
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: run scripts/install-system-deps.sh (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class LiveApp:
    url: str
    store: Store
    token: str
    case: CaseFile


@pytest.fixture
def live_app(tmp_path: Path) -> Iterator[LiveApp]:
    store = Store(f"sqlite:///{tmp_path / 'ui.db'}", recompute=fake_rules)
    store.upgrade()
    case = make_case()
    store.save_case(case)
    store.save_case(make_case("case-002"))
    token = store.add_user("rita", "reviewer")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield LiveApp(f"http://127.0.0.1:{port}", store, token, case)
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
