"""Tell an article's language by the share of each language's function words.

>>> detect_language("Kementerian Sosial meraih predikat yang membanggakan dari KemenPANRB pada tahun ini.")
'id'
>>> detect_language("The ministry received the award for the public service of the year.")
'en'
>>> detect_language("")
'und'
"""
from __future__ import annotations

import functools

import regex

from .patterns import read_table

MIN_SHARE = 0.08
_WORD = regex.compile(r"\p{L}+")


@functools.cache
def _table() -> list[dict[str, str]]:
    return read_table("language.tsv", required=("lang", "name", "words"))


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    return {row["lang"]: frozenset(row["words"].lower().split()) for row in _table()}


def language_name(code: str | None) -> str:
    """The English name of a language code of ``patterns/language.tsv``.

    >>> language_name("jv"), language_name("und")
    ('Javanese', 'an undetermined language')
    """
    names = {row["lang"]: row["name"] for row in _table()}
    return names.get(code or "und", "an undetermined language")


def detect_language(text: str, sample: int = 2000) -> str:
    tokens = [t.lower() for t in _WORD.findall(text[:sample])]
    if not tokens:
        return "und"
    shares = {lang: sum(t in words for t in tokens) / len(tokens) for lang, words in _words().items()}
    lang, share = max(shares.items(), key=lambda item: item[1])
    return lang if share >= MIN_SHARE else "und"
