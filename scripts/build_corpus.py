"""Regenerate the bundled sample feeds in corpus/feeds/ from scripts/corpus_src/.

Run from the repository root:

    .venv/bin/python scripts/build_corpus.py

It writes two files, byte for byte the same on every run:

* corpus/feeds/articles.jsonl: the three scraper records of scripts/corpus_src/records.json,
  one JSON object per line (ensure_ascii=False). A record may name its page with "html_file";
  the page is read from scripts/corpus_src/ and stored inline as "html". The three records
  show the three shapes a scraper feed takes: generic with html, generic with text, and
  news-please (date_publish / maintext).

* corpus/feeds/pages.warc.gz: a WARC 1.0 file, gzip per record (warcio WARCWriter(gzip=True)),
  holding a warcinfo record, then for the four HTML pages of scripts/corpus_src/warc-*.html a
  `response` record (HTTP/1.1 200, Content-Type: text/html; charset=utf-8), two of them preceded
  by their `request` record, plus one non-HTML `response` (an image/png), one `metadata` record
  and one `revisit` record. Only the four HTML responses are articles; the rest is there to be
  skipped.

WARC-Date values are fixed and WARC-Record-ID values are uuid5 of the record type and target
URI, so the output does not change between runs. The gold files for these records are
corpus/gold/feeds-jsonl-*.json and corpus/gold/feeds-warc-*.json, keyed by url.

Needs only the standard library and warcio.
"""
import io
import json
import os
import struct
import uuid
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(HERE, "corpus_src")
FEEDS = os.path.join(ROOT, "corpus", "feeds")

# (file in corpus_src, url, fixed capture date, with a request record?)
WARC_PAGES = [
    ("warc-kip-pusat-2022.html",
     "https://www.kabarpublik.example.com/nasional/read/2022/12/13/21050011/kip-umumkan-monev-2022-kemenkeu-dan-pemprov-jabar-raih-kualifikasi-informatif",
     "2022-12-14T03:10:00Z", True),
    ("warc-opini-ombudsman-sulsel-2022.html",
     "https://sulselpos.example.com/2023/01/18/opini-ombudsman-2022-gowa-kualitas-tertinggi-jeneponto-kualitas-rendah/",
     "2023-01-19T02:00:00Z", False),
    ("warc-kanwil-djp-zona-integritas-2022.html",
     "https://kanwiljatim3.pajak.example.go.id/berita/kpp-pratama-malang-utara-raih-predikat-wbbm",
     "2022-12-10T01:30:00Z", False),
    ("warc-amp-iga-2021-diy.html",
     "https://www.jogjaterkini.example.id/pemerintahan/2021/12/17/kulon-progo-dan-kota-yogyakarta-raih-predikat-sangat-inovatif-iga-2021",
     "2021-12-17T05:45:00Z", True),
]

IMAGE_URL = "https://img.kabarpublik.example.com/images/kip-monev-2022.png"
REVISIT_DATE = "2022-12-20T08:00:00Z"


def record_id(kind, uri):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, kind + " " + uri)


def tiny_png():
    """A 1x1 grey PNG, built byte-stably."""
    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def http_date(warc_date):
    # fixed mapping for the few dates used here; avoids locale-dependent strftime
    import datetime
    d = datetime.datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ")
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "%s, %02d %s %d %02d:%02d:%02d GMT" % (days[d.weekday()], d.day, months[d.month - 1], d.year, d.hour, d.minute, d.second)


def build_jsonl():
    with open(os.path.join(SRC, "records.json"), encoding="utf-8") as f:
        records = json.load(f)
    path = os.path.join(FEEDS, "articles.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for rec in records:
            rec = dict(rec)
            if "html_file" in rec:
                with open(os.path.join(SRC, rec.pop("html_file")), encoding="utf-8") as h:
                    rec["html"] = h.read()
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path, len(records)


def build_warc():
    path = os.path.join(FEEDS, "pages.warc.gz")
    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=True)

        info = b"software: extract corpus builder (scripts/build_corpus.py)\r\nformat: WARC File Format 1.0\r\ndescription: bundled sample pages for the extract pipeline\r\n"
        w.write_record(w.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(info), length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": record_id("warcinfo", "pages.warc.gz"),
                               "WARC-Date": "2023-02-01T00:00:00Z",
                               "WARC-Filename": "pages.warc.gz"}))

        first_digest = None
        for fname, url, date, with_request in WARC_PAGES:
            with open(os.path.join(SRC, fname), "rb") as f:
                body = f.read()
            host = url.split("/")[2]
            path_q = "/" + url.split("/", 3)[3]
            if with_request:
                req = StatusAndHeaders("GET %s HTTP/1.1" % path_q, [
                    ("Host", host),
                    ("User-Agent", "Mozilla/5.0 (compatible; extract-corpus/1.0)"),
                    ("Accept", "text/html,application/xhtml+xml"),
                    ("Accept-Language", "id-ID,id;q=0.9,en;q=0.5"),
                ], is_http_request=True)
                w.write_record(w.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), length=0, http_headers=req,
                    warc_headers_dict={"WARC-Record-ID": record_id("request", url), "WARC-Date": date}))
            resp_headers = StatusAndHeaders("200 OK", [
                ("Date", http_date(date)),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "max-age=300"),
            ], protocol="HTTP/1.1")
            headers = {"WARC-Record-ID": record_id("response", url), "WARC-Date": date}
            if with_request:
                headers["WARC-Concurrent-To"] = record_id("request", url)
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                       http_headers=resp_headers, warc_headers_dict=headers)
            if first_digest is None:
                first_digest = (url, date, rec.rec_headers.get_header("WARC-Payload-Digest"))
            w.write_record(rec)

            if fname == WARC_PAGES[0][0]:
                # the page's image, a non-HTML response
                png = tiny_png()
                img_headers = StatusAndHeaders("200 OK", [
                    ("Date", http_date(date)),
                    ("Content-Type", "image/png"),
                    ("Content-Length", str(len(png))),
                ], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(
                    IMAGE_URL, "response", payload=io.BytesIO(png), length=len(png), http_headers=img_headers,
                    warc_headers_dict={"WARC-Record-ID": record_id("response", IMAGE_URL), "WARC-Date": date}))
                # metadata about the page capture
                meta = ("via: https://www.kabarpublik.example.com/nasional\r\n"
                        "outlink: %s\r\n" % IMAGE_URL).encode("utf-8")
                w.write_record(w.create_warc_record(
                    url, "metadata", payload=io.BytesIO(meta), length=len(meta),
                    warc_content_type="application/warc-fields",
                    warc_headers_dict={"WARC-Record-ID": record_id("metadata", url), "WARC-Date": date,
                                       "WARC-Concurrent-To": record_id("response", url)}))

        # a later capture of the first page with an identical payload: a revisit, no body
        url, date, digest = first_digest
        rv_headers = StatusAndHeaders("200 OK", [
            ("Date", http_date(REVISIT_DATE)),
            ("Content-Type", "text/html; charset=utf-8"),
        ], protocol="HTTP/1.1")
        w.write_record(w.create_revisit_record(
            url, digest, url, date, http_headers=rv_headers,
            warc_headers_dict={"WARC-Record-ID": record_id("revisit", url), "WARC-Date": REVISIT_DATE}))
    return path


def main():
    os.makedirs(FEEDS, exist_ok=True)
    jp, n = build_jsonl()
    print("wrote %s (%d records)" % (os.path.relpath(jp, ROOT), n))
    wp = build_warc()
    print("wrote %s" % os.path.relpath(wp, ROOT))


if __name__ == "__main__":
    main()
