"""Every input format, run through the CLI and read back from parquet."""
from __future__ import annotations

import http.server
import io
import json
import threading

import pandas as pd
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import run_cli
from data.make_hostile import page as hostile_page

BODY = ("Pemerintah Kota Palembang melalui Mal Pelayanan Publik meraih predikat Pelayanan Prima dari "
        "Kementerian PANRB atas hasil evaluasi kinerja pelayanan publik tahun 2020. Penghargaan diserahkan "
        "di Jakarta, Rabu (10/3/2021). “Kami akan terus memperbaiki layanan,” kata Ratu Dewa, Sekretaris Daerah "
        "Kota Palembang. Evaluasi dilakukan terhadap seluruh unit penyelenggara pelayanan publik di daerah itu.")


RELATED = ("<aside><h3>Berita Terkait</h3><ul><li><a href='/b'>Pemkab Muara Enim Raih Predikat Kepatuhan Tinggi"
           "</a></li></ul></aside>")


def page(body: str = BODY, charset_meta: str = '<meta charset="utf-8">', url: str = "https://warta.example.id/a/1") -> str:
    """A news page with a related-articles box whose headline must not become a claim."""
    return hostile_page(body, meta=charset_meta, url=url, filler=RELATED)


def read(out, table):
    return pd.read_parquet(out / f"{table}.parquet")


