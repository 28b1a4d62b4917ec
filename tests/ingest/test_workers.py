"""The worker pool: limits, crashes and recovery, tried with standard-library functions."""

from __future__ import annotations

import os
import time

import pytest

from casefacts.errors import CorruptDocument, LimitExceeded
from casefacts.ingest.workers import Limits, WorkerPool

LIMITS = Limits(timeout_s=30, memory_mb=256)


def run(func, jobs, limits=LIMITS, size=1):
    with WorkerPool(func, limits, size=size) as pool:
        outcomes = dict(pool.imap(enumerate(jobs)))
        return [outcomes[index] for index in range(len(jobs))], pool.started


def test_values_come_back_by_key() -> None:
    outcomes, started = run(divmod, [(7, 2), (9, 4), (1, 1)], size=2)
    assert [o.value for o in outcomes] == [(3, 1), (2, 1), (1, 0)]
    assert all(o.error is None for o in outcomes)
    assert started == 2


def test_an_exception_in_the_function_is_the_outcome_and_the_worker_is_kept() -> None:
    outcomes, started = run(int, [("x",), ("12",)])
    assert isinstance(outcomes[0].error, ValueError)
    assert outcomes[1].value == 12
    assert started == 1


def test_the_memory_limit_ends_the_job_and_a_fresh_worker_takes_the_next() -> None:
    outcomes, started = run(bytearray, [(2 * 1024**3,), (10,)])
    assert isinstance(outcomes[0].error, LimitExceeded)
    assert str(outcomes[0].error) == "parsing exceeded the 256 MB memory limit"
    assert outcomes[1].value == bytearray(10)
    assert started == 2


def test_a_job_past_its_deadline_is_killed_and_the_next_job_runs() -> None:
    began = time.monotonic()
    outcomes, started = run(time.sleep, [(30,), (0,)], limits=Limits(timeout_s=0.5, memory_mb=256))
    assert isinstance(outcomes[0].error, LimitExceeded)
    assert str(outcomes[0].error) == "parsing timed out after 0.5 s"
    assert outcomes[1].error is None
    assert started == 2
    assert time.monotonic() - began < 15  # killed, not waited for


def test_the_clock_starts_when_the_worker_starts_the_job() -> None:
    """Interpreter start-up (over 0.3 s here) does not count against a short per-job limit."""
    began = time.monotonic()
    outcomes, _ = run(time.sleep, [(0.05,)], limits=Limits(timeout_s=0.25, memory_mb=256))
    assert outcomes[0].error is None
    assert time.monotonic() - began > 0.25  # so start-up alone outlasted the limit


def test_a_worker_that_dies_costs_only_its_own_job() -> None:
    exited, _ = run(os._exit, [(3,)])
    assert isinstance(exited[0].error, CorruptDocument)
    assert "exit code 3" in str(exited[0].error)
    aborted, started = run(os.abort, [(), ()])
    assert all("signal SIGABRT" in str(o.error) for o in aborted)
    assert started == 2


def test_a_slow_job_does_not_hold_up_the_other_worker() -> None:
    with WorkerPool(time.sleep, LIMITS, size=2) as pool:
        order = [key for key, _ in pool.imap([("slow", (1.5,)), ("fast", (0,)), ("fast2", (0,))])]
    assert order.index("fast") < order.index("slow")
    assert order.index("fast2") < order.index("slow")


def test_workers_are_gone_after_close() -> None:
    pool = WorkerPool(divmod, LIMITS, size=2)
    with pool:
        list(pool.imap([(0, (1, 1)), (1, (2, 1))]))
        processes = [worker.process for worker in pool._workers]
    assert processes and all(process.poll() is not None for process in processes)


def test_a_pool_needs_a_worker() -> None:
    with pytest.raises(ValueError):
        WorkerPool(divmod, Limits(timeout_s=1, memory_mb=256), size=0)
