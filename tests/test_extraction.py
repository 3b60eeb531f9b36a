"""Claims and quotes as tables of cases: a short article in, who got what and who said it out."""
from __future__ import annotations

import datetime as dt

import pytest

from extract.runner.stages import mine
from extract.records import Article


def run(text: str, published: dt.date | None = dt.date(2022, 3, 9)):
    return mine(Article("a", "test", None, None, None, None, published, "id", text))


def claims_of(text: str, published=dt.date(2022, 3, 9)) -> set[tuple]:
    return {(c.unit, c.predicate, c.grade, c.score, c.year) for c in run(text, published).claims}


CLAIM_CASES = [
    ("Kementerian Sosial melalui Sentra Paramita Mataram meraih predikat Sangat Baik atas Kinerja Pelayanan Publik "
     "Tahun 2021.", {("Sentra Paramita Mataram", "Sangat Baik", "A-", None, 2021)}),
    ("Kemensos memperoleh nilai 81,05 dan masuk dalam Zona Hijau dengan Predikat Kepatuhan Tinggi dalam Penilaian "
     "Kepatuhan Standar Pelayanan Publik Tahun 2021.",
     {("Kementerian Sosial", "Kepatuhan Tinggi", "Zona Hijau", 81.05, 2021)}),
    ("Pemkot Palembang Raih Penghargaan Layanan Prima\nEvaluasi kinerja pelayanan publik tahun 2020 diumumkan.",
     {("Pemerintah Kota Palembang", "Pelayanan Prima", "A", None, 2020)}),
    ("Pada evaluasi tahun 2021, Polres Sleman dan Kantor Imigrasi Kelas I Yogyakarta meraih predikat WBK.",
     {("Kepolisian Resor Sleman", "WBK", None, None, 2021),
      ("Kantor Imigrasi Kelas I Yogyakarta", "WBK", None, None, 2021)}),
    ("Zona Integritas tahun 2022 diberikan. Tiga unit meraih predikat WBK, yakni Polres Bantul, "
     "Pengadilan Agama Bantul dan Rutan Wonosari.",
     {("Kepolisian Resor Bantul", "WBK", None, None, 2022), ("Pengadilan Agama Bantul", "WBK", None, None, 2022),
      ("Rumah Tahanan Negara Wonosari", "WBK", None, None, 2022)}),
    ("Unit pelayanan kategori Sangat Baik tahun 2021. Disdukcapil Kota Bontang, Disdukcapil Kabupaten Paser.",
     {("Dinas Kependudukan dan Pencatatan Sipil Kota Bontang", "Sangat Baik", "A-", None, 2021),
      ("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Paser", "Sangat Baik", "A-", None, 2021)}),
    ("Pemerintah Kabupaten Sleman meraih kategori Kualitas Tertinggi dengan nilai 93,06, sedangkan Pemerintah "
     "Kabupaten Gunungkidul memperoleh kategori Kualitas Tinggi dengan nilai 84,10 dalam Opini Ombudsman tahun 2022.",
     {("Pemerintah Kabupaten Sleman", "Kualitas Tertinggi", None, 93.06, 2022),
      ("Pemerintah Kabupaten Gunungkidul", "Kualitas Tinggi", None, 84.1, 2022)}),
    ("Polres Sleman berharap meraih predikat WBBM pada tahun 2023.", set()),
    ("Kantor Pertanahan Kabupaten Badung terus membangun zona integritas menuju WBBM.", set()),
    ("Menurut KemenPANRB, predikat Pelayanan Prima diberikan bagi unit dengan indeks di atas 4,51.", set()),
    ("KPK merilis skor MCP 2022. Pemerintah Kota Malang masuk zona hijau dengan skor 92,36.",
     {("Pemerintah Kota Malang", "Zona Hijau", "Zona Hijau", 92.36, 2022)}),
    ("Dinas Kependudukan dan Catatan Sipil (Disdukcapil) Kota Pekanbaru meraih predikat Sangat Baik tahun 2021. "
     "Disdukcapil Pekanbaru mengantongi indeks 4,26.",
     {("Dinas Kependudukan dan Catatan Sipil Kota Pekanbaru", "Sangat Baik", "A-", 4.26, 2021)}),
    ("Disdukcapil Kota Pekanbaru meraih predikat Sangat Baik dalam evaluasi tahun 2021 dengan indeks 4,26. Capaian "
     "ini naik dibanding evaluasi sebelumnya yang menempatkan dinas tersebut di kategori B.",
     {("Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru", "Sangat Baik", "A-", 4.26, 2021),
      ("Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru", "Baik", "B", None, 2020)}),
    ("Dari wilayah hukum Pengadilan Tinggi Surabaya, sejumlah pengadilan negeri meraih predikat WBK Tahun 2022, "
     "yaitu:\n- Pengadilan Negeri Lumajang;\n- Pengadilan Negeri Bangil.",
     {("Pengadilan Negeri Lumajang", "WBK", None, None, 2022), ("Pengadilan Negeri Bangil", "WBK", None, None, 2022)}),
    ("Hasil monev keterbukaan informasi publik tahun 2021, berikut sebagian hasilnya:\n"
     "- Inspektorat Provinsi Riau: 93,40 (Informatif)\n- Badan Pendapatan Daerah Provinsi Riau: 84,15 (Menuju Informatif)",
     {("Inspektorat Provinsi Riau", "Informatif", None, 93.4, 2021),
      ("Badan Pendapatan Daerah Provinsi Riau", "Menuju Informatif", None, 84.15, 2021)}),
    ("Puskesmas Kembaran I, Kabupaten Banyumas, berhasil masuk Top 45 Inovasi Pelayanan Publik tahun 2021.",
     {("Puskesmas Kembaran I", "Top 45 Inovasi Pelayanan Publik", None, None, 2021)}),
    ("Ingatan saya kembali ke 2021, ketika Pemkot Malang masuk zona hijau dengan predikat kepatuhan tinggi dari "
     "Ombudsman. Kini Pemkot Malang meraih kategori Kualitas Tinggi pada Opini 2022.",
     {("Pemerintah Kota Malang", "Kepatuhan Tinggi", "Zona Hijau", None, 2021),
      ("Pemerintah Kota Malang", "Kualitas Tinggi", None, None, 2022)}),
    ("Kementerian ATR/BPN kembali diganjar predikat Badan Publik Informatif pada Anugerah Keterbukaan Informasi "
     "Publik Tahun 2021.", {("Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional", "Informatif", None, None,
                             2021)}),
    ("Raih WBBM, Lapas Cianjur Buktikan Layanan Bersih Bukan Sekadar Slogan\n\nZona Integritas tahun 2021 "
     "diumumkan. KPP Pratama Surabaya Rungkut meraih predikat WBK.",
     {("Lembaga Pemasyarakatan Cianjur", "WBBM", None, None, 2021),
      ("Kantor Pelayanan Pajak Pratama Surabaya Rungkut", "WBK", None, None, 2021)}),
    ("Rutan Cianjur dan BPJS Kesehatan Kantor Cabang Cianjur sama-sama dianugerahi predikat WBK tahun 2021.",
     {("Rumah Tahanan Negara Cianjur", "WBK", None, None, 2021),
      ("Badan Penyelenggara Jaminan Sosial Kesehatan Kantor Cabang Cianjur", "WBK", None, None, 2021)}),
    ("RSUD Haji meraih predikat Sangat Baik pada evaluasi tahun 2022. Direktur berharap tahun depan RSUD Haji bisa "
     "naik ke kategori A (Pelayanan Prima).", {("Rumah Sakit Umum Daerah Haji", "Sangat Baik", "A-", None, 2022)}),
    ("Pemkot Banjarmasin meraih predikat Kepatuhan Tinggi dalam penilaian kepatuhan tahun 2021. Hasil itu melonjak "
     "dibanding penilaian 2019, saat Pemkot Banjarmasin masih di Zona Kuning.",
     {("Pemerintah Kota Banjarmasin", "Kepatuhan Tinggi", "Zona Hijau", None, 2021),
      ("Pemerintah Kota Banjarmasin", "Kepatuhan Sedang", "Zona Kuning", None, 2019)}),
]


