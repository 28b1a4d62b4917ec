"""A reviewer works through a case with the keyboard only, in Debian's chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from store.factories import fake_rules

from casefacts.schema import OffenseFact

from .conftest import LiveApp

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def fact_card(page, fact_id: str):  # noqa: ANN001, ANN201 - playwright objects
    return page.locator(f'article[data-fact-id="{fact_id}"]')


def test_review_a_case_without_the_mouse(browser, live_app: LiveApp, repo_root: Path) -> None:  # noqa: ANN001
    subject, burglary, drugs, tie, entry = (f.fact_id for f in live_app.case.facts)
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    keys = page.keyboard

    # Log in: the token field has the focus.
    page.goto(f"{live_app.url}/ui/queue")
    page.wait_for_url("**/login?next=*")
    expect(page.locator("#token")).to_be_focused()  # typed too early, keys would be lost under load
    keys.type(live_app.token)
    keys.press("Enter")
    page.wait_for_url("**/ui/queue")

    # The queue: the first row is selected; j/k move, Enter opens.
    assert page.locator("tr.selected").get_attribute("data-case-id") == "case-001"
    keys.press("j")
    assert page.locator("tr.selected").get_attribute("data-case-id") == "case-002"
    keys.press("k")
    keys.press("Enter")
    page.wait_for_url("**/ui/cases/case-001*")

    # The first unreviewed fact is selected, its evidence span highlighted beside it.
    assert page.locator("article.fact.selected").get_attribute("data-fact-id") == subject
    quote = live_app.case.facts[1].evidence[0].quote
    assert fact_card(page, burglary).locator("mark").inner_text() == quote
    assert page.locator("#missing li").all_inner_texts() == [
        "☐ certified court disposition",
        "☐ sentencing record",
    ]
    assert page.locator(".finding").get_attribute("data-outcome") == "insufficient_information"

    def wait_for_state(fact_id: str, state: str) -> None:
        page.wait_for_selector(f'article[data-fact-id="{fact_id}"].state-{state}')

    keys.press("?")
    assert page.locator("#help").is_visible()
    keys.press("Escape")
    assert not page.locator("#help").is_visible()

    keys.press("a")  # accept the subject identifiers
    wait_for_state(subject, "accepted")
    assert page.locator("article.fact.selected").get_attribute("data-fact-id") == burglary
    keys.press("a")  # accept the conviction: the findings follow
    wait_for_state(burglary, "accepted")
    assert page.locator(".finding").get_attribute("data-outcome") == "met"

    # Correct the dismissed charge: e, move to the disposition, choose, Enter, give a reason.
    assert page.locator("article.fact.selected").get_attribute("data-fact-id") == drugs
    keys.press("e")
    for _ in range(3):
        keys.press("Tab")
    assert page.evaluate("document.activeElement.name") == "disposition"
    keys.type("pleaded")
    keys.press("Enter")
    assert page.evaluate("document.activeElement.name") == "reason"
    keys.type("docket shows a guilty plea")
    keys.press("Enter")
    wait_for_state(drugs, "corrected")
    assert "pleaded_guilty" in fact_card(page, drugs).inner_text()
    assert "v2" in fact_card(page, drugs).inner_text()

    # Reject the tie with a reason; move back and forth; accept the entry.
    assert page.locator("article.fact.selected").get_attribute("data-fact-id") == entry
    keys.press("j")
    assert page.locator("article.fact.selected").get_attribute("data-fact-id") == tie
    keys.press("r")
    keys.type("letter is unsigned")
    keys.press("Enter")
    wait_for_state(tie, "rejected")
    assert page.locator("article.fact.selected").get_attribute("data-fact-id") == entry
    keys.press("a")
    wait_for_state(entry, "accepted")
    assert "5/5 reviewed · reviewed" in page.locator("#progress").inner_text()

    # Findings recomputed from the accepted facts, as the rules give them for the stored case.
    stored = live_app.store.get_case("case-001")
    assert stored.findings == fake_rules(stored)
    assert stored.findings[0].fact_ids == [burglary, drugs]
    assert page.locator(".finding .uses a").all_inner_texts() == [
        "BURGLARY 2ND DEGREE",
        "POSSESSION CONTROLLED SUBSTANCE",
    ]
    assert [a.get_attribute("href") for a in page.locator(".finding .uses a").all()] == [
        f"#fact-{burglary}",
        f"#fact-{drugs}",
    ]
    assert page.locator("#missing li").all_inner_texts() == ["Nothing listed by the findings."]
    drugs_now = next(f for f in stored.facts if f.fact_id == drugs)
    assert isinstance(drugs_now, OffenseFact) and drugs_now.disposition == "pleaded_guilty"
    assert [v.fact.version for v in live_app.store.fact_versions("case-001", drugs)] == [1, 2]

    out = repo_root / "test-artifacts" / "review-case.png"
    out.parent.mkdir(exist_ok=True)
    keys.press("k")
    page.screenshot(path=str(out))

    # The audit log: every action with its user, time, before and after.
    keys.press("l")
    page.wait_for_url("**/ui/cases/case-001/audit")
    rows = page.locator("table.audit-log tbody tr")
    actions = rows.locator("td:nth-child(3)").all_inner_texts()
    assert actions.count("accept") == 3 and actions.count("correct") == 1 and actions.count("reject") == 1
    assert "recompute findings" in actions
    correct_row = rows.filter(has_text="docket shows a guilty plea")
    assert "rita" in correct_row.inner_text()
    assert "dismissed" in correct_row.locator("del").all_inner_texts()
    assert "pleaded_guilty" in correct_row.locator("ins").all_inner_texts()
    log = live_app.store.audit_log("case-001").items
    assert {entry.user for entry in log if entry.action in ("accept", "correct", "reject")} == {"rita"}
    keys.press("b")
    page.wait_for_url("**/ui/cases/case-001*")
    keys.press("n")  # next case in the queue
    page.wait_for_url("**/ui/cases/case-002")

    assert errors == []
    context.close()
