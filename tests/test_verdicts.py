"""`check`: every part a statement gives (unit, predicate, grade, score, year, awarder) weighed
against the records of a small run (tests/conftest.py's FEED), the verdict's exit code and
`check --json`."""
from __future__ import annotations

import json

import pytest

from extract import check
from extract.ask.verdicts import ERROR_EXIT, EXIT_CODES, Verdict
from extract.cli import main
from tests.conftest import FEED

BANYUWANGI = "Pemkab Banyuwangi meraih predikat Informatif"

# (id, statement, verdict, {part: agreement} in the first record of the predicate stated, else the first)
PART_CASES = [
    ("every part agrees", f"{BANYUWANGI} dengan nilai 97,25 tahun 2023 dari Komisi Informasi", "supported",
     {"unit": "agrees", "predicate": "agrees", "score": "agrees", "year": "agrees", "awarder": "agrees",
      "grade": "not stated"}),
    ("wrong score", f"{BANYUWANGI} dengan nilai 91,5 tahun 2023", "contradicted",
     {"score": "disagrees", "predicate": "agrees", "year": "agrees"}),
    ("wrong score, year after it", "Disdukcapil Ngawi meraih predikat Kepatuhan Sedang dengan nilai 95,10 tahun 2021",
     "contradicted", {"score": "disagrees"}),
    ("wrong year", f"{BANYUWANGI} tahun 2022", "not found", {"year": "disagrees", "predicate": "agrees"}),
    ("wrong grade", "RSUD Daya meraih predikat Pelayanan Prima dengan nilai A+ tahun 2023", "contradicted",
     {"grade": "disagrees", "predicate": "agrees"}),
    ("wrong zone", "Disdukcapil Ngawi meraih predikat Kepatuhan Sedang (Zona Hijau) tahun 2021", "contradicted",
     {"grade": "disagrees"}),
    ("wrong awarder", f"{BANYUWANGI} tahun 2023 dari Ombudsman RI", "contradicted",
     {"awarder": "disagrees", "predicate": "agrees", "year": "agrees"}),
    ("left-out parts", BANYUWANGI, "supported",
     {"predicate": "agrees", "grade": "not stated", "score": "not stated", "year": "not stated",
      "awarder": "not stated"}),
    ("another level", "Pemkab Banyuwangi meraih predikat Kurang Informatif tahun 2023", "contradicted",
     {"predicate": "disagrees", "year": "agrees"}),
]


def _first_record(claim) -> dict:
    records = [{p["part"]: p["agreement"] for p in r["parts"]}
               for r in claim["supporting"] + claim["contradicting"] + claim["other_years"]]
    return next((r for r in records if r["predicate"] == "agrees"), records[0])


@pytest.mark.parametrize("statement, verdict, parts", [c[1:] for c in PART_CASES], ids=[c[0] for c in PART_CASES])
def test_each_stated_part_is_weighed(factcheck_run, statement, verdict, parts):
    result = check(factcheck_run, statement).to_dict()
    assert result["verdict"] == verdict
    found = _first_record(result["claims"][0])
    assert {part: found[part] for part in parts} == parts


def test_a_disagreeing_part_shows_both_values(factcheck_run):
    text = "\n".join(check(factcheck_run, f"{BANYUWANGI} dengan nilai 91,5 tahun 2023").lines())
    assert "score disagrees (stated 91.5, found 97.25)" in text and "year agrees (2023)" in text


def test_support_only_from_flagged_claims_says_so(factcheck_run):
    result = check(factcheck_run, "RSUD Daya meraih predikat Pelayanan Prima tahun 2023")
    assert result.verdict == Verdict.SUPPORTED
    assert "score_outside_band" in result.checks[0].note()
    assert "supported only by claims with a consistency flag" in "\n".join(result.lines())
    assert check(factcheck_run, f"{BANYUWANGI} tahun 2023").checks[0].note() is None


EXIT_CASES = [
    ("supported", f"{BANYUWANGI} tahun 2023", Verdict.SUPPORTED),
    ("contradicted", f"{BANYUWANGI} dengan nilai 91,5 tahun 2023", Verdict.CONTRADICTED),
    ("disputed", "Disdukcapil Ngawi meraih predikat Kepatuhan Tinggi tahun 2021", Verdict.DISPUTED),
    ("not found", "Pemkab Sleman meraih predikat Informatif tahun 2023", Verdict.NOT_FOUND),
    ("not understood", "The ministry won an award in 2023", Verdict.NOT_UNDERSTOOD),
]


@pytest.mark.parametrize("statement, verdict", [c[1:] for c in EXIT_CASES], ids=[c[0] for c in EXIT_CASES])
def test_the_verdict_is_the_exit_code(factcheck_run, statement, verdict, capsys):
    assert main(["check", str(factcheck_run), statement]) == EXIT_CODES[verdict]
    assert f"verdict: {verdict.value}" in capsys.readouterr().out


def test_exit_codes_are_distinct_and_zero_only_for_support():
    codes = [*EXIT_CODES.values(), ERROR_EXIT, 2]
    assert len(set(codes)) == len(codes) and EXIT_CODES[Verdict.SUPPORTED] == 0


def test_a_directory_without_a_run_is_an_error(tmp_path, capsys):
    assert main(["check", str(tmp_path), f"{BANYUWANGI} tahun 2023"]) == ERROR_EXIT
    assert "no run here" in capsys.readouterr().err


def test_a_statement_not_in_indonesian_gets_an_example(factcheck_run, capsys):
    main(["check", str(factcheck_run), "The ministry won an award in 2023"])
    out = capsys.readouterr().out
    assert "read in Indonesian" in out and "English" in out and "meraih predikat" in out


def test_check_json_has_the_statement_as_read_and_each_record_with_evidence_and_source(factcheck_run, capsys):
    code = main(["check", str(factcheck_run), "--json", "Disdukcapil Ngawi meraih predikat Kepatuhan Tinggi tahun 2021"])
    result = json.loads(capsys.readouterr().out)
    assert code == EXIT_CODES[Verdict.DISPUTED] and result["verdict"] == "disputed" and result["exit_code"] == code
    claim = result["claims"][0]
    assert (claim["read_as"]["predicate"], claim["read_as"]["year"], claim["read_as"]["score"]) == \
        ("Kepatuhan Tinggi", 2021, None)
    (supporting,), (contradicting,) = claim["supporting"], claim["contradicting"]
    assert supporting["source"]["url"] == FEED[0][0] and contradicting["source"]["url"] == FEED[1][0]
    assert "84,30" in supporting["evidence"] and contradicting["score"] == 68.15
    assert {p["part"]: p["agreement"] for p in contradicting["parts"]}["predicate"] == "disagrees"
    assert supporting["source"]["published"] == "2022-01-20"
