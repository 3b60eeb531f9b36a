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

import functools
from dataclasses import dataclass

import regex

from .patterns import PatternError, float_or_none, read_table, split_aliases

_GRADE_CUE = r"(?:(?:nilai|kategori|predikat|grade|peringkat|indeks|hasil|mendapat|meraih|memperoleh)\s+|\|[ \t]*)"  # a table cell too


@dataclass(slots=True, frozen=True)
class Scheme:
    scheme: str
    name: str
    awarder: str
    score_min: float | None
    score_max: float | None
    aliases: tuple[str, ...]


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


def _where(row):
    path, _, line = row["_where"].rpartition(":")
    return path, int(line)


@functools.cache
def schemes() -> dict[str, Scheme]:
    out = {}
    for row in read_table("schemes.tsv", required=("scheme", "name", "awarder")):
        out[row["scheme"]] = Scheme(row["scheme"], row["name"], row["awarder"], float_or_none(row, "score_min"),
                                    float_or_none(row, "score_max"), tuple(split_aliases(row["aliases"])))
    return out


def scheme_info(scheme: str) -> Scheme:
    return schemes()[scheme]


@functools.cache
def labels() -> dict[tuple[str, str], Label]:
    known = schemes()
    out = {}
    for row in read_table("predicates.tsv", required=("scheme", "label", "phrases")):
        if row["scheme"] not in known:
            raise PatternError(*_where(row), f"unknown scheme {row['scheme']!r} (see schemes.tsv)")
        out[(row["scheme"], row["label"])] = Label(row["scheme"], row["label"], row["grade"] or None,
                                                  float_or_none(row, "band_min"), float_or_none(row, "band_max"))
    return out


@functools.cache
def _matchers() -> tuple[regex.Pattern, dict[str, tuple[str, str, str | None, str]], regex.Pattern, dict]:
    phrase_to_label: dict[str, tuple[str, str, str | None, str]] = {}
    for number, row in enumerate(read_table("predicates.tsv", required=("scheme", "label", "phrases")), 1):
        for phrase in split_aliases(row["phrases"]):
            key = regex.sub(r"\s+", " ", phrase.lower())
            if key in phrase_to_label and phrase_to_label[key][:2] != (row["scheme"], row["label"]):
                raise PatternError(*_where(row), f"phrase {phrase!r} already names {phrase_to_label[key][1]!r}")
            phrase_to_label[key] = (row["scheme"], row["label"], row["grade"] or None,
                                    f"predicate.{row['scheme'].lower()}.{number}")
    phrases = sorted(phrase_to_label, key=len, reverse=True)
    phrase_re = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases)
                              + r")(?![\p{L}\p{N}])", regex.IGNORECASE | regex.VERSION1)
    known = labels()
    grades = {}
    for row in read_table("grades.tsv", required=("grade", "scheme", "label")):
        if (row["scheme"], row["label"]) not in known:
            raise PatternError(*_where(row), f"{row['label']!r} is not a label of {row['scheme']!r}")
        grades[row["grade"]] = (row["scheme"], row["label"])
    letters = "|".join(regex.escape(g) for g in sorted(grades, key=len, reverse=True))
    grade_re = regex.compile(_GRADE_CUE + r"[\"“']?(?P<grade>" + letters + r")(?![\p{L}\p{N}+\-])[\"”']?",
                             regex.IGNORECASE | regex.VERSION1)
    return phrase_re, phrase_to_label, grade_re, grades


def find_predicates(text: str) -> list[PredicateCandidate]:
    phrase_re, phrase_to_label, grade_re, grades = _matchers()
    found = []
    for match in phrase_re.finditer(text):
        scheme, label, grade, rule_id = phrase_to_label[regex.sub(r"\s+", " ", match.group(0).lower())]
        found.append(PredicateCandidate(match.group(0), match.start(), match.end(), scheme, label, grade, rule_id))
    taken = [(p.start, p.end) for p in found]
    for match in grade_re.finditer(text):
        letter = match.group("grade")
        if letter != letter.upper():
            continue  # "nilai a" in running text is not a grade
        start, end = match.span("grade")
        if any(s < end and start < e for s, e in taken):
            continue
        scheme, label = grades[letter]
        found.append(PredicateCandidate(letter, start, end, scheme, label, letter, "predicate.grade"))
    return sorted(found, key=lambda p: p.start)


def describe(text: str, rule_id: str) -> tuple[str, str, str | None] | None:
    """(scheme, label, grade) of a matched predicate surface, or None.

    >>> describe("layanan  prima", "predicate.pekppp.1"), describe("A-", "predicate.grade")
    (('PEKPPP', 'Pelayanan Prima', 'A'), ('PEKPPP', 'Sangat Baik', 'A-'))
    """
    _, phrase_to_label, _, grades = _matchers()
    if rule_id == "predicate.grade":
        found = grades.get(text)
        return (found[0], found[1], text) if found else None
    found = phrase_to_label.get(regex.sub(r"\s+", " ", text.lower()))
    return found[:3] if found else None


@functools.cache
def _awarder_matcher() -> tuple[regex.Pattern, dict[str, str]]:
    alias_to_awarder = {}
    for row in read_table("awarders.tsv", required=("awarder", "aliases")):
        for alias in split_aliases(row["aliases"]):
            alias_to_awarder[alias.lower()] = row["awarder"]
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(
        regex.escape(a) if a.isupper() else "(?i:" + regex.escape(a) + ")"
        for a in sorted(alias_to_awarder, key=len, reverse=True)) + r")(?![\p{L}\p{N}])", regex.VERSION1)
    return pattern, alias_to_awarder


def find_awarders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical awarder) of each awarder named in ``text``.

    >>> find_awarders("penghargaan dari Kementerian PANRB dan Ombudsman RI")
    [(17, 34, 'KemenPANRB'), (39, 51, 'Ombudsman RI')]
    """
    pattern, alias_to_awarder = _awarder_matcher()
    return [(m.start(), m.end(), alias_to_awarder[m.group(0).lower()]) for m in pattern.finditer(text)]


def awarder_of(text: str) -> str | None:
    """The canonical awarder a surface names, if any."""
    return _awarder_matcher()[1].get(text.lower())
