from __future__ import annotations

import copy

import pytest
from sklearn.base import clone

from builders import document
from casefacts.classify.doctype import DocTypeClassifier, document_text, route_document, route_documents
from casefacts.classify.text import load_protected_terms
from casefacts.schema import IngestStatus, Page, Table

RAP = """STATE CRIMINAL HISTORY RECORD  SID 12345  FBI NO 998877
ARREST DATE 2015-02-01 AGENCY CITY PD CHARGE POSS CS DISPOSITION CONVICTED
ARREST DATE 2018-07-09 AGENCY COUNTY SO CHARGE DUI DISPOSITION DISMISSED"""
LETTER = """Dear Judge, I am writing on behalf of my brother. He has worked at our family bakery for ten
years and takes care of our mother. Please consider his family. Sincerely, Ana"""


def test_router_follows_sklearn_conventions():
    model = DocTypeClassifier(threshold=0.4)
    assert clone(model).get_params() == model.get_params()
    assert not [name for name in vars(model) if name.endswith("_")]


def test_routes_clear_documents(router):
    docs = [document(RAP, "rap"), document(LETTER, "letter")]
    routed = route_documents(docs, router)
    assert [d.doc_kind for d in routed] == ["rap_sheet", "support_letter"]
    assert all(d.doc_kind_probability >= router.threshold for d in routed)
    assert docs[0].doc_kind == "other"  # copies; the inputs are unchanged


def test_documents_not_ingested_ok_pass_through_as_other(router):
    quarantined = document(RAP, "bad").model_copy(
        update={"ingest_status": IngestStatus(status="quarantined", reason="encrypted"), "doc_kind": "rap_sheet"})
    routed = route_documents([quarantined], router)[0]
    assert (routed.doc_kind, routed.doc_kind_probability) == ("other", None)
    assert route_document(document("  ... 12 ", "empty"), router) == ("other", 0.0)


def test_low_confidence_abstains_to_other(router):
    strict = copy.deepcopy(router).set_params(threshold=1.01)
    kind, probability = strict.route([RAP])[0]
    assert kind == "other" and probability < 0.5


def test_tables_are_part_of_the_routed_text():
    doc = document("header", "t").model_copy(update={"pages": [
        Page(number=1, text="header", tables=[Table(index=0, rows=[["CHARGE", None, "DISPOSITION"]])])]})
    assert document_text(doc) == "header\nCHARGE  DISPOSITION"


def test_router_vocabulary_holds_no_protected_term(router):
    vocabulary = router.pipeline_.named_steps["features"].get_feature_names_out()
    protected = load_protected_terms()
    assert not [term for term in vocabulary for token in term.split() if token in protected]


@pytest.mark.slow
def test_fixture_accuracy_target(router, repo_root):
    from casefacts.classify.evaluation import doctype_metrics

    metrics = doctype_metrics(router, repo_root / "fixtures" / "cases")
    assert metrics["n"] >= 100
    assert metrics["accuracy"] >= 0.97
