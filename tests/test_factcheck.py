"""End to end: a small feed through the CLI, then the fact-checking commands on its tables
(claims, check, crosscheck); the report is tested in tests/test_report.py."""
from __future__ import annotations

import pandas as pd
import pytest

from extract import check, find_claims, load
from tests.conftest import FEED, run_cli

def test_the_disagreement_is_a_conflict_with_each_side_sourced(factcheck_run):
    conflicts = load(factcheck_run)["conflicts"]
    ngawi = conflicts[conflicts["unit"].str.contains("Ngawi")]
    assert set(ngawi["predicate"]) == {"Kepatuhan Tinggi", "Kepatuhan Sedang"}
    assert set(ngawi["url"]) == {FEED[0][0], FEED[1][0]}
    assert ngawi["sentence"].str.len().min() > 40 and ngawi["conflict_id"].nunique() == 1


def test_the_repeated_claim_has_three_articles_of_support(factcheck_run):
    support = load(factcheck_run)["support"]
    row = support[support["unit"].str.contains("Banyuwangi")].iloc[0]
    assert (row["predicate"], row["articles"], row["sites"], row["score"]) == ("Informatif", 3, 3, 97.25)
    assert pd.isna(row["conflict_id"])
    articles = load(factcheck_run)["articles"]
    assert articles.loc[articles["url"] == "https://enam.example.id/salinan", "status"].tolist() == ["duplicate"]


def test_the_inconsistent_score_is_flagged(factcheck_run):
    claims = load(factcheck_run)["claims"]
    flags = {row.unit: list(row.consistency_flags) for row in claims.itertuples()}
    assert any(f.startswith("score_outside_band") for f in flags["Rumah Sakit Umum Daerah Daya"])
    assert not any(flags[u] for u in flags if "Banyuwangi" in u)


def test_claims_are_found_by_any_name(factcheck_run):
    found = find_claims(factcheck_run, unit="Disdukcapil Kab. Ngawi", year=2021)
    assert len(found) == 2 and set(found["url"]) == {FEED[0][0], FEED[1][0]}
    assert len(find_claims(factcheck_run, scheme="keterbukaan informasi", predicate="informatif")) == 3


CHECK_CASES = [
    ("supported", "Pemkab Banyuwangi meraih predikat Informatif tahun 2023", "supported"),
    ("contradicted", "Pemkab Banyuwangi meraih predikat Kurang Informatif tahun 2023", "contradicted"),
    ("disputed", "Disdukcapil Ngawi meraih predikat Kepatuhan Tinggi tahun 2021", "disputed"),
    ("another score", "Pemkab Banyuwangi meraih predikat Informatif tahun 2023 dengan nilai 91,5", "contradicted"),
    ("not found", "Pemkab Sleman meraih predikat Informatif tahun 2023", "not found"),
    ("another year", "Pemkab Banyuwangi meraih predikat Informatif tahun 2022", "not found"),
]


@pytest.mark.parametrize("statement, verdict", [c[1:] for c in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_check_gives_a_verdict(factcheck_run, statement, verdict):
    result = check(factcheck_run, statement)
    assert result.verdict == verdict
    assert f"verdict: {verdict}" in "\n".join(result.lines())


def test_check_command_prints_evidence(factcheck_run, capsys):
    from extract.cli import main
    assert main(["check", str(factcheck_run), "Disdukcapil Ngawi meraih predikat Kepatuhan Tinggi tahun 2021"]) == 4
    out = capsys.readouterr().out
    assert "verdict: disputed" in out and FEED[0][0] in out and FEED[1][0] in out and "84.3" in out


def test_crosscheck_command_recomputes_the_tables(factcheck_run, capsys):
    before = load(factcheck_run)
    (factcheck_run / "conflicts.parquet").unlink()
    run_cli("crosscheck", str(factcheck_run))
    assert "conflicts 1 (2 claims)" in capsys.readouterr().out
    pd.testing.assert_frame_equal(load(factcheck_run)["conflicts"], before["conflicts"])


def test_claims_command_filters(factcheck_run, capsys):
    run_cli("claims", str(factcheck_run), "--unit", "Banyuwangi", "--year", "2023")
    out = capsys.readouterr().out
    assert out.strip().endswith("3 claims") and "97.25" in out


def test_the_corpus_cross_check_cases(corpus_run):
    """The corpus's cross-check articles (x-*): two sites disagreeing about Disdukcapil Ngawi, one
    result from three outlets, and two scores outside their predicate's band."""
    tables = load(corpus_run)
    conflicts, support, claims = tables["conflicts"], tables["support"], tables["claims"]
    ngawi = conflicts[conflicts["unit"].str.contains("Kependudukan") & conflicts["unit"].str.contains("Ngawi")]
    assert set(ngawi["predicate"]) == {"Kepatuhan Tinggi", "Kepatuhan Sedang"} and ngawi["url"].nunique() == 2
    temanggung = support[support["unit"].str.contains("Temanggung") & (support["year"] == 2023)
                         & (support["predicate"] == "Informatif")]
    assert temanggung["articles"].tolist() == [3]
    out_of_band = claims[claims["consistency_flags"].map(lambda f: any(x.startswith("score_outside_band") for x in f))]
    assert {"Kebumen", "Kolaka"} <= {word for unit in out_of_band["unit"] for word in unit.split()}


def test_claims_csv_writes_flags_as_text_a_spreadsheet_reads(factcheck_run, capsys):
    import io
    run_cli("claims", str(factcheck_run), "--unit", "RSUD Daya", "--csv")
    rows = pd.read_csv(io.StringIO(capsys.readouterr().out))
    (flags,) = rows["consistency_flags"].tolist()
    assert flags.startswith("score_outside_band: ") and "[" not in flags and "'" not in flags


def test_the_flags_column_does_not_shadow_a_dataframe_attribute(factcheck_run):
    claims = load(factcheck_run)["claims"]
    assert isinstance(claims.consistency_flags, pd.Series) and "flags" not in claims.columns


def test_a_plain_text_source_is_shown_by_its_file_name(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sleman-informatif.txt").write_text(
        "Pemkab Sleman Raih Predikat Informatif\nSLEMAN - Pemerintah Kabupaten Sleman meraih predikat Informatif "
        "dalam Monev Keterbukaan Informasi Publik tahun 2023 dari Komisi Informasi dengan nilai 95,10.\n",
        encoding="utf-8")
    run_cli("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "1")
    capsys.readouterr()
    run_cli("claims", str(tmp_path / "out"), "--unit", "Sleman")
    out = capsys.readouterr().out
    assert "local file" in out and "sleman-informatif.txt" in out and "unknown site" not in out
