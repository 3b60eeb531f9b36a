"""Shards, workers, a Dask cluster, resuming: every way of running gives the same tables."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import extract
from extract.runner.shards import plan_shards
from extract.settings import Settings
from extract.io.tables import table_dir

from conftest import CORPUS, ROOT, assert_same_tables
from extract.io.schema import TABLES

@pytest.fixture(scope="module")
def single_process_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    extract.run([str(CORPUS)], out, workers=1, settings=extract.Settings(files_per_shard=4))
    return out


def test_shards_follow_the_inputs():
    shards = plan_shards([str(CORPUS)], Settings(files_per_shard=4))
    items = [item for shard in shards for item in shard.items]
    assert items == sorted(items, key=items.index) and len(items) == len(set(items))
    archives = [s for s in shards if s.items[0].endswith((".jsonl", ".warc.gz"))]
    assert all(len(s.items) == 1 for s in archives)
    assert all(len(s.items) <= 4 for s in shards)
    assert [s.key for s in shards] == [s.key for s in plan_shards([str(CORPUS)], Settings(files_per_shard=4))]


def test_workers_give_the_same_tables(single_process_run, tmp_path):
    summary = extract.run([str(CORPUS)], tmp_path, workers=2, settings=extract.Settings(files_per_shard=4))
    assert summary.shards > 2 and summary.resumed == 0
    assert_same_tables(single_process_run, tmp_path)


def test_a_dask_cluster_gives_the_same_tables(single_process_run, tmp_path, dask_client):
    summary = extract.run([str(CORPUS)], tmp_path, scheduler=dask_client, settings=extract.Settings(files_per_shard=4))
    assert summary.records == extract.load(single_process_run)["articles"].shape[0]
    assert_same_tables(single_process_run, tmp_path)


def test_a_rerun_skips_finished_shards(single_process_run, tmp_path):
    first = extract.run([str(CORPUS)], tmp_path, workers=1, settings=extract.Settings(files_per_shard=4))
    again = extract.run([str(CORPUS)], tmp_path, workers=1, settings=extract.Settings(files_per_shard=4))
    assert again.shards_resumed == again.shards == first.shards
    assert again.resumed == first.records
    assert_same_tables(single_process_run, tmp_path)


def test_a_rerun_with_fewer_inputs_keeps_only_them(tmp_path):
    extract.run([str(CORPUS)], tmp_path, workers=1)
    extract.run([str(CORPUS / "text")], tmp_path, workers=1)
    sources = extract.load(tmp_path)["articles"]["source"]
    assert len(sources) == len(list((CORPUS / "text").glob("*.txt")))
    assert sources.str.contains("/text/").all()


def test_a_killed_run_resumes_to_the_same_tables(single_process_run, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extract", "run", str(CORPUS), "--out", str(out), "--workers", "1",
               "--files-per-shard", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "_shards").glob("*.json"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = len(list((out / "_shards").glob("*.json")))
    assert 3 <= done < len(plan_shards([str(CORPUS)], Settings(files_per_shard=1))), "the kill should land mid-run"
    for name in TABLES:   # what a reader sees is only whole parts
        for part in table_dir(out, name).glob("*.parquet"):
            pd.read_parquet(part)
    resumed = extract.run([str(CORPUS)], out, workers=1, settings=extract.Settings(files_per_shard=1))
    assert resumed.shards_resumed >= done
    assert not [p for name in TABLES for p in table_dir(out, name).iterdir() if p.name.startswith(".")]
    assert not list(out.glob(".*.tmp"))
    assert_same_tables(single_process_run, out)