@pytest.mark.parametrize("text, expected", CLAIM_CASES,
                         ids=["via", "zone-and-score", "title", "list-of-subjects", "yakni-list", "heading", "sedangkan",
                              "aspiration-berharap", "aspiration-menuju", "definition-not-claim", "mcp-zone",
                              "names-joined-and-score-later", "earlier-result-implied-year", "list-after-colon-not-the-setting", "list-of-results", "region-placing-a-unit", "bare-year-the-scheme-ran-in", "predicate-words-are-no-unit", "headline-name-ends-at-its-place", "branch-office-of-a-body", "aspiration-bisa-naik", "earlier-result-explicit-year"])
def test_claims(text, expected):
    assert claims_of(text) == expected


QUOTE_CASES = [
    ("“Inovasi ini lahir dari keluhan warga,” kata Kepala Puskesmas Kembaran I, dr. Rina Oktaviani, dalam dialog.",
     [("Rina Oktaviani", "Kepala Puskesmas Kembaran I", True)]),
    ("Wakil Ketua PN Kepanjen, Gede Sunarjana, S.H., M.H., selaku Ketua Tim Pembangunan Zona Integritas, menjelaskan "
     "bahwa proses dimulai sejak Januari.", [("Gede Sunarjana", "Wakil Ketua PN Kepanjen", False)]),
    ('“Kami bangga,” ujar Dadang Iskandar, Inspektur Jenderal Kementerian Sosial. “Terima kasih,” kata Dadang.',
     [("Dadang Iskandar", "Inspektur Jenderal Kementerian Sosial", True)] * 2),
    ("Deputi Bidang Pelayanan Publik Prof. Dr. Diah Natalisa, MBA., menyampaikan hasil evaluasi.",
     [("Diah Natalisa", "Deputi Bidang Pelayanan Publik", False)]),
    ("Piagam diterima Kapolres Bantul, AKBP Raditya Wisnu Pradana, S.I.K., M.H. “Ini kerja bersama,” kata Raditya.",
     [("Raditya Wisnu Pradana", None, True)]),
    ("Kepala Rutan Kelas IIB Wonosari, Suparjo, mengungkapkan bahwa layanan kunjungan daring diminati.",
     [("Suparjo", "Kepala Rutan Kelas IIB Wonosari", False)]),
    ("“Kami terus berbenah.\n“Pelayanan harus cepat,” tutur I Ketut Supena, Kepala Sentra Paramita.",
     [("I Ketut Supena", "Kepala Sentra Paramita", True)]),
    ("Kepala Dinas Kominfo, H. Lalu Wira Pratama, S.H.: “Data harus terbuka.”",
     [("Lalu Wira Pratama", "Kepala Dinas Kominfo", True)]),
    ("Pemerintah Kabupaten Lumajang yang masih berstatus Inovatif berharap naik kelas.", []),
    ("“Kalimat tanpa penutup, lalu berita lain.\nParagraf berikutnya.", []),
]


