"""The one definition of the output tables: column order and dtypes.

Every writer and reader goes through these schemas, so a column changes here or
nowhere. The README's "Output tables" section documents each column.
"""
from __future__ import annotations

import pyarrow as pa

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("site", pa.string()),
    ("author", pa.string()),
    ("published", pa.date32()),
    ("language", pa.string()),
    ("text", pa.string()),
    ("status", pa.string()),
    ("error", pa.string()),
    ("fingerprint", pa.string()),
    ("duplicate_of", pa.string()),
])

MENTIONS = pa.schema([
    ("article_id", pa.string()),
    ("label", pa.string()),
    ("text", pa.string()),
    ("value", pa.string()),
    ("value_num", pa.float64()),
    ("value_date", pa.date32()),
    ("precision", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("rule_id", pa.string()),
])

CLAIMS = pa.schema([
    ("article_id", pa.string()),
    ("unit", pa.string()),
    ("unit_text", pa.string()),
    ("predicate", pa.string()),
    ("grade", pa.string()),
    ("scheme", pa.string()),
    ("awarder", pa.string()),
    ("score", pa.float64()),
    ("score_text", pa.string()),
    ("year", pa.int16()),
    ("date", pa.date32()),
    ("sentence", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("rule_id", pa.string()),
    ("flags", pa.list_(pa.string())),
])

QUOTES = pa.schema([
    ("article_id", pa.string()),
    ("speaker", pa.string()),
    ("speaker_text", pa.string()),
    ("role", pa.string()),
    ("quote", pa.string()),
    ("direct", pa.bool_()),
    ("cue", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
])

SUPPORT = pa.schema([
    ("unit", pa.string()),
    ("scheme", pa.string()),
    ("year", pa.int16()),
    ("predicate", pa.string()),
    ("grade", pa.string()),
    ("score", pa.float64()),
    ("articles", pa.int32()),
    ("sites", pa.int32()),
    ("article_ids", pa.list_(pa.string())),
    ("urls", pa.list_(pa.string())),
    ("first_published", pa.date32()),
    ("conflict_id", pa.string()),
])

CONFLICTS = pa.schema([
    ("conflict_id", pa.string()),
    ("unit", pa.string()),
    ("scheme", pa.string()),
    ("year", pa.int16()),
    ("disputed", pa.string()),
    ("predicate", pa.string()),
    ("grade", pa.string()),
    ("score", pa.float64()),
    ("support", pa.int32()),
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("site", pa.string()),
    ("published", pa.date32()),
    ("unit_text", pa.string()),
    ("sentence", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("rule_id", pa.string()),
])

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
