"""ConText: negation stays in its clause, hypotheses run on, pseudo cues cancel."""

from __future__ import annotations

from casefacts.extract.context import modifiers_for


def _covers(nlp, text: str, word: str) -> set[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return {m.category for m in modifiers_for(doc, token.i, token.i + 1)}


def test_negation_in_its_clause_only(nlp) -> None:
    text = "He has no criminal record and works as a mechanic."
    assert _covers(nlp, text, "record") == {"negated"}
    assert _covers(nlp, text, "mechanic") == set()


def test_never_arrested(nlp) -> None:
    assert _covers(nlp, "She was never arrested for anything.", "arrested") == {"negated"}


def test_not_guilty_is_no_negation(nlp) -> None:
    assert _covers(nlp, "He was found not guilty of robbery.", "robbery") == set()


def test_not_until_a_time_is_no_negation(nlp) -> None:
    assert _covers(nlp, "Williams was not arrested for illegal reentry until 2010.", "reentry") == set()
    assert _covers(nlp, "Williams was not arrested for illegal reentry.", "reentry") == {"negated"}


def test_conditional_covers_the_whole_sentence(nlp) -> None:
    text = "If Jorge were deported, his children would lose their main provider."
    assert "hypothetical" in _covers(nlp, text, "children")
    assert "hypothetical" in _covers(nlp, text, "deported")


def test_modal_future(nlp) -> None:
    assert "hypothetical" in _covers(nlp, "He may be prosecuted for illegal reentry.", "reentry")


def test_the_month_may_is_no_modal(extract) -> None:
    text = ("He was released.\n\nMay 9, Moran was again arrested by the police for unlawful contact with a minor, "
            "corruption of minors, and reckless endangerment of another person.")  # the tagger reads "May" as MD
    statuses = {f.charge: f.status for f in extract(text) if f.kind == "offense"}
    assert statuses and set(statuses.values()) == {"affirmed"}


def test_failing_to_show_a_thing_negates_it_but_not_a_clause(nlp) -> None:
    assert _covers(nlp, "The judge found that he had failed to show rehabilitation.", "rehabilitation") == {"negated"}
    text = "She failed to demonstrate that her two citizen children will suffer hardship."
    assert "negated" not in _covers(nlp, text, "children")


def test_a_hypothesis_in_a_to_infinitive_stays_in_it(nlp) -> None:
    text = "A man wanted in his home country to face a long prison term was deported from the United States today."
    assert "hypothetical" in _covers(nlp, text, "term")
    assert "hypothetical" not in _covers(nlp, text, "deported")


def test_facing_charges_is_no_hypothesis_but_facing_a_penalty_is(nlp) -> None:
    assert _covers(nlp, "He was wanted at home to face murder charges.", "murder") == set()
    assert "hypothetical" in _covers(nlp, "He faces up to 10 years in prison for burglary.", "burglary")


def test_an_announced_charge_is_no_hypothesis(nlp) -> None:
    """A release saying the person "will be charged with" a crime announces the charge."""
    text = "This subject will be criminally charged with re-entry of an aggravated felon."
    assert _covers(nlp, text, "re-entry") == set()
    assert "hypothetical" in _covers(nlp, "He will face up to 20 years for re-entry.", "years")


def test_whether_a_possessed_conviction_is_something_presupposes_it(nlp) -> None:
    text = "His appeal presents the question of whether his 1999 Nevada conviction for drug possession is a felony."
    assert "hypothetical" not in _covers(nlp, text, "possession")
    assert "hypothetical" in _covers(nlp, text, "felony")
    assert "hypothetical" in _covers(nlp, "The court asked whether he was convicted of theft.", "theft")
    long_subject = ("The issue is whether the respondent's Nevada conviction for attempted possession of stolen "
                    "property is a conviction for an attempted theft offense within the definition of a felony.")
    assert "hypothetical" in _covers(nlp, long_subject, "theft")  # the scope runs from the subject's end
