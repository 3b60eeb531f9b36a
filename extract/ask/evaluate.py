"""Measure a run against gold annotations (the ``shared/gold/README.md`` format).

Per field, micro-averaged over the gold articles: claims as unit + predicate
pairs (a unit matches when its canonical name or its surface is one of the
gold names, compared case-insensitively without punctuation or quote marks;
claims matching ``optional_claims`` count neither way), scores (distinct values
to two decimals), dates of day precision, and officials (speakers' full names).
Gold joins the run's ``articles`` by URL, else by its ``file`` in
``articles.source``.

>>> normalise_name("Balai Rehsos Anak “Handayani”,")
'balai rehsos anak handayani'
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import regex

from ..io.load import load
from ..status import UsageError

FIELDS = ("claims", "scores", "dates", "officials")


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    return " ".join(regex.sub(r"[\p{P}\p{S}]+", " ", name.casefold()).split())


@dataclass(slots=True)
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class ArticleErrors:
    gold_file: str
    article_id: str | None
    missed: dict[str, list] = field(default_factory=dict)
    false_positives: dict[str, list] = field(default_factory=dict)


@dataclass(slots=True)
class Report:
    fields: dict[str, FieldScore]
    articles: list[ArticleErrors]
    attributes: dict[str, list[int]] = field(default_factory=dict)   # agreeing, compared (matched claims)

    @property
    def found(self) -> int:
        """How many gold articles are in the run (the others count as missed)."""
        return sum(article.article_id is not None for article in self.articles)

    def coverage(self) -> str:
        return f"coverage: {self.found} of {len(self.articles)} gold articles are in the run"

    def table(self) -> str:
        lines = [self.coverage(), f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, s in self.fields.items():
            lines.append(f"{name:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
        if self.attributes:
            agreement = ", ".join(f"{name} {ok}/{n}" for name, (ok, n) in self.attributes.items())
            lines.append(f"matched claims agreeing on: {agreement}")
        return "\n".join(lines)

    def errors(self) -> str:
        lines = []
        for article in self.articles:
            if not any(article.missed.values()) and not any(article.false_positives.values()):
                continue
            lines.append(f"{article.gold_file} ({article.article_id or 'not in the run'})")
            for name in (*FIELDS, "claim attributes"):
                for item in article.missed.get(name, []):
                    lines.append(f"  miss {name}: {item}")
                for item in article.false_positives.get(name, []):
                    lines.append(f"  fp   {name}: {item}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"coverage": {"found": self.found, "gold": len(self.articles)},
                "fields": {n: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp,
                               "fn": s.fn} for n, s in self.fields.items()},
                "claim_attributes": {n: {"agree": ok, "compared": total} for n, (ok, total) in self.attributes.items()},
                "articles": [{"gold_file": a.gold_file, "article_id": a.article_id, "missed": a.missed,
                              "false_positives": a.false_positives} for a in self.articles]}


def _find_article(gold: dict, articles: pd.DataFrame) -> str | None:
    url = gold.get("url")
    if url:
        hits = articles[articles["url"] == url]
        if len(hits):
            return hits.iloc[0]["article_id"]
    file = gold.get("file")
    if file:
        names = articles["source"].fillna("").map(lambda s: Path(regex.sub(r"[:@]\d+$", "", s)).name)
        hits = articles[names == file]
        if len(hits) == 1:
            return hits.iloc[0]["article_id"]
    return None


ATTRIBUTES = ("grade", "score", "year", "awarder")


def _same(attribute: str, got, wanted) -> bool:
    if attribute == "score":
        return (wanted is None and pd.isna(got)) or (wanted is not None and not pd.isna(got)
                                                     and round(float(got), 2) == round(float(wanted), 2))
    if attribute == "year":
        return (wanted is None and pd.isna(got)) or (wanted is not None and not pd.isna(got) and int(got) == int(wanted))
    return normalise_name(None if pd.isna(got) else got) == normalise_name(wanted)


def _match_claims(gold: dict, claims: pd.DataFrame, score: FieldScore, errors: ArticleErrors,
                  attributes: dict[str, list[int]]) -> None:
    def key_of(g):
        return {normalise_name(u) for u in g.get("unit", [])}, normalise_name(g.get("predicate"))
    wanted = [key_of(g) for g in gold.get("claims", [])]
    optional = [key_of(g) for g in gold.get("optional_claims", [])]
    matched = [False] * len(wanted)
    fps, disagreements = [], []
    for row in claims.itertuples():
        names = {normalise_name(row.unit), normalise_name(row.unit_text)}
        predicate = normalise_name(row.predicate)
        hit = next((i for i, (units, p) in enumerate(wanted) if p == predicate and names & units and not matched[i]), None)
        if hit is not None:
            matched[hit] = True
            score.tp += 1
            for attribute in ATTRIBUTES:
                expected = gold["claims"][hit].get(attribute)
                ok = _same(attribute, getattr(row, attribute), expected)
                attributes[attribute][0] += ok
                attributes[attribute][1] += 1
                if not ok:
                    disagreements.append(f"{row.unit} | {row.predicate}: {attribute} {getattr(row, attribute)!s}, gold {expected!s}")
        elif any(p in (predicate, "") and names & units for units, p in optional):
            continue
        else:
            fps.append(f"{row.unit} | {row.predicate}")
    misses = [f"{g['unit'][0] if g.get('unit') else '?'} | {g.get('predicate')}"
              for g, m in zip(gold.get("claims", []), matched) if not m]
    score.fp += len(fps)
    score.fn += len(misses)
    errors.missed["claims"], errors.false_positives["claims"] = misses, fps
    errors.false_positives["claim attributes"] = disagreements


def _match_sets(name: str, wanted: set, got: set, score: FieldScore, errors: ArticleErrors) -> None:
    score.tp += len(wanted & got)
    score.fp += len(got - wanted)
    score.fn += len(wanted - got)
    errors.missed[name] = sorted(wanted - got)
    errors.false_positives[name] = sorted(got - wanted)


def evaluate(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score the run in ``pred_dir`` against every ``*.json`` gold file in ``gold_dir``
    (:class:`~extract.status.UsageError` when there is none)."""
    if not sorted(Path(gold_dir).glob("*.json")):
        raise UsageError(f"{gold_dir}: no gold files (*.json) there; give --gold the folder of the gold annotations")
    tables = load(pred_dir, notebook=False)
    articles = tables["articles"]
    fields = {name: FieldScore() for name in FIELDS}
    attributes = {name: [0, 0] for name in ATTRIBUTES}
    reports = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article_id = _find_article(gold, articles)
        errors = ArticleErrors(path.name, article_id)
        of = lambda table: tables[table][tables[table]["article_id"] == article_id]
        mentions = of("mentions")
        _match_claims(gold, of("claims"), fields["claims"], errors, attributes)
        _match_sets("scores", {round(float(s), 2) for s in gold.get("scores", [])},
                    {round(float(v), 2) for v in mentions.loc[mentions["label"] == "SCORE", "value_num"].dropna()},
                    fields["scores"], errors)
        day_dates = mentions[(mentions["label"] == "DATE") & (mentions["precision"] == "day")]
        _match_sets("dates", set(gold.get("dates", [])), {d.isoformat() for d in day_dates["value_date"].dropna()},
                    fields["dates"], errors)
        _match_sets("officials", {normalise_name(o["name"]) for o in gold.get("officials", [])},
                    {normalise_name(s) for s in of("quotes")["speaker"].dropna()}, fields["officials"], errors)
        reports.append(errors)
    return Report(fields, reports, attributes)
