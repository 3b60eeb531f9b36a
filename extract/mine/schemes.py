"""The schemes: who evaluates whom (``patterns/schemes.tsv``), their labels (``patterns/predicates.tsv``),
and where a text names a scheme, directly or through the awarder that gives only it.

>>> scheme_info("KEPATUHAN").awarder
'Ombudsman RI'
"""
from __future__ import annotations

from dataclasses import dataclass

from ..rules.store import Rules, derived
from ..rules.tables import Scheme
from .awarders import find_awarders
from .gazetteer import GazetteerMatcher, TextMemo


@dataclass(slots=True, frozen=True)
class Label:
    scheme: str
    label: str
    grade: str | None
    band_min: float | None
    band_max: float | None


@derived
def schemes(rules: Rules) -> dict[str, Scheme]:
    return {scheme.scheme: scheme for scheme in rules.schemes}


def scheme_info(scheme: str) -> Scheme:
    return schemes()[scheme]


@derived
def labels(rules: Rules) -> dict[tuple[str, str], Label]:
    return {(row.scheme, row.label): Label(row.scheme, row.label, row.grade, row.band_min, row.band_max)
            for row in rules.predicates}


@derived
def _scheme_matcher(rules: Rules) -> tuple[GazetteerMatcher, dict[str, str]]:
    alias_to_scheme = {}
    for scheme in rules.schemes:
        for alias in scheme.aliases:
            alias_to_scheme.setdefault(" ".join(alias.lower().split()), scheme.scheme)
    aliases = [alias for scheme in rules.schemes for alias in scheme.aliases]
    return GazetteerMatcher(aliases, case="acronyms"), alias_to_scheme


def scheme_name_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each scheme name in ``text[start:end]`` ends (a round's year may follow: "IGA 2022")."""
    end = len(text) if end is None else end
    matcher, _ = _scheme_matcher()
    ends, pos = [], start
    while (found := matcher.search(text, pos)) and found[1] <= end:
        ends.append(found[1])
        pos = found[1]
    return ends


_SCHEME_MENTIONS = TextMemo()


def scheme_mentions(text: str) -> tuple[tuple[int, str], ...]:
    """(position, scheme) of each place ``text`` names a scheme, directly or through an awarder
    that gives only that scheme; found once per text, then counted for any span of it."""
    found = _SCHEME_MENTIONS.get(text)
    if found is None:
        found = _find_scheme_mentions(text)
        _SCHEME_MENTIONS.put(text, found)
    return found


def _find_scheme_mentions(text: str) -> tuple[tuple[int, str], ...]:
    matcher, alias_to_scheme = _scheme_matcher()
    found = [(start, alias_to_scheme[key]) for start, _, _, key in matcher.finditer(text)]
    by_awarder: dict[str, list[str]] = {}
    for scheme in schemes().values():
        by_awarder.setdefault(scheme.awarder, []).append(scheme.scheme)
    for start, _, awarder in find_awarders(text):
        owners = by_awarder.get(awarder, [])
        if len(owners) == 1:
            found.append((start, owners[0]))
    return tuple(sorted(found))


def scheme_evidence(text: str, start: int = 0, end: int | None = None) -> dict[str, int]:
    """How often ``text[start:end]`` names each scheme, directly or through its awarder.

    >>> scheme_evidence("KPK merilis skor MCP") == {"MCP": 2}
    True
    """
    end = len(text) if end is None else end
    counts: dict[str, int] = {}
    for position, scheme in scheme_mentions(text):
        if start <= position < end:
            counts[scheme] = counts.get(scheme, 0) + 1
    return counts
