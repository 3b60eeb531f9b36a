"""A run as one self-contained HTML page: summary charts, the claims table to work in, the
conflicts, and the inputs that were not read.

No server and no CDN: the charts are inline SVG drawn here, the style and the script are inline
(:mod:`extract.ask.report_assets`), and the page opens from disk. The claims table sorts by any
column, filters (``report.html#q=Ngawi`` opens it filtered, ``#sort=score`` sorted), exports the
rows in view as CSV, and shows each claim's evidence (its unit marked, a results-table row as its
cells), its consistency flags, the article's quote nearest to it with its speaker, and its source.
It reads as cards on a phone.
"""
from __future__ import annotations

import bisect
import collections
import datetime as dt
import html
import logging
import re
from pathlib import Path

import pandas as pd

from ..about import __version__
from ..io.load import read_table
from ..io.tables import note_written
from ..io.sources import SOURCE_COLUMNS
from ..mine.claim_evidence import GAP
from ..status import Group, Status, group_of
from .links import source_link
from .query import evidence, plain, source_location, source_name
from .report_assets import SCRIPT, STYLE

log = logging.getLogger(__name__)

MAX_CLAIMS = 5000           # rows in the table; a larger run is summarised and the table cut, with a note
QUOTE_CHARS = 280           # a longer quote is cut, with an ellipsis
# (key, header, kind): the claims table's columns, in order
COLUMNS = [("unit", "unit", "text"), ("predicate", "predicate", "text"), ("grade", "grade", "text"),
           ("score", "score", "number"), ("scheme", "scheme", "text"), ("year", "year", "number"),
           ("evidence", "evidence", "text"), ("consistency_flags", "flags", "text"), ("quote", "quote", "text"),
           ("source", "source", "text"), ("published", "published", "text")]
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEPARATOR_ROW = re.compile(r"^[\s|:\-]+$")


def _e(value) -> str:
    value = plain(value)
    return "" if value is None else html.escape(str(value))


def bar_chart(counts: dict, title: str, chart_id: str, width: int = 420) -> str:
    """Horizontal bars as inline SVG, one per key, labelled with its count.

    >>> svg = bar_chart({"PEKPPP": 3, "ZI": 1}, "Claims per scheme", "c1")
    >>> svg.count("<rect"), "Claims per scheme" in svg
    (2, True)
    """
    items = list(counts.items())
    bar, gap, label_width = 18, 6, 130
    height = max(1, len(items)) * (bar + gap) + 10
    top = max((n for _, n in items), default=1) or 1
    parts = [f'<figure id="{chart_id}"><figcaption>{html.escape(title)}</figcaption>'
             f'<svg role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (key, n) in enumerate(items):
        y = 5 + i * (bar + gap)
        length = max(2, (width - label_width - 50) * n / top)
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{_e(key)}</text>'
                     f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}"><title>{_e(key)}: {n}</title></rect>'
                     f'<text x="{label_width + length + 4:.1f}" y="{y + 13}">{n}</text>')
    if not items:
        parts.append('<text x="10" y="14">no claims</text>')
    return "".join(parts) + "</svg></figure>"


def _marked(text: str, unit_text: str | None) -> str:
    """Words escaped, the unit as the article wrote it marked (its first time)."""
    escaped = html.escape(" ".join(text.split()))
    if unit_text:
        unit = html.escape(" ".join(unit_text.split()))
        escaped = escaped.replace(unit, f"<mark>{unit}</mark>", 1)
    return escaped


def _segment_html(segment: str, unit_text: str | None) -> tuple[str, str | None]:
    """One sentence, or the lines of one, for the page; and the unit still to mark."""
    pieces = []
    for line in segment.split("\n"):
        row = _TABLE_ROW.match(line)
        if row and _SEPARATOR_ROW.match(line):
            continue
        if row:
            cells = [c.strip() for c in row.group(1).split("|") if c.strip()]
            pieces.append('<span class="cells">' + "".join(f"<span>{_marked(c, unit_text)}</span>" for c in cells)
                          + "</span>")
            unit_text = None if unit_text and any(unit_text in c for c in cells) else unit_text
        elif line.strip():
            pieces.append(_marked(line, unit_text))
            unit_text = None if unit_text and unit_text in line else unit_text
    return " ".join(pieces), unit_text


