"""Properties that hold for any input: records slice back to their surface, normalisers never raise,
a run over files of random bytes completes with a row for each."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.read.clean import parse_published
from extract.mine.dates import normalise_candidate
from extract.read.debris import clean_text
from extract.read.decode import decode_html
from extract.across.duplicates import fingerprint
from extract.read.language import detect_language
from extract.runner.stages import mine
from extract.records import Article
from extract.mine.scores import parse_decimal
from extract.mine.unit_names import canonical_unit

WORDS = ["Pemkot", "Palembang", "meraih", "predikat", "Pelayanan", "Prima", "nilai", "81,05", "Kamis", "(2/6/2022)",
         "“Kami", "bangga,”", "kata", "Dadang", "Iskandar,", "Kepala", "Dinas", "Kabupaten", "Sleman", "zona", "hijau",
         "Kemensos", "tahun", "2021.", "\n", "WBK", "Polres", "dan", ",", ".", ":", "A-", "8", "Maret", "2022", "\"",
         "Rp2.509", "UU", "No", "25", "yakni", "sedangkan", "kemarin", "Prof.", "Dr.", "H.", "S.H.,", "menyampaikan",
         "31/02/2022", "\u200b", "\u00a0", "\ufeff", "\u00ad", "“Ini", "\"tanpa", "ujarnya."]
texts = st.one_of(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join), st.text(max_size=300))
CHECK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CHECK
@given(texts)
def test_records_slice_back_to_their_text(text):
    result = mine(Article("a", "t", None, None, None, None, dt.date(2022, 6, 3), "id", text))
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
    for claim in result.claims:
        assert text[claim.start:claim.end] == claim.sentence
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)


@CHECK
@given(st.text(max_size=40))
def test_normalisers_never_raise(surface):
    parse_decimal(surface)
    parse_published(surface)
    fingerprint(surface)
    detect_language(surface)
    clean_text(surface)
    decode_html(surface.encode("utf-8", "surrogatepass"))
    decode_html(surface.encode("utf-16-le", "surrogatepass"), declared=surface[:20])
    canonical_unit(surface) if surface.strip() else None
    for rule in ("date.text", "date.numeric", "date.paren_partial", "date.relative", "date.weekday_last"):
        normalise_candidate(surface, rule, dt.date(2022, 6, 3))


SUFFIXES = [".html", ".txt", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz"]
SINGLE = (".html", ".txt")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=3000)), min_size=1, max_size=6))
def test_a_run_over_random_bytes_completes_with_a_row_for_each_file(files):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        paths = []
        for number, (suffix, data) in enumerate(files):
            paths.append(inputs / f"{number}{suffix}")
            paths[-1].write_bytes(data)
        summary = extract.run([str(inputs)], Path(tmp) / "out", workers=1, progress=False)
        articles = extract.load(Path(tmp) / "out")["articles"]
        assert summary.records == len(articles) == summary.ok + summary.failed + summary.skipped
        for path in paths:
            rows = articles["source"].map(lambda s: s == str(path) or s.startswith((f"{path}:", f"{path}@"))).sum()
            assert rows == 1 if path.name.endswith(SINGLE) else rows >= 1, (path.name, list(articles["source"]))
