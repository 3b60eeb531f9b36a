"""Careless and hostile input handled correctly, not only survived: each class of record gets the
row it should, in a run that goes on.

The files are written by :func:`build` into a temporary directory; ``EXPECTED`` lists the row of
each record, keyed by its source relative to that directory.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import extract

from data.make_hostile import OTHER_BODY, city_page

BOM = b"\xef\xbb\xbf"


def _body(city: str) -> str:
    return OTHER_BODY.replace("Sleman", city)


def _jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def build(root: Path) -> Path:
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "surrogates.jsonl").write_bytes(_jsonl(
        {"url": "https://s.example.id/\ud800", "title": "Bantul \udc00", "text": _body("Bantul") + " \ud800"},
        {"url": "https://s.example.id/2", "text": "\udfff" + _body("Klaten"), "author": ["\ud800"]}))
    (root / "feeds" / "bom.jsonl").write_bytes(BOM + _jsonl({"url": "https://s.example.id/3", "text": _body("Boyolali")}))
    (root / "feeds" / "blank-urls.jsonl").write_bytes(_jsonl(
        {"url": "  ", "text": _body("Wonogiri")}, {"url": "", "text": _body("Sragen")}, {"url": "\t", "text": _body("Blora")}))
    undecodable = os.fsencode(root / "feeds") + b"/caf\xe9-\xff.html"   # not UTF-8: a name only bytes can say
    with open(undecodable, "wb") as handle:
        handle.write(city_page("Metro", "https://t.example.id/1").encode())
    return root


# source (relative to the directory) -> status, and a field of the row that must hold a fragment
EXPECTED = {
    "feeds/surrogates.jsonl:1": ("ok", "url", "https://s.example.id/\ufffd"),
    "feeds/surrogates.jsonl:2": ("ok", "text", "Pemerintah Kabupaten Klaten"),
    "feeds/bom.jsonl:1": ("ok", "url", "https://s.example.id/3"),              # the mark is no part of the JSON
    "feeds/blank-urls.jsonl:1": ("ok", "text", "Wonogiri"),                    # three articles, not one and
    "feeds/blank-urls.jsonl:2": ("ok", "text", "Sragen"),                      # two duplicates of a blank URL
    "feeds/blank-urls.jsonl:3": ("ok", "text", "Blora"),
    "feeds/caf\ufffd-\ufffd.html": ("ok", "url", "https://t.example.id/1"),
}


@pytest.fixture(scope="module")
def careless_run(tmp_path_factory):
    root = build(tmp_path_factory.mktemp("careless"))
    out = tmp_path_factory.mktemp("careless-run")
    summary = extract.run([str(root)], out, workers=1, progress=False)
    articles = extract.load(out, notebook=False)["articles"]
    articles["key"] = articles["source"].map(lambda s: s[len(str(root)) + 1:])
    return summary, articles.set_index("key")


def test_every_record_has_one_row_and_the_counts_reconcile(careless_run):
    summary, articles = careless_run
    assert sorted(articles.index) == sorted(EXPECTED)
    assert summary.records == len(articles) == summary.ok + summary.failed + summary.skipped


@pytest.mark.parametrize("source", list(EXPECTED), ids=list(EXPECTED))
def test_each_careless_record_gets_its_row(careless_run, source):
    row = careless_run[1].loc[source]
    status, field, fragment = EXPECTED[source]
    assert row["status"] == status, row["error"]
    assert fragment in row[field]
    assert not any("\ud800" <= ch <= "\udfff" for value in row if isinstance(value, str) for ch in value)
    if source.startswith("feeds/blank-urls"):
        assert pd.isna(row["url"]), "a blank URL is no URL"