def evidence_html(text: str, unit_text: str | None = None) -> str:
    """A claim's evidence for the page: sentences as words, a results-table row as its cells
    (never the raw pipes), sentences apart joined by a muted ellipsis.

    >>> evidence_html("| 2 | DPMPTSP Kabupaten Deli Serdang | 4,22 |", "DPMPTSP Kabupaten Deli Serdang")
    '<span class="cells"><span>2</span><span><mark>DPMPTSP Kabupaten Deli Serdang</mark></span><span>4,22</span></span>'
    >>> evidence_html("Unit berikut meraih predikat A: … |---|---|\\n| 1 | RSUD Daya |")
    'Unit berikut meraih predikat A: <span class="gap">…</span> <span class="cells"><span>1</span><span>RSUD Daya</span></span>'
    """
    shown = []
    for segment in str(text).split(GAP):
        piece, unit_text = _segment_html(segment, unit_text)
        shown.append(piece)
    return f' <span class="gap">{html.escape(GAP.strip())}</span> '.join(p for p in shown if p)


def nearest_quotes(claims: pd.DataFrame, quotes: pd.DataFrame) -> list[dict | None]:
    """For each claim, the quote of its article nearest to its sentence (None when it quotes nobody)."""
    by_article: dict[str, list[dict]] = collections.defaultdict(list)
    for quote in quotes.sort_values("start").to_dict("records"):
        by_article[quote["article_id"]].append(quote)
    out = []
    for claim in claims.itertuples():
        said = by_article.get(claim.article_id, [])
        at = bisect.bisect_left([q["start"] for q in said], claim.start)
        near = [q for q in said[max(0, at - 1):at + 1]]
        out.append(min(near, key=lambda q: abs(q["start"] - claim.start)) if near else None)
    return out


def _quote_html(quote: dict | None) -> tuple[str, str]:
    """(cell HTML, plain value for CSV and sorting) of a claim's quote."""
    if quote is None:
        return "", ""
    words = " ".join(str(quote["quote"]).split())
    words = words if len(words) <= QUOTE_CHARS else words[:QUOTE_CHARS].rsplit(" ", 1)[0] + "\u2026"
    role = f", {quote['role']}" if plain(quote.get("role")) else ""
    value = f"\u201c{words}\u201d \u2014 {quote['speaker']}{role}"
    return (f'<span class="quote">&ldquo;{html.escape(words)}&rdquo;</span> '
            f'<span class="speaker">&mdash; {html.escape(str(quote["speaker"]))}{html.escape(role)}</span>', value)


def link(url: str, text: str) -> str:
    """The one place the page links to a source: ``text`` (HTML) linked to ``url`` when it is a web
    address, else shown with it as text (:func:`~extract.ask.links.source_link`)."""
    return source_link(url, text)


def _source_html(record: dict) -> str:
    """Where a claim was read: its site linked to its URL; a file read from disk by its file name,
    as a "local file"."""
    name = html.escape(source_name(record))
    if plain(record.get("url")) is not None:
        return link(record["url"], name)
    return f'{html.escape(source_location(record))}<br><span class="muted">{name}</span>'


def _cell(key: str, header: str, content: str, value: str | None = None) -> str:
    data_value = "" if value is None else f' data-value="{html.escape(value)}"'
    return f'<td class="c-{key}" data-label="{header}"{data_value}>{content}</td>'


