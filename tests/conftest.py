"""Shared fixtures: the repository's paths and the seeds beside it (skipped when absent)."""
from __future__ import annotations

import json
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


# A small feed for the fact-checking tests (tests/test_factcheck.py, tests/test_verdicts.py).
FEED = [
    # two outlets disagree about one unit in one scheme and year
    ("https://satu.example.id/ngawi-hijau", "2022-01-20",
     "NGAWI - Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi meraih predikat Kepatuhan Tinggi (Zona Hijau) "
     "dengan nilai 84,30 dalam Penilaian Kepatuhan Standar Pelayanan Publik Tahun 2021 dari Ombudsman RI."),
    ("https://dua.example.com/disdukcapil-ngawi-kuning", "2022-01-22",
     "Dalam Penilaian Kepatuhan Standar Pelayanan Publik Tahun 2021, Disdukcapil Ngawi masuk Zona Kuning atau "
     "Kepatuhan Sedang dengan nilai 68,15, kata Ombudsman RI."),
    # one claim, three outlets
    *[(f"https://{site}/banyuwangi-informatif", "2023-12-13", f"BANYUWANGI - {unit} meraih predikat Informatif "
       f"dalam Monev Keterbukaan Informasi Publik tahun 2023 dari Komisi Informasi dengan nilai 97,25. {more}")
      for site, unit, more in [("tiga.example.id", "Pemerintah Kabupaten Banyuwangi", ""),
                               ("empat.example.go.id", "Pemkab Banyuwangi", "Penghargaan diterima Sekda."),
                               ("lima.example.com", "Pemkab Banyuwangi", "Ini yang kelima kalinya.")]],
    # the same text again under another URL: a copy, counted once
    ("https://enam.example.id/salinan", "2023-12-13",
     "BANYUWANGI - Pemkab Banyuwangi meraih predikat Informatif dalam Monev Keterbukaan Informasi Publik tahun 2023 "
     "dari Komisi Informasi dengan nilai 97,25. Ini yang kelima kalinya."),
    # a score outside its predicate's band
    ("https://enam.example.id/rsud-prima", "2023-12-14",
     "MAKASSAR - RSUD Daya meraih predikat Pelayanan Prima dengan indeks 4,21 dalam Evaluasi Kinerja Penyelenggara "
     "Pelayanan Publik tahun 2023 dari KemenPANRB. “Kami akan terus memperbaiki antrean layanan,” kata Direktur "
     "RSUD Daya, Ahmad Kasim, di Makassar."),
]
BAD_LINE = '{"url": "https://tujuh.example.id/rusak", "text": '      # a JSON line cut short: a failed input


@pytest.fixture(scope="session")
def factcheck_run(tmp_path_factory) -> Path:
    """A small feed through the CLI: a disagreement, one claim from three outlets, a copy, a flagged score
    with a quote, and a line that is not JSON."""
    folder = tmp_path_factory.mktemp("factcheck")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps({"url": url, "published": date, "text": text}) + "\n"
                            for url, date, text in FEED) + BAD_LINE + "\n", encoding="utf-8")
    out = folder / "out"
    run_cli("run", str(feed), "--out", str(out), "--workers", "1", status=1)     # the cut line failed
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
