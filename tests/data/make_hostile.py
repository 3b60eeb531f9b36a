"""Write a corpus of hostile and broken inputs: what scraped collections really hold.

Everything is generated from the code below (seeded, byte-stable), so no binary
is kept in the repository. The tests build it in a temporary directory
(``tests/test_hostile.py``); to look at the files::

    .venv/bin/python tests/data/make_hostile.py /tmp/hostile

Each file's name says what is wrong with it. ``EXPECTED`` in the test module
lists what each one must yield.
"""
from __future__ import annotations

import gzip
import io
import json
import random
import sys
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = ("Pemerintah Kota Palembang melalui Mal Pelayanan Publik meraih predikat Pelayanan Prima dari "
        "Kementerian PANRB atas hasil evaluasi kinerja pelayanan publik tahun 2020. Penghargaan diserahkan "
        "di Jakarta, Rabu (10/3/2021). “Kami akan terus memperbaiki layanan,” kata Ratu Déwa, Sekretaris Daerah "
        "Kota Palembang. Evaluasi dilakukan terhadap seluruh unit penyelenggara pelayanan publik di daerah itu.")

OTHER_BODY = ("Pemerintah Kabupaten Sleman meraih predikat Kepatuhan Tinggi dari Ombudsman RI dalam penilaian "
              "kepatuhan standar pelayanan publik tahun 2021. Hasil penilaian diumumkan di Yogyakarta, Kamis "
              "(9/12/2021). Bupati Sleman mengatakan capaian itu hasil kerja seluruh perangkat daerah. Penilaian "
              "dilakukan terhadap dinas dan badan yang melayani masyarakat secara langsung di kabupaten itu.")

ENGLISH = ("The city government of Palembang received the Excellent Service award from the Ministry of "
           "Administrative and Bureaucratic Reform (KemenPANRB) for its public service evaluation in 2020. The award was "
           "presented in Jakarta on Wednesday. The mayor said that the result was the work of all of the staff "
           "and that the city would continue to improve its services for the public.")

JAVANESE = ("Pamarentah Kabupaten Sleman entuk penghargaan predikat Pelayanan Prima saka Kementerian PANRB amarga "
            "pelayanan publik sing apik banget. Bupati Sleman ngendika yen penghargaan iki kanggo kabeh warga. "
            "Piyambakipun ngaturaken matur nuwun dhumateng sedaya pegawai ingkang sampun nyambut damel kanthi sae. "
            "Penghargaan kasebut dipasrahake ing Jakarta dina Rebo. Sakwise iki, Pemkab bakal terus ndandani "
            "layanan kanggo masyarakat.")

SUNDANESE = ("Pamarentah Kota Bandung meunang panghargaan predikat Pelayanan Prima ti Kementerian PANRB lantaran "
             "palayanan publik anu alus pisan. Wali Kota Bandung nyarios yén panghargaan ieu kanggo sakumna warga. "
             "Anjeunna ngahaturkeun nuhun ka sadaya pagawé anu geus digawé kalayan soson-soson. Panghargaan éta "
             "dipasrahkeun di Jakarta dina poé Rebo, sarta bakal jadi pangjurung pikeun ngaronjatkeun palayanan.")

SPORT = ("Persib Bandung menang tipis 1-0 atas Persija Jakarta di Stadion Gelora Bandung Lautan Api, Sabtu malam. "
         "Gol tunggal dicetak pada menit ke-78 lewat sundulan kepala. Pelatih Persib mengatakan timnya bermain "
         "disiplin dan akan terus memperbaiki penyelesaian akhir menjelang laga tandang pekan depan.")

MARKET = ("Harga cabai rawit di Pasar Induk Kramat Jati kembali naik menjadi Rp 80.000 per kilogram. Pedagang "
          "mengatakan pasokan dari daerah sentra berkurang karena hujan. Warga berharap pemerintah segera "
          "menggelar operasi pasar agar harga kembali turun.")

PAGE_BYTES = 20 * 1024 * 1024   # "a 20 MB page"
NESTING = 100_000               # "deeply nested HTML"


