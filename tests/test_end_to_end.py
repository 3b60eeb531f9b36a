"""The bundled corpus through the CLI: tables, dtypes, one row per input record, evaluation."""
from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq

import extract
from extract.io.schema import ALL_TABLES

from conftest import CORPUS, run_cli


def corpus_records() -> int:
    """How many input records the corpus holds: pages, text files, JSONL lines, WARC HTML responses."""
    from extract.read.inputs import iter_raw_docs
    return sum(1 for _ in iter_raw_docs([str(CORPUS)]))


def test_every_table_has_the_documented_schema(corpus_run):
    for name, schema in ALL_TABLES.items():
        assert pq.read_table(corpus_run / f"{name}.parquet").schema == schema


def test_every_input_record_yields_one_article_row(corpus_run):
    articles = pd.read_parquet(corpus_run / "articles.parquet")
    assert len(articles) == corpus_records() >= 15
    counted = articles[articles["status"] != "duplicate"]
    assert counted["article_id"].is_unique
    assert (counted["status"] == "ok").all()
    revisit = articles[articles["status"] == "duplicate"]   # the WARC's revisit record of a page it holds
    assert len(revisit) == 1 and "revisit" in revisit.iloc[0]["error"]
    assert revisit.iloc[0]["duplicate_of"] in set(counted["article_id"])
    sources = list(articles["source"])
    for marker in (".html", ".txt", ".jsonl:", ".warc.gz@"):
        assert any(marker in s and not s.endswith(".jsonl") for s in sources), f"no {marker} record in the corpus run"


def test_load_gives_notebook_dtypes(corpus_run):
    tables = extract.load(corpus_run)
    claims, mentions, articles = tables["claims"], tables["mentions"], tables["articles"]
    assert claims["score"].dtype == "float64"
    assert str(claims["year"].dtype) == "Int16"
    assert mentions["value_num"].dtype == "float64"
    assert all(hasattr(d, "isoformat") for d in articles["published"].dropna())
    assert articles.loc[articles["status"] == "ok", "published"].notna().all()


def test_mentions_slice_back_to_their_text(corpus_run):
    tables = extract.load(corpus_run)
    mined = tables["articles"][tables["articles"]["status"] == "ok"]
    texts = dict(zip(mined["article_id"], mined["text"]))
    for row in tables["mentions"].itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text, row
    for row in tables["claims"].itertuples():
        assert texts[row.article_id][row.start:row.end] == row.sentence
        assert row.unit_text in row.sentence or row.rule_id.partition("/")[0] != "claim.sentence"


def test_boilerplate_stays_out_of_the_text(corpus_run):
    """The gold's body_must_contain / body_must_not_contain lists, for every HTML article."""
    articles = pd.read_parquet(corpus_run / "articles.parquet").query("status == 'ok'").set_index("url")
    collapse = lambda s: " ".join(s.split())
    checked = 0
    for path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "body_must_contain" not in gold:
            continue
        text = collapse(articles.loc[gold["url"], "text"])
        for sentence in gold["body_must_contain"]:
            assert collapse(sentence) in text, (path.name, sentence)
        for junk in gold["body_must_not_contain"]:
            assert collapse(junk) not in text, (path.name, junk)
        checked += 1
    assert checked >= 10


def test_a_failed_record_shows_its_reason_and_the_run_goes_on(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"url": "https://x.example.id/1", "text": "Pemkot Palembang meraih predikat Pelayanan Prima."}\n'
                      '{"url": \n', encoding="utf-8")
    run_cli("run", str(CORPUS / "text"), str(broken), "--out", str(tmp_path / "out"), status=1)
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert list(articles["status"]).count("bad_json") == 1
    assert articles.loc[articles["status"] == "bad_json", "error"].str.contains("broken.jsonl:2").all()
    assert (articles["status"] == "ok").sum() == len(list((CORPUS / "text").glob("*.txt"))) + 1


def test_evaluate_on_the_corpus_gold(corpus_run, capsys):
    run_cli("evaluate", "--gold", str(CORPUS / "gold"), "--pred", str(corpus_run))
    printed = capsys.readouterr().out
    assert printed.splitlines()[-6].split()[:4] == ["field", "P", "R", "F1"]
    assert printed.splitlines()[-1].startswith("matched claims agreeing on")
    report = extract.evaluate(CORPUS / "gold", corpus_run)
    assert len(report.articles) == len(list((CORPUS / "gold").glob("*.json")))
    assert all(a.article_id for a in report.articles), "every gold article is found in the run"
    # Floors that guard against regressions; the measured figures are in the README.
    floors = {"claims": 0.95, "scores": 0.95, "dates": 0.95, "officials": 0.95}
    for name, floor in floors.items():
        assert report.fields[name].f1 >= floor, (name, report.fields[name].f1)


def test_seeds_reach_the_accuracy_target(shared_dir, tmp_path):
    run_cli("run", str(shared_dir / "seeds" / "seeds.jsonl"), "--out", str(tmp_path / "out"))
    report = extract.evaluate(shared_dir / "gold", tmp_path / "out")
    for name, score in report.fields.items():
        assert score.f1 >= 0.95, (name, score.f1, report.errors())
