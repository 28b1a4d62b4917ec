from builders import document, event, offense, subject, tie
from casefacts.evaluate import Counts, score_document
from casefacts.gold import GoldDocument


def _gold(*facts: dict) -> GoldDocument:
    return GoldDocument.model_validate({"file": "d.txt", "doc_kind": "rap_sheet", "facts": list(facts)})


def test_counts_precision_recall_f1():
    c = Counts(tp=8, fp=2, fn=8)
    assert (c.precision, c.recall) == (0.8, 0.5)
    assert abs(c.f1 - 2 * 0.8 * 0.5 / 1.3) < 1e-12


def test_offense_matching_scores_disposition_and_attribution_separately():
    gold = _gold(
        {"kind": "offense", "charge": "BURG 2ND DEG", "disposition": "convicted", "custody_days": 365},
        {"kind": "offense", "charge": "robbery", "disposition": "convicted",
         "about": {"who": "other", "relation": "brother"}},
        {"kind": "offense", "charge": "DUI", "disposition": "dismissed"},
    )
    pred = [
        offense("BURG 2ND DEG", "pleaded_guilty", sentence={"custody_days": 365, "text": "365D"}),
        offense("robbery", "convicted", who="subject"),  # a brother's offense given to the subject
        offense("PETIT LARC", "convicted"),
    ]
    score = score_document(gold, document(), pred)
    counts = score.counts["offense"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 2)
    assert (score.accuracies["disposition"].right, score.accuracies["disposition"].total) == (0, 1)
    assert (score.accuracies["attribution"].right, score.accuracies["attribution"].total) == (1, 2)
    assert score.accuracies["sentence"].value == 1.0
    assert any("missed offense 'DUI'" in e for e in score.errors)


def test_negated_predictions_are_not_scored_and_dates_are_a_multiset():
    gold = _gold({"kind": "event", "event_type": "removal", "date": "2019-03"},
                 {"kind": "event", "event_type": "entry", "date": "2015"})
    pred = [event("removal", "2019-03"), event("entry", "2016"), event("arrest", "2010", status="negated")]
    score = score_document(gold, document(), pred)
    assert (score.counts["event"].tp, score.counts["event"].fp, score.counts["event"].fn) == (2, 0, 0)
    assert (score.counts["date"].tp, score.counts["date"].fp, score.counts["date"].fn) == (1, 1, 1)


def test_ties_match_on_kind_and_family_relation_and_score_details():
    gold = _gold({"kind": "community_tie", "tie_kind": "family",
                  "details": {"relation": "child", "status": "us_citizen", "count": 3}},
                 {"kind": "community_tie", "tie_kind": "residence", "details": {"since": 2005}})
    pred = [tie("family", relation="child", status="us_citizen", count=2), tie("family", relation="spouse"),
            tie("residence", since=2005)]
    score = score_document(gold, document(), pred)
    assert (score.counts["community_tie"].tp, score.counts["community_tie"].fp) == (2, 1)
    assert (score.accuracies["tie_details"].right, score.accuracies["tie_details"].total) == (3, 4)


def test_subject_items_count_repeated_mentions_once():
    gold = _gold({"kind": "subject", "name": "Ana Diaz", "date_of_birth": "1980-02-03",
                  "identifiers": {"a_number": "A012345678"}})
    pred = [subject("ANA DIAZ", "1980-02-03"), subject("Ana Diaz", a_number="A012345678")]
    score = score_document(gold, document(), pred)
    assert (score.counts["subject"].tp, score.counts["subject"].fp, score.counts["subject"].fn) == (3, 0, 0)
    assert score.counts["date"].tp == 1


def test_wrong_ingest_status_is_an_error():
    gold = GoldDocument(file="x.pdf", doc_kind="other", expect_status="quarantined")
    score = score_document(gold, document(), [])
    assert score.accuracies["ingest_status"].value == 0.0
