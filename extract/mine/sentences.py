"""Split article text into sentences, aware of Indonesian abbreviations.

A sentence ends at ``.``, ``!`` or ``?`` (and a closing quote) before white
space and a capital or an opening quote, or at a line break; never after an
abbreviation from ``patterns/abbreviations.txt`` or a single initial ("H.").

>>> text = "Menteri PANRB H. Tjahjo Kumolo, S.H., hadir. Prof. Dr. Diah Natalisa bicara.\\nBaru."
>>> [text[a:b] for a, b in split_sentences(text)]
['Menteri PANRB H. Tjahjo Kumolo, S.H., hadir.', 'Prof. Dr. Diah Natalisa bicara.', 'Baru.']
"""
from __future__ import annotations

import regex

from ..rules.store import rules


_CANDIDATE = regex.compile(r"[.!?]+[”\"’)]?(?=\s+[\p{Lu}“\"‘(\d])|\n+", regex.VERSION1)
_LIST_NUMBER = regex.compile(r"(?:^|\n)[ \t]*\d{1,2}\.$", regex.VERSION1)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$", regex.VERSION1 | regex.REVERSE)   # read back from the dot


def _abbreviations() -> frozenset[str]:
    return rules().abbreviations


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation, an initial, or a list number
    at the start of a line ("1. Dinas ...")."""
    if _LIST_NUMBER.search(text, max(0, dot - 6), dot + 1):
        return True
    match = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    if not match:
        return False
    word = match.group(1).rsplit(".", 1)[-1] if "." in match.group(1) else match.group(1)
    if len(word) == 1 and word.isupper():   # an initial ("M. Anwar"), but not a grade ("meraih predikat A.")
        if _LETTER_LIST_BEFORE.search(text, max(0, dot - 40), dot - 1):
            return False                    # the last of a list of letters ("tipe A, B, dan C.")
        before = _GRADE_CUE_BEFORE.search(text, max(0, dot - 40), dot - 1)
        return before is None or before.group(1).lower() not in rules().grade_cues
    return word in _abbreviations()


_LETTER_LIST_BEFORE = regex.compile(r"\b\p{Lu}[ \t]*,[ \t]*(?:\p{Lu}[ \t]*,[ \t]*)*(?:(?:dan|atau)[ \t]+)?$", regex.VERSION1)
_GRADE_CUE_BEFORE = regex.compile(r"(\p{L}+)[ \t]+$", regex.VERSION1)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, leading and trailing white space excluded."""
    spans, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if match.group(0)[0] == "\n":
            end = match.start()
        elif match.group(0)[0] == "." and is_abbreviation(text, match.start()):
            continue
        else:
            end = match.end()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        if chunk.strip():
            a += len(chunk) - len(chunk.lstrip())
            out.append((a, a + len(text[a:b].rstrip())))
    return out
