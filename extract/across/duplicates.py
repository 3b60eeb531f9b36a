"""The same article more than once: under several URLs, or the same URL read twice.

Each article carries a ``fingerprint``, a hash of its text normalised (case,
accents' composition, invisible characters, punctuation and spacing do not
count). Records are taken in input order (shard by shard, record by record,
the same order whatever the number of workers or the cluster): a record whose
URL (``article_id``) or fingerprint an earlier record already had is a
``duplicate``; its ``duplicate_of`` is the ``article_id`` of the first record
of the chain, and it has no mentions, claims or quotes, so that every article
is counted once.

Two steps find them. Within a shard, :class:`Seen` spots a copy before it is
mined. After every shard is done, :func:`mark_duplicates` looks across the
shards' ``articles`` parts, marks the later copies there and removes their rows
from the other tables, each part rewritten under a temporary name and renamed,
so that a run killed during the pass is finished by the next. A record that an
earlier run marked a duplicate of an article no longer among the inputs has no
rows left to restore: its shard is named in the result for the runner to redo.
"""
from __future__ import annotations

import collections
import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..records import Article
from ..status import Status
from ..io.schema import TABLES
from ..io.tables import table_dir

log = logging.getLogger(__name__)

ELIGIBLE = (Status.OK, Status.DUPLICATE)   # rows whose text takes part in the comparison
_WORDS = re.compile(r"[^\W_]+")   # runs of letters and digits, as \p{L}\p{N} (the standard re is faster here)


def fingerprint(text: str) -> str | None:
    """A hash of what the text says, blind to case, invisible characters, punctuation and spacing.

    >>> fingerprint("Pemkot  Palembang\\u200b raih WBK.") == fingerprint("PEMKOT Palembang raih WBK")
    True
    >>> fingerprint(" \\n") is None
    True
    """
    words = _WORDS.findall(unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold())
    if not words:
        return None
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


def reason(source: str, what: str, first_source: str, first_id: str) -> str:
    return f"{source}: the same {what} as {first_source} (article {first_id}); counted there"


class Seen:
    """The URLs and texts of the records of one shard so far: a later copy is found before it is mined."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}                    # article_id -> source of its first record
        self._texts: dict[str, tuple[str, str]] = {}      # fingerprint -> (article_id, source)

    def first_copy(self, article: Article) -> tuple[str, str, str] | None:
        """(what matched, article_id, source) of an earlier record this one repeats, if any."""
        if article.article_id in self._ids:
            return "URL", article.article_id, self._ids[article.article_id]
        first = self._texts.get(article.fingerprint) if article.fingerprint else None
        return ("text", *first) if first else None

    def add(self, article: Article) -> None:
        if article.status in ELIGIBLE and article.fingerprint:
            self._ids.setdefault(article.article_id, article.source)
            self._texts.setdefault(article.fingerprint, (article.article_id, article.source))

    def checkpoint(self) -> tuple[int, int]:
        """What has been seen so far, for :meth:`rewind`."""
        return len(self._ids), len(self._texts)

    def rewind(self, checkpoint: tuple[int, int]) -> None:
        """Forget the records added since ``checkpoint`` (dicts keep insertion order: they are the last)."""
        for seen, size in zip((self._ids, self._texts), checkpoint):
            while len(seen) > size:
                seen.popitem()


def mark_in_shard(article: Article, seen: Seen) -> None:
    """Mark ``article`` a duplicate if an earlier record of its shard had its URL or text."""
    first = seen.first_copy(article) if article.status == Status.OK else None
    if first is not None:
        what, first_id, first_source = first
        article.status, article.duplicate_of = Status.DUPLICATE, first_id
        article.error = reason(article.source, what, first_source, first_id)


@dataclass(slots=True)
class DuplicateSummary:
    statuses: collections.Counter = field(default_factory=collections.Counter)   # of every row, after the pass
    marked: int = 0            # rows this pass turned into duplicates
    rows_removed: collections.Counter = field(default_factory=collections.Counter)
    stale: list[str] = field(default_factory=list)    # parts whose shards must be processed again


def _read_articles(out_dir: Path, parts: list[str]) -> tuple[pa.Table, np.ndarray]:
    columns = ["article_id", "source", "status", "fingerprint", "duplicate_of"]
    tables, bounds = [], [0]
    for part in parts:
        path = table_dir(out_dir, "articles") / f"{part}.parquet"
        table = pq.read_table(path, columns=columns, schema=TABLES["articles"]) if path.exists() \
            else TABLES["articles"].empty_table().select(columns)
        tables.append(table)
        bounds.append(bounds[-1] + table.num_rows)
    if not tables:
        return TABLES["articles"].empty_table().select(columns), np.zeros(1, dtype=np.int64)
    return pa.concat_tables(tables), np.array(bounds)


def _first_of_each(codes: np.ndarray) -> np.ndarray:
    """For each position, the first position holding the same code."""
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    return first[inverse.ravel()]


def _decide(articles: pa.Table) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: is it a duplicate, the row of its first copy, and whether the URL (not the text) matched."""
    n = articles.num_rows
    status = articles["status"].to_numpy(zero_copy_only=False)
    has_text = pc.is_valid(articles["fingerprint"]).to_numpy(zero_copy_only=False)
    eligible = np.flatnonzero(np.isin(status, [s.value for s in ELIGIBLE]) & has_text)
    duplicate = np.zeros(n, dtype=bool)
    root = np.arange(n)
    by_url = np.zeros(n, dtype=bool)
    if len(eligible):
        ids = pc.dictionary_encode(articles["article_id"].take(eligible)).combine_chunks().indices.to_numpy()
        prints = pc.dictionary_encode(articles["fingerprint"].take(eligible)).combine_chunks().indices.to_numpy()
        first_id, first_print = _first_of_each(ids), _first_of_each(prints)
        target = np.minimum(first_id, first_print)
        position = np.arange(len(eligible))
        chain = target.copy()
        while True:                       # follow copies of copies to the first record
            further = chain[chain]
            if np.array_equal(further, chain):
                break
            chain = further
        is_copy = target < position
        duplicate[eligible] = is_copy
        root[eligible] = eligible[chain]
        by_url[eligible] = is_copy & (first_id == target)
    return duplicate, root, by_url


