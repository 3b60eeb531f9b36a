"""Predicates: what a unit obtained, normalised to its scheme's canonical label.

Phrases come from ``patterns/predicates.tsv`` (labels, zones, synonyms) and
bare grades ("nilai A-", "kategori A") from ``patterns/grades.tsv``; each match
knows its scheme, label and grade. Scheme metadata (awarder, score range) is in
``patterns/schemes.tsv``.

>>> [(p.label, p.grade, p.scheme) for p in find_predicates("meraih Kategori A- (Sangat Baik) dan layanan prima")]
[('Sangat Baik', 'A-', 'PEKPPP'), ('Sangat Baik', 'A-', 'PEKPPP'), ('Pelayanan Prima', 'A', 'PEKPPP')]
>>> [(p.label, p.grade) for p in find_predicates("masuk Zona Hijau dengan Predikat Kepatuhan Tinggi")]
[('Kepatuhan Tinggi', 'Zona Hijau'), ('Kepatuhan Tinggi', 'Zona Hijau')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import regex

from ..rules.store import Rules, current, derived
from .gazetteer import GazetteerMatcher, lowered
from .awarders import find_awarders
from .unit_lexicon import lexicon
from .schemes import labels, scheme_evidence, schemes

__all__ = ["PredicateCandidate", "describe", "find_predicates", "grade_labels", "schemes"]


@dataclass(slots=True, frozen=True)
class PredicateCandidate:
    text: str
    start: int
    end: int
    scheme: str
    label: str
    grade: str | None
    rule_id: str


@dataclass(slots=True, frozen=True)
class _Row:
    scheme: str
    label: str
    grade: str | None
    rule_id: str


@derived
def _matchers(rules: Rules) -> tuple[GazetteerMatcher, dict[str, list[_Row]], re.Pattern, dict[str, list[_Row]]]:
    """The phrase and grade matchers; a phrase may name labels of several schemes ("zona hijau")."""
    phrase_rows: dict[str, list[_Row]] = {}
    for row in rules.predicates:
        entry = _Row(row.scheme, row.label, row.grade, row.id)
        for phrase in row.phrases:
            rows = phrase_rows.setdefault(regex.sub(r"\s+", " ", phrase.lower()), [])
            if entry not in rows:
                rows.append(entry)
    grades: dict[str, list[_Row]] = {}
    for row in rules.grades:   # a letter of several schemes (A in PEKPPP and SAKIP): evidence decides
        grades.setdefault(row.grade, []).append(_Row(row.scheme, row.label, row.grade, "predicate.grade"))
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


def find_predicates(text: str, rules: Rules | None = None) -> list[PredicateCandidate]:
    phrase_matcher, phrase_to_label, grade_re, grades = _matchers(rules=rules)
    found: list[PredicateCandidate] = find_open_labels(text, rules=rules)
    for start, end, key in _longest_matches(phrase_matcher, text):
        if any(p.start < end and start < p.end for p in found):
            continue
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
        row = grades[letter][0]
        found.append(PredicateCandidate(letter, start, end, row.scheme, row.label, letter, "predicate.grade"))
        taken.append((start, end))
    found += [rank for rank in find_ranks(text, rules=rules) if not any(s < rank.end and rank.start < e for s, e in taken)]
    found += [label for label in find_open_labels(text, rules=rules, last=True)
              if _alone_in_sentence(text, label, found) and names_an_award(label.text, rules=rules)]
    return sorted(found, key=lambda p: p.start)


_STOP = regex.compile(r"[.!?\n](?=\s|$)")
_REACH = 400   # how far a sentence is looked for around a label


def _alone_in_sentence(text: str, label: PredicateCandidate, found: list[PredicateCandidate]) -> bool:
    """A label named after an award word is its sentence's result only when the sentence names no
    scheme's label ("penghargaan Unit Penyelenggara Pelayanan Publik Kategori Sangat Baik": Sangat Baik)."""
    stops = [m.end() for m in _STOP.finditer(text, max(0, label.start - _REACH), label.start)]
    start = stops[-1] if stops else max(0, label.start - _REACH)
    stop = _STOP.search(text, label.end, label.end + _REACH)
    end = stop.start() if stop else min(len(text), label.end + _REACH)
    return not any(p.start < end and start < p.end for p in found)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
OTHER = "other"   # the scheme of an award the article names in its own words (patterns/schemes.tsv)


