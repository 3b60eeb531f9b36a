"""Every parquet file of a run explains itself: key-value metadata with the program and schema
versions, the run's parameters and a one-line description of each column, read back with pyarrow."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract import __version__
from extract.io.schema import ALL_TABLES, RUN_TABLES, SCHEMA_VERSION
from tests.conftest import ROOT


def _files(out: Path, name: str) -> list[Path]:
    path = out / f"{name}.parquet"
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


@pytest.mark.parametrize("name", list(ALL_TABLES))
def test_each_file_carries_versions_parameters_and_column_descriptions(corpus_run, name):
    files = _files(corpus_run, name)
    assert files
    for path in files:
        metadata = {k.decode(): v.decode() for k, v in pq.read_metadata(path).metadata.items()}
        assert metadata["extract.table"] == name and metadata["extract.version"] == __version__
        assert metadata["extract.schema_version"] == SCHEMA_VERSION and metadata["extract.description"]
        columns = json.loads(metadata["extract.columns"])
        assert list(columns) == ALL_TABLES[name].names and all(len(text) > 8 for text in columns.values())
        run = json.loads(metadata["extract.run"])
        assert run["fuzzy_cutoff"] == 90
        if name not in RUN_TABLES:
            assert run["doc_timeout"] == 60 and run["pipeline"].startswith(__version__)
        schema = pq.read_schema(path)
        assert schema.field("article_id" if "article_id" in schema.names else "unit").metadata[b"description"]


def test_marking_duplicates_keeps_the_metadata(corpus_run):
    """The corpus has a duplicate: its articles part was rewritten by the pass across shards."""
    for path in _files(corpus_run, "articles"):
        assert b"extract.run" in pq.read_metadata(path).metadata


@pytest.mark.parametrize("name", list(ALL_TABLES))
def test_the_readme_documents_every_column(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    documented = {c for cell in re.findall(r"^\| ([^|]+) \|", section, re.M) for c in re.findall(r"`(\w+)`", cell)}
    assert set(ALL_TABLES[name].names) <= documented


def test_a_claims_table_written_with_the_old_flags_column_reads_under_the_new_name(tmp_path):
    import pyarrow as pa
    from extract import load
    from extract.io.schema import CLAIMS
    old = pa.schema([f if f.name != "consistency_flags" else pa.field("flags", f.type) for f in CLAIMS])
    row = {f.name: [None] for f in old} | {"article_id": ["a1"], "unit": ["Kementerian Sosial"],
                                           "flags": [["score_outside_band: 4.21 is not in 4.51-5.00"]]}
    (tmp_path / "claims.parquet").mkdir()
    pq.write_table(pa.Table.from_pydict(row, schema=old), tmp_path / "claims.parquet" / "part-00000-old.parquet")
    claims = load(tmp_path)["claims"]
    assert list(claims.columns) == CLAIMS.names
    assert list(claims.loc[0, "consistency_flags"]) == ["score_outside_band: 4.21 is not in 4.51-5.00"]
