"""A list naming the members of a group an earlier sentence counted: "Lima wali kota mendapat
penghargaan sebagai pembina pelayanan publik. [...] Kelima Wali Kota dimaksud adalah Wali Kota
Makassar, Walikota Yogyakarta, ..." gives each listed unit the earlier sentence's result.

The list's opening is a cue of kind group (``patterns/claims.tsv``): a collective number ("kelima",
"ke-5") and the group's noun. The earlier sentence is the nearest before it, among the few before,
that states a result and counts the same number of the same noun ("lima wali kota", "5 wali kota").
"""
from __future__ import annotations

import regex

from ..records import Mention
from ..rules.store import Rules, current, derived
from .cues import cue_patterns
from .pairing import Span, live_predicates

LOOK_BACK = 6   # sentences before the list in which its group may have been counted


@derived
def _counts(rules: Rules) -> dict[int, tuple[str, ...]]:
    """Each number -> the words and numerals that count it ("lima", "5"), from ``patterns/ordinals.tsv``
    without its ordinal words (ke-, pertama) and Roman numerals."""
    counts: dict[int, list[str]] = {}
    for word, number in rules.ordinals.items():
        if not word.lower().startswith("ke") and word.lower() != "pertama" and not regex.fullmatch(r"[IVX]+", word):
            counts.setdefault(number, []).append(word)
    return {number: tuple(words) for number, words in counts.items()}


def group_opening(text: str, sentence: Span, rules: Rules | None = None) -> tuple[int, str, int] | None:
    """(number, noun, where the members begin) when the sentence opens with a counted group's list.

    >>> group_opening("Ketiga kabupaten tersebut adalah Sleman, Bantul dan Kulon Progo.", Span(0, 64))
    (3, 'kabupaten', 33)
    """
    ordinals = (rules if rules is not None else current()).ordinals
    for pattern in cue_patterns(rules=rules)["group"]:
        match = pattern.search(text, sentence.start, sentence.end)
        if match is None or regex.search(r"\w", text[sentence.start:match.start()]):
            continue
        ordinal = match["ordinal"].lower()       # "kelima" is in ordinals.tsv; "ke-5" by its numeral
        number = ordinals.get(ordinal) or ordinals.get(regex.sub(r"^ke-?", "", ordinal))
        if number:
            return number, match["noun"].lower(), match.end()
    return None


def counted_result(text: str, sentences: list[Span], index: int, number: int, noun: str,
                   rules: Rules | None = None) -> Mention | None:
    """The result of the nearest sentence before ``index`` that counts ``number`` of ``noun``."""
    words = "|".join(regex.escape(w) for w in _counts(rules=rules).get(number, ()))
    counted = regex.compile(r"(?<![\p{L}\p{N}])(?:" + words + r")\s+" + regex.escape(noun) + r"\b", regex.IGNORECASE)
    for earlier in reversed(sentences[max(0, index - LOOK_BACK):index]):
        results = live_predicates(text, earlier)
        if results and counted.search(text, earlier.start, earlier.end):
            return results[0]
    return None
