from __future__ import annotations

from casefacts.schema import casefile_json_schema
from casefacts.store import derive

from .conftest import Api


def test_list_cases_pages_and_filters(api: Api) -> None:
    first = api.client.get("/api/v1/cases", params={"limit": 1}, headers=api.auth("consumer")).json()
    assert first["total"] == 2 and [c["case_id"] for c in first["items"]] == ["case-001"]
    assert "offset=1" in first["next"]
    second = api.client.get(first["next"], headers=api.auth("consumer")).json()
    assert [c["case_id"] for c in second["items"]] == ["case-002"] and second["next"] is None
    api.store.record_review("case-002", api.case.facts[1].fact_id, "accept", "rita")
    for params, expected in [
        ({"review_state": "in_review"}, ["case-002"]),
        ({"review_state": ["unreviewed", "reviewed"]}, ["case-001"]),
        ({"ruleset_id": "test-rules", "outcome": "met"}, ["case-002"]),
        ({"rule_id": "PS.i", "outcome": "insufficient_information"}, ["case-001"]),
        ({"updated_since": "2999-01-01T00:00:00"}, []),
        ({"updated_until": "2999-01-01"}, ["case-001", "case-002"]),
        ({"order": "queue"}, ["case-002", "case-001"]),
    ]:
        body = api.client.get("/api/v1/cases", params=params, headers=api.auth("reviewer")).json()
        assert [c["case_id"] for c in body["items"]] == expected, params


def test_get_case_is_the_casefile_json(api: Api) -> None:
    body = api.client.get("/api/v1/cases/case-001", headers=api.auth("reviewer")).json()
    assert body == api.store.get_case("case-001").model_dump(mode="json")
    assert body["subject"]["name"] == "JOHN Q DOE"
    granted = api.client.get("/api/v1/cases/case-001", headers=api.auth("consumer_granted")).json()
    assert granted == body
    redacted = api.client.get("/api/v1/cases/case-001", headers=api.auth("consumer")).json()
    assert redacted["subject"] is None and "JOHN" not in str(redacted)


def test_unknown_case_is_a_404_problem(api: Api) -> None:
    response = api.client.get("/api/v1/cases/nope", headers=api.auth("reviewer"))
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "https://casefacts.example/problems/not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "no case 'nope'",
        "instance": "/api/v1/cases/nope",
    }


def test_facts_with_evidence_and_findings(api: Api) -> None:
    url = "/api/v1/cases/case-001/facts"
    body = api.client.get(url, headers=api.auth("reviewer")).json()
    assert body["total"] == 5 and len(body["items"]) == 5 and body["next"] is None
    assert all(fact["evidence"] and fact["evidence"][0]["quote"] for fact in body["items"])
    assert body["findings"] == [f.model_dump(mode="json") for f in api.case.findings]
    offenses = api.client.get(
        url, params={"kind": "offense", "limit": 1}, headers=api.auth("reviewer")
    ).json()
    assert offenses["total"] == 2 and len(offenses["items"]) == 1 and offenses["next"]
    assert (
        api.client.get(url, params={"review_state": "accepted"}, headers=api.auth("admin")).json()["total"]
        == 0
    )
    redacted = api.client.get(url, params={"kind": "subject"}, headers=api.auth("consumer")).json()["items"][
        0
    ]
    assert redacted["name"] is None and redacted["identifiers"] == [] and redacted["date_of_birth"] is None


def test_findings_and_missing_information(api: Api) -> None:
    body = api.client.get("/api/v1/cases/case-001/findings", headers=api.auth("consumer")).json()
    assert [f["outcome"] for f in body["items"]] == ["insufficient_information"]
    assert body["missing_information"] == derive.missing_information(api.case.findings)
    assert body["missing_information"] == ["certified court disposition", "sentencing record"]


def test_schema_and_health(api: Api) -> None:
    assert (
        api.client.get("/api/v1/schema/casefile", headers=api.auth("consumer")).json()
        == casefile_json_schema()
    )
    health = api.client.get("/api/v1/health", headers=api.auth("consumer")).json()
    assert health == {"status": "ok", "database": "sqlite", "migration": "0001", "schema_version": "1.0.0"}


def test_validation_errors_are_problems(api: Api) -> None:
    response = api.client.get(
        "/api/v1/cases", params={"limit": 0, "order": "random"}, headers=api.auth("admin")
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/invalid-request")
    assert {tuple(e["loc"]) for e in problem["errors"]} == {("query", "limit"), ("query", "order")}
    wrong_method = api.client.delete("/api/v1/cases", headers=api.auth("admin"))
    assert wrong_method.status_code == 405 and wrong_method.json()["status"] == 405
