"""Extractors: pure functions from an annotated Doc to small records.

Each reads one spans key of the NLP stage, normalises what it finds, and
returns :class:`~extract.records.Mention` records with exact character offsets
into the article text and the id of the rule that matched. Nothing returned
holds a spaCy object.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .dates import normalise_candidate
from .nlp import matches, sentence_offsets, text_of
from .predicates import awarder_of, describe, scheme_evidence
from .quotes import find_quotes
from ..records import Mention, Quote
from .scores import parse_decimal
from .units import canonical_unit


def _spans(doc: Doc, key: str):
    text = text_of(doc)
    for start, end, rule_id in matches(doc, key):
        yield text[start:end], start, end, rule_id


def extract_units(doc: Doc, article_id: str) -> list[Mention]:
    return [Mention(article_id, "UNIT", text, start, end, rule_id, value=canonical_unit(text))
            for text, start, end, rule_id in _spans(doc, "unit")]


def extract_predicates(doc: Doc, article_id: str) -> list[Mention]:
    """Predicates with their scheme; a phrase shared by schemes goes to the one its sentence, else its
    article, names most ("zona hijau" in a KPK MCP story is an MCP zone)."""
    article_text = text_of(doc)
    article_evidence = scheme_evidence(article_text)
    sentences = sentence_offsets(doc)
    by_sentence: dict[tuple[int, int], dict[str, int]] = {}
    found = []
    for text, start, end, rule_id in _spans(doc, "predicate"):
        sentence = next(((a, b) for a, b in sentences if a <= start < b), (start, end))
        if sentence not in by_sentence:
            by_sentence[sentence] = scheme_evidence(article_text, *sentence)
        described = describe(text, rule_id, by_sentence[sentence] or article_evidence)
        if described:
            scheme, label, grade = described
            found.append(Mention(article_id, "PREDICATE", text, start, end, rule_id, value=label,
                                 extra={"scheme": scheme, "grade": grade}))
    return found


def extract_scores(doc: Doc, article_id: str) -> list[Mention]:
    found = []
    for text, start, end, rule_id in _spans(doc, "score"):
        value = parse_decimal(text)
        if value is not None:
            found.append(Mention(article_id, "SCORE", text, start, end, rule_id, value=f"{value:g}", value_num=value))
    return found


def extract_dates(doc: Doc, article_id: str, published: dt.date | None) -> list[Mention]:
    found = []
    for text, start, end, rule_id in _spans(doc, "date"):
        resolved = normalise_candidate(text, rule_id, published)
        if resolved:
            date, precision = resolved
            value = date.isoformat() if precision == "day" else date.isoformat()[:7] if precision == "month" else str(date.year)
            found.append(Mention(article_id, "DATE", text, start, end, rule_id, value=value,
                                 value_date=date, precision=precision))
    return found


def extract_awarders(doc: Doc, article_id: str) -> list[Mention]:
    return [Mention(article_id, "AWARDER", text, start, end, rule_id, value=awarder_of(text))
            for text, start, end, rule_id in _spans(doc, "awarder")]


def extract_quotes(doc: Doc, article_id: str) -> tuple[list[Quote], list[Mention]]:
    """Quotes and, for each distinct speaker mention, an OFFICIAL mention."""
    quotes, officials, seen = [], [], set()
    text = text_of(doc)
    for q in find_quotes(text, sentence_offsets(doc)):
        quotes.append(Quote(article_id, q.speaker, q.speaker_text, q.role, q.quote, q.direct, q.cue, q.start, q.end))
        if q.speaker_start < q.speaker_end and text[q.speaker_start:q.speaker_end] == q.speaker_text \
                and (q.speaker_start, q.speaker_end) not in seen:
            seen.add((q.speaker_start, q.speaker_end))
            officials.append(Mention(article_id, "OFFICIAL", q.speaker_text, q.speaker_start, q.speaker_end,
                                     "official." + ("direct" if q.direct else "reported"), value=q.speaker))
    return quotes, officials
