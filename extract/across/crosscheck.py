"""Across articles: which results are repeated (support) and which disagree (conflicts).

Run at the end of every run, over the whole claims table, and callable on its own
(``extract.crosscheck(DIR)``). Unit names are grouped across articles
(:mod:`extract.across.resolve`); claims are then grouped by unit, scheme and year.

- ``support``: one row per result (unit, scheme, year, predicate) with the
  articles and sites that state it. Repeats of one claim count once per article.
- ``conflicts``: for a unit, scheme and year whose articles give different levels
  (in schemes whose labels are levels, :func:`~extract.mine.consistency.has_levels`),
  different grades, or different scores, one row per claim involved, with its
  article, sentence and URL. Claims with no year are never in conflict: a
  unit's result changes from year to year.

Only articles with status ``ok`` count. The grouping runs in Arrow on the few
columns it needs (no article text, no sentences); the evidence sentences are
read afterwards for the claims in conflicts only, so memory grows with the
number of claims by about a hundred bytes each.
"""
from __future__ import annotations

import collections
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..mine.consistency import has_levels
from ..io.load import read_arrow
from ..io.sources import SOURCE_COLUMNS, with_sources
from ..records import ConflictSide, Support
from ..settings import FUZZY_CUTOFF
from .resolve import group_units
from ..io.schema import ALL_TABLES
from ..io.tables import write_table

log = logging.getLogger(__name__)

SCORE_TOLERANCE = 0.005       # scores written with different decimals ("84,3" and "84,30") agree
KEY_COLUMNS = ["article_id", "unit", "predicate", "grade", "scheme", "score", "year", "start"]
SENTENCE_COLUMNS = ["article_id", "start", "predicate", "unit_text", "sentence", "end", "rule_id", "evidence"]
_RESULT = ["unit_group", "scheme", "year", "predicate"]
_GROUP = ["unit_group", "scheme", "year"]


@dataclass(slots=True)
class CrossCheck:
    support: list[Support]
    conflicts: list[ConflictSide]


def conflict_id(unit: str, scheme: str, year: int) -> str:
    """A stable id for the disagreement about one unit, scheme and year.

    >>> conflict_id("Pemerintah Kabupaten Ngawi", "KEPATUHAN", 2021)
    'c-03a12d48310a'
    """
    return "c-" + hashlib.sha1(f"{unit}|{scheme}|{year}".encode()).hexdigest()[:12]


def _arrow(frame: pd.DataFrame | pa.Table, name: str, columns: list[str]) -> pa.Table:
    """``columns`` of a table given as a DataFrame or Arrow table, with the schema's types."""
    table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    schema = pa.schema([ALL_TABLES[name].field(c) for c in columns if c in table.column_names])
    return table.select(schema.names).cast(schema)


def _with_unit_groups(joined: pa.Table, fuzzy_cutoff: int) -> pa.Table:
    """Claims with their sources (:func:`~extract.io.sources.with_sources`) and their unit's group."""
    counts = pc.value_counts(joined["unit"]).to_pylist()
    groups = group_units({c["values"]: c["counts"] for c in counts}, fuzzy_cutoff)
    names = pa.array(list(groups), pa.string())
    group_of = pc.take(pa.array(list(groups.values()), pa.string()), pc.index_in(joined["unit"], value_set=names))
    return joined.append_column("unit_group", group_of)


def _rows(table: pa.Table, keys: list[str]) -> dict[tuple, dict]:
    return {tuple(row[k] for k in keys): row for row in table.to_pylist()}


def _most_common(joined: pa.Table, column: str) -> dict[tuple, object]:
    """Per result, the value of ``column`` most of its claims give (ties: the larger)."""
    valid = joined.filter(pc.is_valid(joined[column]))
    counted = valid.group_by(_RESULT + [column], use_threads=False).aggregate([("article_id", "count")]).to_pylist()
    best: dict[tuple, tuple] = {}
    for row in counted:
        key, candidate = tuple(row[k] for k in _RESULT), (row["article_id_count"], row[column])
        if key not in best or candidate > best[key]:
            best[key] = candidate
    return {key: value for key, (_, value) in best.items()}


def _disputed(joined: pa.Table) -> dict[tuple, list[str]]:
    """(unit group, scheme, year) -> the fields its claims disagree on, for groups with a scheme and year."""
    dated = joined.filter(pc.and_(pc.is_valid(joined["year"]), pc.is_valid(joined["scheme"])))
    kinds = dated.group_by(_GROUP, use_threads=False).aggregate([("predicate", "count_distinct"), ("grade", "count_distinct")])
    spread = dated.group_by(_RESULT, use_threads=False).aggregate([("score", "min"), ("score", "max")])
    scores = collections.defaultdict(bool)
    for row in spread.to_pylist():
        if row["score_min"] is not None and row["score_max"] - row["score_min"] > SCORE_TOLERANCE:
            scores[tuple(row[k] for k in _GROUP)] = True
    disputed = {}
    for row in kinds.to_pylist():
        key = tuple(row[k] for k in _GROUP)
        levels = has_levels(row["scheme"])
        fields = [name for name, differs in (("predicate", levels and row["predicate_count_distinct"] > 1),
                                             ("grade", levels and row["grade_count_distinct"] > 1),
                                             ("score", scores[key])) if differs]
        if fields:
            disputed[key] = fields
    return disputed