def rank_label(place: int) -> str:
    """The predicate of a place in a ranking.

    >>> rank_label(1), rank_label(4)
    ('Peringkat I', 'Peringkat IV')
    """
    return f"Peringkat {ROMAN[place - 1]}"


def find_ranks(text: str, rules: Rules | None = None) -> list[PredicateCandidate]:
    """Places in a ranking (``patterns/ranks.tsv``), as ``Peringkat I``, ``Peringkat II``, ...; their scheme
    is the one the sentence or the article names (see :func:`describe`).

    >>> [(p.text, p.label) for p in find_ranks("meraih peringkat pertama, Juara 2 dan terbaik ke-3, masuk 10 besar")]
    [('peringkat pertama', 'Peringkat I'), ('Juara 2', 'Peringkat II'), ('terbaik ke-3', 'Peringkat III')]
    >>> [p.label for p in find_ranks("Bali di peringkat keempat. Tepat di bawahnya terdapat Riau.")]
    ['Peringkat IV', 'Peringkat V']
    """
    chosen = rules if rules is not None else current()
    found: list[PredicateCandidate] = []
    places: dict[int, int] = {}       # start -> place
    for rule in sorted(chosen.ranks, key=lambda r: r.relative):   # a relative place counts on from the others
        for match in rule.pattern.finditer(text):
            if any(p.start < match.end() and match.start() < p.end for p in found):
                continue
            if rule.relative:
                before = [start for start in places if start < match.start()]
                if not before:
                    continue
                place = places[max(before)] + (rule.place or 0)
            else:
                place = rule.place or chosen.ordinals[match.group("n").lower()]
            places[match.start()] = place
            found.append(PredicateCandidate(match.group(0), match.start(), match.end(), OTHER, rank_label(place),
                                            None, rule.id))
    return sorted(found, key=lambda p: p.start)


def _rank_place(surface: str, rule_id: str, rules: Rules | None = None) -> int | None:
    """The place a rank's surface names, read by the rule that found it."""
    chosen = rules if rules is not None else current()
    rule = next((r for r in chosen.ranks if r.id == rule_id), None)
    if rule is None or rule.place:
        return rule.place if rule else None
    ordinal = _ORDINAL_AT_END.search(surface)
    return chosen.ordinals.get(ordinal.group(1).lower()) if ordinal else None


_ORDINAL_AT_END = regex.compile(r"([\p{L}\p{N}]+)\W*$", regex.VERSION1)


def find_open_labels(text: str, rules: Rules | None = None, last: bool = False) -> list[PredicateCandidate]:
    """Awards named in the article's own words (``patterns/open_labels.tsv``), title-cased, of scheme
    "other": the rules tried first, or with ``last`` those tried where no scheme's label was found.

    >>> [p.label for p in find_open_labels("peraih Top 10 Pengelolaan Pengaduan di Jakarta, Top 99 Inovasi")]
    ['Top 10 Pengelolaan Pengaduan']
    >>> [p.label for p in find_open_labels("meraih penghargaan Kota Peduli HAM Tahun 2023", last=True)]
    ['Kota Peduli HAM']
    """
    chosen = rules if rules is not None else current()
    return [PredicateCandidate(m.group("label"), m.start("label"), m.end("label"), OTHER, open_label(m.group("label")),
                               None, rule.id) for rule in chosen.open_labels if rule.last == last
            for m in rule.pattern.finditer(text)]


def names_an_award(label: str, rules: Rules | None = None) -> bool:
    """Whether capitalised words after an award word name the award, not a body ("menerima penghargaan
    Kementerian PANRB"), an office ("dari Bupati ..."), or a scheme or its awarder, whose result its own
    label tells ("menerima penghargaan Anugerah Keterbukaan Informasi Publik dengan predikat Informatif").

    >>> [names_an_award(t) for t in ("Kota Peduli HAM", "Kementerian PANRB", "Bupati Sleman", "Zona Integritas",
    ...                             "Pelayanan Publik")]
    [True, False, False, False, False]
    """
    from .units import find_units   # units read predicates: imported when used
    chosen = rules if rules is not None else current()
    words = [w.lower() for w in label.split()]
    if all(w in chosen.generic_label_words or w in ("dan", "&") for w in words):
        return False      # the field, not an award's name ("Penghargaan Pelayanan Publik")
    if words[0] in _office_words(rules=chosen) or find_awarders(label, rules=chosen) \
            or any(scheme_evidence(label).values()):
        return False
    if lexicon(rules=chosen).region_kinds.get(label.lower()):
        return False      # a place: "menerima penghargaan" closing a caption, the dateline after it
    body = next((u for u in find_units(label, rules=chosen) if u.start == 0), None)
    return body is None or 2 * (body.end - body.start) < len(label)


