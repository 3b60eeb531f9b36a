"""Awarders: the bodies that give results (``patterns/awarders.tsv``), found in text by their aliases."""
from __future__ import annotations

from ..rules.store import Rules, derived
from .gazetteer import GazetteerMatcher


@derived
def _awarder_matcher(rules: Rules) -> tuple[GazetteerMatcher, dict[str, str]]:
    alias_to_awarder, aliases = {}, []
    for row in rules.awarders:
        for alias in row.aliases:
            alias_to_awarder[" ".join(alias.lower().split())] = row.awarder
            aliases.append(alias)
    return GazetteerMatcher(aliases, case="acronyms"), alias_to_awarder


def find_awarders(text: str, rules: Rules | None = None) -> list[tuple[int, int, str]]:
    """(start, end, canonical awarder) of each awarder named in ``text``.

    >>> find_awarders("penghargaan dari Kementerian PANRB dan Ombudsman RI")
    [(17, 34, 'KemenPANRB'), (39, 51, 'Ombudsman RI')]
    """
    matcher, alias_to_awarder = _awarder_matcher(rules=rules)
    return [(start, end, alias_to_awarder[key]) for start, end, _, key in matcher.finditer(text)]


def awarder_of(text: str, rules: Rules | None = None) -> str | None:
    """The canonical awarder a surface names, if any."""
    return _awarder_matcher(rules=rules)[1].get(" ".join(text.lower().split()))
