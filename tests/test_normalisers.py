"""Normalisers as tables of cases: surface text in, normalised value (or None) out."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from extract.read.clean import parse_published
from extract.mine.dates import _language, date_spans, find_dates, normalise_candidate
from extract.mine.gazetteer import lowered
from extract.mine.predicates import describe, find_predicates
from extract.mine.speakers import strip_titles
from extract.mine.scores import find_scores, parse_decimal
from extract.mine.unit_names import canonical_unit
from extract.mine.units import find_units

D = dt.date


@pytest.mark.parametrize("text, expected", [
    ("81,05", 81.05), ("89,02", 89.02), ("4,00", 4.0), ("3.84", 3.84), ("1.028", 1028.0),
    ("1.234.567", 1234567.0), ("1.234,5", 1234.5), ("100", 100.0), ("", None), ("8,5,1", None),
], ids=lambda v: str(v))
def test_parse_decimal(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("sentence, scores", [
    ("Kemensos memperoleh nilai 81,05 dan masuk Zona Hijau.", [81.05]),
    ("masuk Zona Hijau dengan nilai 89,02.", [89.02]),
    ("Indeks pelayanan publik naik dari 3,43 menjadi 3,68.", [3.43, 3.68]),
    ("Nilai indeks mencapai 3.84 pada tahun 2020.", [3.84]),
    ("Terdapat 84 Kementerian/Lembaga dan 1.028 UPP yang dinilai.", []),
    ("Anggaran Rp2.509 triliun untuk layanan.", []),
    ("sesuai UU No 25 Tahun 2009 tentang Pelayanan Publik.", []),
    ("zona hijau untuk nilai 81-100.", []),
    ("hubungi 0711 356 123 untuk nilai layanan.", []),
    ("Kepatuhan naik 12,5 persen dibanding tahun lalu.", []),
    ("Kantor itu meraih predikat nilai 85 persen dari KPK.", [85.0]),
    ("Provinsi itu memperoleh rata-rata skala 4,41 (Sangat Baik), di atas rata-rata nasional (4,05).", [4.41, 4.05]),
    ("MPP Kota Contoh mendapat indeks 3,8 dari skala 5.", [3.8]),
], ids=["nilai", "dengan-nilai", "dari-menjadi", "dot-decimal", "counts", "money", "law", "band", "phone", "percent",
        "percent-of-a-result", "scale-and-parenthesised-average", "top-of-a-scale"])
def test_find_scores(sentence, scores):
    assert [s.value for s in find_scores(sentence)] == scores


@pytest.mark.parametrize("text, published, expected", [
    ("8 Maret 2022", None, [(D(2022, 3, 8), "day")]),
    ("Kamis, 02 Juni 2022", None, [(D(2022, 6, 2), "day")]),
    ("Selasa (8/3/2022)", None, [(D(2022, 3, 8), "day")]),
    ("Rabu (10/3)", D(2021, 3, 10), [(D(2021, 3, 10), "day")]),
    ("di Jakarta (09/03).", D(2021, 3, 10), [(D(2021, 3, 9), "day")]),
    ("10 Maret 2021 18:02 WIB", None, [(D(2021, 3, 10), "day")]),
    ("sejak bulan Agustus 2021", None, [(D(2021, 8, 1), "month")]),
    ("Kamis (30/12)", D(2022, 1, 3), [(D(2021, 12, 30), "day")]),
    ("tanggal 31/02/2022", None, []),
    ("nilai 81,05", None, []),
    ("Rabu (10/3)", None, []),
    ("Selasa,(08.03.2022).", None, [(D(2022, 3, 8), "day")]),
    ("Kamis (7/11) hasil evaluasi tahun 2019 diserahkan; tahun lalu, 2018, lebih sedikit.", None,
     [(D(2019, 11, 7), "day")]),
    ("pada awal 2026 di Jakarta, (29/1).", None, [(D(2026, 1, 29), "day")]),
], ids=["text", "weekday-text", "weekday-numeric", "partial-with-published", "paren-partial", "with-time",
        "month-only", "weekday-picks-year", "impossible", "score-not-date", "partial-without-published",
        "dotted", "no-published-weekday-picks-a-named-year", "no-published-latest-named-year"])
def test_find_dates(text, published, expected):
    assert [(c.value, c.precision) for c in find_dates(text, published)] == expected


def _every_position(text: str) -> list[tuple[int, int, str]]:
    """date_spans without the short cut of rules marked starts=needs: every rule tried everywhere."""
    lower, taken = lowered(text), []
    for rule in _language().patterns:
        if rule.gate is not None and not rule.gate.search(lower):
            continue
        for match in rule.pattern.finditer(lower):
            if not any(match.start() < e and s < match.end() for s, e, _ in taken):
                taken.append((match.start(), match.end(), rule.id))
    return sorted(taken)


DATE_TEXTS = [
    "Pada 8 Maret 2022, Jumat (4/3/2022), Kamis, 02 Juni 2022 dan Senin lalu; sejak bulan Agustus 2021 hingga Maret 2022.",
    "semaret 2022, 123 Maret 2022, 8 bulan Maret 2022, Rabu(10/3), Sabtu , (5/3), serabutan Minggu kemarin",
    "JAKARTA - Selasa (8/3/2022)\nDesember 2021 dan desember2021; Jum'at (1/4) dan Ahad 3 April 2022",
]


CORPUS_TEXTS = sorted((ROOT / "corpus" / "text").glob("*.txt"))


@pytest.mark.parametrize("text", DATE_TEXTS + [path.read_text(encoding="utf-8") for path in CORPUS_TEXTS],
                         ids=[f"case-{n}" for n in range(len(DATE_TEXTS))] + [path.stem for path in CORPUS_TEXTS])
def test_rules_tried_only_where_their_needs_match_find_what_trying_everywhere_finds(text):
    assert date_spans(text) == _every_position(text)


def test_every_month_name_of_the_table_makes_a_full_date():
    assert [(c.value, c.precision) for c in find_dates("17 Agus 2022, 30 Februari 2022 dan 1 Nop. 2021")] == \
        [(D(2022, 8, 17), "day"), (D(2021, 11, 1), "day")]


def test_a_partial_date_never_lies_after_publication():
    assert normalise_candidate("(28/12)", "date.paren_partial", D(2022, 1, 2)) == (D(2021, 12, 28), "day")


@pytest.mark.parametrize("value, expected", [
    ("2022-03-08", D(2022, 3, 8)), ("2022-03-09 10:12:00", D(2022, 3, 9)), ("2021-03-10T18:02:00+07:00", D(2021, 3, 10)),
    ("Kamis, 2 Juni 2022", D(2022, 6, 2)), ("2022-02-31", None), ("", None), (None, None),
], ids=["iso", "datetime", "tz", "indonesian", "impossible", "empty", "none"])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("surface, canonical", [
    ("Kemensos", "Kementerian Sosial"),
    ("Pemkot Palembang", "Pemerintah Kota Palembang"),
    ("Pemkab Tulang Bawang", "Pemerintah Kabupaten Tulang Bawang"),
    ("DPMPTSP Kabupaten Sleman", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sleman"),
    ("Balai Rehsos Anak “Handayani”", "Balai Rehsos Anak Handayani"),
    ("Kementrian Sekretariat Negara", "Kementerian Sekretariat Negara"),
    ("Mal Pelayanan Publik di Palembang", "Mal Pelayanan Publik Palembang"),
    ("Kota Bandar Lampung pada Dinas Pendudukan dan Catatan Sipil",
     "Dinas Kependudukan dan Catatan Sipil Kota Bandar Lampung"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)",
     "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("Pemda Kabupaten Lembata", "Pemerintah Kabupaten Lembata"),
    ("Pemda Lembata", "Pemerintah Kabupaten Lembata"),
    ("Pemerintah Aceh", "Pemerintah Provinsi Aceh"),
    ("Pemda Magelang", "Pemerintah Daerah Magelang"),
    ("UPT Samsat Kendari pada Bapenda Provinsi Sulawesi Tenggara", "Unit Pelaksana Teknis Samsat Kendari"),
    ("UPTD Puskesmas pada Dinas Kesehatan Kota Bogor", "Unit Pelaksana Teknis Daerah Puskesmas pada Dinas Kesehatan Kota Bogor"),
], ids=["acronym", "pemkot", "pemkab", "acronym-with-place", "quoted-name", "typo", "di-place", "nested-typo",
        "paren-acronym", "pemda-with-kind", "pemda-of-one-kind", "government-of-a-province", "pemda-of-two-kinds",
        "named-unit-without-its-parent", "kind-of-unit-keeps-its-parent"])
def test_canonical_unit(surface, canonical):
    assert canonical_unit(surface) == canonical


@pytest.mark.parametrize("sentence, units", [
    ("Kementerian Sosial melalui Sentra Paramita Mataram meraih penghargaan.",
     ["Kementerian Sosial", "Sentra Paramita Mataram"]),
    ("Pemkot Palembang Raih Penghargaan Layanan Prima", ["Pemkot Palembang"]),
    ("Polres Sleman dan Kantor Imigrasi Kelas I Yogyakarta meraih WBK.", ["Polres Sleman", "Kantor Imigrasi Kelas I Yogyakarta"]),
    ("Terdapat 34 Samsat dan seluruh Dinas di provinsi itu.", []),
    ("Menteri PANRB Tjahjo Kumolo hadir.", ["PANRB"]),
    ("Balai Besar Rehabilitasi Sosial Anak yang Memerlukan Perlindungan Khusus “Handayani” Jakarta meraih A-.",
     ["Balai Besar Rehabilitasi Sosial Anak yang Memerlukan Perlindungan Khusus “Handayani” Jakarta"]),
    ("Biro hukum, persidangan, dan humas Kementerian Koordinator Bidang Politik, Hukum dan Keamanan, Asisten Deputi",
     ["Biro hukum, persidangan, dan humas Kementerian Koordinator Bidang Politik, Hukum dan Keamanan"]),
    ("Kota layak anak menjadi tujuan.", []),
    ("Penghargaan diberikan kepada Pemerintah Aceh dan Pemerintah Pusat.", ["Pemerintah Aceh"]),
    ("Penghargaan diberikan kepada RSUD R.A. Kartini Kabupaten Sleman.", ["RSUD R.A. Kartini Kabupaten Sleman"]),
    ("Judul berita\nKEMENSOS – Sentra Paramita Mataram meraih WBK.", ["Sentra Paramita Mataram"]),
    ("KEMENSOS meraih WBK – kata dia.", ["KEMENSOS"]),
    ("Layanan Paspor Kantor Imigrasi Kelas I Yogyakarta meraih predikat.", ["Layanan Paspor Kantor Imigrasi Kelas I Yogyakarta"]),
    ("Kominfo Raih Layanan Prima Kominfo Award.", ["Kominfo", "Kominfo"]),
    ("Dua Unit Layanan Pemkot Makassar Raih Penghargaan", ["Pemkot Makassar"]),
], ids=["via", "title-case-verb", "list", "counted", "role-not-unit", "nested-quoted", "enumerated-bureau", "not-a-region",
        "government-before-a-region", "initials-in-a-name",
        "dateline-is-no-unit", "capitals-before-a-later-dash", "a-service-of-a-named-body", "a-label-is-no-service",
        "a-service-without-its-own-words"])
def test_find_units(sentence, units):
    assert [u.text for u in find_units(sentence)] == units


@pytest.mark.parametrize("text, expected", [
    ("meraih predikat Pelayanan Prima", [("PEKPPP", "Pelayanan Prima", "A")]),
    ("Raih Penghargaan Layanan Prima", [("PEKPPP", "Pelayanan Prima", "A")]),
    ("mendapat nilai A-", [("PEKPPP", "Sangat Baik", "A-")]),
    ("masuk Zona Hijau", [("KEPATUHAN", "Kepatuhan Tinggi", "Zona Hijau")]),
    ("predikat kualitas tertinggi", [("OPINI", "Kualitas Tertinggi", None)]),
    ("predikat Menuju Informatif", [("KIP", "Menuju Informatif", None)]),
    ("meraih predikat WBBM", [("ZI", "WBBM", None)]),
    ("masuk Top 45 Inovasi Pelayanan Publik", [("KIPP", "Top 45 Inovasi Pelayanan Publik", None)]),
    ("kategori Sangat Inovatif", [("IGA", "Sangat Inovatif", None)]),
    ("nilai a dalam kalimat", []),
], ids=["label", "title-synonym", "grade", "zone", "opini", "kip", "zi", "kipp", "iga", "lowercase-letter"])
def test_find_predicates(text, expected):
    assert [describe(p.text, p.rule_id) for p in find_predicates(text)] == expected


@pytest.mark.parametrize("name, expected", [
    ("Prof. Dr. Diah Natalisa, MBA.", "Diah Natalisa"),
    ("H. Tjahjo Kumolo, S.H.", "Tjahjo Kumolo"),
    ("Dr. Ir. H. Ahmad Sofyan, M.Si", "Ahmad Sofyan"),
    ("Hj. Siti Aminah, S.Sos., M.M.", "Siti Aminah"),
    ("I Gusti Ayu Bintang", "I Gusti Ayu Bintang"),
], ids=["prof-dr-mba", "haji-sh", "many", "hajjah-two-degrees", "balinese"])
def test_strip_titles(name, expected):
    assert strip_titles(name) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("diserahkan kemarin di Jakarta", D(2023, 3, 8), [(D(2023, 3, 7), "day")]),
    ("kemarin lusa", D(2023, 3, 8), [(D(2023, 3, 6), "day")]),
    ("rapat Senin lalu", D(2023, 3, 8), [(D(2023, 3, 6), "day")]),
    ("Rabu lalu", D(2023, 3, 8), [(D(2023, 3, 1), "day")]),
    ("kemarin", None, []),
], ids=["kemarin", "kemarin-lusa", "weekday-last", "same-weekday-is-a-week-back", "no-published"])
def test_relative_dates(text, published, expected):
    assert [(c.value, c.precision) for c in find_dates(text, published)] == expected
