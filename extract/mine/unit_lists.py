"""Units named as the members of a list: "yaitu Institut Pertanian Bogor (92,14), PT KAI (90,72) dan
Lapan (92,49)", "Yakni Samsat DKI, Jawa Timur, Yogyakarta dan Bengkulu".

A list starts after a lead (``patterns/units/list_leads.txt``: yaitu, yakni, antara lain, a colon;
or a counted group's opening, ``patterns/claims.tsv`` kind group: "Kelima wali kota itu adalah")
and runs to the end of its sentence; its members are cut at commas and "dan". A member the unit
gazetteer did not read is a unit when it is written as a name (capitalised words, perhaps a number):
a region alone is its government, or, when the member before it was a unit type with a region
("Samsat DKI"), that type in this region ("Samsat Jawa Timur"). The list ends at a member that is
not a name. A member written as a region's head office ("Walikota Yogyakarta",
``patterns/units/region_offices.tsv``) is that region's government.

>>> from extract.mine.units import find_units
>>> [(u.text, u.canonical) for u in find_units("yakni Samsat DKI, Jawa Timur dan PT KAI (90,72).")]
[('Samsat DKI', 'Samsat DKI'), ('Jawa Timur', 'Samsat Jawa Timur'), ('PT KAI', 'PT KAI')]
>>> [(u.text, u.canonical) for u in find_units("Ketiga bupati itu adalah Bupati Sleman dan Walikota Blitar.")]
[('Bupati Sleman', 'Pemerintah Kabupaten Sleman'), ('Walikota Blitar', 'Pemerintah Kota Blitar')]
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..rules.store import Rules, derived
from .cues import cue_patterns
from .unit_lexicon import Lexicon, lexicon
from .unit_names import canonical_unit

MAX_MEMBER_WORDS = 8
_SENTENCE_END = regex.compile(r"\.(?=[\s\"”’]*(?:\p{Lu}|$))|\n|;", regex.VERSION1)
_SEPARATOR = regex.compile(r"(?:\s*,(?!\d)\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta|&)\s+)(?![^(]*\))", regex.VERSION1)
_TAIL = regex.compile(r"\s*\([^)]*\)\s*$|\s+\d[\d.,]*\s*$", regex.VERSION1)   # "(92,14)", a score after it
_NAME_WORD = regex.compile(r"(?:\p{Lu}[\p{L}\p{N}'’\-/.]*|\d{1,3}|[IVX]+|dan|di|&)$", regex.VERSION1)


@dataclass(slots=True, frozen=True)
class ListMember:
    text: str
    start: int
    end: int
    canonical: str
    rule_id: str


@derived
def _lead(rules: Rules) -> regex.Pattern:
    words = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(rules.list_leads, key=len, reverse=True))
    return regex.compile(r"(?<![\p{L}\-])(?:" + words + r")\b[ \t]*:?[ \t]*", regex.IGNORECASE | regex.VERSION1)


@derived
def _not_names(rules: Rules) -> frozenset[str]:
    """Labels and phrases of predicates (lower case): a list of them ("yaitu Informatif, Menuju
    Informatif, ...") lists results, not units."""
    return frozenset([p.label.lower() for p in rules.predicates] + [g.grade.lower() for g in rules.grades]
                     + [phrase.lower() for p in rules.predicates for phrase in p.phrases])


def list_members(text: str, taken: list, rules: Rules | None = None) -> list[ListMember]:
    """The members of every list in ``text`` that ``taken`` (units found by name) does not cover."""
    lex = lexicon(rules=rules)
    offices = _offices(rules=rules)
    found: list[ListMember] = []
    for start in _list_starts(text, rules):
        end_match = _SENTENCE_END.search(text, start)
        found += _members(text, start, end_match.start() if end_match else len(text), taken, lex,
                          _not_names(rules=rules), offices)
    return found


def _list_starts(text: str, rules: Rules | None) -> list[int]:
    """Where the members of each list begin: after a list's lead or a counted group's opening."""
    starts = {lead.end() for lead in _lead(rules=rules).finditer(text)}
    starts |= {group.end() for pattern in cue_patterns(rules=rules)["group"] for group in pattern.finditer(text)}
    return sorted(starts)


@derived
def _offices(rules: Rules) -> tuple[regex.Pattern, dict[str, str]]:
    """A region's head office before the region's name ("Walikota Yogyakarta"), group "office"; and
    each office (lower case, single-spaced) -> the head word of its region."""
    words = "|".join(regex.escape(office).replace(r"\ ", r"\s+")
                     for office, _ in sorted(rules.region_offices, key=lambda row: len(row[0]), reverse=True))
    pattern = regex.compile(r"(?P<office>" + words + r")\s+(?P<region>.+)$", regex.IGNORECASE | regex.VERSION1)
    return pattern, {office.lower(): head for office, head in rules.region_offices}


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches between the separators of a list."""
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(text, start, end)]
    bounds = [(start, start)] + cuts + [(end, end)]
    return [(left[1], right[0]) for left, right in zip(bounds, bounds[1:]) if right[0] > left[1]]


def _members(text: str, start: int, end: int, taken: list, lex: Lexicon, not_names: frozenset[str],
             offices: tuple[regex.Pattern, dict[str, str]]) -> list[ListMember]:
    out, shared_head = [], None
    for a, b in _pieces(text, start, end):
        surface, a = _trimmed(text, a, b)
        known = next((u for u in taken if u.start < a + max(len(surface), 1) and a < u.end), None)
        if known is not None:
            shared_head = _head_before_region(text, known, lex)
            continue
        words = surface.split()
        if not words or len(words) > MAX_MEMBER_WORDS or not words[0][:1].isupper() \
                or surface.lower() in not_names or lex.head.match(text, a):
            break   # not a name, or a type the gazetteer did not read as a unit ("Dinas Kependudukan")
        out.append(_office_holder(surface, a, offices, lex) or _member(surface, a, shared_head, lex))
    return out


def _trimmed(text: str, a: int, b: int) -> tuple[str, int]:
    """The member's name: without a score or parenthesis after it, nor words in lower case after the name."""
    piece = text[a:b]
    piece = _TAIL.sub("", piece)
    words = piece.split()
    kept = []
    for word in words:
        if not _NAME_WORD.match(word) or word in ("dan", "di", "&"):
            break
        kept.append(word)
    surface = " ".join(kept)
    offset = text.find(surface, a, b) if surface else a
    return surface, max(offset, a)


def _head_before_region(text: str, unit, lex: Lexicon) -> str | None:
    """The head of a unit written as a type and a region ("Samsat DKI"), which later bare regions share."""
    head = lex.head.match(text, unit.start)
    if head is None:
        return None
    rest = text[head[1]:unit.end].strip()
    return text[unit.start:head[1]] if rest.lower() in lex.region_kinds else None


def _office_holder(surface: str, start: int, offices: tuple[regex.Pattern, dict[str, str]],
                   lex: Lexicon) -> ListMember | None:
    """A member named by its region's head office ("Bupati Sleman"): the region's government."""
    pattern, heads = offices
    match = pattern.match(surface)
    if match is None:
        return None
    head = heads[" ".join(match["office"].lower().split())]
    if head.lower() not in lex.region_kinds.get(match["region"].lower(), ()):
        return None
    return ListMember(surface, start, start + len(surface), canonical_unit(f"{head} {match['region']}"), "unit.list.office")


def _member(surface: str, start: int, shared_head: str | None, lex: Lexicon) -> ListMember:
    end = start + len(surface)
    if surface.lower() in lex.region_kinds:
        if shared_head:
            return ListMember(surface, start, end, canonical_unit(f"{shared_head} {surface}"), "unit.list.shared_head")
        return ListMember(surface, start, end, canonical_unit(surface), "unit.list.region")
    return ListMember(surface, start, end, canonical_unit(surface), "unit.list.member")
