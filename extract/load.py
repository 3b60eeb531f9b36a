"""Read a run's tables back as pandas DataFrames with their documented dtypes."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import TABLES

# Arrow type -> pandas dtype: nullable integers stay integers, strings are pandas strings.
_PANDAS_TYPES = {
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.string(): pd.StringDtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """One table (a directory of part files, or one file) as a DataFrame; dates stay ``datetime.date``."""
    path = Path(out_dir) / f"{name}.parquet"
    parts = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    table = pq.read_table(path, schema=TABLES[name]) if parts else TABLES[name].empty_table()
    return table.to_pandas(types_mapper=_PANDAS_TYPES.get)


def load(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of a run, by name."""
    return {name: read_table(out_dir, name) for name in TABLES}