def _claim_row(index: int, row, conflict_of: dict, quote: dict | None) -> str:
    flags = plain(row.consistency_flags) or []
    cid = conflict_of.get((row.article_id, row.start, row.predicate))
    classes = " ".join(c for c, on in (("flagged", flags), ("in-conflict", cid)) if on)
    record = row._asdict()
    conflict = f' <a class="badge" href="#{cid}">conflict</a>' if cid else ""
    quote_html, quote_value = _quote_html(quote)
    score = "" if plain(row.score) is None else f"{row.score:g}"
    cells = [_cell("unit", "unit", f"{_e(row.unit)}{conflict}", str(row.unit)),
             _cell("predicate", "predicate", _e(row.predicate)), _cell("grade", "grade", _e(row.grade)),
             _cell("score", "score", score, score), _cell("scheme", "scheme", _e(row.scheme)),
             _cell("year", "year", _e(row.year), _e(row.year)),
             _cell("evidence", "evidence", f'<span class="sentence">{evidence_html(row.evidence, row.unit_text)}</span>',
                   " ".join(str(row.evidence).split())),
             _cell("consistency_flags", "flags", "".join(f'<span class="flag">&#9873; {_e(f)}</span>' for f in flags),
                   "; ".join(flags)),
             _cell("quote", "quote", quote_html, quote_value),
             _cell("source", "source", _source_html(record), source_location(record)),
             _cell("published", "published", _e(row.published))]
    return f'<tr id="claim-{index}" class="{classes}" data-scheme="{_e(row.scheme)}">{"".join(cells)}</tr>'


def _conflict_block(cid: str, sides: pd.DataFrame, row_of: dict) -> str:
    first = sides.iloc[0]
    parts = [f'<div class="conflict" id="{_e(cid)}"><h3>{_e(first.unit)} &middot; {_e(first.scheme)} '
             f'{_e(first.year)} &middot; disputed: {_e(first.disputed)}</h3>']
    for side in sides.itertuples():
        score = "" if pd.isna(side.score) else f", score {side.score:g}"
        anchor = row_of.get((side.article_id, side.start, side.predicate))
        link = f' <a href="#claim-{anchor}">row</a>' if anchor is not None else ""
        parts.append(f'<div class="side"><b>{_e(side.predicate)}</b>{score} '
                     f'<span class="muted">({side.support} article{"s" if side.support != 1 else ""})</span> '
                     f'&mdash; {_source_html(side._asdict())} {_e(side.published)}{link}<br>'
                     f'<span class="sentence">&ldquo;{evidence_html(plain(side.evidence) or side.sentence, side.unit_text)}'
                     '&rdquo;</span></div>')
    return "".join(parts) + "</div>"


