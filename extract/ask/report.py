"""A run as one self-contained HTML page: summary charts, a filterable claims table, the
conflicts and flags highlighted, every claim with its evidence sentence and source.

No server and no CDN: the charts are inline SVG drawn here, the filter is a few
lines of inline JavaScript, and the page opens from disk. The filter reads
``#q=...`` in the address too, so a link can open the page filtered
(``report.html#q=Ngawi``).
"""
from __future__ import annotations

import collections
import datetime as dt
import html
import logging
from pathlib import Path

import pandas as pd

from ..about import __version__
from ..io.load import read_table
from ..io.sources import SOURCE_COLUMNS
from .query import evidence
from ..status import Status

log = logging.getLogger(__name__)

MAX_CLAIMS = 5000           # rows in the table; a larger run is summarised and the table cut, with a note

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#222}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ddd}
.summary{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}
.summary div{background:#f4f6f8;border-radius:6px;padding:.5em .9em} .summary b{display:block;font-size:1.4em}
.charts{display:flex;gap:2em;flex-wrap:wrap} figure{margin:0} figcaption{font-weight:600;margin-bottom:.3em}
svg text{font-size:11px;fill:#333} svg rect{fill:#4a7bb7}
.filters{display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin:.8em 0}
input[type=search]{width:22em;padding:.3em}
table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #e4e4e4;padding:.35em .4em;
vertical-align:top;text-align:left} th{background:#fafafa;position:sticky;top:0}
tr.flagged{background:#fff8db} tr.in-conflict{background:#fde8e8} tr.flagged.in-conflict{background:#fcdcc4}
.sentence{color:#444;font-size:.92em} mark{background:#ffe58a}
.flag{color:#8a5a00;font-size:.88em;display:block} .conflict{border:2px solid #d9534f;border-radius:6px;
padding:.6em 1em;margin:.8em 0;background:#fff7f7} .conflict h3{margin:.1em 0 .4em;font-size:1em;color:#a12622}
.side{margin:.3em 0 .3em 1em} .muted{color:#777} .badge{background:#d9534f;color:#fff;border-radius:3px;
padding:0 .35em;font-size:.8em}
"""

_SCRIPT = """
(function(){
  var q=document.getElementById('q'), scheme=document.getElementById('scheme'),
      flagged=document.getElementById('flagged'), conflicted=document.getElementById('conflicted'),
      rows=Array.prototype.slice.call(document.querySelectorAll('#claims tbody tr')),
      shown=document.getElementById('shown');
  function apply(){
    var words=q.value.toLowerCase().split(/\\s+/).filter(Boolean), n=0;
    rows.forEach(function(row){
      var text=row.textContent.toLowerCase(),
          ok=words.every(function(w){return text.indexOf(w)>=0;})
            && (!scheme.value || row.dataset.scheme===scheme.value)
            && (!flagged.checked || row.classList.contains('flagged'))
            && (!conflicted.checked || row.classList.contains('in-conflict'));
      row.hidden=!ok; if(ok){n++;}
    });
    shown.textContent=n;
  }
  var hash=decodeURIComponent(location.hash.replace(/^#/,''));
  if(hash.indexOf('q=')===0){q.value=hash.slice(2);}
  [q,scheme,flagged,conflicted].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  apply();
  document.body.dataset.ready='yes';
})();
"""


def _e(value) -> str:
    return "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else html.escape(str(value))


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


def _sentence_html(sentence: str, unit_text: str | None) -> str:
    """The evidence sentence, escaped, with the unit as the article wrote it marked."""
    text = html.escape(" ".join(str(sentence).split()))
    if unit_text:
        escaped = html.escape(" ".join(unit_text.split()))
        text = text.replace(escaped, f"<mark>{escaped}</mark>", 1)
    return text


def _claim_row(index: int, row, conflict_of: dict) -> str:
    flags = list(row.consistency_flags) if row.consistency_flags is not None else []
    cid = conflict_of.get((row.article_id, row.start, row.predicate))
    classes = " ".join(c for c, on in (("flagged", flags), ("in-conflict", cid)) if on)
    source = f'<a href="{_e(row.url)}">{_e(row.site) or "source"}</a>' if _e(row.url) else (_e(row.site) or _e(row.article_id))
    conflict = f' <a class="badge" href="#{cid}">conflict</a>' if cid else ""
    flag_html = "".join(f'<span class="flag">&#9873; {_e(f)}</span>' for f in flags)
    return (f'<tr id="claim-{index}" class="{classes}" data-scheme="{_e(row.scheme)}">'
            f"<td>{_e(row.unit)}{conflict}</td><td>{_e(row.predicate)}</td><td>{_e(row.grade)}</td>"
            f"<td>{'' if pd.isna(row.score) else f'{row.score:g}'}</td><td>{_e(row.scheme)}</td><td>{_e(row.year)}</td>"
            f'<td><span class="sentence">{_sentence_html(row.evidence, row.unit_text)}</span>{flag_html}</td>'
            f"<td>{source}<br><span class=\"muted\">{_e(row.published)}</span></td></tr>")


def _conflict_block(cid: str, sides: pd.DataFrame, row_of: dict) -> str:
    first = sides.iloc[0]
    parts = [f'<div class="conflict" id="{_e(cid)}"><h3>{_e(first.unit)} &middot; {_e(first.scheme)} '
             f'{_e(first.year)} &middot; disputed: {_e(first.disputed)}</h3>']
    for side in sides.itertuples():
        score = "" if pd.isna(side.score) else f", score {side.score:g}"
        anchor = row_of.get((side.article_id, side.start, side.predicate))
        link = f' <a href="#claim-{anchor}">row</a>' if anchor is not None else ""
        source = f'<a href="{_e(side.url)}">{_e(side.site) or _e(side.url)}</a>' if _e(side.url) else _e(side.site)
        parts.append(f'<div class="side"><b>{_e(side.predicate)}</b>{score} '
                     f'<span class="muted">({side.support} article{"s" if side.support != 1 else ""})</span> '
                     f'&mdash; {source} {_e(side.published)}{link}<br>'
                     f'<span class="sentence">&ldquo;{_sentence_html(side.evidence, side.unit_text)}&rdquo;</span></div>')
    return "".join(parts) + "</div>"


def render_report(claims: pd.DataFrame, articles: pd.DataFrame, conflicts: pd.DataFrame, title: str) -> str:
    """The page's HTML, from the tables as ``read_table(..., notebook=False)`` returns them."""
    ok = articles[articles["status"] == Status.OK]
    claims = evidence(claims, articles)
    claims = claims.sort_values(["unit", "year", "published"], na_position="last").reset_index(drop=True)
    conflict_of = {(r.article_id, r.start, r.predicate): r.conflict_id for r in conflicts.itertuples()}
    shown = claims.head(MAX_CLAIMS)
    row_of = {(r.article_id, r.start, r.predicate): i for i, r in enumerate(shown.itertuples())}
    flagged = int(claims["consistency_flags"].map(lambda f: f is not None and len(f) > 0).sum())
    per_scheme = collections.Counter(claims["scheme"].fillna("unknown"))
    per_year = collections.Counter(claims["year"].dropna().astype(int))
    statuses = collections.Counter(articles["status"])
    schemes = sorted(claims["scheme"].dropna().unique())
    cut = (f'<p class="muted">The table shows the first {MAX_CLAIMS} of {len(claims)} claims.</p>'
           if len(claims) > MAX_CLAIMS else "")
    summary = "".join(f"<div><b>{n}</b>{html.escape(label)}</div>" for label, n in [
        ("articles", len(articles)), ("read", len(ok)), ("claims", len(claims)), ("flagged claims", flagged),
        ("conflicts", conflicts["conflict_id"].nunique() if len(conflicts) else 0)])
    failures = ", ".join(f"{_e(s)} {n}" for s, n in sorted(statuses.items()) if s != Status.OK)
    return "".join([
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head><body>',
        f"<h1>{html.escape(title)}</h1><p class=\"muted\">extract {__version__}, {dt.date.today().isoformat()}"
        f"{'; not read: ' + failures if failures else ''}</p>",
        f'<section class="summary">{summary}</section>',
        '<section class="charts">', bar_chart(dict(per_scheme.most_common()), "Claims per scheme", "chart-schemes"),
        bar_chart(dict(sorted(per_year.items())), "Claims per year", "chart-years"), "</section>",
        f'<h2 id="conflicts-heading">Conflicts ({conflicts["conflict_id"].nunique() if len(conflicts) else 0})</h2>',
        "".join(_conflict_block(cid, sides, row_of) for cid, sides in conflicts.groupby("conflict_id", sort=False))
        or '<p class="muted">No two articles disagree.</p>',
        '<h2>Claims</h2><div class="filters"><input type="search" id="q" placeholder="filter: unit, predicate, words of the sentence">',
        '<select id="scheme"><option value="">all schemes</option>',
        "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in schemes), "</select>",
        '<label><input type="checkbox" id="flagged"> flagged only</label>',
        '<label><input type="checkbox" id="conflicted"> in conflict only</label>',
        '<span class="muted"><span id="shown"></span> shown</span></div>', cut,
        '<table id="claims"><thead><tr><th>unit</th><th>predicate</th><th>grade</th><th>score</th><th>scheme</th>'
        "<th>year</th><th>evidence</th><th>source</th></tr></thead><tbody>",
        "".join(_claim_row(i, row, conflict_of) for i, row in enumerate(shown.itertuples())),
        f"</tbody></table><script>{_SCRIPT}</script></body></html>",
    ])


def write_report(out_dir: str | Path, path: str | Path | None = None, title: str | None = None) -> Path:
    """Write the report of the run in ``out_dir`` to ``path`` (default ``DIR/report.html``)."""
    out_dir = Path(out_dir)
    path = Path(path) if path else out_dir / "report.html"
    page = render_report(read_table(out_dir, "claims", notebook=False), read_table(out_dir, "articles", notebook=False, columns=SOURCE_COLUMNS),
                         read_table(out_dir, "conflicts", notebook=False), title or f"Claims in {out_dir.name}")
    path.write_text(page, encoding="utf-8")
    log.info("report written to %s", path)
    return path
