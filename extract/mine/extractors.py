"""Extractors: pure functions from an annotated Doc to small records.

The components have found and normalised every match (:mod:`extract.mine.factories`); extraction
reads each spans key into :class:`~extract.records.Mention` records with the exact character
offsets into the article text and the id of the rule that matched. Nothing returned holds a
spaCy object.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Mention, Quote
from .components import found_of, text_of

MENTION_KEYS = ("unit", "predicate", "score", "awarder", "date")


def extract_mentions(doc: Doc, key: str, article_id: str) -> list[Mention]:
    """The mentions of one spans key, in the order the component found them."""
    text, found = text_of(doc), []
    for span in doc.spans[key]:
        match = found_of(span)
        found.append(Mention(article_id, span.label_, text[match.start:match.end], match.start, match.end,
                             match.rule_id, value=match.value, value_num=match.value_num,
                             value_date=match.value_date, precision=match.precision))
    return found


def predicate_schemes(doc: Doc) -> dict[tuple[int, int], tuple[str, str | None]]:
    """(start, end) of each predicate -> its scheme and grade, as the predicate component read them."""
    return {(span._.exact_start, span._.exact_end): (span._.scheme, span._.grade) for span in doc.spans["predicate"]}


def extract_quotes(doc: Doc, article_id: str) -> tuple[list[Quote], list[Mention]]:
    """Quotes and, for each distinct speaker mention, an OFFICIAL mention."""
    quotes, officials, seen = [], [], set()
    text = text_of(doc)
    for q in doc.user_data.get("extract", {}).get("quotes", []):
        quotes.append(Quote(article_id, q.speaker, q.speaker_text, q.role, q.quote, q.direct, q.cue, q.start, q.end))
        if q.speaker_start < q.speaker_end and text[q.speaker_start:q.speaker_end] == q.speaker_text \
                and (q.speaker_start, q.speaker_end) not in seen:
            seen.add((q.speaker_start, q.speaker_end))
            officials.append(Mention(article_id, "OFFICIAL", q.speaker_text, q.speaker_start, q.speaker_end,
                                     "official." + ("direct" if q.direct else "reported"), value=q.speaker))
    return quotes, officials
