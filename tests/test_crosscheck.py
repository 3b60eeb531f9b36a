"""Fact-checking as tables of cases: flags on single claims, unit names across articles,
support and conflicts across articles."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from extract.mine.consistency import check_claim, flag_claims
from extract.across.crosscheck import cross_check
from extract.records import Claim
from extract.across.resolve import group_units


def claim(unit="RSUD Daya", predicate="Pelayanan Prima", grade="A", scheme="PEKPPP", score=None, year=2023,
          date=None, sentence="RSUD Daya meraih predikat Pelayanan Prima.", article_id="a") -> Claim:
    return Claim(article_id, unit, unit, predicate, grade, scheme, None, score, None if score is None else str(score),
                 year, date, sentence, 0, len(sentence), "claim.sentence")


def codes(flags: list[str]) -> list[str]:
    return [f.split(":")[0] for f in flags]


FLAG_CASES = [
    ("consistent", claim(score=4.62), None, []),
    ("no score, no flag", claim(), None, []),
    ("band edge", claim(score=4.51), None, []),
    ("score in the gap above a band goes to the upper band", claim(score=4.505), None, []),
    ("score below the band", claim(score=4.21), None, ["score_outside_band"]),
    ("compliance score in the yellow band", claim(predicate="Kepatuhan Tinggi", grade="Zona Hijau", scheme="KEPATUHAN",
                                                  score=72.4, year=2021), None, ["score_outside_band"]),
    ("score outside the scheme's range", claim(score=84.5), None, ["score_outside_range"]),
    ("a label the scheme does not have", claim(predicate="Informatif", grade=None), None, ["unknown_label"]),
    ("a grade standing for another label", claim(grade="A-"), None, ["grade_mismatch"]),
    ("the sentence names only another scheme",
     claim(predicate="Sangat Baik", grade="A-", sentence="Dalam monev keterbukaan informasi publik, RSUD Daya meraih "
                                                          "predikat sangat baik."), None, ["other_scheme_named"]),
    ("award year after publication", claim(year=2024), dt.date(2023, 12, 1), ["year_after_publication"]),
    ("date after publication", claim(date=dt.date(2023, 12, 5)), dt.date(2023, 12, 1), ["date_after_publication"]),
    ("published the same day", claim(date=dt.date(2023, 12, 1)), dt.date(2023, 12, 1), []),
    ("scheme not running that year", claim(predicate="Kepatuhan Tinggi", grade="Zona Hijau", scheme="KEPATUHAN",
                                           year=2023), None, ["scheme_not_running"]),
    ("no scheme, nothing to check against", claim(scheme=None, grade=None), None, []),
]


@pytest.mark.parametrize("record, published, expected", [c[1:] for c in FLAG_CASES], ids=[c[0] for c in FLAG_CASES])
def test_flags_of_one_claim(record, published, expected):
    flags = check_claim(record, published)
    assert codes(flags) == expected
    assert all(": " in f and len(f) > 30 for f in flags)       # a code, then a readable reason


ARTICLE_CASES = [
    ("two levels of one scheme for one year", [claim(), claim(predicate="Sangat Baik", grade="A-")], 2),
    ("two years", [claim(), claim(predicate="Sangat Baik", grade="A-", year=2022)], 0),
    ("two units", [claim(), claim(unit="RSUD Haji", predicate="Sangat Baik", grade="A-")], 0),
    ("awards are not levels: WBK and WBBM", [claim(predicate="WBK", grade=None, scheme="ZI"),
                                             claim(predicate="WBBM", grade=None, scheme="ZI")], 0),
]


@pytest.mark.parametrize("records, flagged", [c[1:] for c in ARTICLE_CASES], ids=[c[0] for c in ARTICLE_CASES])
def test_flags_within_one_article(records, flagged):
    result = flag_claims(records)
    assert sum("contradicted_in_article" in codes(c.consistency_flags) for c in result) == flagged


SAME_UNIT = [
    ("full name and acronym", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi", "Disdukcapil Kab. Ngawi"),
    ("without the region marker", "Disdukcapil Kabupaten Ngawi", "Disdukcapil Ngawi"),
    ("a place name in one or two words", "Pemkab Tulang Bawang", "Pemerintah Kabupaten Tulangbawang"),
    ("a misspelt place", "Pemerintah Kabupaten Banyuwangi", "Pemkab Banyuwangie"),
    ("a ministry and its acronym", "Kementerian Sosial", "Kemensos"),
    ("a shorter name", "RSUD Daya Makassar", "RSUD Daya"),
]
OTHER_UNITS = [
    ("kabupaten and kota of one name", "Pemerintah Kabupaten Bandung", "Pemerintah Kota Bandung"),
    ("two regions", "Disdukcapil Kabupaten Ngawi", "Disdukcapil Kabupaten Nganjuk"),
    ("two types in one region", "Disdukcapil Kabupaten Ngawi", "DPMPTSP Kabupaten Ngawi"),
    ("a bare type names no unit", "Dinas Kesehatan", "Dinas Kesehatan Kota Semarang"),
    ("a region inside a longer region's name", "Pemerintah Kabupaten Bone", "Pemerintah Kabupaten Bone Bolango"),
    ("regions a letter apart", "Polres Bone", "Polres Bune"),
    ("office classes", "Lapas Kelas IIA Ambon", "Lapas Kelas IIB Ambon"),
    ("numbered units", "Puskesmas Kecamatan 2 Semarang", "Puskesmas Kecamatan 3 Semarang"),
]


@pytest.mark.parametrize("a, b", [c[1:] for c in SAME_UNIT], ids=[c[0] for c in SAME_UNIT])
def test_names_of_one_unit_are_grouped(a, b):
    groups = group_units([a, b])
    assert groups[a] == groups[b]


@pytest.mark.parametrize("a, b", [c[1:] for c in OTHER_UNITS], ids=[c[0] for c in OTHER_UNITS])
def test_names_of_different_units_are_not(a, b):
    groups = group_units([a, b])
    assert groups[a] != groups[b]


def test_an_unmarked_name_fitting_two_groups_stays_apart():
    groups = group_units(["Disdukcapil Kota Bandung", "Disdukcapil Kabupaten Bandung", "Disdukcapil Bandung"])
    assert len(set(groups.values())) == 3


def tables(*rows: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(article_id, site, unit, predicate, grade, score, year, scheme) rows -> claims and articles frames."""
    claims = pd.DataFrame([dict(article_id=a, unit=u, unit_text=u, predicate=p, grade=g, scheme=sch, awarder=None,
                                score=s, score_text=None, year=y, date=None, sentence=f"{u} meraih {p}.",
                                evidence=f"{u} meraih {p}.", start=0, end=10, rule_id="claim.sentence", consistency_flags=[])
                           for a, _, u, p, g, s, y, sch in rows])
    articles = pd.DataFrame([dict(article_id=a, source=f"{a}.html", url=f"https://{site}/{a}", site=site, published=dt.date(2022, 5, 1),
                                  status="ok") for a, site, *_ in {r[:2]: r for r in rows}.values()])
    return claims, articles


