"""Ask a run's tables questions: which claims match, and is a statement supported?

:func:`find_claims` filters the claims of a run (with each claim's source);
:func:`check` reads a statement with the same pipeline as the articles, then
lists the records that support it and those that contradict it, with a verdict:
``supported``, ``contradicted``, ``disputed`` (both) or ``not found``.

A unit is looked up by any of its names (:mod:`extract.across.resolve` groups them
across articles) or by a part of its name; a scheme by its id or a part of its
name; a predicate by its label or a part of it. All matching ignores case.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..mine.consistency import has_levels
from ..across.crosscheck import SCORE_TOLERANCE
from ..io.sources import SOURCE_COLUMNS, with_sources
from ..io.load import read_table
from ..runner.stages import mine
from ..mine.predicates import schemes
from ..records import Article, Claim
from ..across.resolve import group_units
from ..mine.unit_names import canonical_unit

EVIDENCE_COLUMNS = ["unit", "unit_text", "predicate", "grade", "scheme", "awarder", "score", "year", "date",
                    "flags", "sentence", "start", "end", "rule_id", "article_id", "url", "site", "published"]


def evidence(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The claims of articles read ``ok``, with their sources, in the columns a query shows."""
    return with_sources(claims, articles)[EVIDENCE_COLUMNS]


def _claims(out_dir: str | Path) -> pd.DataFrame:
    return evidence(read_table(out_dir, "claims", notebook=False),
                    read_table(out_dir, "articles", notebook=False, columns=SOURCE_COLUMNS))


def _unit_mask(claims: pd.DataFrame, unit: str) -> pd.Series:
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
    claims = _claims(out_dir)
    mask = pd.Series(True, index=claims.index)
    if unit:
        mask &= _unit_mask(claims, unit)
    if year is not None:
        mask &= claims["year"] == year
    if scheme:
        mask &= claims["scheme"].isin(_scheme_ids(scheme))
    if predicate:
        mask &= claims["predicate"].str.casefold().str.contains(predicate.casefold(), regex=False).fillna(False)
    found = claims[mask.fillna(False)]
    return found.sort_values(["unit", "year", "published"], na_position="last").reset_index(drop=True)


@dataclass(slots=True)
class ClaimCheck:
    """The records bearing on one claim read from a statement."""
    claim: Claim
    supporting: pd.DataFrame
    contradicting: pd.DataFrame

    @property
    def verdict(self) -> str:
        if len(self.supporting) and len(self.contradicting):
            return "disputed"
        if len(self.supporting):
            return "supported"
        return "contradicted" if len(self.contradicting) else "not found"


@dataclass(slots=True)
class CheckResult:
    statement: str
    checks: list[ClaimCheck] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """One word for the whole statement: every claim supported, any contradicted, ..."""
        verdicts = {c.verdict for c in self.checks}
        if not verdicts:
            return "not understood"
        for verdict in ("contradicted", "disputed", "not found"):
            if verdict in verdicts:
                return verdict
        return "supported"

    def lines(self) -> list[str]:
        out = [f"statement: {self.statement}"]
        if not self.checks:
            out.append("verdict: not understood (no unit and predicate found in the statement)")
        for check in self.checks:
            c = check.claim
            details = ", ".join(str(x) for x in (c.scheme, c.grade, c.score, c.year) if x is not None)
            out += [f"read as: {c.unit} - {c.predicate} ({details})",
                    f"verdict: {check.verdict} ({len(check.supporting)} supporting, "
                    f"{len(check.contradicting)} contradicting)"]
            for sign, name, frame in (("+", "supports", check.supporting), ("-", "contradicts", check.contradicting)):
                if len(frame):
                    out.append(f"{name}:")
                    out += [line for row in frame.itertuples() for line in evidence_lines(row, sign)]
        return out


def evidence_lines(row, sign: str = "*") -> list[str]:
    """A claim with its evidence, for a terminal: what, where from, the sentence, the URL."""
    score = "" if pd.isna(row.score) else f", score {row.score:g}"
    grade = "" if pd.isna(row.grade) else f" ({row.grade})"
    year = "" if pd.isna(row.year) else f", {row.year}"
    published = "" if pd.isna(row.published) else f", {row.published}"
    lines = [f"  {sign} {row.unit}: {row.predicate}{grade}{score}{year} [{row.scheme}]"
             f" - {'unknown site' if pd.isna(row.site) else row.site}{published}",
             f"    \u201c{' '.join(str(row.sentence).split())}\u201d"]
    lines += [f"    ! {flag}" for flag in (row.flags if row.flags is not None else [])]
    lines.append(f"    {row.article_id if pd.isna(row.url) else row.url}")
    return lines


def _statement_claims(statement: str) -> list[Claim]:
    article = Article(article_id="statement", source="statement", url=None, title=None, site=None, author=None,
                      published=None, language="id", text=statement)
    return mine(article).claims


def _check_one(claims: pd.DataFrame, claim: Claim) -> ClaimCheck:
    same = claims[_unit_mask(claims, claim.unit).fillna(False)]
    if claim.scheme:
        same = same[same["scheme"] == claim.scheme]
    if claim.year is not None:
        same = same[same["year"] == claim.year]
    agrees = same["predicate"] == claim.predicate
    if claim.score is not None:
        score_differs = same["score"].notna() & ((same["score"] - claim.score).abs() > SCORE_TOLERANCE)
    else:
        score_differs = pd.Series(False, index=same.index)
    level_differs = ~agrees if claim.scheme and has_levels(claim.scheme) else pd.Series(False, index=same.index)
    contradicts = (level_differs | (agrees & score_differs)) if claim.year is not None else agrees & score_differs
    return ClaimCheck(claim, same[agrees & ~score_differs].reset_index(drop=True),
                      same[contradicts].reset_index(drop=True))


def check(out_dir: str | Path, statement: str) -> CheckResult:
    """Read ``statement`` ("Kemensos meraih predikat Kepatuhan Tinggi tahun 2021") with the
    pipeline and weigh each claim in it against the records of the run in ``out_dir``.

    A record supports a claim when it names the same unit (any of its names), scheme
    and year (any year when the statement gives none) and the same predicate, with
    no other score. It contradicts the claim when, for that year, it gives another
    level of the scheme or another score.
    """
    claims = _claims(out_dir)
    return CheckResult(statement, [_check_one(claims, c) for c in _statement_claims(statement)])