def page(body: str = BODY, *, meta: str = '<meta charset="utf-8">', url: str = "https://warta.example.id/a/1",
         title: str = "Palembang Raih Pelayanan Prima", lang: str = "id", filler: str = "") -> str:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (f"<!DOCTYPE html><html lang='{lang}'><head>{meta}<title>{title}</title>"
            f"<link rel='canonical' href='{url}'><meta property='og:url' content='{url}'>"
            "<meta property='article:published_time' content='2021-03-10T18:02:00+07:00'></head><body>"
            "<nav><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article>{filler}"
            "<footer>Hak cipta 2021 Warta Contoh</footer></body></html>")


def city_page(city: str, url: str, **options) -> str:
    """The Palembang article told of another city, title and all (every page a text of its own)."""
    body = BODY.replace("Palembang", city)
    if options.pop("plain_quotes", False):
        body = body.replace("“", '"').replace("”", '"')   # latin-1 has no curly quotes
    return page(body, url=url, title=f"{city} Raih Pelayanan Prima", **options)


def _minimal_pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def _warc(records: list[tuple]) -> bytes:
    """WARC bytes, gzip per record: (type, uri, content type, payload[, extra WARC headers]).

    Record ids and dates are fixed, so that the bytes (and the offsets in ``source``) are the same every time.
    An extra header given as None is left out of the record.
    """
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    fixed = lambda n, extra=(): {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=n)}>",
                                 "WARC-Date": "2021-03-10T12:00:00Z", **dict(extra)}
    writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: make_hostile\r\n"),
                                                  warc_content_type="application/warc-fields",
                                                  warc_headers_dict=fixed(0)))
    for n, (kind, uri, content_type, payload, *extra) in enumerate(records, start=1):
        headers = fixed(n, extra[0] if extra else ())
        dropped = [name for name, value in headers.items() if value is None]
        headers = {name: value for name, value in headers.items() if value is not None}
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        if kind == "request":
            record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                               warc_headers_dict=headers)
        elif kind == "metadata":
            record = writer.create_warc_record(uri, "metadata", payload=io.BytesIO(payload),
                                               warc_content_type="application/warc-fields", warc_headers_dict=headers)
        elif kind == "revisit":
            record = writer.create_warc_record(uri, "revisit", http_headers=http, warc_headers_dict=headers)
        else:
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http,
                                               warc_headers_dict=headers)
        for name in dropped:
            record.rec_headers.remove_header(name)
        writer.write_record(record)
    return out.getvalue()


def _jsonl_lines() -> list[bytes]:
    good = {"url": "https://b.example.id/1", "text": OTHER_BODY.replace("Sleman", "Magelang"),
            "title": "Magelang Raih Kepatuhan Tinggi",
            "published": "2021-12-09"}
    return [
        json.dumps(good).encode(),                                        # 1 ok
        b'{"url": "https://b.example.id/2", "text": "Pemkot',              # 2 cut off mid-line
        b"",                                                              # (blank: not a record)
        b"[1, 2, 3]",                                                     # 3 not an object
        b"null",                                                          # 4 not an object
        json.dumps({"url": "https://b.example.id/5", "text": 42}).encode(),      # 5 text of the wrong type
        json.dumps({"url": "https://b.example.id/6", "html": ["<p>x</p>"]}).encode(),  # 6 html of the wrong type
        json.dumps({"url": "https://b.example.id/7", "title": "Tanpa isi"}).encode(),   # 7 no text at all
        json.dumps({"url": 8, "text": OTHER_BODY}).encode(),              # 8 url of the wrong type
        json.dumps({"url": "https://b.example.id/9", "text": OTHER_BODY.replace("Sleman", "Bantul"),
                    "title": {"a": 1}, "published": 1639008000, "authors": [None, 3]}).encode(),  # 9 odd optional fields
        b'{"url": "https://b.example.id/10", "text": "' + b"Pemkot \xff\xfe Palembang raih predikat WBK" + b'"}',   # 10 invalid UTF-8
        b'{"url": "https://b.example.id/11", "text": "a"} trailing',       # 11 trailing garbage
        b"[" * 100_000,                                                   # 12 nested past the parser's depth
        b'{"url": "https://b.example.id/13", "n": ' + b"7" * 5000 + b"}",  # 13 a 5,000-digit number
    ]


