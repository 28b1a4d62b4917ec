"""One Prefect test harness per session, for the flow tests that ask for it (``prefect_api``).

Starting the harness costs seconds, so only tests that run a Prefect flow request it; the
review-run tests beside them need no Prefect. ``PREFECT_HOME`` (results, variables' local
state) goes to a temporary folder, and the harness's API URL is exported so that Dask worker
processes and the crash test's subprocess report to the same server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("prefect-home")
    env = pytest.MonkeyPatch()
    env.setenv("PREFECT_HOME", str(home))
    env.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setenv("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    try:
        with temporary_settings({PREFECT_HOME: Path(home)}), prefect_test_harness(server_startup_timeout=120):
            url = PREFECT_API_URL.value()
            env.setenv("PREFECT_API_URL", url)
            yield url
    finally:
        env.undo()
