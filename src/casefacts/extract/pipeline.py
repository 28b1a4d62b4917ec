"""The spaCy pipeline: the configured model plus the casefacts components.

``tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner`` from the model, then
``casefacts_layout`` and ``casefacts_citations`` (before the parser: sentence starts from the
page layout, none inside a statute citation), the
``casefacts_ruler`` SpanRuler (offense terms, abbreviations and cue patterns from
``extractors/``, all in ``doc.spans["casefacts"]``) and ``casefacts_context`` (ConText
modifiers). One pipeline per model name is cached: the only global state of extraction.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from casefacts.config import get_settings
from casefacts.errors import ConfigError
from casefacts.extract.citations import CITATIONS_FACTORY
from casefacts.extract.context import CONTEXT_FACTORY, SPANS_KEY
from casefacts.extract.layout import LAYOUT_FACTORY
from casefacts.extract.resources import Resources, load_resources

RULER_NAME = "casefacts_ruler"
CITATIONS_NAME = "casefacts_citations"
LAYOUT_NAME = "casefacts_layout"
CONTEXT_NAME = "casefacts_context"
META_KEY = "casefacts_extractors_dir"


# A footnote call glued to a word inside a sentence ("his conviction in Canada for fraud1 as well as", "a controlled
# substance violation.1 The"): the word and the call are two tokens. Only after four lowercase letters, so "I-94",
# "A1" and "1326(a)" stay whole.
_FOOTNOTE_SUFFIX = r"(?:(?<=[a-z]{4})|(?<=[a-z]{4}\.))\d{1,2}$"


def _split_footnote_calls(nlp: Language) -> None:
    suffixes = [*nlp.Defaults.suffixes, _FOOTNOTE_SUFFIX]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


# "re-entering" split in three ("re", "-", "entering") leaves the parser lost ("re" tagged a verb of its own, the
# object hung elsewhere); whole, it is one verb or noun and its object and dates attach to it.
_WHOLE_WORDS = ("re-enter", "re-enters", "re-entered", "re-entering", "re-entry", "re-entries")


def _keep_whole_words(nlp: Language) -> None:
    for word in _WHOLE_WORDS:
        for form in {word, word.capitalize(), word.title(), word.upper(), word.replace("-", "‐")}:  # "Re-Entry"
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def add_components(nlp: Language, resources: Resources) -> Language:
    """Add the casefacts components to ``nlp`` (a loaded model or a blank one in tests)."""
    _split_footnote_calls(nlp)
    _keep_whole_words(nlp)
    before = {"before": "parser"} if "parser" in nlp.pipe_names else {}
    nlp.add_pipe(LAYOUT_FACTORY, name=LAYOUT_NAME, **before)
    nlp.add_pipe(CITATIONS_FACTORY, name=CITATIONS_NAME, config={"extractors_dir": str(resources.directory)},
                 **before)
    ruler = nlp.add_pipe("span_ruler", name=RULER_NAME,
                         config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True})
    with nlp.select_pipes(enable=[]):  # phrase patterns need the tokenizer only
        ruler.add_patterns(list(resources.ruler_patterns))
    nlp.add_pipe(CONTEXT_FACTORY, name=CONTEXT_NAME,
                 config={"labels": resources.context["labels"], "spans_key": SPANS_KEY})
    nlp.meta[META_KEY] = str(resources.directory)
    return nlp


def _extractors_dir() -> Path:
    return Path(get_settings().extractors_dir)


@lru_cache(maxsize=2)
def _load(model_name: str, extractors_dir: Path) -> Language:
    if importlib.util.find_spec(model_name) is None and not Path(model_name).exists():
        raise ConfigError(
            f"spaCy model {model_name!r} is not installed; install its package (it is never downloaded "
            "at run time) or set CASEFACTS_SPACY_MODEL to an installed model"
        )
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise ConfigError(f"spaCy model {model_name!r} cannot be loaded: {exc}") from exc
    return add_components(nlp, load_resources(extractors_dir))


def load_pipeline(model_name: str | None = None) -> Language:
    """The configured spaCy model with the casefacts components, cached per model name."""
    return _load(model_name or get_settings().spacy_model, _extractors_dir())


def resources_for(nlp: Language) -> Resources:
    """The extraction data the pipeline's components were built from."""
    directory = nlp.meta.get(META_KEY)
    if directory is None:
        raise ConfigError("this spaCy pipeline has no casefacts components; build it with load_pipeline()")
    return load_resources(Path(directory))
