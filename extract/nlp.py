"""The NLP stage: a blank Indonesian spaCy pipeline whose components only annotate.

Each concern has its own spans key (``unit``, ``predicate``, ``score``,
``date``, ``awarder``), filled by a component from the rule files; every span
carries its rule id (``span.id_``) and its exact character offsets
(``span._.exact``, since a rule may end inside a token such as ``B.``).
Sentence boundaries come from :mod:`extract.sentences`. Extraction from the
annotated Doc happens in :mod:`extract.extractors`.
"""
from __future__ import annotations

import functools
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import date_spans
from .predicates import find_awarders, find_predicates
from .scores import find_scores
from .sentences import split_sentences
from .units import find_units

SPAN_KEYS = ("unit", "predicate", "score", "date", "awarder")

if not Span.has_extension("exact"):
    Span.set_extension("exact", default=None)


def _annotate(doc: Doc, key: str, label: str, matches: Iterable[tuple[int, int, str]]) -> Doc:
    spans = []
    for start, end, rule_id in matches:
        span = doc.char_span(start, end, label=label, span_id=rule_id, alignment_mode="expand")
        if span is not None:
            span._.exact = (start, end)
            spans.append(span)
    doc.spans[key] = spans
    return doc


def _component(name: str, key: str, label: str, finder: Callable[[str], Iterable[tuple[int, int, str]]]):
    @Language.component(name)
    def component(doc: Doc) -> Doc:
        return _annotate(doc, key, label, finder(doc.text))
    return component


@Language.component("extract_sentences")
def set_sentences(doc: Doc) -> Doc:
    starts = {start for start, _ in split_sentences(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


_component("extract_units", "unit", "UNIT", lambda text: ((u.start, u.end, u.rule_id) for u in find_units(text)))
_component("extract_predicates", "predicate", "PREDICATE",
           lambda text: ((p.start, p.end, p.rule_id) for p in find_predicates(text)))
_component("extract_scores", "score", "SCORE", lambda text: ((s.start, s.end, s.rule_id) for s in find_scores(text)))
_component("extract_dates", "date", "DATE", date_spans)
_component("extract_awarders", "awarder", "AWARDER",
           lambda text: ((start, end, "awarder." + name.lower().replace(" ", "_")) for start, end, name in find_awarders(text)))

COMPONENTS = ("extract_sentences", "extract_units", "extract_predicates", "extract_scores",
              "extract_dates", "extract_awarders")


@functools.cache
def build_nlp() -> Language:
    """The pipeline, built once per process: ``spacy.blank("id")`` and our annotators."""
    nlp = spacy.blank("id")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def exact_offsets(span: Span) -> tuple[int, int]:
    return span._.exact or (span.start_char, span.end_char)