def test_two_articles_disagreeing_make_a_conflict_with_both_sides():
    claims, articles = tables(
        ("a1", "satu.id", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi", "Kepatuhan Tinggi", "Zona Hijau",
         84.3, 2021, "KEPATUHAN"),
        ("a2", "dua.id", "Disdukcapil Ngawi", "Kepatuhan Sedang", "Zona Kuning", 68.15, 2021, "KEPATUHAN"))
    result = cross_check(claims, articles)
    assert {(c.predicate, c.article_id, c.url) for c in result.conflicts} == {
        ("Kepatuhan Tinggi", "a1", "https://satu.id/a1"), ("Kepatuhan Sedang", "a2", "https://dua.id/a2")}
    assert {c.disputed for c in result.conflicts} == {"predicate, grade"}
    assert len({c.conflict_id for c in result.conflicts}) == 1
    assert all(s.conflict_id for s in result.support)


def test_three_outlets_repeating_a_claim_are_its_support():
    claims, articles = tables(*[(f"a{i}", site, unit, "Informatif", None, 97.25, 2023, "KIP") for i, (site, unit) in
                                enumerate([("satu.id", "Pemerintah Kabupaten Banyuwangi"), ("dua.id", "Pemkab Banyuwangi"),
                                           ("tiga.go.id", "Pemkab Banyuwangi")])])
    result = cross_check(claims, articles)
    assert not result.conflicts
    [support] = result.support
    assert (support.articles, support.sites, support.score, support.conflict_id) == (3, 3, 97.25, None)


CONFLICT_CASES = [
    ("another score for one level", [("a1", "s1", "Pemkab Sleman", "Kualitas Tertinggi", None, 93.06, 2022, "OPINI"),
                                     ("a2", "s2", "Pemkab Sleman", "Kualitas Tertinggi", None, 91.2, 2022, "OPINI")],
     {"score"}),
    ("the same score written twice", [("a1", "s1", "Pemkab Sleman", "Kualitas Tertinggi", None, 93.06, 2022, "OPINI"),
                                      ("a2", "s2", "Pemkab Sleman", "Kualitas Tertinggi", None, 93.060, 2022, "OPINI")],
     set()),
    ("one gives no score", [("a1", "s1", "Pemkab Sleman", "Kualitas Tertinggi", None, 93.06, 2022, "OPINI"),
                            ("a2", "s2", "Pemkab Sleman", "Kualitas Tertinggi", None, None, 2022, "OPINI")], set()),
    ("different years", [("a1", "s1", "Pemkab Sleman", "Kualitas Tertinggi", None, None, 2022, "OPINI"),
                         ("a2", "s2", "Pemkab Sleman", "Kualitas Tinggi", None, None, 2023, "OPINI")], set()),
    ("no year", [("a1", "s1", "Pemkab Sleman", "Kualitas Tertinggi", None, None, None, "OPINI"),
                 ("a2", "s2", "Pemkab Sleman", "Kualitas Tinggi", None, None, None, "OPINI")], set()),
    ("awards are not levels", [("a1", "s1", "Polres Bantul", "WBK", None, None, 2022, "ZI"),
                               ("a2", "s2", "Polres Bantul", "WBBM", None, None, 2022, "ZI")], set()),
]


@pytest.mark.parametrize("rows, disputed", [c[1:] for c in CONFLICT_CASES], ids=[c[0] for c in CONFLICT_CASES])
def test_what_makes_a_conflict(rows, disputed):
    result = cross_check(*tables(*rows))
    assert {c.disputed for c in result.conflicts} == ({", ".join(sorted(disputed))} if disputed else set())


def test_articles_that_failed_do_not_count():
    claims, articles = tables(("a1", "s1", "Pemkab Sleman", "Kualitas Tertinggi", None, 93.06, 2022, "OPINI"),
                              ("a2", "s2", "Pemkab Sleman", "Kualitas Tinggi", None, 80.0, 2022, "OPINI"))
    articles.loc[articles["article_id"] == "a2", "status"] = "duplicate"
    result = cross_check(claims, articles)
    assert not result.conflicts and [s.articles for s in result.support] == [1]
