"""Retry on transient errors only, and keep their messages out of Prefect's database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect.tasks import exponential_backoff

from casefacts.review_run import is_transient

RETRIES = 3
RETRY_DELAYS = exponential_backoff(backoff_factor=5.0)  # 5, 10, 20 seconds


class TransientFailure(Exception):
    """A transient error (database or source unreachable), named by class only: worth a retry."""


def retry_if_transient(task: Any, task_run: Any, state: Any) -> bool:
    """``retry_condition_fn`` of the tasks: retry a TransientFailure, fail at once on anything else."""
    try:
        state.result()
    except TransientFailure:
        return True
    except Exception:
        return False
    return False


@contextmanager
def transient_as_retryable() -> Iterator[None]:
    """Re-raise a transient error as a TransientFailure without its message or traceback chain
    (database errors can quote the values they failed to write)."""
    try:
        yield
    except Exception as error:
        if is_transient(error):
            raise TransientFailure(type(error).__name__) from None
        raise
