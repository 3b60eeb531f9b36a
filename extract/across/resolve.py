"""One unit under several names across articles: group the names that denote one unit.

Within an article, :mod:`extract.mine.claims` already gives each unit its most complete
name. Across articles the same unit still appears as "Dinas Kependudukan dan
Pencatatan Sipil Kabupaten Ngawi", "Disdukcapil Kab. Ngawi" or "Disdukcapil
Ngawie". Names are grouped when they have the same type (:func:`~extract.mine.unit_names.unit_parts`) and

- the same other words, once spaces are ignored ("Tulangbawang", "Tulang Bawang");
- or nearly the same (rapidfuzz ratio of at least ``FUZZY_CUTOFF``: a misspelling);
- or the words of one are among the words of exactly one other group's names
  ("RSUD Daya" and "RSUD Daya Makassar"; "Disdukcapil Ngawi" and "... Kab. Ngawi").

A region marker (kab, kota, provinsi) must not differ: Kabupaten Bandung is not Kota
Bandung, and a name without a marker joins a marked group only when one group fits. Names
with different places of the gazetteer (Bone, Bone Bolango) or different numbers (Kelas I,
Kelas II) are never joined.
A name that is only a type ("Dinas Kesehatan") names no unit by itself and is never
grouped; a body that is one by itself ("Kemensos", "Kementerian Sosial") is.

>>> groups = group_units(["Disdukcapil Kab. Ngawi", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi",
...                       "Disdukcapil Ngawi", "Disdukcapil Kota Bandung", "Disdukcapil Kabupaten Bandung"])
>>> len(set(groups.values())), groups["Disdukcapil Ngawi"] == groups["Disdukcapil Kab. Ngawi"]
(3, True)
>>> groups["Disdukcapil Kota Bandung"] == groups["Disdukcapil Kabupaten Bandung"]
False
"""
from __future__ import annotations

import collections
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np
from rapidfuzz import fuzz, process

from ..mine.unit_names import place_in, unit_parts
from ..settings import FUZZY_CUTOFF

MIN_FUZZY_LENGTH = 5          # shorter words differ by a letter too easily ("Bone", "Buton")
_MARKERS = {"kab": "kab", "kota": "kota", "provinsi": "provinsi", "prov": "provinsi"}
_DIGITS = re.compile(r"\d+")
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "iia", "iib", "iiia", "iiib"})   # office classes: Kelas I, IIA


@dataclass(slots=True, frozen=True)
class _Key:
    kind: str
    marker: str | None
    words: tuple[str, ...]
    place: str | None              # the province, kabupaten or kota the name contains, if the gazetteer knows it
    numbers: tuple[str, ...]       # office classes and numbers: Kelas IIA, Puskesmas 2

    def may_join(self, other: "_Key") -> bool:
        """Two known places differ (Bone and Bone Bolango), or numbers differ (Kelas I, Kelas II):
        never one unit, however alike the names."""
        if self.place and other.place and self.place != other.place:
            return False
        return self.numbers == other.numbers

    @property
    def compact(self) -> str:
        return "".join(self.words)


def _key(name: str) -> _Key | None:
    """What identifies the unit a name denotes; None for a bare type, which denotes none."""
    kind, standalone, words = unit_parts(name)
    marker = next((_MARKERS[w] for w in words if w in _MARKERS), None)
    rest = tuple(w for w in words if w not in _MARKERS)
    if not rest and not (standalone and kind):
        return None
    numbers = tuple(w for w in rest if w in _ROMAN) + tuple(_DIGITS.findall(" ".join(rest)))
    return _Key(kind, marker, rest, place_in(list(rest)), numbers)


class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _similar_pairs(choices: list[str], cutoff: int, rows: int = 512) -> Iterable[tuple[int, int]]:
    """(i, j), i < j, of the choices at least ``cutoff`` alike; compared a block of rows at a
    time, so memory stays ``rows`` x ``len(choices)`` bytes however many names there are."""
    for first in range(0, len(choices), rows):
        block = process.cdist(choices[first:first + rows], choices, scorer=fuzz.ratio,
                              score_cutoff=cutoff, dtype=np.uint8)
        for i, j in zip(*block.nonzero()):
            if first + i < j:
                yield first + int(i), int(j)


def _join_same_and_misspelt(keys: dict[str, _Key], groups: _UnionFind, cutoff: int) -> None:
    by_kind: dict[tuple[str, str | None], dict[str, list[str]]] = collections.defaultdict(dict)
    for name, key in keys.items():
        by_kind[(key.kind, key.marker)].setdefault(key.compact, []).append(name)
    for compacts in by_kind.values():
        for names in compacts.values():
            for name in names[1:]:
                groups.union(name, names[0])
        choices = [c for c in compacts if len(c) >= MIN_FUZZY_LENGTH]
        if len(choices) < 2:
            continue
        for i, j in _similar_pairs(choices, cutoff):
            a, b = compacts[choices[i]][0], compacts[choices[j]][0]
            if keys[a].may_join(keys[b]):
                groups.union(a, b)


def _join_shorter_names(keys: dict[str, _Key], groups: _UnionFind) -> None:
    containing: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for name, key in keys.items():
        for word in key.words:
            containing[(key.kind, word)].append(name)
    for name, key in keys.items():
        if not key.words:
            continue
        candidates = {groups.find(other) for other in containing[(key.kind, key.words[0])]
                      if other != name and set(key.words) <= set(keys[other].words) and key.may_join(keys[other])
                      and key.place in (None, keys[other].place) and (key.marker is None or keys[other].marker == key.marker)}
        candidates.discard(groups.find(name))
        if len(candidates) == 1:
            groups.union(name, candidates.pop())


def group_units(names: Iterable[str] | Mapping[str, int], fuzzy_cutoff: int = FUZZY_CUTOFF) -> dict[str, str]:
    """Each name -> the name that stands for its group: the most frequent (``names`` may map a
    name to how often it occurs), then the longest. A name that denotes no unit by itself maps
    to itself. Names at least ``fuzzy_cutoff`` alike (rapidfuzz ratio) are one name misspelt."""
    counts = collections.Counter(names)
    keys = {name: key for name in counts if (key := _key(name)) is not None}
    groups = _UnionFind(keys)
    _join_same_and_misspelt(keys, groups, fuzzy_cutoff)
    _join_shorter_names(keys, groups)
    members: dict[str, list[str]] = collections.defaultdict(list)
    for name in keys:
        members[groups.find(name)].append(name)
    out = {name: name for name in counts}
    for names_of_one in members.values():
        best = max(names_of_one, key=lambda n: (counts[n], len(n), n))
        out.update({name: best for name in names_of_one})
    return out
