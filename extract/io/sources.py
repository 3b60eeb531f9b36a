"""Claims joined with their sources: the articles read ``ok`` they come from.

The one join of claims and articles, for Arrow tables (the cross-check) and DataFrames (queries,
the report) alike.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..status import Status

SOURCE_COLUMNS = ["article_id", "source", "url", "site", "published", "status"]   # not the text: memory stays small


def with_sources(claims: pa.Table | pd.DataFrame, articles: pa.Table | pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The claims of articles read ``ok``, each with its article's URL, site and date (of the kind given)."""
    if isinstance(claims, pa.Table):
        ok = articles.filter(pc.equal(articles["status"], Status.OK.value)).drop_columns(["status"])
        return claims.join(ok, "article_id", join_type="inner", use_threads=False)
    sources = articles.loc[articles["status"] == Status.OK, SOURCE_COLUMNS[:-1]]
    return claims.merge(sources.drop_duplicates("article_id"), on="article_id", how="inner")