def _inputs_not_read(articles: pd.DataFrame) -> str:
    """The inputs that failed (and those skipped), each with its status and reason."""
    missed = articles[articles["status"] != Status.OK]
    failed = int((missed["status"].map(group_of) == Group.FAILED).sum())
    heading = f'<h2 id="not-read">Inputs not read ({failed} failed, {len(missed) - failed} skipped)</h2>'
    if not len(missed):
        return heading + '<p class="muted">Every input was read.</p>'
    rows = "".join(f"<tr><td>{_e(r['source'])}</td><td>{_e(r['status'])} "
                   f'<span class="muted">({group_of(r["status"]).value})</span></td><td>{_e(r["error"])}</td></tr>'
                   for r in missed.sort_values(["status", "source"]).to_dict("records"))
    return (heading + '<table class="inputs"><thead><tr><th>input</th><th>status</th><th>reason</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _claims_table(shown: pd.DataFrame, conflict_of: dict, quotes: list) -> str:
    headers = "".join(f'<th class="c-{key}" data-key="{key}" data-type="{kind}"><button type="button">{label}</button></th>'
                      for key, label, kind in COLUMNS)
    rows = "".join(_claim_row(i, row, conflict_of, quote) for i, (row, quote) in enumerate(zip(shown.itertuples(), quotes)))
    return f'<table id="claims"><thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table>'


def render_report(claims: pd.DataFrame, articles: pd.DataFrame, conflicts: pd.DataFrame, title: str,
                  quotes: pd.DataFrame | None = None) -> str:
    """The page's HTML, from the tables as ``read_table(..., notebook=False)`` returns them."""
    ok = articles[articles["status"] == Status.OK]
    claims = evidence(claims, articles)
    claims = claims.sort_values(["unit", "year", "published"], na_position="last").reset_index(drop=True)
    conflict_of = {(r.article_id, r.start, r.predicate): r.conflict_id for r in conflicts.itertuples()}
    conflicts = conflicts.merge(articles[["article_id", "source"]].drop_duplicates("article_id"), on="article_id",
                                how="left")
    shown = claims.head(MAX_CLAIMS)
    row_of = {(r.article_id, r.start, r.predicate): i for i, r in enumerate(shown.itertuples())}
    flagged = int(claims["consistency_flags"].map(lambda f: len(plain(f) or []) > 0).sum())
    per_scheme = collections.Counter(claims["scheme"].fillna("unknown"))
    per_year = collections.Counter(claims["year"].dropna().astype(int))
    schemes = sorted(claims["scheme"].dropna().unique())
    conflict_count = conflicts["conflict_id"].nunique() if len(conflicts) else 0
    cut = (f'<p class="muted">The table shows the first {MAX_CLAIMS} of {len(claims)} claims.</p>'
           if len(claims) > MAX_CLAIMS else "")
    summary = "".join(f"<div><b>{n}</b>{html.escape(label)}</div>" for label, n in [
        ("articles", len(articles)), ("read", len(ok)), ("claims", len(claims)), ("flagged claims", flagged),
        ("conflicts", conflict_count)])
    quoted = nearest_quotes(shown, quotes if quotes is not None else pd.DataFrame(columns=["article_id", "start"]))
    return "".join([
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head><body>',
        f"<h1>{html.escape(title)}</h1><p class=\"muted\">extract {__version__}, {dt.date.today().isoformat()}</p>",
        f'<section class="summary">{summary}</section>',
        '<section class="charts">', bar_chart(dict(per_scheme.most_common()), "Claims per scheme", "chart-schemes"),
        bar_chart(dict(sorted(per_year.items())), "Claims per year", "chart-years"), "</section>",
        f'<h2 id="conflicts-heading">Conflicts ({conflict_count})</h2>',
        "".join(_conflict_block(cid, sides, row_of) for cid, sides in conflicts.groupby("conflict_id", sort=False))
        or '<p class="muted">No two articles disagree.</p>',
        '<h2>Claims</h2><div class="filters"><input type="search" id="q" aria-label="filter" '
        'placeholder="filter: unit, predicate, words of the evidence">',
        '<select id="scheme" aria-label="scheme"><option value="">all schemes</option>',
        "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in schemes), "</select>",
        '<label><input type="checkbox" id="flagged"> flagged only</label>',
        '<label><input type="checkbox" id="conflicted"> in conflict only</label>',
        '<span class="muted"><span id="shown"></span> shown</span>',
        '<a id="export" class="button" download="claims.csv" href="#">CSV of the rows in view</a></div>', cut,
        _claims_table(shown, conflict_of, quoted), _inputs_not_read(articles),
        f"<script>{SCRIPT}</script></body></html>",
    ])


def write_report(out_dir: str | Path, path: str | Path | None = None, title: str | None = None) -> Path:
    """Write the report of the run in ``out_dir`` to ``path`` (default ``DIR/report.html``; its folder
    is made when missing)."""
    out_dir = Path(out_dir)
    path = Path(path) if path else out_dir / "report.html"
    articles = read_table(out_dir, "articles", notebook=False, columns=[*SOURCE_COLUMNS, "error"])
    page = render_report(read_table(out_dir, "claims", notebook=False), articles,
                         read_table(out_dir, "conflicts", notebook=False), title or f"Claims in {out_dir.name}",
                         read_table(out_dir, "quotes", notebook=False,
                                    columns=["article_id", "speaker", "role", "quote", "start"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    note_written(out_dir, path)    # never read as input by a later run into out_dir
    log.info("report written to %s", path)
    return path
