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


def _claims_with_sources(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    sources = articles.loc[articles["status"] == "ok", ["article_id", "url", "site", "published"]]
    joined = claims.merge(sources.drop_duplicates("article_id"), on="article_id", how="inner")
    groups = group_units(collections.Counter(joined["unit"].astype(str)))
    joined["unit_group"] = joined["unit"].astype(str).map(groups)
    return joined


def _distinct_scores(scores: pd.Series) -> list[float]:
    distinct: list[float] = []
    for score in sorted(scores.dropna()):
        if not distinct or score - distinct[-1] > SCORE_TOLERANCE:
            distinct.append(float(score))
    return distinct


def _disputed(rows: pd.DataFrame, scheme: str) -> list[str]:
    fields = []
    if has_levels(scheme) and rows["predicate"].nunique() > 1:
        fields.append("predicate")
    if has_levels(scheme) and rows["grade"].dropna().nunique() > 1:
        fields.append("grade")
    for _, same in rows.groupby("predicate", sort=False):
        if len(_distinct_scores(same["score"])) > 1:
            fields.append("score")
            break
    return fields


def conflict_id(unit: str, scheme: str, year: int) -> str:
    """A stable id for the disagreement about one unit, scheme and year.

    >>> conflict_id("Pemerintah Kabupaten Ngawi", "KEPATUHAN", 2021)
    'c-03a12d48310a'
    """
    return "c-" + hashlib.sha1(f"{unit}|{scheme}|{year}".encode()).hexdigest()[:12]


def _value(value):
    return None if pd.isna(value) else value


def _sides(cid: str, unit: str, scheme: str, year: int, disputed: list[str], rows: pd.DataFrame) -> list[ConflictSide]:
    support = rows.groupby("predicate")["article_id"].nunique()
    return [ConflictSide(cid, unit, scheme, int(year), ", ".join(disputed), row.predicate, _value(row.grade),
                         _value(row.score), int(support[row.predicate]), row.article_id, _value(row.url),
                         _value(row.site), _value(row.published), row.unit_text, row.sentence, int(row.start),
                         int(row.end), row.rule_id)
            for row in rows.sort_values(["predicate", "published", "article_id"], na_position="last").itertuples()]


def _support(unit: str, scheme: str | None, year, predicate: str, rows: pd.DataFrame, cid: str | None) -> Support:
    scores = rows["score"].dropna()
    grades = rows["grade"].dropna()
    published = rows["published"].dropna()
    return Support(unit, scheme, None if pd.isna(year) else int(year), predicate,
                   grades.mode().iloc[0] if len(grades) else None,
                   float(scores.mode().iloc[0]) if len(scores) else None,
                   rows["article_id"].nunique(), rows["site"].dropna().nunique(),
                   sorted(rows["article_id"].unique()), sorted(rows["url"].dropna().unique()),
                   min(published) if len(published) else None, cid)


def cross_check(claims: pd.DataFrame, articles: pd.DataFrame) -> CrossCheck:
    """The support and conflicts of a run's claims (tables as :func:`extract.load` returns them)."""
    joined = _claims_with_sources(claims, articles)
    support, conflicts = [], []
    keys = ["unit_group", "scheme", "year"]
    for (unit, scheme, year), rows in joined.groupby(keys, dropna=False, sort=True):
        disputed = _disputed(rows, scheme) if not pd.isna(year) and not pd.isna(scheme) else []
        cid = conflict_id(unit, scheme, int(year)) if disputed else None
        if disputed:
            conflicts += _sides(cid, unit, scheme, year, disputed, rows)
        for predicate, same in rows.groupby("predicate", sort=True):
            support.append(_support(unit, None if pd.isna(scheme) else scheme, year, predicate, same, cid))
    return CrossCheck(support, conflicts)


def crosscheck(out_dir: str | Path) -> CrossCheck:
    """Compute the support and conflicts tables of the run in ``out_dir`` and write them there."""
    result = cross_check(read_table(out_dir, "claims", notebook=False), read_table(out_dir, "articles", notebook=False))
    write_table(out_dir, "support", result.support)
    write_table(out_dir, "conflicts", result.conflicts)
    log.info("%s: %d results, %d claims in conflicts", out_dir, len(result.support), len(result.conflicts))
    return result
