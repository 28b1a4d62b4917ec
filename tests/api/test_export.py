from __future__ import annotations

import json

from casefacts.schema import CaseFile

from .conftest import Api


def export(api: Api, who: str, **params: object) -> tuple[list[CaseFile], dict[str, str]]:
    response = api.client.get("/api/v1/export", params=params, headers=api.auth(who))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = response.text.splitlines()
    return [CaseFile.model_validate(json.loads(line)) for line in lines], dict(response.headers)


def test_export_is_json_lines_paged_by_cursor(api: Api) -> None:
    cases, headers = export(api, "admin", limit=1)
    assert [c.case_id for c in cases] == ["case-001"] and headers["x-total-count"] == "2"
    assert cases[0] == api.store.get_case("case-001")
    next_url = headers["link"].split(";")[0].strip("<>")
    assert "after=case-001" in next_url
    rest = api.client.get(next_url, headers=api.auth("admin"))
    assert [json.loads(line)["case_id"] for line in rest.text.splitlines()] == ["case-002"]
    assert "link" not in rest.headers


def test_export_redacts_for_consumers_unless_granted(api: Api) -> None:
    redacted, _ = export(api, "consumer")
    granted, _ = export(api, "consumer_granted")
    assert all(c.subject is None for c in redacted)
    assert all(c.subject is not None and c.subject.name == "JOHN Q DOE" for c in granted)
    assert "A012345678" not in "".join(c.model_dump_json() for c in redacted)


def test_export_filters(api: Api) -> None:
    api.store.record_review("case-002", api.case.facts[1].fact_id, "accept", "rita")
    cases, headers = export(api, "consumer", outcome="met")
    assert [c.case_id for c in cases] == ["case-002"] and headers["x-total-count"] == "1"