def build(root: Path) -> Path:
    """Write the hostile corpus under ``root``; return ``root``."""
    rng = random.Random(20240601)
    html, text, feeds = root / "html", root / "text", root / "feeds"
    for directory in (html, text, feeds):
        directory.mkdir(parents=True, exist_ok=True)

    # Encodings: invalid UTF-8, windows-1252 and latin-1 with and without a declaration.
    good = page().encode("utf-8")
    (html / "invalid-utf8.html").write_bytes(good.replace(b"Jakarta", b"Jakarta\x92s \xff"))
    cp1252_meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    (html / "cp1252-meta.html").write_bytes(city_page("Lubuklinggau", "https://warta.example.id/cp/1",
                                                      meta=cp1252_meta).encode("cp1252"))
    (html / "cp1252-nometa.html").write_bytes(city_page("Prabumulih", "https://warta.example.id/cp/2",
                                                        meta="").encode("cp1252"))
    (html / "latin1-meta.html").write_bytes(city_page("Pagar Alam", "https://warta.example.id/l/1", plain_quotes=True,
                                                      meta='<meta charset="iso-8859-1">').encode("latin-1"))
    (html / "latin1-nometa.html").write_bytes(city_page("Binjai", "https://warta.example.id/l/2", plain_quotes=True,
                                                        meta="").encode("latin-1"))

    # Nothing usable: empty, blank, binary, a PDF named .html, a page with no article.
    (html / "empty.html").write_bytes(b"")
    (text / "blank.txt").write_bytes(b" \n\t\r\n  ")
    (html / "binary.html").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (html / "pdf.html").write_bytes(_minimal_pdf())
    (html / "no-body.html").write_text("<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a>"
                                       "<a href='/x'>Daerah</a><a href='/zi'>Zona Integritas</a></nav><footer>Hak cipta</footer>"
                                       "</body></html>")
    # Not about awards: kept with its head's URL, title and date, not read further (off_topic).
    (html / "off-topic.html").write_text(page(SPORT, url="https://bola.example.id/persib", title="Persib Menang Tipis"))
    (text / "off-topic.txt").write_text("Harga Cabai Naik Lagi\n\n" + MARKET + "\n", encoding="utf-8")

    # Size and shape: a 20 MB page, 100,000 nested elements.
    filler = "<div class='iklan'>" + "x" * 1000 + "</div>"
    big = city_page("Solok", "https://warta.example.id/big", filler=filler * (PAGE_BYTES // len(filler) + 1))
    (html / "huge.html").write_text(big, encoding="utf-8")
    (html / "deep.html").write_text(city_page("Sibolga", "https://warta.example.id/deep",
                                              filler="<div>" * NESTING + "dalam" + "</div>" * NESTING))

    # Languages: English, Javanese, Sundanese.
    (html / "english.html").write_text(page(ENGLISH, url="https://news.example.com/palembang", lang="en",
                                            title="Palembang wins an award"))
    (html / "javanese.html").write_text(page(JAVANESE, url="https://warta.example.id/jw/1", lang="jv",
                                             title="Sleman Entuk Penghargaan"))
    (text / "sundanese.txt").write_text("Bandung Meunang Panghargaan\n\n" + SUNDANESE + "\n", encoding="utf-8")

    # One article under two URLs (a mobile copy), and a page with the same URL as the first copy.
    (html / "copy-1.html").write_text(page(OTHER_BODY, url="https://daerah.example.id/sleman", title="Sleman Raih Kepatuhan Tinggi"))
    (html / "copy-2.html").write_text(page(OTHER_BODY, url="https://m.daerah.example.id/sleman", title="Sleman Raih Kepatuhan Tinggi"))

    # Text hazards: zero-width and non-breaking spaces, quotes that never close, 31 February.
    zw = ("Pemerintah\u200b Kota\u00a0Palembang meraih\u200c predikat Pelayanan\u2060 Prima dari Kementerian\u202fPANRB "
          "atas\u00ad hasil evaluasi kinerja pelayanan publik tahun 2020.\u200d Penghargaan\ufeff diserahkan di Jakarta, "
          "Rabu (10/3/2021). Evaluasi dilakukan terhadap seluruh unit penyelenggara pelayanan publik di daerah itu.")
    (text / "zero-width.txt").write_text(zw + "\n", encoding="utf-8")
    unclosed = ("Pemerintah Kota Prabumulih meraih predikat Pelayanan Prima dari Kementerian PANRB tahun 2022. "
                "“Kami akan terus memperbaiki layanan, kata Ridho Yahya, Wali Kota Prabumulih. "
                "\"Ini kerja bersama seluruh pegawai. Penilaian dilakukan terhadap unit layanan di kota itu.")
    (text / "unclosed-quotes.txt").write_text(unclosed + "\n", encoding="utf-8")
    bad_date = ("Pemerintah Kabupaten Lahat meraih predikat Pelayanan Prima dari Kementerian PANRB. Penghargaan "
                "diserahkan pada 31/02/2022 di Jakarta. Evaluasi dilakukan terhadap seluruh unit penyelenggara "
                "pelayanan publik di kabupaten itu.")
    (text / "bad-date.txt").write_text(bad_date + "\n", encoding="utf-8")

    # Archives: a WARC with every kind of record, truncated gzip and WARC, empty and non-gzip archives.
    (feeds / "mixed.warc.gz").write_bytes(_warc([
        ("request", "https://c.example.id/1", "", b""),
        ("response", "https://c.example.id/1", "text/html; charset=utf-8",
         city_page("Metro", "https://c.example.id/1").encode()),
        ("response", "https://c.example.id/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("response", "https://c.example.id/api.json", "application/json", b'{"a": 1}'),
        ("metadata", "https://c.example.id/1", "", b"via: https://c.example.id/\r\n"),
        ("revisit", "https://c.example.id/1", "text/html", b"",
         {"WARC-Refers-To-Target-URI": "https://c.example.id/1", "WARC-Refers-To-Date": "2021-03-10T00:00:00Z",
          "WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"}),
        ("response", "https://c.example.id/2", "text/html", page(ENGLISH, url="https://c.example.id/2").encode()),
    ]))
    warc = _warc([("response", f"https://d.example.id/{i}", "text/html", city_page(city, f"https://d.example.id/{i}").encode())
                  for i, city in enumerate(("Batam", "Dumai", "Padang"))])
    (feeds / "truncated.warc.gz").write_bytes(warc[: int(len(warc) * 0.8)])
    plain = gzip.decompress(_warc([("response", f"https://f.example.id/{i}", "text/html",
                                    city_page(city, f"https://f.example.id/{i}").encode())
                                   for i, city in enumerate(("Bukittinggi", "Payakumbuh", "Pariaman"))]))
    (feeds / "truncated.warc").write_bytes(plain[: int(len(plain) * 0.8)])
    def no_uri(cities: tuple[str, str], host: str) -> bytes:   # warcio raises on a response without a target URI
        first, second = (f"https://{host}/{i}" for i in (1, 2))
        return _warc([("response", first, "text/html", city_page(cities[0], first).encode()),
                      ("response", second, "text/html", city_page(cities[1], second).encode(),
                       {"WARC-Target-URI": None})])
    (feeds / "no-uri.warc.gz").write_bytes(no_uri(("Sawahlunto", "Padang Panjang"), "g.example.id"))
    (feeds / "no-uri.warc").write_bytes(gzip.decompress(no_uri(("Tanjungpinang", "Pangkalpinang"), "h.example.id")))
    (feeds / "empty.warc.gz").write_bytes(b"")
    (feeds / "garbage.warc.gz").write_bytes(bytes(rng.randrange(256) for _ in range(2048)))
    members = [gzip.compress(json.dumps({"url": f"https://e.example.id/{i}",
                                         "text": OTHER_BODY.replace("Sleman", name)}).encode() + b"\n", mtime=0)
               for i, name in enumerate(("Kulon Progo", "Gunungkidul", "Klaten"))]   # one gzip member a line
    packed = b"".join(members)
    (feeds / "truncated.jsonl.gz").write_bytes(packed[: len(packed) - len(members[-1]) // 2])
    (feeds / "broken.jsonl").write_bytes(b"\n".join(_jsonl_lines()) + b"\n")
    (feeds / "empty.jsonl").write_bytes(b"\n\n")
    return root


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile.py DIRECTORY")
    print(build(Path(sys.argv[1])))
