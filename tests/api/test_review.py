from __future__ import annotations

from .conftest import Api


def review_url(api: Api, index: int) -> str:
    return f"/api/v1/cases/case-001/facts/{api.case.facts[index].fact_id}/review"


def test_accept_recomputes_findings_and_is_audited(api: Api) -> None:
    response = api.client.post(review_url(api, 1), json={"action": "accept"}, headers=api.auth("reviewer"))
    assert response.status_code == 200
    body = response.json()
    assert body["fact"]["review_state"] == "accepted"
    assert [f["outcome"] for f in body["findings"]] == ["met"]
    assert body["review"]["facts_reviewed"] == 1
    audit = api.client.get("/api/v1/cases/case-001/audit", headers=api.auth("reviewer")).json()
    assert [e["action"] for e in audit["items"]] == ["recompute_findings", "accept", "create_case"]
    assert audit["items"][1]["user"] == "rita"
    assert audit["items"][1]["before"]["review_state"] == "unreviewed"
    everything = api.client.get("/api/v1/audit", params={"limit": 2}, headers=api.auth("admin")).json()
    assert everything["total"] > 3 and len(everything["items"]) == 2 and everything["next"]


def test_correct_creates_a_version(api: Api) -> None:
    body = {
        "action": "correct",
        "reason": "plea on docket",
        "new_values": {"disposition": "pleaded_guilty"},
        "expected_version": 1,
    }
    response = api.client.post(review_url(api, 2), json=body, headers=api.auth("admin"))
    assert response.status_code == 200 and response.json()["fact"]["version"] == 2
    versions = api.client.get(
        review_url(api, 2).replace("/review", "/versions"), headers=api.auth("reviewer")
    ).json()
    assert [(v["fact"]["version"], v["fact"]["disposition"], v["is_current"]) for v in versions["items"]] == [
        (1, "dismissed", False),
        (2, "pleaded_guilty", True),
    ]
    stale = api.client.post(
        review_url(api, 2), json={"action": "accept", "expected_version": 1}, headers=api.auth("reviewer")
    )
    assert stale.status_code == 409 and stale.json()["type"].endswith("/stale-version")


def test_bad_reviews_are_problems(api: Api) -> None:
    missing_reason = api.client.post(
        review_url(api, 1), json={"action": "reject"}, headers=api.auth("reviewer")
    )
    assert missing_reason.status_code == 422
    assert missing_reason.json()["type"].endswith("/invalid-request")
    assert missing_reason.json()["errors"][0]["loc"] == ["body", "reject", "reason"]
    blank = api.client.post(
        review_url(api, 1), json={"action": "reject", "reason": "   "}, headers=api.auth("reviewer")
    )
    assert blank.status_code == 422
    bad_values = api.client.post(
        review_url(api, 1),
        json={"action": "correct", "reason": "typo", "new_values": {"disposition": "maybe"}},
        headers=api.auth("reviewer"),
    )
    assert bad_values.status_code == 422 and bad_values.json()["type"].endswith("/invalid-review")
    assert "disposition" in bad_values.json()["detail"]
    unknown = api.client.post(review_url(api, 1), json={"action": "approve"}, headers=api.auth("reviewer"))
    assert unknown.status_code == 422 and unknown.json()["type"].endswith("/invalid-request")
    extra = api.client.post(
        review_url(api, 1), json={"action": "accept", "by": "me"}, headers=api.auth("reviewer")
    )
    assert extra.status_code == 422
    no_fact = api.client.post(
        "/api/v1/cases/case-001/facts/nope/review", json={"action": "accept"}, headers=api.auth("reviewer")
    )
    assert no_fact.status_code == 404
    assert api.store.get_case("case-001").review.facts_reviewed == 0
