"""Tell an article's language by the share of each language's function words.

>>> detect_language("Kementerian Sosial meraih predikat yang membanggakan dari KemenPANRB pada tahun ini.")
'id'
>>> detect_language("The ministry received the award for the public service of the year.")
'en'
>>> detect_language("")
'und'
"""
from __future__ import annotations

import re

from ..rules.store import Rules, derived, rules

MIN_SHARE = 0.08
_WORD = re.compile(r"[^\W\d_]+")     # runs of letters (the standard re: faster here than regex's \p{L})


@derived
def _words(rules: Rules) -> dict[str, frozenset[str]]:
    return {row.lang: row.words for row in rules.languages}


def language_name(code: str | None) -> str:
    """The English name of a language code of ``patterns/language.tsv``.

    >>> language_name("jv"), language_name("und")
    ('Javanese', 'an undetermined language')
    """
    names = {row.lang: row.name for row in rules().languages}
    return names.get(code or "und", "an undetermined language")


@derived
def _languages_of(rules: Rules) -> dict[str, tuple[str, ...]]:
    """Each function word -> the languages it belongs to, so that a text's words are looked up once."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in _words().items():
        for word in words:
            index[word] = index.get(word, ()) + (lang,)
    return index


def detect_language(text: str, sample: int = 2000) -> str:
    tokens = _WORD.findall(text[:sample].lower())
    if not tokens:
        return "und"
    counts = dict.fromkeys(_words(), 0)
    index = _languages_of()
    for token in tokens:
        for lang in index.get(token, ()):
            counts[lang] += 1
    lang, count = max(counts.items(), key=lambda item: item[1])
    return lang if count / len(tokens) >= MIN_SHARE else "und"
