"""Read a run's tables back as pandas DataFrames with their documented dtypes.

>>> import extract, tempfile
>>> tables = extract.load(tempfile.mkdtemp())        # an empty directory: empty tables, typed
>>> tables["claims"].dtypes[["predicate", "score", "year", "date"]].astype(str).tolist()
['category', 'float64', 'Int16', 'datetime64[ms]']
"""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import ALL_TABLES, RENAMED
from .tables import INCOMPLETE, incomplete

log = logging.getLogger(__name__)

# Arrow type -> pandas dtype: nullable integers stay integers, strings are pandas strings.
_PANDAS_TYPES = {
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.string(): pd.StringDtype(),
    pa.bool_(): pd.BooleanDtype(),
}

# Columns holding a label from a small set: categoricals in a notebook.
CATEGORICAL = ("label", "predicate", "grade", "scheme", "awarder", "status", "language", "precision", "disputed",
               "rule_id", "site")


def _old_names(name: str, parts: list[Path]) -> dict[str, str]:
    """The renamed columns (:data:`~extract.io.schema.RENAMED`) some part still has under its old name."""
    renamed = RENAMED.get(name, {})
    if not renamed:
        return {}
    held = {column for part in parts for column in pq.read_schema(part).names}
    return {old: new for old, new in renamed.items() if old in held}


def _read_renamed(parts: list[Path], schema: pa.Schema, renamed: dict[str, str], filters) -> pa.Table:
    """Parts written under earlier column names, each read, renamed and cast to the schema."""
    tables = []
    for part in parts:
        table = pq.read_table(part, filters=filters)
        table = table.rename_columns([renamed.get(column, column) for column in table.column_names])
        missing = [f for f in schema if f.name not in table.column_names]
        for f in missing:
            table = table.append_column(f, pa.nulls(table.num_rows, f.type))
        tables.append(table.select(schema.names).cast(schema))
    return pa.concat_tables(tables)


def read_arrow(out_dir: str | Path, name: str, columns: list[str] | None = None, filters=None) -> pa.Table:
    """One table (a directory of part files, or one file) as an Arrow table with its schema;
    ``columns`` and ``filters`` (pyarrow's) read only part of it. A table written before a
    column was renamed is read under the new name."""
    path = Path(out_dir) / f"{name}.parquet"
    parts = sorted(path.glob("*.parquet")) if path.is_dir() else [path] if path.exists() else []
    schema = ALL_TABLES[name]
    if not parts:
        table = schema.empty_table()
    elif renamed := _old_names(name, parts):
        table = _read_renamed(parts, schema, renamed, filters)
    else:
        table = pq.read_table(path, schema=schema, columns=columns, filters=filters)
    return table if columns is None else table.select(columns)


def read_table(out_dir: str | Path, name: str, *, notebook: bool = True,
               columns: list[str] | None = None) -> pd.DataFrame:
    """One table (a directory of part files, or one file) as a DataFrame.

    ``notebook`` (the default) makes label columns categoricals and dates
    ``datetime64``; without it labels stay strings and dates ``datetime.date``.
    ``columns`` reads only those (``articles`` without its ``text`` is a fraction of it).
    """
    table = read_arrow(out_dir, name, columns)
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get, date_as_object=not notebook)
    if notebook:
        for column in CATEGORICAL:
            if column in frame:
                frame[column] = frame[column].astype("category")
    return frame


def load(out_dir: str | Path, *, notebook: bool = True) -> dict[str, pd.DataFrame]:
    """Every table of a run, by name (see :func:`read_table`). The tables of a run that has not
    finished are read with a warning, and each frame's ``attrs["incomplete"]`` is True."""
    unfinished = incomplete(out_dir)
    if unfinished:
        log.warning("%s: the run that wrote these tables has not finished (%s): they are incomplete",
                    out_dir, Path(out_dir) / INCOMPLETE)
    tables = {name: read_table(out_dir, name, notebook=notebook) for name in ALL_TABLES}
    for frame in tables.values():
        frame.attrs["incomplete"] = unfinished
    return tables
