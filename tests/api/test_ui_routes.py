"""The reviewer UI's server side, without a browser (tests/ui drives it with chromium)."""

from __future__ import annotations

import html

from store.factories import make_case

from casefacts.api.auth import SESSION_COOKIE, UI_HEADER

from .conftest import Api


def login(api: Api, who: str = "reviewer", next_url: str = "/ui/queue"):
    return api.client.post(
        "/login", data={"token": api.tokens[who], "next": next_url}, follow_redirects=False
    )


def test_pages_need_a_session(api: Api) -> None:
    response = api.client.get("/ui/cases/case-001?focus=x", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fui%2Fcases%2Fcase-001%3Ffocus%3Dx"
    assert api.client.get("/login").status_code == 200


def test_login_sets_a_strict_http_only_cookie(api: Api) -> None:
    for who in ("consumer", "revoked"):
        refused = login(api, who)
        assert refused.status_code == 401 and SESSION_COOKIE not in refused.cookies
    response = login(api, next_url="https://evil.example/")
    assert response.status_code == 303 and response.headers["location"] == "/ui/queue"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert login(api, next_url="/ui/cases/case-002").headers["location"] == "/ui/cases/case-002"
    assert api.client.get("/logout", follow_redirects=False).headers["location"] == "/login"


def test_queue_and_case_pages(api: Api) -> None:
    login(api)
    api.store.record_review("case-002", api.case.facts[1].fact_id, "accept", "rita")
    queue = api.client.get("/ui/queue")
    assert queue.status_code == 200 and "default-src 'self'" in queue.headers["content-security-policy"]
    assert queue.text.index("case-002") < queue.text.index("case-001")  # urgency first
    page = api.client.get("/ui/cases/case-001").text
    quote = api.case.facts[1].evidence[0].quote
    assert f"<mark>{html.escape(quote)}</mark>" in page
    assert "certified court disposition" in page and "insufficient information" in page
    groups = [
        page.index(f'class="group">{label} ') for label in ("Subject", "Offenses", "Events", "Community ties")
    ]
    assert groups == sorted(groups)
    assert f'data-focus="{api.case.facts[0].fact_id}"' in page
    assert (
        api.client.get("/ui/next", params={"after": "case-002"}, follow_redirects=False).headers["location"]
        == "/ui/cases/case-001"
    )


def test_page_text_is_escaped(api: Api) -> None:
    case = make_case(
        "case-xss",
        letter_text="<script>alert(1)</script> two children who are U.S. citizens; "
        "entered the United States in 2004.\n",
    )
    api.store.save_case(case)
    login(api)
    page = api.client.get("/ui/cases/case-xss").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_review_action_needs_session_and_header(api: Api) -> None:
    fact_id = api.case.facts[1].fact_id
    url = f"/ui/cases/case-001/facts/{fact_id}/review"
    assert api.client.post(url, json={"action": "accept"}, headers={UI_HEADER: "1"}).status_code == 401
    login(api)
    assert api.client.post(url, json={"action": "accept"}).status_code == 403
    response = api.client.post(
        url, json={"action": "accept", "expected_version": 1}, headers={UI_HEADER: "1"}
    )
    assert response.status_code == 200
    assert response.json()["next_fact_id"] == api.case.facts[2].fact_id
    assert response.json()["review"]["facts_reviewed"] == 1
    audit = api.client.get("/ui/cases/case-001/audit").text
    assert "rita" in audit and "unreviewed" in audit and "accepted" in audit and "recompute findings" in audit
