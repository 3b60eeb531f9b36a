"""Shared fixtures: the repository's paths and the seeds beside it (skipped when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from extract.nlp import build_nlp
    return build_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds" / "seeds.jsonl").exists():
        pytest.skip("../shared (seeds and gold) is not beside the repository")
    return SHARED


def run_cli(*args: str) -> None:
    """Run the command line in this process, failing the test on a non-zero exit."""
    from extract.cli import main
    assert main(list(args)) == 0, f"extract {' '.join(args)} failed"


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> Path:
    """The bundled corpus, run once through the CLI for every end-to-end test."""
    out = tmp_path_factory.mktemp("corpus-run")
    run_cli("run", str(CORPUS), "--out", str(out))
    return out