def _replace(table: pa.Table, path: Path) -> None:
    """Rewrite a part, keeping the metadata it was written with."""
    temp = path.with_name(f".{path.stem}.{os.getpid()}.dedup.tmp")
    pq.write_table(table.replace_schema_metadata(pq.read_schema(path).metadata), temp, compression="zstd")
    os.replace(temp, path)


def mark_duplicates(out_dir: str | Path, parts: list[str]) -> DuplicateSummary:
    """Mark later copies across the ``parts`` (in input order) and drop their rows from the other tables.

    Holds five short columns of the articles table in memory (ids, sources,
    statuses, fingerprints, duplicate_of: some 100 bytes a row); only the rows
    that are or were duplicates become Python objects.
    """
    out_dir = Path(out_dir)
    summary = DuplicateSummary()
    articles, bounds = _read_articles(out_dir, parts)
    duplicate, root, by_url = _decide(articles)
    stored_duplicate = pc.equal(articles["status"], Status.DUPLICATE.value).to_numpy(zero_copy_only=False)
    has_text = pc.is_valid(articles["fingerprint"]).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(duplicate | (stored_duplicate & has_text))
    take = lambda column, where: articles[column].take(pa.array(where, pa.int64())).to_pylist()
    ids, sources, stored_of = take("article_id", rows), take("source", rows), take("duplicate_of", rows)
    first_ids, first_sources = take("article_id", root[rows]), take("source", root[rows])
    changes: dict[int, dict[int, tuple[str, str]]] = collections.defaultdict(dict)   # part -> offset -> change
    dropped: dict[int, set[str]] = collections.defaultdict(set)
    for k, row in enumerate(rows.tolist()):
        part = int(np.searchsorted(bounds, row, side="right")) - 1
        if not duplicate[row]:
            summary.stale.append(parts[part])    # a copy of an article that is gone: mine it again
            continue
        if not stored_duplicate[row]:
            summary.marked += 1
            dropped[part].add(ids[k])
        if not stored_duplicate[row] or stored_of[k] != first_ids[k]:
            what = "URL" if by_url[row] else "text"
            changes[part][row - int(bounds[part])] = (first_ids[k], reason(sources[k], what, first_sources[k],
                                                                           first_ids[k]))
    summary.stale = sorted(set(summary.stale), key=parts.index)
    stale = set(summary.stale)
    for part, edits in changes.items():
        if parts[part] not in stale:
            _rewrite(out_dir, parts[part], edits, dropped[part], summary)
    counts = pc.value_counts(articles["status"]).to_pylist()
    summary.statuses.update({item["values"]: item["counts"] for item in counts})
    if summary.marked:
        summary.statuses[Status.OK] -= summary.marked
        summary.statuses[Status.DUPLICATE] += summary.marked
        log.info("%d articles marked as duplicates of earlier ones", summary.marked)
    return summary


def _rewrite(out_dir: Path, part: str, edits: dict[int, tuple[str, str]], dropped: set[str],
             summary: DuplicateSummary) -> None:
    """One part: rows of newly found copies out of the other tables first, then the articles rows marked."""
    path = table_dir(out_dir, "articles") / f"{part}.parquet"
    articles = pq.read_table(path, schema=TABLES["articles"])
    kept = {article_id for offset, (article_id, status) in enumerate(zip(articles["article_id"].to_pylist(),
                                                                        articles["status"].to_pylist()))
            if status == Status.OK and offset not in edits}
    dropped = dropped - kept    # rows of a URL mined here stay with the record that is counted
    for name in ("mentions", "claims", "quotes"):
        table_path = table_dir(out_dir, name) / f"{part}.parquet"
        if not dropped or not table_path.exists():
            continue
        table = pq.read_table(table_path, schema=TABLES[name])
        keep = pc.invert(pc.is_in(table["article_id"], value_set=pa.array(sorted(dropped), pa.string())))
        removed = table.num_rows - pc.sum(keep).as_py() if table.num_rows else 0
        if removed:
            summary.rows_removed[name] += removed
            _replace(table.filter(keep), table_path)
    columns = {name: articles[name].to_pylist() for name in ("status", "duplicate_of", "error")}
    for offset, (first_id, reason) in edits.items():
        columns["status"][offset], columns["duplicate_of"][offset], columns["error"][offset] = \
            Status.DUPLICATE.value, first_id, reason
    for name, values in columns.items():
        articles = articles.set_column(articles.schema.get_field_index(name), name, pa.array(values, pa.string()))
    _replace(articles, path)
