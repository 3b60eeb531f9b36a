"""The relevance gate: it never drops an article that holds a claim, and drops ordinary news.

Every article of the corpus, the seeds and the dev set (``../shared``, skipped when absent) that
holds a gold claim must pass it, in the form the pipeline reads it (the HTML page, the text file,
the JSON Lines record, the WARC record). Invented pages of ordinary news must not.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.read.inputs import read_input
from extract.read.page_meta import read_meta
from extract.read.relevance import relevant

from conftest import CORPUS, run_cli


def _gold_with_claims(gold_dir: Path) -> list[dict]:
    found = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("claims"):
            found.append(gold | {"name": path.stem})
    return found


def _records(inputs: Path):
    """(url, page or text) of every record of an input file."""
    for raw in read_input(str(inputs)):
        yield raw.url, raw.html if raw.html is not None else raw.text


def _page_of(gold: dict, folders: list[Path], feeds: list[Path]) -> str:
    """The page or text the pipeline reads for a gold article: its file, else its record in a feed."""
    for folder in folders:
        path = folder / gold["file"]
        if path.is_file() and path.suffix in (".html", ".txt"):
            return next(_records(path))[1]
    for feed in feeds:
        for url, page in _records(feed):
            if url == gold["url"]:
                return page
    raise LookupError(f"no input holds the article of {gold['name']}")


CORPUS_GOLD = _gold_with_claims(CORPUS / "gold")


@pytest.mark.parametrize("gold", CORPUS_GOLD, ids=[g["name"] for g in CORPUS_GOLD])
def test_every_corpus_article_with_a_claim_passes(gold):
    page = _page_of(gold, [CORPUS / "html", CORPUS / "text"], sorted((CORPUS / "feeds").iterdir()))
    assert relevant(page)


@pytest.mark.parametrize("part, folders, feeds", [
    ("gold", ["seeds"], ["seeds/seeds.jsonl"]),
    ("dev/gold", ["dev/texts"], ["dev/dev.jsonl"]),
], ids=["seeds", "dev"])
def test_every_shared_article_with_a_claim_passes(shared_dir, part, folders, feeds):
    golds = _gold_with_claims(shared_dir / part)
    assert golds
    for gold in golds:
        assert relevant(_page_of(gold, [shared_dir / f for f in folders], [])), gold["name"]
        record = next(page for url, page in _records(shared_dir / feeds[0]) if url == gold["url"])
        assert relevant(record), gold["name"]


PORTAL = ("<html><head><title>{title}</title></head><body><nav><a href='/'>Beranda</a><a href='/nasional'>Nasional"
          "</a><a href='/olahraga'>Olahraga</a><a href='/ekonomi'>Ekonomi</a></nav><article><h1>{title}</h1>"
          "<p>{body}</p></article><aside><h3>Terpopuler</h3><ul><li><a href='/1'>Harga Emas Antam Hari Ini</a></li>"
          "<li><a href='/2'>Jadwal Liga 1 Pekan Ini</a></li></ul></aside><footer>Hak cipta dilindungi</footer>"
          "<script>window.dataLayer=window.dataLayer||[];</script></body></html>")


@pytest.mark.parametrize("title, body", [
    ("DPR Sahkan RUU Desa", "Rapat paripurna DPR mengesahkan revisi Undang-Undang Desa. Ketua DPR mengatakan masa "
     "jabatan kepala desa diperpanjang menjadi delapan tahun setelah pembahasan panjang bersama pemerintah."),
    ("Koalisi Usung Calon Gubernur", "Tiga partai politik sepakat mengusung pasangan calon gubernur pada pilkada "
     "November mendatang. Deklarasi digelar di sebuah hotel dan dihadiri ribuan simpatisan."),
    ("Persib Tekuk Persija", "Persib Bandung menang 2-1 atas Persija Jakarta. Pelatih memuji penampilan lini tengah "
     "yang tampil disiplin sepanjang babak kedua di hadapan puluhan ribu suporter."),
    ("Timnas U-23 Lolos ke Semifinal", "Timnas Indonesia U-23 lolos ke semifinal setelah menang adu penalti. "
     "Kiper tampil gemilang dengan menepis dua tendangan."),
    ("Film Horor Tembus Dua Juta Penonton", "Film horor produksi rumah produksi lokal menembus dua juta penonton "
     "dalam sepekan. Sutradara mengaku tidak menyangka antusiasme penonton sebesar itu."),
    ("Rupiah Melemah Sore Ini", "Nilai tukar rupiah melemah 40 poin ke level Rp 16.200 per dolar AS. Analis "
     "menyebut sentimen suku bunga global masih membebani pasar keuangan."),
    ("Harga Cabai Naik", "Harga cabai rawit di pasar tradisional naik menjadi Rp 80.000 per kilogram karena "
     "pasokan dari sentra produksi berkurang akibat hujan."),
    ("Banjir Rendam Tiga Kecamatan", "Banjir merendam ratusan rumah di tiga kecamatan. Warga mengungsi ke balai "
     "desa, dan petugas membagikan makanan siap saji kepada para pengungsi."),
], ids=["politics-law", "politics-election", "sport-football", "sport-national-team", "entertainment",
        "economy-currency", "economy-prices", "disaster"])
def test_ordinary_news_does_not_pass(title, body):
    assert not relevant(PORTAL.format(title=title, body=body))
    assert not relevant(f"{title}\n\n{body}")


@pytest.mark.parametrize("page", [
    "Dinas X meraih predikat <b>Pelayanan</b> Prima",
    "Dinas X meraih predikat Pelayanan&nbsp;Prima",
    "Kantor itu masuk ZONA HIJAU",
    "<p>Satuan kerja itu meraih WBK</p>",
    "RSUD itu mendapat nilai A- dalam evaluasi",
    "<table><tr><td>DPMPTSP Kudus</td><td>4,38</td><td><span>A-</span></td></tr></table>",
    "Penghargaan dari Ombudsman RI",
    "“KPK” menyerahkan hasil survei",
    "Pemkot Contoh meraih penghargaan Kota Ramah Lansia",
    "Dinas itu menerima Piala Sapta Layanan",
    "Organisasi itu masuk Top 10 Pengelolaan Pengaduan",
], ids=["tag-inside-a-phrase", "nbsp-inside-a-phrase", "capitals", "acronym", "grade-after-a-cue",
        "grade-in-a-table-cell", "awarder", "acronym-in-quotes", "award-in-its-own-words", "trophy", "top-n"])
def test_award_vocabulary_passes(page):
    assert relevant(page)


@pytest.mark.parametrize("page", [
    "sop iga bakar", "Kpk itu", "kita kini kirim", "nilai akhir ujian", "hasil babak pertama",
    "klik tombol top untuk kembali ke atas",
], ids=["acronym-in-lower-case", "acronym-in-mixed-case", "acronym-inside-words", "cue-without-grade",
        "cue-before-a-word", "top-without-a-number"])
def test_near_misses_do_not_pass(page):
    assert not relevant(page)


def test_a_gated_page_keeps_its_head_and_all_pages_reads_it(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    sport = PORTAL.format(title="Persib Tekuk Persija", body="Persib Bandung menang 2-1 atas Persija Jakarta. Pelatih "
                          "memuji penampilan lini tengah yang tampil disiplin sepanjang babak kedua pertandingan.")
    sport = sport.replace("</title>", "</title><link rel='canonical' href='https://bola.example.id/persib'>"
                                      "<meta property='article:published_time' content='2024-02-03T20:00:00+07:00'>")
    (pages / "a-sport.html").write_text(sport, encoding="utf-8")
    (pages / "b-award.html").write_bytes((CORPUS / "html" / "reg-kip-jatim-2022.html").read_bytes())
    run_cli("run", str(pages), "--out", str(tmp_path / "gated"))
    run_cli("run", str(pages), "--out", str(tmp_path / "all"), "--all-pages")
    gated, every = extract.load(tmp_path / "gated", notebook=False), extract.load(tmp_path / "all", notebook=False)
    row = gated["articles"].iloc[0]
    assert (row["status"], row["url"], row["title"], str(row["published"]), row["text"]) == \
        ("off_topic", "https://bola.example.id/persib", "Persib Tekuk Persija", "2024-02-03", "")
    assert list(every["articles"]["status"]) == ["ok", "ok"]
    assert len(gated["claims"]) and gated["claims"]["sentence"].tolist() == every["claims"]["sentence"].tolist()
    summary = extract.run([str(pages)], tmp_path / "gated", progress=False)
    assert (summary.skipped, summary.statuses.get("off_topic")) == (1, 1)
    assert "skipped 1 (off_topic 1)" in summary.lines()[0]


def test_the_head_is_read_without_parsing():
    meta = read_meta("<head><meta content='Sport' property='og:site_name'><meta property='og:title' "
                     "content='Persib &amp; Persija'><time datetime='2024-02-03'>3 Februari</time></head>")
    assert (meta.site, meta.title, meta.published, meta.url) == ("Sport", "Persib & Persija", "2024-02-03", None)
