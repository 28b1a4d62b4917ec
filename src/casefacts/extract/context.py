"""ConText for record text: which facts a negation or hypothetical cue modifies.

As in medspaCy's ConText, cues are spans (here from the ``SpanRuler``, labels configured in
``extractors/context.yaml``) with a category and a direction; a cue's scope runs from the cue
in its direction until the sentence ends, a terminator cue, or ``max_scope`` tokens. A forward
negation also stays inside the cue's clause: the subtree of the token the cue attaches to, so
"has no criminal record and works as a mechanic" negates the record, not the work; a
hypothetical runs on ("If he were deported, his children would ..."), except from a to-infinitive,
whose clause bounds it ("wanted ... to face murder charges, was deported"). A pseudo
cue ("not guilty", "no contest") cancels the cues it overlaps.

The component stores the modifiers on ``doc._.modifiers`` (as tuples: docs must serialize for
``nlp.pipe(n_process=2)``); :func:`modifiers_for` answers which of them cover a token range.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple, dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "casefacts"
CONTEXT_FACTORY = "casefacts_context_v1"

if not Doc.has_extension("modifiers"):
    Doc.set_extension("modifiers", default=None)


@dataclass(frozen=True)
class Modifier:
    """A cue and the token range it modifies."""

    category: str  # negated or hypothetical
    cue: str
    cue_start: int
    cue_end: int
    scope_start: int
    scope_end: int

    def covers(self, start: int, end: int) -> bool:
        """Whether the token range [start, end) lies in the scope (its first token suffices); a cue inside the
        range is part of its words ("driving without insurance"), not a modifier of it."""
        return self.scope_start <= start < self.scope_end and not (self.cue_start <= start < self.cue_end) \
            and not start <= self.cue_start < end


def _clause_root(token: Any) -> Any:
    """The token whose subtree is the cue's clause: the head of the word the cue modifies."""
    head = token.head
    if token.dep_ in ("det", "neg", "advmod", "aux", "auxpass", "mark", "amod", "prep", "cc", "preconj") \
            and head is not token:
        return head
    return token


def compute_modifiers(doc: Doc, labels: Mapping[str, Mapping[str, Any]], spans_key: str = SPANS_KEY,
                      use_syntax: bool = True) -> list[Modifier]:
    """The modifiers of ``doc``'s cue spans (pure; the component stores the result)."""
    spans = list(doc.spans[spans_key]) if spans_key in doc.spans else []
    pseudo = [s for s in spans if labels.get(s.label_, {}).get("category") == "pseudo"]
    terminators = sorted(s.start for s in spans if labels.get(s.label_, {}).get("category") == "terminate")
    sentence_of = _sentence_index(doc)
    modifiers: list[Modifier] = []
    for span in spans:
        config = labels.get(span.label_)
        if not config or config.get("category") not in ("negated", "hypothetical"):
            continue
        if any(p.start <= span.start < p.end or span.start <= p.start < span.end for p in pseudo):
            continue
        if any(o is not span and o.label_ == span.label_ and o.start <= span.start and span.end <= o.end
               and (o.end - o.start) > (span.end - span.start) for o in spans):
            continue  # a longer cue of the same label holds this one ("no prior" over "no")
        modifiers.append(_scope(doc, span, sentence_of[span.start], config, terminators, use_syntax))
    return modifiers


def _sentence_index(doc: Doc) -> list[Span]:
    """The sentence of every token (the whole doc when nothing set sentence boundaries)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [doc[:]] * len(doc)
    index: list[Span] = []
    for sent in doc.sents:
        index.extend([sent] * len(sent))
    return index


def _scope(doc: Doc, cue: Span, sent: Span, config: Mapping[str, Any], terminators: list[int],
           use_syntax: bool) -> Modifier:
    max_scope = int(config.get("max_scope", 10))
    if config.get("direction") == "backward":
        start = max(sent.start, cue.start - max_scope)
        for t in terminators:
            if start <= t < cue.start:
                start = t + 1
        return Modifier(config["category"], cue.text, cue.start, cue.end, start, cue.start)
    start = cue.end
    if use_syntax and config["category"] == "hypothetical" and doc.has_annotation("DEP"):
        start = max(start, _presupposed_subject_end(cue))  # the scope's length counts from where it starts
    end = min(sent.end, start + max_scope)
    for t in terminators:
        if start <= t < end:
            end = t
            break
    if use_syntax and config["category"] == "negated" and doc.has_annotation("DEP"):
        root = _clause_root(cue.root)
        end = min(end, max(root.right_edge.i + 1, cue.end))
        for token in doc[cue.end:end]:  # "no record and works as ...": a new verb ends the scope
            if token.dep_ == "cc" and token.i + 1 < end and doc[token.i + 1].tag_ in ("VBZ", "VBD", "VBP"):
                end = token.i
                break
    if use_syntax and config["category"] == "hypothetical" and doc.has_annotation("DEP") and _infinitive(cue.root):
        end = min(end, max(cue.root.right_edge.i + 1, cue.end))  # "wanted at home to face charges ... was deported"
    return Modifier(config["category"], cue.text, cue.start, cue.end, start, max(start, end))


def _presupposed_subject_end(cue: Span) -> int:
    """ "whether his 1999 Nevada conviction for drug possession is an aggravated felony": the question is what a
    possessed subject is, not whether it exists; the scope starts after that subject."""
    root = cue.root
    if root.lower_ != "whether" or root.dep_ != "mark":
        return cue.end
    for subject in (c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > root.i):
        if any(c.dep_ == "poss" for c in subject.children):
            return subject.right_edge.i + 1
    return cue.end


def _infinitive(token: Any) -> bool:
    """A verb in a to-infinitive clause ("to face charges"): its hypothesis stays in that clause."""
    return token.pos_ == "VERB" and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in token.children)


def doc_modifiers(doc: Doc) -> list[Modifier]:
    """The modifiers the component stored (as tuples, so that docs cross process boundaries)."""
    return [Modifier(*values) for values in doc._.modifiers or []]


def modifiers_for(doc: Doc, start: int, end: int) -> list[Modifier]:
    """The modifiers whose scope covers the token range [start, end)."""
    return [m for m in doc_modifiers(doc) if m.covers(start, end)]


class ContextComponent:
    """spaCy component: computes ``doc._.modifiers`` from the ruler's cue spans."""

    def __init__(self, labels: Mapping[str, Mapping[str, Any]], spans_key: str = SPANS_KEY) -> None:
        self.labels = dict(labels)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc._.modifiers = [astuple(m) for m in compute_modifiers(doc, self.labels, self.spans_key)]
        return doc


@Language.factory(CONTEXT_FACTORY, default_config={"labels": {}, "spans_key": SPANS_KEY})
def make_context(nlp: Language, name: str, labels: dict[str, dict[str, Any]], spans_key: str) -> ContextComponent:
    return ContextComponent(labels, spans_key)
