"""Classification (DESIGN section 5): offense categories and document types, scikit-learn models.

- ``load_offense_classifier()`` / ``classify_offenses(facts)``: fill ``OffenseFact.category``.
- ``casefacts.classify.doctype.route_document(s)``: set ``Document.doc_kind``.
- ``load_taxonomy()``: offense types, categories and the flags rules read.
- ``corrections_from_casefiles`` / ``export_corrections``: reviewer labels as training rows.
- ``casefacts.classify.training.train_all``: what ``casefacts train`` runs.
"""

from casefacts.classify.corrections import corrections_from_casefiles, export_corrections, read_corrections
from casefacts.classify.doctype import load_doctype_router, route_document, route_documents
from casefacts.classify.facts import ABSTAINED_FLAG, classify_offenses, offense_input
from casefacts.classify.offense import OffenseClassifier, OffensePrediction, load_offense_classifier
from casefacts.classify.taxonomy import Category, Taxonomy, load_taxonomy, taxonomy_entry
from casefacts.classify.text import ChargeText

__all__ = [
    "ABSTAINED_FLAG", "Category", "ChargeText", "OffenseClassifier", "OffensePrediction", "Taxonomy",
    "classify_offenses", "corrections_from_casefiles", "export_corrections", "load_doctype_router",
    "load_offense_classifier", "load_taxonomy", "offense_input", "read_corrections", "route_document",
    "route_documents", "taxonomy_entry",
]
