"""Worker processes that run a parser on untrusted bytes under memory and time limits.

DESIGN section 10: a small PDF can inflate to gigabytes and a parser can loop. Each job runs in
a worker process whose address space is capped with ``RLIMIT_AS``; the parent gives it a
deadline and kills it when the deadline passes. A job that hits the memory limit, times out or
kills its worker costs only itself: the next job gets a fresh worker. The parent drives the
workers from one thread, so it always knows which job each worker holds.

Workers are fresh interpreters (``python -m casefacts.ingest.worker_main``), not forks: they
inherit neither the parent's memory (which would count against their limit), nor its threads,
nor a re-import of its ``__main__`` module, so callers need no ``if __name__ == "__main__"``
guard. The price is an interpreter start per worker (measured in the ingest report).
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from casefacts.errors import CorruptDocument, LimitExceeded

K = TypeVar("K")
STARTUP_GRACE_S = 30.0  # a worker has this long to start before its first job's clock runs
JOIN_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Limits:
    timeout_s: float
    memory_mb: int

    def timeout_error(self) -> LimitExceeded:
        return LimitExceeded(f"parsing timed out after {self.timeout_s:g} s")

    def memory_error(self) -> LimitExceeded:
        return LimitExceeded(f"parsing exceeded the {self.memory_mb} MB memory limit")


@dataclass(frozen=True)
class Outcome:
    """What one job gave: the function's return value, or the exception that ended it."""

    value: Any = None
    error: BaseException | None = None


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    deadline: float = 0.0


class WorkerPool:
    """Up to ``size`` worker processes running ``func``, started on demand.

    Use as a context manager; :meth:`imap` runs jobs and yields outcomes as they finish.
    ``func``, ``initializer``, the job arguments and results must be picklable, and the
    functions importable by module name (module-level functions).
    """

    def __init__(self, func: Callable[..., Any], limits: Limits, size: int = 2, *,
                 initializer: Callable[[], None] | None = None) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.func = func
        self.limits = limits
        self.size = size
        self.initializer = initializer
        self.started = 0  # workers started over the pool's life, replacements included
        self._idle: list[_Worker] = []
        self._workers: set[_Worker] = set()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def imap(self, jobs: Iterable[tuple[K, tuple[Any, ...]]]) -> Iterator[tuple[K, Outcome]]:
        """Run ``(key, args)`` jobs, pulling them lazily; yield ``(key, outcome)`` as each ends."""
        pending = iter(jobs)
        busy: dict[Connection, tuple[_Worker, K]] = {}
        try:
            while True:
                while len(busy) < self.size and (job := next(pending, None)) is not None:
                    key, args = job
                    worker = self._dispatch(args)
                    busy[worker.conn] = (worker, key)
                if not busy:
                    return
                soonest = min(worker.deadline for worker, _ in busy.values())
                for conn in wait(list(busy), timeout=max(0.0, soonest - time.monotonic())):
                    worker, key = busy[conn]
                    outcome = self._receive(worker)
                    if outcome is not None:
                        del busy[conn]
                        yield key, outcome
                now = time.monotonic()
                for conn, (worker, key) in list(busy.items()):
                    if now >= worker.deadline:
                        del busy[conn]
                        self._stop(worker)
                        yield key, Outcome(error=self.limits.timeout_error())
        finally:
            for worker, _ in busy.values():
                self._stop(worker)

    def close(self) -> None:
        """Let idle workers exit (their socket closes) and kill any that do not."""
        for worker in list(self._workers):
            worker.conn.close()
        for worker in list(self._workers):
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(JOIN_TIMEOUT_S)
            self._stop(worker)
        self._idle.clear()

    def _start(self) -> _Worker:
        ours, theirs = socket.socketpair()
        with theirs:
            process = subprocess.Popen(
                [sys.executable, "-m", "casefacts.ingest.worker_main", str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
            )
        worker = _Worker(process, Connection(ours.detach()))
        self._workers.add(worker)
        self.started += 1
        if not (self._send(worker, sys.path) and
                self._send(worker, (self.func, self.initializer, self.limits.memory_mb))):
            self._stop(worker)
            raise RuntimeError("an ingest worker process could not be started")
        return worker

    def _dispatch(self, args: tuple[Any, ...]) -> _Worker:
        worker = self._idle.pop() if self._idle else None
        if worker is not None and not self._send(worker, args):
            self._stop(worker)  # the idle worker died; a fresh one takes the job
            worker = None
        if worker is None:
            worker = self._start()
            self._send(worker, args)  # on failure, receiving reports how the worker died
        worker.deadline = time.monotonic() + self.limits.timeout_s + STARTUP_GRACE_S
        return worker

    @staticmethod
    def _send(worker: _Worker, payload: Any) -> bool:
        try:
            worker.conn.send(payload)
        except OSError:
            return False
        return True

    def _receive(self, worker: _Worker) -> Outcome | None:
        """The job's outcome, or None when the worker only said it started the job."""
        try:
            tag, payload = worker.conn.recv()
        except (EOFError, OSError):
            return Outcome(error=self._died(worker))
        except Exception as exc:  # the reply arrived but cannot be unpickled here
            self._idle.append(worker)
            return Outcome(error=RuntimeError(f"the worker's reply could not be read: {exc!r}"))
        if tag == "started":
            worker.deadline = time.monotonic() + self.limits.timeout_s
            return None
        if tag == "memory":
            self._stop(worker)
            return Outcome(error=self.limits.memory_error())
        self._idle.append(worker)
        return Outcome(value=payload) if tag == "value" else Outcome(error=payload)

    def _died(self, worker: _Worker) -> Exception:
        try:
            code: int | None = worker.process.wait(JOIN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            code = None
        self._stop(worker)
        if code == -signal.SIGKILL:  # what the kernel's OOM killer sends
            return self.limits.memory_error()
        return CorruptDocument(f"the parser process died ({_exit_text(code)}) while reading the document")

    def _stop(self, worker: _Worker) -> None:
        if worker.process.poll() is None:
            worker.process.kill()
        worker.process.wait()
        worker.conn.close()
        self._workers.discard(worker)


def _exit_text(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit code {code}"
    try:
        return f"signal {signal.Signals(-code).name}"
    except ValueError:
        return f"signal {-code}"
