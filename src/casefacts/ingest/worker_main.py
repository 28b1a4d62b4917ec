"""Entry point of one worker process: ``python -m casefacts.ingest.worker_main FD``.

``FD`` is the worker's end of a socket pair. The parent sends, in order: its ``sys.path``;
``(func, initializer, memory_mb)``; then one argument tuple per job. For each job the worker
answers ``("started", None)`` and then one of ``("value", result)``, ``("error", exception)``
or ``("memory", None)``. After a MemoryError it exits, so no job starts in a fragmented heap.
"""

from __future__ import annotations

import resource
import sys
from multiprocessing.connection import Connection
from typing import Any

MB = 1024 * 1024


def serve(conn: Connection) -> None:
    sys.path[:] = conn.recv()
    func, initializer, memory_mb = conn.recv()
    limit = memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if initializer is not None:
        initializer()
    while True:
        try:
            args = conn.recv()
        except EOFError:  # the parent closed the pool
            return
        except MemoryError:  # the job's bytes alone exceed the limit
            send_reply(conn, ("memory", None))
            return
        conn.send(("started", None))
        try:
            reply: tuple[str, Any] = ("value", func(*args))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:
            reply = ("error", exc)
        del args
        send_reply(conn, reply)
        if reply[0] == "memory":
            return


def send_reply(conn: Connection, reply: tuple[str, Any]) -> None:
    try:
        conn.send(reply)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # an unpicklable value or exception
        conn.send(("error", RuntimeError(f"the worker could not send its result back: {exc!r}")))


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1])))
