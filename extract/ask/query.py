"""Ask a run's tables which claims match: :func:`find_claims` filters the claims of a run (with
each claim's source); :mod:`extract.ask.verdicts` weighs a statement against them.

A unit is looked up by any of its names (:mod:`extract.across.resolve` groups them
across articles) or by a part of its name; a scheme by its id or a part of its
name; a predicate by its label or a part of it. All matching ignores case.
"""
from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from ..io.sources import SOURCE_COLUMNS, with_sources
from ..io.load import read_table
from ..mine.predicates import schemes
from ..across.resolve import group_units
from ..mine.unit_names import canonical_unit

EVIDENCE_COLUMNS = ["unit", "unit_text", "predicate", "grade", "scheme", "awarder", "score", "year", "date",
                    "consistency_flags", "sentence", "evidence", "start", "end", "rule_id", "article_id", "source", "url", "site",
                    "published"]


def evidence(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The claims of articles read ``ok``, with their sources, in the columns a query shows (a table
    written before claims had an ``evidence`` shows their sentence)."""
    shown = with_sources(claims, articles)[EVIDENCE_COLUMNS]
    return shown.assign(evidence=shown["evidence"].fillna(shown["sentence"]))


def claims_with_sources(out_dir: str | Path) -> pd.DataFrame:
    """The claims of the run in ``out_dir`` with their sources; ``FileNotFoundError`` when it holds no run."""
    if not (Path(out_dir) / "articles.parquet").exists():
        raise FileNotFoundError(f"{out_dir}: no run here (no articles.parquet); give the --out directory of a run")
    return evidence(read_table(out_dir, "claims", notebook=False),
                    read_table(out_dir, "articles", notebook=False, columns=SOURCE_COLUMNS))


def unit_mask(claims: pd.DataFrame, unit: str) -> pd.Series:
    """Claims about ``unit``: of its group of names (read as the pipeline reads a name: "Pemprov
    Jatim" is Pemerintah Provinsi Jawa Timur), or with ``unit`` in their name."""
    name = canonical_unit(unit) or unit
    groups = group_units(collections.Counter(claims["unit"].astype(str).tolist() + [name]))
    wanted = unit.casefold()
    same_group = claims["unit"].astype(str).map(groups) == groups[name]
    in_name = claims["unit"].str.casefold().str.contains(wanted, regex=False) \
        | claims["unit_text"].str.casefold().str.contains(wanted, regex=False)
    return same_group | in_name.fillna(False)


def _scheme_ids(scheme: str) -> set[str]:
    wanted = scheme.casefold()
    return {s.scheme for s in schemes().values()
            if wanted == s.scheme.casefold() or wanted in s.name.casefold() or wanted in map(str.casefold, s.aliases)}


def find_claims(out_dir: str | Path, *, unit: str | None = None, year: int | None = None,
                scheme: str | None = None, predicate: str | None = None) -> pd.DataFrame:
    """The claims of a run that match every filter given, with their article's URL, site and date."""
    claims = claims_with_sources(out_dir)
    mask = pd.Series(True, index=claims.index)
    if unit:
        mask &= unit_mask(claims, unit)
    if year is not None:
        mask &= claims["year"] == year
    if scheme:
        mask &= claims["scheme"].isin(_scheme_ids(scheme))
    if predicate:
        mask &= claims["predicate"].str.casefold().str.contains(predicate.casefold(), regex=False).fillna(False)
    found = claims[mask.fillna(False)]
    return found.sort_values(["unit", "year", "published"], na_position="last").reset_index(drop=True)


LIST_SEPARATOR = "; "


def for_csv(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with each list (``consistency_flags``) as text a spreadsheet reads: joined with "; ".

    >>> for_csv(pd.DataFrame({"consistency_flags": [["a: x", "b: y"], [], None]}))["consistency_flags"].tolist()
    ['a: x; b: y', '', '']
    """
    out = claims.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            out[column] = out[column].map(lambda v: LIST_SEPARATOR.join(map(str, plain(v) or [])))
    return out


def plain(value: object) -> object:
    """A table value as JSON takes it: None for a missing one, a list for a list, dates as ISO text.

    >>> plain(float("nan")), plain(pd.NA), plain(np.array(["a"])), plain(np.int16(3)), plain(dt.date(2022, 3, 8))
    (None, None, ['a'], 3, '2022-03-08')
    """
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if value is None or pd.isna(value):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()
    return value.item() if isinstance(value, np.generic) else value


def _given(value) -> bool:
    return plain(value) is not None


def source_name(row) -> str:
    """Where a claim was read, for a reader: its site; a file read from disk (no URL) is a "local file"."""
    if _given(row["site"]):
        return row["site"]
    return "unknown site" if _given(row["url"]) else "local file"


def source_location(row) -> str:
    """The claim's URL, else the name of the file it was read from (with its line or offset).

    >>> source_location({"url": None, "source": "corpus/b2-sleman.txt", "article_id": "9f2c"})
    'b2-sleman.txt'
    """
    if _given(row["url"]):
        return row["url"]
    return Path(row["source"]).name if _given(row.get("source")) else row["article_id"]


def evidence_lines(row, sign: str = "*") -> list[str]:
    """A claim (a row of :func:`find_claims`, by column name) with its evidence, for a terminal:
    what, where from, the sentence, the URL."""
    score = f", score {row['score']:g}" if _given(row["score"]) else ""
    grade = f" ({row['grade']})" if _given(row["grade"]) else ""
    year = f", {row['year']}" if _given(row["year"]) else ""
    published = f", {row['published']}" if _given(row["published"]) else ""
    lines = [f"  {sign} {row['unit']}: {row['predicate']}{grade}{score}{year} [{row['scheme']}]"
             f" - {source_name(row)}{published}",
             f"    \u201c{' '.join(str(row['evidence']).split())}\u201d"]
    lines += [f"    ! {flag}" for flag in (row["consistency_flags"] if _given(row["consistency_flags"]) else [])]
    lines.append(f"    {source_location(row)}")
    return lines
