"""Properties that hold for any text: records slice back to their surface, normalisers never raise."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.dates import normalise_candidate
from extract.pipeline import mine
from extract.records import Article
from extract.scores import parse_decimal
from extract.units import canonical_unit

WORDS = ["Pemkot", "Palembang", "meraih", "predikat", "Pelayanan", "Prima", "nilai", "81,05", "Kamis", "(2/6/2022)",
         "“Kami", "bangga,”", "kata", "Dadang", "Iskandar,", "Kepala", "Dinas", "Kabupaten", "Sleman", "zona", "hijau",
         "Kemensos", "tahun", "2021.", "\n", "WBK", "Polres", "dan", ",", ".", ":", "A-", "8", "Maret", "2022", "\"",
         "Rp2.509", "UU", "No", "25", "yakni", "sedangkan", "kemarin", "Prof.", "Dr.", "H.", "S.H.,", "menyampaikan"]
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
    canonical_unit(surface) if surface.strip() else None
    for rule in ("date.text", "date.numeric", "date.paren_partial", "date.relative", "date.weekday_last"):
        normalise_candidate(surface, rule, dt.date(2022, 6, 3))
