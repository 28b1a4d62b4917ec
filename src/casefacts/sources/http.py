"""An HTTP JSON endpoint of records, read page by page with timeouts and retries.

The endpoint answers ``GET {url}?updated_since=ISO&page_size=N`` (and ``GET {url}?case_id=ID``
for every record of one case) with::

    {"items": [{"id": "r-17", "case_id": "c-4", "name": "rap.pdf",
                "updated_at": "2024-05-01T10:00:00+00:00",
                "content_base64": "..."}],          # or "content_url": "/files/r-17"
     "next": "/records?cursor=abc"}                  # absolute or relative; null on the last page

Items come in ``(updated_at, id)`` order; ``updated_since`` is inclusive, and the client drops
what is not after the watermark. Connection errors, timeouts, 429 and 5xx answers are retried
with exponential backoff (``Retry-After`` is honoured); other answers fail at once.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

from casefacts.sources.base import Pull, Record, RecordCase, SourceError, SourceUnavailable

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
Stamp = tuple[datetime, str]


@dataclass(frozen=True)
class HttpSource:
    url: str
    page_size: int = 100
    timeout_s: float = 10.0
    retries: int = 4
    backoff_s: float = 0.5
    headers: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def key(self) -> str:
        return f"http:{self.url}"

    def pull(self, watermark: str | None, limit: int | None = None) -> Pull:
        after = _decode(watermark)
        params: dict[str, Any] = {"page_size": self.page_size}
        if after is not None:
            params["updated_since"] = after[0].isoformat()
        with self._client() as client:
            new: list[tuple[Stamp, dict[str, Any]]] = []
            for item in self._items(client, params):
                stamp = _stamp(item)
                if after is None or stamp > after:
                    new.append((stamp, item))
                if limit is not None and len(new) > limit:
                    break
            new.sort(key=lambda pair: pair[0])
            exhausted = limit is None or len(new) <= limit
            new = new if exhausted else new[:limit]
            if not new:
                return Pull(cases=[], n_new=0, watermark=watermark)
            case_ids = list(dict.fromkeys(item["case_id"] for _, item in new if item.get("case_id")))
            cases = [self._case(client, case_id) for case_id in case_ids]
            loose = [item for _, item in new if not item.get("case_id")]
            cases += [RecordCase(None, (self._record(client, item),)) for item in loose]
        return Pull(cases=cases, n_new=len(new), watermark=_encode(new[-1][0]), exhausted=exhausted)

    def _client(self) -> httpx.Client:
        return httpx.Client(timeout=self.timeout_s, headers=dict(self.headers), follow_redirects=True)

    def _case(self, client: httpx.Client, case_id: str) -> RecordCase:
        items = sorted(self._items(client, {"case_id": case_id, "page_size": self.page_size}), key=_stamp)
        return RecordCase(case_id=case_id, records=tuple(self._record(client, item) for item in items))

    def _items(self, client: httpx.Client, params: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
        url: str | None = self.url
        while url is not None:
            page = self._get(client, url, params).json()
            if not isinstance(page, dict) or not isinstance(page.get("items"), list):
                raise SourceError(f"{url}: a page must be an object with an 'items' list")
            yield from page["items"]
            url = str(httpx.URL(url).join(page["next"])) if page.get("next") else None
            params = None  # the next link carries its own query

    def _record(self, client: httpx.Client, item: dict[str, Any]) -> Record:
        try:
            ident, name = str(item["id"]), str(item["name"])
            if "content_base64" in item:
                data = base64.b64decode(item["content_base64"], validate=True)
                uri = f"{self.url}#{ident}"
            else:
                uri = str(httpx.URL(self.url).join(item["content_url"]))
                data = self._get(client, uri, None).content
        except (KeyError, binascii.Error) as error:
            raise SourceError(f"{self.url}: item {item.get('id')!r} is malformed: {error!r}") from error
        case_id = item.get("case_id")
        return Record(case_id=str(case_id) if case_id else None, name=name, uri=uri, data=data)

    def _get(self, client: httpx.Client, url: str, params: dict[str, Any] | None) -> httpx.Response:
        """GET with retries on connection errors, timeouts, 429 and 5xx."""
        attempt = 0
        while True:
            cause: Exception | None = None
            try:
                response = client.get(url, params=params)
            except httpx.TransportError as error:
                cause, failure, wait = error, repr(error), None
            else:
                if response.status_code not in RETRY_STATUS:
                    if response.is_error:
                        raise SourceError(f"{url}: HTTP {response.status_code}")
                    return response
                failure, wait = f"HTTP {response.status_code}", _retry_after(response)
            if attempt == self.retries:
                raise SourceUnavailable(f"{url}: {failure} after {self.retries} retries") from cause
            time.sleep(wait if wait is not None else self.backoff_s * 2**attempt)
            attempt += 1


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), 60.0) if value.isdigit() else None


def _stamp(item: dict[str, Any]) -> Stamp:
    try:
        return datetime.fromisoformat(item["updated_at"]), str(item["id"])
    except (KeyError, TypeError, ValueError) as error:
        raise SourceError(f"item {item.get('id')!r} needs an ISO 'updated_at' and an 'id'") from error


def _encode(stamp: Stamp) -> str:
    return json.dumps({"updated_at": stamp[0].isoformat(), "id": stamp[1]})


def _decode(watermark: str | None) -> Stamp | None:
    if watermark is None:
        return None
    data = json.loads(watermark)
    return datetime.fromisoformat(data["updated_at"]), str(data["id"])
