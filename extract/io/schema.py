"""The one definition of the output tables: column order, dtypes and what each column means.

Every writer and reader goes through these schemas, so a column changes here or nowhere. The
README's "Output tables" section documents each column at length; the one-line description of
each column here is written into every parquet file (:func:`file_metadata`), with the program's
version, the schema's version and the run's parameters, so that a file found later explains itself:

>>> md = file_metadata("claims", {"fuzzy_cutoff": 90})
>>> sorted(md)[:3], json.loads(md["extract.columns"])["score"]
(['extract.columns', 'extract.description', 'extract.run'], "the unit's score, within the scheme's range, null if none is given")
"""
from __future__ import annotations

import json

import pyarrow as pa

from ..about import __version__

# Bumped when a column is added, removed, renamed or changes type.
SCHEMA_VERSION = "3"
KEY_PREFIX = "extract."


def _table(description: str, *columns: tuple[str, pa.DataType, str]) -> pa.Schema:
    """A table's schema; each field carries its description, the schema the table's."""
    fields = [pa.field(name, kind, metadata={"description": about}) for name, kind, about in columns]
    return pa.schema(fields, metadata={"description": description})


_OFFSETS = "character offsets into articles.text"

ARTICLES = _table(
    "one row per input record, read or not, with its status",
    ("article_id", pa.string(), "stable id: 16 hex digits of the SHA-1 of the URL, else of the text (of the source when failed)"),
    ("source", pa.string(), "where the record came from: file path, path:line (JSONL), path@offset (WARC), or the URL"),
    ("url", pa.string(), "the article URL (canonical link, og:url, WARC target URI, JSONL url), null if unknown"),
    ("title", pa.string(), "the title from the page metadata, the record, or a text file's first line"),
    ("site", pa.string(), "site name from the page metadata or the URL's host"),
    ("author", pa.string(), "author from the page metadata or the record"),
    ("published", pa.date32(), "publication date: page metadata, else the record's field, else the dateline"),
    ("language", pa.string(), "id, en, jv, su, ms or und, by function-word share; only id and und are mined"),
    ("text", pa.string(), "the cleaned article: the title on the first line, then the body, a paragraph a line"),
    ("status", pa.string(), "ok; skipped: language, duplicate; failed: read_error, empty, not_text, ... (README, Bad input)"),
    ("error", pa.string(), "a readable reason naming the input (and the limit hit, or the first copy), null when ok"),
    ("fingerprint", pa.string(), "16 hex digits of the SHA-1 of the normalised text: equal for the same content"),
    ("duplicate_of", pa.string(), "for a duplicate, the article_id of the first record with its text or URL"),
)

MENTIONS = _table(
    "every field found in the articles' text",
    ("article_id", pa.string(), "the article"),
    ("label", pa.string(), "UNIT, PREDICATE, SCORE, DATE, OFFICIAL or AWARDER"),
    ("text", pa.string(), "the surface text, exactly articles.text[start:end]"),
    ("value", pa.string(), "normalised value: canonical unit, predicate label, score, ISO date, full name, awarder"),
    ("value_num", pa.float64(), "the score as a number (SCORE only)"),
    ("value_date", pa.date32(), "the date (DATE only; the first day of a month or year for coarser precision)"),
    ("precision", pa.string(), "day, month or year (DATE only)"),
    ("start", pa.int32(), _OFFSETS),
    ("end", pa.int32(), _OFFSETS),
    ("rule_id", pa.string(), "the rule that matched"),
)

CLAIMS = _table(
    "who got what: a unit, the predicate it obtained, and the sentence that says so",
    ("article_id", pa.string(), "the article"),
    ("unit", pa.string(), "canonical unit name (acronyms expanded, short forms joined to the article's fullest name)"),
    ("unit_text", pa.string(), "the unit as the sentence writes it"),
    ("predicate", pa.string(), "the scheme's canonical label (Pelayanan Prima, Kepatuhan Tinggi, WBK, ...)"),
    ("grade", pa.string(), "letter grade or zone (A, A-, Zona Hijau), null when the scheme has none"),
    ("scheme", pa.string(), "PEKPPP, KEPATUHAN, OPINI, KIP, ZI, KIPP, IGA (patterns/schemes.tsv)"),
    ("awarder", pa.string(), "the body that gives the scheme's results (KemenPANRB, Ombudsman RI, ...)"),
    ("score", pa.float64(), "the unit's score, within the scheme's range, null if none is given"),
    ("score_text", pa.string(), "the score as written (81,05)"),
    ("year", pa.int16(), "the evaluation or award year the article assigns"),
    ("date", pa.date32(), "a day-precision date in the claim's sentence (often the ceremony)"),
    ("sentence", pa.string(), "the sentence of the claim's predicate, articles.text[start:end]"),
    ("evidence", pa.string(), "the sentence(s) holding the claim's unit, predicate and score; apart ones joined by ' … '"),
    ("start", pa.int32(), "offset of the sentence's start in articles.text"),
    ("end", pa.int32(), "offset of the sentence's end in articles.text"),
    ("rule_id", pa.string(), "<rule>/<cue id>[+<cue id>...]: how the claim was assembled and the cues that made it"),
    ("consistency_flags", pa.list_(pa.string()), "consistency findings, 'code: reason'; empty when consistent"),
)

