"""Sanity checks for the bundled corpus and its gold files.

    .venv/bin/python scripts/check_corpus.py

Checks that every corpus/gold/*.json parses and has the keys of ../shared/gold/README.md, that
its source (an HTML page, a text file, a JSONL record or a WARC response, joined by url) exists,
that body_must_contain strings occur verbatim in the page text (tags stripped, entities
unescaped, whitespace collapsed) and body_must_not_contain strings occur in the page too (they
are meant to be visible boilerplate), that each gold score, official and at least one name of
each claimed unit occurs in the text, and that the feeds read back. Exits 1 on any failure.
Needs the standard library and warcio.
"""
import html
import json
import os
import re
import sys

from warcio.archiveiterator import ArchiveIterator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
KEYS = ["file", "url", "site", "published", "claims", "optional_claims", "scores", "dates",
        "officials", "not_quoted", "notes"]
HTML_KEYS = ["body_must_contain", "body_must_not_contain"]
CLAIM_KEYS = ["unit", "predicate", "grade", "score", "year", "awarder"]

errors = []


def err(msg):
    errors.append(msg)
    print("FAIL", msg)


def decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    return data.decode(m.group(1).decode() if m else "utf-8")


def page_text(markup):
    markup = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    markup = re.sub(r"(?s)<[^>]+>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(markup)).strip()


def norm(s):
    s = s.lower().replace("“", "").replace("”", "").replace('"', "").replace("‘", "").replace("’", "")
    return re.sub(r"[^\w]+", " ", s).strip()


def canonical(markup):
    m = re.search(r'<link rel="canonical" href="([^"]+)"', markup)
    return html.unescape(m.group(1)) if m else None


def load_sources():
    """url -> (kind, text, is_html)"""
    src = {}
    for fn in sorted(os.listdir(os.path.join(CORPUS, "html"))):
        with open(os.path.join(CORPUS, "html", fn), "rb") as f:
            markup = decode(f.read())
        src[("html", fn)] = (markup, True)
        src[("url", canonical(markup))] = (markup, True)
    for fn in sorted(os.listdir(os.path.join(CORPUS, "text"))):
        with open(os.path.join(CORPUS, "text", fn), encoding="utf-8") as f:
            src[("text", fn)] = (f.read(), False)
    with open(os.path.join(CORPUS, "feeds", "articles.jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            rec = json.loads(line)
            if "html" in rec:
                src[("url", rec["url"])] = (rec["html"], True)
            else:
                src[("url", rec["url"])] = (rec.get("text") or rec.get("maintext"), False)
            print("jsonl %d: %s keys=%s" % (i, rec["url"], sorted(rec)))
    with open(os.path.join(CORPUS, "feeds", "pages.warc.gz"), "rb") as f:
        for r in ArchiveIterator(f):
            uri = r.rec_headers.get_header("WARC-Target-URI")
            ct = r.http_headers.get_header("Content-Type") if r.http_headers else None
            body = r.content_stream().read()
            print("warc: %-8s %-10s %s" % (r.rec_type, (ct or "-").split(";")[0], uri))
            if r.rec_type == "response" and ct and ct.startswith("text/html"):
                src[("url", uri)] = (decode(body), True)
    return src


def check_gold(path, src):
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
    except ValueError as e:
        err("%s: does not parse: %s" % (name, e))
        return
    for k in KEYS:
        if k not in g:
            err("%s: missing key %s" % (name, k))
    key = ("url", g["url"])
    if key not in src:
        key = ("html", g["file"]) if g["file"].endswith(".html") else ("text", g["file"])
    if key not in src:
        err("%s: no source for url %s / file %s" % (name, g["url"], g["file"]))
        return
    raw, is_html = src[key]
    if g["file"].endswith(".html") and canonical(raw) != g["url"]:
        err("%s: url differs from the page's canonical" % name)
    text = page_text(raw) if is_html else re.sub(r"\s+", " ", raw)
    if is_html:
        for k in HTML_KEYS:
            if k not in g:
                err("%s: missing key %s" % (name, k))
        for s in g.get("body_must_contain", []):
            if re.sub(r"\s+", " ", s) not in text:
                err("%s: body_must_contain not in page: %r" % (name, s[:70]))
        for s in g.get("body_must_not_contain", []):
            if re.sub(r"\s+", " ", s) not in text:
                err("%s: body_must_not_contain not visible in page: %r" % (name, s[:70]))
    ntext = norm(text)
    for c in g["claims"] + g["optional_claims"]:
        for k in ("unit", "predicate", "score", "year", "awarder"):
            if k not in c:
                err("%s: claim lacks %s" % (name, k))
        if c in g["claims"]:
            for k in CLAIM_KEYS:
                if k not in c:
                    err("%s: claim lacks %s" % (name, k))
            if not any(norm(u) in ntext for u in c["unit"]):
                err("%s: no unit name of %s in text" % (name, c["unit"][0]))
        if c["score"] is not None and c["score"] not in g["scores"]:
            err("%s: claim score %s not in scores" % (name, c["score"]))
    for s in g["scores"]:
        forms = {("%.2f" % s).replace(".", ","), ("%.1f" % s).replace(".", ","), "%.2f" % s}
        if not any(f in text for f in forms):
            err("%s: score %s not in text" % (name, s))
    for d in g["dates"]:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            err("%s: bad date %s" % (name, d))
    for o in g["officials"]:
        if norm(o["name"]) not in ntext:
            err("%s: official %s not in text" % (name, o["name"]))
    for p in g["not_quoted"]:
        if norm(p) not in ntext:
            err("%s: not_quoted %s not in text" % (name, p))
    return g


def main():
    src = load_sources()
    gdir = os.path.join(CORPUS, "gold")
    golds = sorted(os.listdir(gdir))
    n = 0
    for fn in golds:
        if fn.endswith(".json"):
            check_gold(os.path.join(gdir, fn), src)
            n += 1
    print("%d gold files checked, %d problems" % (n, len(errors)))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
