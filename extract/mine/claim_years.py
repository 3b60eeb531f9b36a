"""The evaluation year of a sentence and of an article: "tahun 2021", "pada 2021", a scheme's round
("IGA 2022"), a year right after a predicate, else the year the article's evaluation sentences name most."""
from __future__ import annotations

import collections

import regex

from ..rules.store import memo
from .cues import cue_in, cue_patterns
from .pairing import Span
from .schemes import scheme_evidence, scheme_name_ends

_ANY_YEAR = regex.compile(r"(?:19|20)\d\d")
BARE_YEAR = regex.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_YEAR_AFTER = regex.compile(r"\s+(?:(?i:tahun)\s+)?(?P<year>(?:19|20)\d{2})(?!\d)", regex.VERSION1)


@memo(256)   # the sentences of the article at hand
def _year_in(text: str, start: int, end: int, predicate_ends: tuple[int, ...], published_year: int | None) -> int | None:
    return _year(text, Span(start, end), published_year, predicate_ends)


def _year(text: str, span: Span, published_year: int | None, predicate_ends: tuple[int, ...] = ()) -> int | None:
    """The evaluation year a span names: "tahun 2021", "pada 2021", a scheme's round ("IGA 2022"),
    or a year right after a predicate ("WBBM 2021")."""
    found = [m for pattern in cue_patterns()["year"] for m in pattern.finditer(text, span.start, span.end)]
    found += [m for end in [*scheme_name_ends(text, span.start, span.end), *predicate_ends]
              if (m := _YEAR_AFTER.match(text, end))]
    for match in sorted(found, key=lambda m: m.start()):
        year = int(match.group("year"))
        if published_year is None or year <= published_year:
            return year
    return None


def sentence_year(text: str, sentence: Span, published_year: int | None) -> int | None:
    """The year a sentence names, computed once per sentence of an article."""
    return _year_in(text, sentence.start, sentence.end, tuple(p.end for p in sentence.predicates), published_year)


def article_year(text: str, sentences: list[Span], published_year: int | None) -> int | None:
    counts = collections.Counter()
    for sentence in sentences:   # the title, and sentences with a predicate, an award or a scheme's name
        words = text[sentence.start:sentence.end]
        if not _ANY_YEAR.search(words) or cue_in("superseded", words):
            continue            # no year, or an earlier result's year ("sebelumnya ... pada 2021")
        if sentence.start == 0 or sentence.predicates or cue_in("award", words) \
                or scheme_evidence(text, sentence.start, sentence.end):
            year = sentence_year(text, sentence, published_year)
            if year:
                counts[year] += 1
    return counts.most_common(1)[0][0] if counts else None
