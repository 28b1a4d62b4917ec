"""A local HTTP server of records for the HTTP source tests (stdlib only, one thread per request)."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse


@dataclass
class RecordServerState:
    """Items served at /records, plus faults to inject: answers to give first, a delay per request."""

    items: list[dict[str, Any]] = field(default_factory=list)
    faults: list[int] = field(default_factory=list)  # status codes answered before normal answers
    delay_s: float = 0.0
    requests: list[str] = field(default_factory=list)

    def add(self, ident: str, case_id: str | None, name: str, data: bytes, updated_at: str,
            inline: bool = True) -> None:
        item: dict[str, Any] = {"id": ident, "case_id": case_id, "name": name, "updated_at": updated_at}
        if inline:
            item["content_base64"] = base64.b64encode(data).decode()
        else:
            item["content_url"] = f"/files/{ident}"
            item["_data"] = data
        self.items.append(item)


def _handler(state: RecordServerState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 (stdlib name)
            state.requests.append(self.path)
            if state.delay_s:
                time.sleep(state.delay_s)
            if state.faults:
                self._send(state.faults.pop(0), b"{}")
                return
            url = urlparse(self.path)
            query = {key: values[0] for key, values in parse_qs(url.query).items()}
            if url.path.startswith("/files/"):
                found = [i for i in state.items if i["id"] == url.path.removeprefix("/files/")]
                if found:
                    self._send(200, found[0]["_data"], "application/octet-stream")
                else:
                    self._send(404, b"")
            elif url.path == "/records":
                self._send(200, json.dumps(_page(state.items, query)).encode())
            else:
                self._send(404, b"")

        def _send(self, status: int, body: bytes, media_type: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _page(items: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
    """Items in (updated_at, id) order, filtered, one page of them, and the link to the next."""
    selected = sorted(items, key=lambda i: (i["updated_at"], i["id"]))
    if "updated_since" in query:
        selected = [i for i in selected if i["updated_at"] >= query["updated_since"]]
    if "case_id" in query:
        selected = [i for i in selected if i["case_id"] == query["case_id"]]
    size, offset = int(query.get("page_size", 100)), int(query.get("offset", 0))
    page = [{k: v for k, v in i.items() if k != "_data"} for i in selected[offset:offset + size]]
    more = offset + size < len(selected)
    rest = {k: v for k, v in query.items() if k != "offset"}
    link = "/records?" + urlencode({**rest, "offset": offset + size})
    return {"items": page, "next": link if more else None}


@contextmanager
def record_server(state: RecordServerState) -> Iterator[str]:
    """Serve ``state`` on a free local port; yields the /records URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/records"
    finally:
        server.shutdown()
        server.server_close()
