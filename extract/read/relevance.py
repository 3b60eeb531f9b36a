"""The relevance gate: a cheap look at a whole page for the vocabulary every claim needs, before
boilerplate removal and mining.

A claim needs a predicate, and an article about an award or evaluation names its scheme or its
awarder. The gate's vocabulary is the rule set's own (:mod:`extract.rules.store`), never a second
list: every phrase of ``predicates.tsv`` (labels, zones, their synonyms), a bare grade of
``grades.tsv`` after a grade word of ``grade_cues.txt`` or alone in a table cell, every scheme
alias of ``schemes.tsv``, every awarder alias of ``awarders.tsv`` and the gate words of
``open_labels.tsv`` (an award named in the article's own words: "penghargaan", "piala"). A page
that holds none of them cannot hold a claim, and is kept as ``off_topic`` without being read
further.

The test runs on the decoded page as it is (HTML or text), on its UTF-8 bytes with ASCII letters
case-folded (the rule words are ASCII): phrases match as whole words, the words of a phrase apart
by spaces, ``&nbsp;`` or tags (``<b>Pelayanan</b> Prima``); acronyms (``KPK``, ``IGA``, ``KIP``)
only in capitals, as the miners match them. An Aho-Corasick automaton finds where a term could
start (its first word, and the separator after it when more words follow); the term's pattern
is tried there alone, and the first that matches ends the test.

>>> relevant("<p>Dinas X meraih predikat <b>Pelayanan</b>&nbsp;Prima</p>")
True
>>> relevant("<p>Harga cabai naik lagi di pasar induk.</p>"), relevant("<td> A- </td>")
(False, True)
>>> relevant("Sop iga bakar di Kudus"), relevant("Laporan IGA 2023"), relevant("nilai akhir"), relevant("nilai A")
(False, True, False, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick_rs

from ..rules.store import Rules, derived
from ..rules.trie import trie_pattern

# Between the words of a phrase on a page: spaces, a no-break space written as an entity, tags.
_BETWEEN = r"(?:\s|&nbsp;|&#160;|<[^<>]{0,300}>)+"
_SEPARATOR_STARTS = (" ", "\t", "\n", "\r", "&", "<")
_TABLE_CELLS = ("<td", "<th")
_WORD_BYTE = bytes(int(chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_")) for b in range(256))


@dataclass(slots=True, frozen=True)
class Gate:
    anchors: ahocorasick_rs.BytesAhoCorasick   # where a term may start, on the case-folded bytes
    folded: re.Pattern                         # the terms not in capitals, and the grades
    exact: re.Pattern | None                   # the acronyms, on the bytes as written

    def passes(self, page: str) -> bool:
        raw = page.encode("utf-8", "replace")
        low = raw.lower()                      # ASCII letters only: the rule words are ASCII
        folded, exact = self.folded.match, self.exact.match if self.exact is not None else None
        for _, start, _ in self.anchors.find_matches_as_indexes(low):
            if start and _WORD_BYTE[low[start - 1]] and low[start] != 0x3C:   # inside a word ("<td" need not start one)
                continue
            if folded(low, start) or (exact is not None and exact(raw, start)):
                return True
        return False


def _is_acronym(phrase: str) -> bool:
    return not any(c.islower() for c in phrase)


def _terms(rules: Rules) -> list[str]:
    """Every phrase of the rules that names a predicate, a scheme or an awarder, as written there."""
    phrases = [phrase for row in rules.predicates for phrase in row.phrases]
    phrases += [alias for scheme in rules.schemes for alias in scheme.aliases]
    phrases += [alias for awarder in rules.awarders for alias in awarder.aliases]
    phrases += [word for rule in rules.open_labels for word in rule.gate]   # an award in the article's own words
    return [" ".join(re.sub(r"[()]", " ", phrase).split()) for phrase in phrases]   # "(informatif)": the label


def _alternatives(phrases: set[str]) -> str:
    return trie_pattern(sorted(phrases)).replace(r"\s+", _BETWEEN)


def _anchors(phrase: str) -> list[str]:
    """Where ``phrase`` may start on a page: its first word, with what may follow it when more follow."""
    first, _, rest = phrase.lower().partition(" ")
    return [first + sep for sep in _SEPARATOR_STARTS] if rest else [first]


@derived
def gate(rules: Rules) -> Gate:
    """The gate of a rule set."""
    terms = _terms(rules)
    acronyms = {t for t in terms if _is_acronym(t)}
    words = {t.lower() for t in terms if t not in acronyms}
    cues = {c.lower() for c in rules.grade_cues}
    grades = "|".join(re.escape(g.lower()) for g in sorted({row.grade for row in rules.grades}, key=len, reverse=True))
    grade = (rf"(?:{_alternatives(cues)}){_BETWEEN}[\"']?(?:{grades})(?![\w+\-])"      # nilai A-, predikat <b>A</b>
             rf"|<t[dh](?:\s[^<>]{{0,300}})?>\s*(?:<[^<>]{{0,300}}>\s*)*(?:{grades})\s*<")   # a cell holding a grade
    folded = re.compile(rf"(?:{_alternatives(words)})(?![\w])|{grade}".encode())
    exact = re.compile(rf"(?:{_alternatives(acronyms)})(?![\w])".encode()) if acronyms else None
    starts = {a for t in words | acronyms for a in _anchors(t)} | {c + s for c in cues for s in _SEPARATOR_STARTS}
    anchors = ahocorasick_rs.BytesAhoCorasick([a.encode() for a in sorted(starts | set(_TABLE_CELLS))],
                                              matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                              implementation=ahocorasick_rs.Implementation.DFA)
    return Gate(anchors, folded, exact)


def relevant(page: str, rules: Rules | None = None) -> bool:
    """Whether ``page`` (decoded HTML, or an article's text) holds any of the vocabulary a claim needs."""
    return gate(rules=rules).passes(page)
