from __future__ import annotations

import pytest

from casefacts.sources import HttpSource, SourceError, SourceUnavailable

from .recordserver import RecordServerState, record_server

T = "2024-05-01T10:00:{:02d}+00:00"


def _state() -> RecordServerState:
    state = RecordServerState()
    state.add("r1", "c1", "rap.txt", b"rap sheet one", T.format(1))
    state.add("r2", "c1", "letter.txt", b"letter one", T.format(2))
    state.add("r3", "c2", "rap.txt", b"rap sheet two", T.format(3))
    state.add("r4", None, "loose.txt", b"loose record", T.format(4))
    state.add("r5", "c3", "court.pdf", b"%PDF-1.4 fake", T.format(5), inline=False)
    return state


def _names(pull) -> dict[str | None, list[str]]:
    return {case.case_id: [r.name for r in case.records] for case in pull.cases}


def test_pages_are_followed_and_cases_are_whole() -> None:
    state = _state()
    with record_server(state) as url:
        pull = HttpSource(url, page_size=2).pull(None)
    assert pull.n_new == 5
    assert _names(pull) == {"c1": ["rap.txt", "letter.txt"], "c2": ["rap.txt"], None: ["loose.txt"],
                            "c3": ["court.pdf"]}
    court = next(c for c in pull.cases if c.case_id == "c3").records[0]
    assert court.data == b"%PDF-1.4 fake" and court.uri.endswith("/files/r5")
    assert sum("offset=" in path for path in state.requests) >= 2  # the next links were followed


def test_watermark_returns_only_what_changed_but_the_whole_case() -> None:
    state = _state()
    with record_server(state) as url:
        source = HttpSource(url, page_size=2)
        first = source.pull(None)
        assert source.pull(first.watermark).n_new == 0
        state.add("r6", "c1", "disposition.txt", b"new court record", T.format(9))
        # same stamp as the watermark's item but a greater id: new, not dropped at the boundary
        state.add("r5b", "c2", "extra.txt", b"same second", T.format(5))
        second = source.pull(first.watermark)
    assert second.n_new == 2
    assert _names(second) == {"c2": ["rap.txt", "extra.txt"],
                              "c1": ["rap.txt", "letter.txt", "disposition.txt"]}


def test_limit_cuts_a_pull_and_the_next_one_continues() -> None:
    state = _state()
    seen: list[str] = []
    with record_server(state) as url:
        source, watermark = HttpSource(url, page_size=2), None
        while True:
            pull = source.pull(watermark, limit=2)
            seen += [r.name for case in pull.cases for r in case.records]
            watermark = pull.watermark
            if pull.exhausted:
                break
    assert {"loose.txt", "court.pdf", "letter.txt"} <= set(seen)


def test_transient_errors_are_retried() -> None:
    state = _state()
    state.faults = [503, 429]
    with record_server(state) as url:
        pull = HttpSource(url, retries=3, backoff_s=0.01).pull(None)
    assert pull.n_new == 5


def test_persistent_errors_give_up_as_unavailable() -> None:
    state = _state()
    state.faults = [503] * 10
    with record_server(state) as url, pytest.raises(SourceUnavailable, match="503 after 2 retries"):
        HttpSource(url, retries=2, backoff_s=0.01).pull(None)
    assert len(state.requests) == 3


def test_slow_answers_time_out_and_are_retried() -> None:
    state = _state()
    state.delay_s = 0.5
    with record_server(state) as url, pytest.raises(SourceUnavailable, match="ReadTimeout"):
        HttpSource(url, timeout_s=0.1, retries=1, backoff_s=0.01).pull(None)
    assert len(state.requests) == 2


def test_client_errors_fail_at_once() -> None:
    state = _state()
    with record_server(state) as url, pytest.raises(SourceError, match="HTTP 404"):
        HttpSource(url.replace("/records", "/nothing-here"), retries=3, backoff_s=0.01).pull(None)
    assert len(state.requests) == 1


def test_a_malformed_page_is_an_error() -> None:
    state = _state()
    state.items.append({"id": "bad", "case_id": None, "name": "x.txt", "updated_at": "not a date"})
    with record_server(state) as url, pytest.raises(SourceError, match="updated_at"):
        HttpSource(url).pull(None)


def test_unreachable_server_is_unavailable() -> None:
    with record_server(RecordServerState()) as url:
        pass  # the server is gone now
    with pytest.raises(SourceUnavailable):
        HttpSource(url, retries=1, backoff_s=0.01, timeout_s=1).pull(None)
