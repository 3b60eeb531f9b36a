"""Predicates: what a unit obtained, normalised to its scheme's canonical label.

Phrases come from ``patterns/predicates.tsv`` (labels, zones, synonyms) and
bare grades ("nilai A-", "kategori A") from ``patterns/grades.tsv``; each match
knows its scheme, label and grade. Scheme metadata (awarder, score range) is in
``patterns/schemes.tsv``.

>>> [(p.label, p.grade, p.scheme) for p in find_predicates("meraih Kategori A- (Sangat Baik) dan layanan prima")]
[('Sangat Baik', 'A-', 'PEKPPP'), ('Sangat Baik', 'A-', 'PEKPPP'), ('Pelayanan Prima', 'A', 'PEKPPP')]
>>> [(p.label, p.grade) for p in find_predicates("masuk Zona Hijau dengan Predikat Kepatuhan Tinggi")]
[('Kepatuhan Tinggi', 'Zona Hijau'), ('Kepatuhan Tinggi', 'Zona Hijau')]
>>> scheme_info("KEPATUHAN").awarder
'Ombudsman RI'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import regex

from ..rules.store import Rules, derived
from ..rules.tables import Scheme
from .gazetteer import GazetteerMatcher, TextMemo, lowered



@dataclass(slots=True, frozen=True)
class Label:
    scheme: str
    label: str
    grade: str | None
    band_min: float | None
    band_max: float | None


@dataclass(slots=True, frozen=True)
class PredicateCandidate:
    text: str
    start: int
    end: int
    scheme: str
    label: str
    grade: str | None
    rule_id: str


@derived
def schemes(rules: Rules) -> dict[str, Scheme]:
    return {scheme.scheme: scheme for scheme in rules.schemes}


def scheme_info(scheme: str) -> Scheme:
    return schemes()[scheme]


@derived
def labels(rules: Rules) -> dict[tuple[str, str], Label]:
    return {(row.scheme, row.label): Label(row.scheme, row.label, row.grade, row.band_min, row.band_max)
            for row in rules.predicates}


@dataclass(slots=True, frozen=True)
class _Row:
    scheme: str
    label: str
    grade: str | None
    rule_id: str


@derived
def _matchers(rules: Rules) -> tuple[GazetteerMatcher, dict[str, list[_Row]], re.Pattern, dict]:
    """The phrase and grade matchers; a phrase may name labels of several schemes ("zona hijau")."""
    phrase_rows: dict[str, list[_Row]] = {}
    for row in rules.predicates:
        entry = _Row(row.scheme, row.label, row.grade, row.id)
        for phrase in row.phrases:
            rows = phrase_rows.setdefault(regex.sub(r"\s+", " ", phrase.lower()), [])
            if entry not in rows:
                rows.append(entry)
    grades = {row.grade: (row.scheme, row.label) for row in rules.grades}
    # matched on the lower-cased text (see phrases.lowered), many times faster than ignoring case;
    # the grade's own case is then read from the text
    letters = "|".join(re.escape(g.lower()) for g in sorted(grades, key=len, reverse=True))
    cue = r"(?:(?:" + "|".join(re.escape(w) for w in rules.grade_cues) + r")\s+|\|[ \t]*)"   # a table cell too
    grade_re = re.compile(cue + r"[\"“']?(?P<grade>" + letters + r")(?![^\W_]|[+\-])[\"”']?")
    return GazetteerMatcher(phrase_rows), phrase_rows, grade_re, grades


_SPACES = regex.compile(r"\s+")
_WORD_START = re.compile(r"(?<!\w)\w")


def _longest_matches(matcher: GazetteerMatcher, text: str) -> Iterator[tuple[int, int, str]]:
    """Non-overlapping phrases, where one that starts inside another and runs past it wins
    ("kategori Cukup Informatif" is KIP's label, not "kategori Cukup")."""
    pos = 0
    while found := matcher.search(text, pos):
        for inner in _WORD_START.finditer(text, found[0] + 1, found[1]):
            longer = matcher.match(text, inner.start())
            if longer and longer[1] > found[1]:
                found = longer
        yield found
        pos = found[1]


def find_predicates(text: str) -> list[PredicateCandidate]:
    phrase_matcher, phrase_to_label, grade_re, grades = _matchers()
    found: list[PredicateCandidate] = []
    for start, end, key in _longest_matches(phrase_matcher, text):
        row = phrase_to_label[key][0]
        found.append(PredicateCandidate(text[start:end], start, end, row.scheme, row.label, row.grade, row.rule_id))
    taken = [(p.start, p.end) for p in found]
    for match in grade_re.finditer(lowered(text)):
        start, end = match.span("grade")
        letter = text[start:end]
        if letter != letter.upper():
            continue  # "nilai a" in running text is not a grade
        if any(s < end and start < e for s, e in taken):
            continue
        scheme, label = grades[letter]
        found.append(PredicateCandidate(letter, start, end, scheme, label, letter, "predicate.grade"))
    return sorted(found, key=lambda p: p.start)


def describe(text: str, rule_id: str, evidence: dict[str, int] | None = None) -> tuple[str, str, str | None] | None:
    """(scheme, label, grade) of a matched predicate surface, or None.

    A phrase that several schemes use goes to the scheme with the most
    ``evidence`` (counts from :func:`scheme_evidence`), else the first listed.

    >>> describe("layanan  prima", "predicate.pekppp.1"), describe("A-", "predicate.grade")
    (('PEKPPP', 'Pelayanan Prima', 'A'), ('PEKPPP', 'Sangat Baik', 'A-'))
    >>> describe("zona hijau", "", {"MCP": 2})
    ('MCP', 'Zona Hijau', 'Zona Hijau')
    """
    _, phrase_rows, _, grades = _matchers()
    if rule_id == "predicate.grade":
        found = grades.get(text.upper())
        return (found[0], found[1], text.upper()) if found else None
    rows = phrase_rows.get(_SPACES.sub(" ", text.lower()))
    if not rows:
        return None
    evidence = evidence or {}
    best = max(rows, key=lambda r: (evidence.get(r.scheme, 0), -rows.index(r)))
    return best.scheme, best.label, best.grade


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


@derived
def _awarder_matcher(rules: Rules) -> tuple[GazetteerMatcher, dict[str, str]]:
    alias_to_awarder, aliases = {}, []
    for row in rules.awarders:
        for alias in row.aliases:
            alias_to_awarder[" ".join(alias.lower().split())] = row.awarder
            aliases.append(alias)
    return GazetteerMatcher(aliases, case="acronyms"), alias_to_awarder


def find_awarders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical awarder) of each awarder named in ``text``.

    >>> find_awarders("penghargaan dari Kementerian PANRB dan Ombudsman RI")
    [(17, 34, 'KemenPANRB'), (39, 51, 'Ombudsman RI')]
    """
    matcher, alias_to_awarder = _awarder_matcher()
    return [(start, end, alias_to_awarder[key]) for start, end, _, key in matcher.finditer(text)]


def awarder_of(text: str) -> str | None:
    """The canonical awarder a surface names, if any."""
    return _awarder_matcher()[1].get(" ".join(text.lower().split()))


def grade_labels(scheme: str) -> dict[str, str]:
    """grade -> the label it stands for in ``scheme`` (predicates.tsv's grade column, then grades.tsv).

    >>> grade_labels("PEKPPP")["A-"], grade_labels("KEPATUHAN")["Zona Kuning"]
    ('Sangat Baik', 'Kepatuhan Sedang')
    """
    out = {label.grade: label.label for label in labels().values() if label.scheme == scheme and label.grade}
    out.update({grade: label for grade, (s, label) in _matchers()[3].items() if s == scheme})
    return out