@derived
def _office_words(rules: Rules) -> frozenset[str]:
    """The first words of offices and titles (lower case): "Bupati", "Menteri", "Kepala"."""
    return frozenset(word.split()[0].lower() for word in (*rules.offices, *(title for _, title in rules.titles)) if word)


def open_label(surface: str) -> str:
    """An award's words as a label: each word capitalised, acronyms and joining words kept.

    >>> open_label("TOP 10 pengelolaan Pengaduan dan SP4N")
    'Top 10 Pengelolaan Pengaduan dan SP4N'
    """
    words = []
    for word in surface.split():
        keep = word in ("dan", "&") or (word.isupper() and len(word) > 1 and word.lower() != "top")
        words.append(word if keep else word[:1].upper() + word[1:].lower())
    return " ".join(words)


def is_shared(text: str, rule_id: str, rules: Rules | None = None) -> bool:
    """True for a place in a ranking, or a phrase that names labels of several schemes ("zona hijau"):
    their scheme is best told by the other labels of their sentence.

    >>> is_shared("zona hijau", "predicate.kepatuhan.9"), is_shared("Pelayanan Prima", "predicate.pekppp.1")
    (True, False)
    """
    if rule_id.startswith("predicate.rank."):
        return True
    if rule_id.startswith(("predicate.other.", "predicate.grade")):
        return False
    rows = _matchers(rules=rules)[1].get(_SPACES.sub(" ", text.lower()), [])
    return len({row.scheme for row in rows}) > 1


def rank_scheme(evidence: dict[str, int] | None) -> str:
    """A rank's scheme: the one ``evidence`` names most, else "other" (a contest, a budget ranking).

    >>> rank_scheme({"OPINI": 1, "KIP": 2}), rank_scheme({})
    ('KIP', 'other')
    """
    return max(evidence, key=evidence.get) if evidence else OTHER


def describe(text: str, rule_id: str, evidence: dict[str, int] | None = None,
             rules: Rules | None = None) -> tuple[str, str, str | None] | None:
    """(scheme, label, grade) of a matched predicate surface, or None.

    A phrase that several schemes use goes to the scheme with the most
    ``evidence`` (counts from :func:`scheme_evidence`), else the first listed.

    >>> describe("layanan  prima", "predicate.pekppp.1"), describe("A-", "predicate.grade")
    (('PEKPPP', 'Pelayanan Prima', 'A'), ('PEKPPP', 'Sangat Baik', 'A-'))
    >>> describe("zona hijau", "", {"MCP": 2})
    ('MCP', 'Zona Hijau', 'Zona Hijau')
    >>> describe("Peringkat kedua", "predicate.rank.place", {"OPINI": 1}), describe("BB", "predicate.grade", {"SAKIP": 1})
    (('OPINI', 'Peringkat II', None), ('SAKIP', 'Sangat Baik', 'BB'))
    """
    _, phrase_rows, _, grades = _matchers(rules=rules)
    evidence = evidence or {}
    if rule_id.startswith("predicate.other."):   # the surface is the label, as the open label's rule found it
        return OTHER, open_label(text), None
    if rule_id.startswith("predicate.rank."):
        place = _rank_place(text, rule_id, rules=rules)
        return (rank_scheme(evidence), rank_label(place), None) if place else None
    rows = grades.get(text.upper()) if rule_id == "predicate.grade" else phrase_rows.get(_SPACES.sub(" ", text.lower()))
    if not rows:
        return None
    best = max(rows, key=lambda r: (evidence.get(r.scheme, 0), -rows.index(r)))
    return best.scheme, best.label, best.grade


def grade_labels(scheme: str) -> dict[str, str]:
    """grade -> the label it stands for in ``scheme`` (predicates.tsv's grade column, then grades.tsv).

    >>> grade_labels("PEKPPP")["A-"], grade_labels("KEPATUHAN")["Zona Kuning"]
    ('Sangat Baik', 'Kepatuhan Sedang')
    """
    out = {label.grade: label.label for label in labels().values() if label.scheme == scheme and label.grade}
    out.update({grade: row.label for grade, rows in _matchers()[3].items() for row in rows if row.scheme == scheme})
    return out
