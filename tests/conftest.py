"""Shared fixtures: the repository's paths and the seeds beside it (skipped when absent)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from extract.mine.nlp import build_nlp
    return build_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds" / "seeds.jsonl").exists():
        pytest.skip("../shared (seeds and gold) is not beside the repository")
    return SHARED


def run_cli(*args: str, status: int = 0) -> None:
    """Run the command line in this process, failing the test unless it exits with ``status``
    (``extract run`` exits with 1 when some records failed)."""
    from extract.cli import main
    assert main(list(args)) == status, f"extract {' '.join(args)} did not exit with {status}"


@pytest.fixture(scope="session")
def dask_client():
    """One local Dask cluster (two worker processes) for every test that runs on a cluster."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> Path:
    """The bundled corpus, run once through the CLI for every end-to-end test."""
    out = tmp_path_factory.mktemp("corpus-run")
    run_cli("run", str(CORPUS), "--out", str(out))
    return out


ORDER = {"articles": ["source", "article_id"], "mentions": ["article_id", "start", "end", "label"],
         "claims": ["article_id", "unit", "predicate"], "quotes": ["article_id", "start", "end", "speaker"],
         "support": ["unit", "scheme", "year", "predicate"], "conflicts": ["conflict_id", "article_id", "start", "predicate"]}


def sorted_tables(out) -> dict[str, pd.DataFrame]:
    import extract
    return {name: frame.sort_values(ORDER[name]).reset_index(drop=True) for name, frame in extract.load(out).items()}


def assert_same_tables(left, right):
    """Two runs' output directories hold the same rows (in any part order)."""
    a, b = sorted_tables(left), sorted_tables(right)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_like=False, obj=name)