QUOTES = _table(
    "what officials said",
    ("article_id", pa.string(), "the article"),
    ("speaker", pa.string(), "canonical full name, honorifics and degrees stripped; short forms and pronouns resolved"),
    ("speaker_text", pa.string(), "how the speaker is written at this quote"),
    ("role", pa.string(), "the position the article gives"),
    ("quote", pa.string(), "what was said"),
    ("direct", pa.bool_(), "true for a quotation in quote marks, false for reported speech"),
    ("cue", pa.string(), "the speech verb (ujar, kata, menjelaskan, ...)"),
    ("start", pa.int32(), "offset of the quotation (direct) or the sentence (reported) in articles.text"),
    ("end", pa.int32(), "end offset of the quotation or the sentence in articles.text"),
)

SUPPORT = _table(
    "each result (unit, scheme, year, predicate) and the articles that state it",
    ("unit", pa.string(), "the name standing for the unit's names across articles"),
    ("scheme", pa.string(), "the result's scheme"),
    ("year", pa.int16(), "the result's year"),
    ("predicate", pa.string(), "the result's predicate"),
    ("grade", pa.string(), "the result's grade"),
    ("score", pa.float64(), "the score most of its articles give, null if none"),
    ("articles", pa.int32(), "how many articles (status ok) state it"),
    ("sites", pa.int32(), "how many distinct sites state it"),
    ("article_ids", pa.list_(pa.string()), "the articles that state it"),
    ("urls", pa.list_(pa.string()), "the URLs of those articles"),
    ("first_published", pa.date32(), "the earliest publication date among them"),
    ("conflict_id", pa.string(), "set when articles give this unit another result for the scheme and year"),
)

CONFLICTS = _table(
    "disagreements between articles, one row per claim involved",
    ("conflict_id", pa.string(), "c- and 12 hex digits of the SHA-1 of unit, scheme and year: stable across runs"),
    ("unit", pa.string(), "the unit the articles disagree about"),
    ("scheme", pa.string(), "the scheme they disagree about"),
    ("year", pa.int16(), "the year they disagree about"),
    ("disputed", pa.string(), "the fields that differ: predicate, grade, score (comma-separated)"),
    ("predicate", pa.string(), "this side's predicate"),
    ("grade", pa.string(), "this side's grade"),
    ("score", pa.float64(), "this side's score"),
    ("support", pa.int32(), "articles giving this side's predicate"),
    ("article_id", pa.string(), "this side's article"),
    ("url", pa.string(), "this side's article URL"),
    ("site", pa.string(), "this side's site"),
    ("published", pa.date32(), "this side's publication date"),
    ("unit_text", pa.string(), "the unit as this side's sentence writes it"),
    ("sentence", pa.string(), "this side's evidence sentence, as in claims"),
    ("start", pa.int32(), "offset of the sentence's start in articles.text"),
    ("end", pa.int32(), "offset of the sentence's end in articles.text"),
    ("rule_id", pa.string(), "the claim's rule id, as in claims"),
    ("evidence", pa.string(), "the sentence(s) holding this side's unit, predicate and score, as in claims"),
)

# Tables written shard by shard, one part file per shard.
TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "mentions": MENTIONS,
    "claims": CLAIMS,
    "quotes": QUOTES,
}

# Tables computed across all articles at the end of a run (:mod:`extract.crosscheck`), one file each.
RUN_TABLES: dict[str, pa.Schema] = {
    "support": SUPPORT,
    "conflicts": CONFLICTS,
}

ALL_TABLES: dict[str, pa.Schema] = {**TABLES, **RUN_TABLES}

# Columns renamed since an earlier schema version: table -> {old name: new name}. Files written
# with the old names are read under the new ones (``claims.flags`` shadowed pandas' DataFrame.flags).
RENAMED: dict[str, dict[str, str]] = {
    "claims": {"flags": "consistency_flags"},
}


def column_descriptions(name: str) -> dict[str, str]:
    """Each column of a table -> its one-line description."""
    return {f.name: f.metadata[b"description"].decode() for f in ALL_TABLES[name]}


def file_metadata(name: str, parameters: dict) -> dict[str, str]:
    """The key-value metadata of a table's parquet files: what wrote it, with which parameters,
    and what each column means."""
    return {f"{KEY_PREFIX}table": name,
            f"{KEY_PREFIX}description": ALL_TABLES[name].metadata[b"description"].decode(),
            f"{KEY_PREFIX}version": __version__,
            f"{KEY_PREFIX}schema_version": SCHEMA_VERSION,
            f"{KEY_PREFIX}run": json.dumps(parameters, sort_keys=True, default=str),
            f"{KEY_PREFIX}columns": json.dumps(column_descriptions(name), ensure_ascii=False)}


def written_schema(name: str, parameters: dict) -> pa.Schema:
    """A table's schema with the metadata its files carry (:func:`file_metadata`)."""
    schema = ALL_TABLES[name]
    return schema.with_metadata({**schema.metadata, **file_metadata(name, parameters)})