def test_html_file_takes_the_canonical_url_and_metadata(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(page(), encoding="utf-8")
    run_cli("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    articles = read(tmp_path / "out", "articles")
    assert list(articles["status"]) == ["ok"]
    row = articles.iloc[0]
    assert row["url"] == "https://warta.example.id/a/1"
    assert str(row["published"]) == "2021-03-10"
    assert "Pelayanan Prima" in row["text"] and "Muara Enim" not in row["text"]
    claims = read(tmp_path / "out", "claims")
    assert "Pelayanan Prima" in set(claims["predicate"])


@pytest.mark.parametrize("encoding, meta", [
    ("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
    ("cp1252", ""),
    ("utf-8-sig", ""),
    ("latin-1", '<meta charset="iso-8859-1">'),
], ids=["cp1252-meta", "cp1252-detected", "utf8-bom", "latin1-meta"])
def test_html_bytes_are_decoded(tmp_path, encoding, meta):
    body = BODY.replace("Ratu Dewa", "Ratu Déwa Pérdana")
    if encoding == "latin-1":
        body = body.replace("“", '"').replace("”", '"')   # latin-1 has no curly quotes
    (tmp_path / "a.html").write_bytes(page(body, meta).encode(encoding))
    run_cli("run", str(tmp_path / "a.html"), "--out", str(tmp_path / "out"))
    text = read(tmp_path / "out", "articles").iloc[0]["text"]
    assert "Ratu Déwa Pérdana" in text
    assert ("“Kami akan" in text) == (encoding != "latin-1")


def test_utf8_bytes_declared_windows_1252_are_repaired(tmp_path):
    """UTF-8 that decodes as windows-1252 without an error comes out as mojibake ("â€œKami"); ftfy
    puts it back, and the claim and the quote are found as in the page written right."""
    body = BODY.replace("”", "“").replace("Ratu Dewa", "Ratu Déwa")       # no byte windows-1252 lacks
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    (tmp_path / "a.html").write_bytes(page(body, meta).encode("utf-8"))
    run_cli("run", str(tmp_path / "a.html"), "--out", str(tmp_path / "out"))
    text = read(tmp_path / "out", "articles").iloc[0]["text"]
    assert "“Kami akan" in text and "Ratu Déwa" in text and "â€" not in text and "Ã" not in text
    assert "Pelayanan Prima" in set(read(tmp_path / "out", "claims")["predicate"])


def _warc(path, records):
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for kind, uri, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            if kind == "request":
                record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            else:
                record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


def test_warc_takes_html_responses_only_with_their_target_uri(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc, [
        ("request", "https://a.example.id/1", "", b""),
        ("response", "https://a.example.id/1", "text/html; charset=utf-8", page(url="https://other.example/x").encode()),
        ("response", "https://a.example.id/logo.png", "image/png", b"\x89PNG...."),
        ("response", "https://a.example.id/2", "text/html", page(BODY.replace("Palembang", "Lubuklinggau")).encode()),
    ])
    run_cli("run", str(warc), "--out", str(tmp_path / "out"))
    articles = read(tmp_path / "out", "articles")
    assert list(articles["url"]) == ["https://a.example.id/1", "https://a.example.id/2"]
    assert all("@" in s for s in articles["source"])


def test_truncated_warc_keeps_what_it_read_and_records_the_failure(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc, [("response", f"https://a.example.id/{i}", "text/html", page(BODY.replace("Palembang", name)).encode())
                 for i, name in enumerate(("Lahat", "Muara Enim", "Pagar Alam"))])
    data = warc.read_bytes()
    warc.write_bytes(data[: int(len(data) * 0.8)])
    run_cli("run", str(warc), "--out", str(tmp_path / "out"), status=1)
    articles = read(tmp_path / "out", "articles")
    assert (articles["status"] == "ok").sum() == 2
    failed = articles[articles["status"] != "ok"]
    assert len(failed) == 1 and "WARC" in failed.iloc[0]["error"]


def test_jsonl_every_line_one_row_with_its_reason(tmp_path):
    lines = [
        json.dumps({"url": "https://b.example.id/1", "html": page(), "title": "Judul", "published": "2021-03-10"}),
        json.dumps({"url": "https://b.example.id/2", "title": "Teks", "date_publish": "2021-03-11 09:00:00",
                    "maintext": BODY, "source_domain": "b.example.id", "authors": ["Ani"]}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://b.example.id/5", "text": 42}),
        json.dumps({"url": "https://b.example.id/6"}),
    ]
    path = tmp_path / "scrape.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_cli("run", str(path), "--out", str(tmp_path / "out"), status=1)
    articles = read(tmp_path / "out", "articles")
    assert list(articles["source"]) == [f"{path}:{i}" for i in range(1, 7)]
    assert list(articles["status"]) == ["ok", "ok", "bad_json", "bad_record", "bad_record", "bad_record"]
    assert articles["error"].iloc[2:].str.contains("scrape.jsonl:").all()
    newsplease = articles.iloc[1]
    assert str(newsplease["published"]) == "2021-03-11" and newsplease["site"] == "b.example.id"


def test_text_file_debris_is_removed(tmp_path):
    text = ("Penulis :\nHumas Kota\nEditor :\nBudi\nPALEMBANG - " + BODY + "\nBaca Juga: Pemkab Lahat Raih WBK\n"
            "ADVERTISEMENT\nsosmed-whatsapp-white\nBerita Terkait\n- Kota Pagar Alam Raih Predikat Kepatuhan Tinggi\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    run_cli("run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"))
    article = read(tmp_path / "out", "articles").iloc[0]
    for debris in ("Penulis", "Budi", "Baca Juga", "Lahat", "ADVERTISEMENT", "sosmed", "Pagar Alam"):
        assert debris not in article["text"]
    assert str(article["published"]) == "2021-03-10"   # from the dateline in the text


@pytest.mark.parametrize("name, content, status", [
    ("empty.html", b"", "empty"),
    ("fake.html", b"%PDF-1.7 binary", "not_text"),
    ("nobody.html", b"<html><body><nav>Beranda | Zona Integritas</nav></body></html>", "no_body"),
    ("sport.html", b"<html><body><p>Persib menang 1-0 atas Persija.</p></body></html>", "off_topic"),
    ("notes.pdf", b"%PDF", "unsupported"),
], ids=["empty", "pdf-as-html", "no-body", "off-topic", "unsupported-type"])
def test_bad_files_get_a_row_with_the_reason(tmp_path, name, content, status):
    (tmp_path / name).write_bytes(content)
    skipped = status == "off_topic"     # a skipped record is no failure: exit status 0
    run_cli("run", str(tmp_path / name), "--out", str(tmp_path / "out"), status=0 if skipped else 1)
    articles = read(tmp_path / "out", "articles")
    assert list(articles["status"]) == [status]
    assert name in articles.iloc[0]["error"]


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/berita/1":
            data = page(url="http://127.0.0.1/berita/1").encode("cp1252")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=windows-1252")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_are_fetched(tmp_path, local_server):
    from extract import run
    from extract.settings import Settings
    settings = Settings(fetch_timeout=5, allow_private=True)
    run([f"{local_server}/berita/1", f"{local_server}/hilang"], tmp_path / "out", settings)
    articles = read(tmp_path / "out", "articles")
    assert list(articles["status"]) == ["ok", "fetch_error"]
    assert "“Kami akan terus" in articles.iloc[0]["text"]


def test_private_addresses_are_refused_by_default(tmp_path, local_server):
    run_cli("run", f"{local_server}/berita/1", "--out", str(tmp_path / "out"), status=1)
    assert list(read(tmp_path / "out", "articles")["status"]) == ["fetch_error"]
