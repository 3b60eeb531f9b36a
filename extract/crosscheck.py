"""Across articles: which results are repeated (support) and which disagree (conflicts).

Run at the end of every run, over the whole claims table, and callable on its own
(``extract.crosscheck(DIR)``). Unit names are grouped across articles
(:mod:`extract.resolve`); claims are then grouped by unit, scheme and year.

- ``support``: one row per result (unit, scheme, year, predicate) with the
  articles and sites that state it. Repeats of one claim count once per article.
- ``conflicts``: for a unit, scheme and year whose articles give different levels
  (in schemes whose labels are levels, :func:`~extract.consistency.has_levels`),
  different grades, or different scores, one row per claim involved, with its
  article, sentence and URL. Claims with no year are never in conflict: a
  unit's result changes from year to year.

Only articles with status ``ok`` count.
"""
from __future__ import annotations

import collections
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .consistency import has_levels
from .load import read_table
from .records import ConflictSide, Support
from .resolve import group_units
from .tables import write_table

log = logging.getLogger(__name__)

SCORE_TOLERANCE = 0.005       # scores written with different decimals ("84,3" and "84,30") agree


@dataclass(slots=True)
class CrossCheck:
    support: list[Support]
    conflicts: list[ConflictSide]


def _none(value):
    """pandas' missing values (None, NaN, NA) as None."""
    return None if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else value


def _claims_with_sources(claims: pd.DataFrame, articles: pd.DataFrame) -> list[tuple]:
    """(claim, unit group, url, site, published) for the claims of articles read ``ok``."""
    ok = articles[articles["status"] == "ok"]
    sources = {row.article_id: (_none(row.url), _none(row.site), _none(row.published))
               for row in ok[["article_id", "url", "site", "published"]].itertuples(index=False)}
    rows = [row for row in claims.itertuples(index=False) if row.article_id in sources]
    groups = group_units(collections.Counter(row.unit for row in rows))
    return [(row, groups[row.unit], *sources[row.article_id]) for row in rows]


def _distinct_scores(scores: list[float]) -> list[float]:
    distinct: list[float] = []
    for score in sorted(scores):
        if not distinct or score - distinct[-1] > SCORE_TOLERANCE:
            distinct.append(score)
    return distinct


def _disputed(rows: list[tuple], scheme: str) -> list[str]:
    fields = []
    if has_levels(scheme) and len({r[0].predicate for r in rows}) > 1:
        fields.append("predicate")
    if has_levels(scheme) and len({g for r in rows if (g := _none(r[0].grade))}) > 1:
        fields.append("grade")
    scores: dict[str, list[float]] = collections.defaultdict(list)
    for r in rows:
        if _none(r[0].score) is not None:
            scores[r[0].predicate].append(float(r[0].score))
    if any(len(_distinct_scores(values)) > 1 for values in scores.values()):
        fields.append("score")
    return fields


def conflict_id(unit: str, scheme: str, year: int) -> str:
    """A stable id for the disagreement about one unit, scheme and year.

    >>> conflict_id("Pemerintah Kabupaten Ngawi", "KEPATUHAN", 2021)
    'c-03a12d48310a'
    """
    return "c-" + hashlib.sha1(f"{unit}|{scheme}|{year}".encode()).hexdigest()[:12]


def _side_order(r: tuple) -> tuple:
    return r[0].predicate, r[4] is None, r[4] or dt.date.min, r[0].article_id, r[0].start


def _sides(cid: str, unit: str, scheme: str, year: int, disputed: list[str], rows: list[tuple]) -> list[ConflictSide]:
    support = collections.Counter()
    for predicate, article in {(r[0].predicate, r[0].article_id) for r in rows}:
        support[predicate] += 1
    return [ConflictSide(cid, unit, scheme, year, ", ".join(disputed), c.predicate, _none(c.grade), _none(c.score),
                         support[c.predicate], c.article_id, url, site, published, c.unit_text, c.sentence,
                         int(c.start), int(c.end), c.rule_id)
            for c, _, url, site, published in sorted(rows, key=_side_order)]


def _most_common(values: list):
    counts = collections.Counter(values)
    return max(counts, key=lambda v: (counts[v], v)) if counts else None


def _support(unit: str, scheme: str | None, year: int | None, predicate: str, rows: list[tuple],
             cid: str | None) -> Support:
    published = [r[4] for r in rows if r[4] is not None]
    return Support(unit, scheme, year, predicate,
                   _most_common([g for r in rows if (g := _none(r[0].grade))]),
                   _most_common([float(r[0].score) for r in rows if _none(r[0].score) is not None]),
                   len({r[0].article_id for r in rows}), len({r[3] for r in rows if r[3]}),
                   sorted({r[0].article_id for r in rows}), sorted({r[2] for r in rows if r[2]}),
                   min(published) if published else None, cid)


def cross_check(claims: pd.DataFrame, articles: pd.DataFrame) -> CrossCheck:
    """The support and conflicts of a run's claims (tables as ``read_table(..., notebook=False)`` returns them)."""
    grouped: dict[tuple, list[tuple]] = collections.defaultdict(list)
    for row in _claims_with_sources(claims, articles):
        year = _none(row[0].year)
        grouped[(row[1], _none(row[0].scheme), None if year is None else int(year))].append(row)
    support, conflicts = [], []
    for unit, scheme, year in sorted(grouped, key=lambda k: (k[0], k[1] or "", -1 if k[2] is None else k[2])):
        rows = grouped[(unit, scheme, year)]
        disputed = _disputed(rows, scheme) if year is not None and scheme is not None else []
        cid = conflict_id(unit, scheme, year) if disputed else None
        if disputed:
            conflicts += _sides(cid, unit, scheme, year, disputed, rows)
        by_predicate: dict[str, list[tuple]] = collections.defaultdict(list)
        for row in rows:
            by_predicate[row[0].predicate].append(row)
        support += [_support(unit, scheme, year, p, by_predicate[p], cid) for p in sorted(by_predicate)]
    return CrossCheck(support, conflicts)


def crosscheck(out_dir: str | Path) -> CrossCheck:
    """Compute the support and conflicts tables of the run in ``out_dir`` and write them there."""
    result = cross_check(read_table(out_dir, "claims", notebook=False), read_table(out_dir, "articles", notebook=False))
    write_table(out_dir, "support", result.support)
    write_table(out_dir, "conflicts", result.conflicts)
    log.info("%s: %d results, %d claims in conflicts", out_dir, len(result.support), len(result.conflicts))
    return result