def _support(joined: pa.Table, disputed: dict[tuple, list[str]]) -> list[Support]:
    stated = joined.group_by(_RESULT, use_threads=False).aggregate([
        ("article_id", "count_distinct"), ("site", "count_distinct"), ("article_id", "distinct"),
        ("url", "distinct"), ("published", "min")])
    grades, scores = _most_common(joined, "grade"), _most_common(joined, "score")
    out = []
    for key, row in sorted(_rows(stated, _RESULT).items(), key=lambda item: _order(item[0])):
        unit, scheme, year, predicate = key
        out.append(Support(unit, scheme, year, predicate, grades.get(key), scores.get(key),
                           row["article_id_count_distinct"], row["site_count_distinct"],
                           sorted(a for a in row["article_id_distinct"] if a), sorted(u for u in row["url_distinct"] if u),
                           row["published_min"], conflict_id(unit, scheme, year) if key[:3] in disputed else None))
    return out


def _order(key: tuple) -> tuple:
    return tuple((value is None, value if value is not None else 0) for value in key)


def _sides(joined: pa.Table, disputed: dict[tuple, list[str]], evidence: Callable[[list[str]], pa.Table]) -> list[ConflictSide]:
    if not disputed:
        return []
    keys = pc.binary_join_element_wise(joined["unit_group"], joined["scheme"],
                                       pc.cast(joined["year"], pa.string()), "\x1f")
    wanted = pa.array(["\x1f".join(map(str, key)) for key in disputed], pa.string())
    claims = joined.filter(pc.is_in(keys, value_set=wanted)).to_pylist()
    said = {(e["article_id"], e["start"], e["predicate"]): e
            for e in evidence(sorted({c["article_id"] for c in claims})).to_pylist()}
    stating = {(tuple(c[k] for k in _GROUP), c["predicate"], c["article_id"]) for c in claims}
    support = collections.Counter((group, predicate) for group, predicate, _ in stating)   # articles, not claims
    out = []
    for c in sorted(claims, key=lambda c: (c["unit_group"], c["scheme"], c["year"], c["predicate"],
                                           c["published"] is None, c["published"] or dt.date.min, c["article_id"],
                                           c["start"])):
        group = tuple(c[k] for k in _GROUP)
        e = said[(c["article_id"], c["start"], c["predicate"])]
        out.append(ConflictSide(conflict_id(*group), c["unit_group"], c["scheme"], c["year"], ", ".join(disputed[group]),
                                c["predicate"], c["grade"], c["score"], support[(group, c["predicate"])],
                                c["article_id"], c["url"], c["site"], c["published"], e["unit_text"], e["sentence"],
                                e["start"], e["end"], e["rule_id"], e["evidence"]))
    return out


def cross_check(claims: pd.DataFrame | pa.Table, articles: pd.DataFrame | pa.Table,
                evidence: Callable[[list[str]], pa.Table] | None = None,
                fuzzy_cutoff: int = FUZZY_CUTOFF) -> CrossCheck:
    """The support and conflicts of a run's claims and articles (Arrow tables or DataFrames).

    ``evidence`` gives the evidence columns of the claims of some articles; by
    default they are taken from ``claims``."""
    joined = _with_unit_groups(with_sources(_arrow(claims, "claims", KEY_COLUMNS),
                                            _arrow(articles, "articles", SOURCE_COLUMNS)), fuzzy_cutoff)
    if evidence is None:
        everything = _arrow(claims, "claims", SENTENCE_COLUMNS)
        evidence = lambda ids: everything.filter(pc.is_in(everything["article_id"], value_set=pa.array(ids, pa.string())))  # noqa: E731
    disputed = _disputed(joined)
    return CrossCheck(_support(joined, disputed), _sides(joined, disputed, evidence))


def crosscheck(out_dir: str | Path, fuzzy_cutoff: int = FUZZY_CUTOFF) -> CrossCheck:
    """Compute the support and conflicts tables of the run in ``out_dir`` and write them there."""
    out_dir = Path(out_dir)
    result = cross_check(read_arrow(out_dir, "claims", KEY_COLUMNS), read_arrow(out_dir, "articles", SOURCE_COLUMNS),
                         lambda ids: read_arrow(out_dir, "claims", SENTENCE_COLUMNS, [("article_id", "in", ids)]),
                         fuzzy_cutoff)
    parameters = {"fuzzy_cutoff": fuzzy_cutoff, "score_tolerance": SCORE_TOLERANCE}
    write_table(out_dir, "support", result.support, parameters)
    write_table(out_dir, "conflicts", result.conflicts, parameters)
    log.info("%s: %d results, %d claims in conflicts", out_dir, len(result.support), len(result.conflicts))
    return result