@pytest.mark.parametrize("text, expected", QUOTE_CASES,
                         ids=["unit-in-the-role-is-not-the-name", "selaku-role-after-the-name", "direct-and-short-form", "reported-with-titles", "introduced-then-short-form",
                              "single-javanese-name", "quote-across-paragraphs", "speaker-before-colon",
                              "label-is-not-a-name", "unclosed-quote"])
def test_quotes(text, expected):
    quotes = run(text).quotes
    assert [(q.speaker, q.role, q.direct) for q in quotes] == [
        (speaker, role if role is not None else q.role, direct) for (speaker, role, direct), q in zip(expected, quotes)]
    assert len(quotes) == len(expected)


RULE_ID_CASES = [
    ("sentence with an award word", "Pemkot Palembang meraih predikat Pelayanan Prima pada evaluasi tahun 2022.",
     "claim.sentence/cue.award.obtained"),
    ("sentence pointing back", "Pemkot Palembang menggelar rapat evaluasi tahun 2022. Penghargaan tersebut "
     "diraih dengan predikat Pelayanan Prima.", "claim.previous/cue.award.obtained+cue.anaphor.points_back"),
]


@pytest.mark.parametrize("text, rule_id", [c[1:] for c in RULE_ID_CASES], ids=[c[0] for c in RULE_ID_CASES])
def test_a_claim_records_the_cues_that_made_it(text, rule_id):
    assert [c.rule_id for c in run(text).claims] == [rule_id]


def test_bylines_and_credits_are_not_speakers():
    from extract.read.clean import to_article
    from extract.records import RawDoc
    raw = RawDoc(source="t.txt", text="Penulis :\nAni Lestari\nEditor: Budi Santoso\nJAKARTA - Kemensos meraih "
                 "predikat Kepatuhan Tinggi. “Kami bangga,” kata Dadang Iskandar, Irjen Kemensos.\n(Foto: Humas Kemensos)")
    result = mine(to_article(raw))
    assert {q.speaker for q in result.quotes} == {"Dadang Iskandar"}
