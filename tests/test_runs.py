"""What a run says of itself: its exit status, tables that never look complete when it failed, and
a cluster of separate processes, started elsewhere, given relative paths."""
from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import extract
from extract.cli import EXIT_OK, EXIT_RECORDS_FAILED, EXIT_RUN_FAILED, EXIT_USAGE, main
from extract.io.tables import INCOMPLETE, MARKERS, TableWriter, held, table_dir
from extract.status import OutputBusy, RunError

from conftest import CORPUS, assert_same_tables
from data.make_hostile import build

GOOD = [CORPUS / "html" / "amp-makassar-layanan-prima-2023.html", CORPUS / "html" / "b2-detik-pekppp-2023-sumut.html"]


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("inputs, status", [
    (lambda hostile: GOOD, EXIT_OK),
    (lambda hostile: [hostile / "feeds" / "mixed.warc.gz"], EXIT_OK),            # ok, a revisit and English: skipped
    (lambda hostile: GOOD + [hostile / "html" / "no-body.html"], EXIT_RECORDS_FAILED),
    (lambda hostile: [hostile / "feeds" / "garbage.warc.gz"], EXIT_RECORDS_FAILED),
], ids=["all-ok", "ok-and-skipped", "one-failed", "unreadable-archive"])
def test_the_exit_status_says_whether_records_failed(hostile_dir, tmp_path, capsys, inputs, status):
    assert main(["run", *map(str, inputs(hostile_dir)), "--out", str(tmp_path), "--workers", "1"]) == status
    assert capsys.readouterr().out.startswith("inputs: ")
    assert not (tmp_path / INCOMPLETE).exists()


def test_a_usage_error_exits_with_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["run", "--workers", "many"])
    assert exited.value.code == EXIT_USAGE


def _disk_full_on_second_shard(monkeypatch):
    close, calls = TableWriter.close, []

    def fails_the_second(writer):
        calls.append(writer.part)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return close(writer)

    monkeypatch.setattr(TableWriter, "close", fails_the_second)


def test_a_failed_run_exits_with_3_and_leaves_its_tables_marked_incomplete(tmp_path, capsys, caplog, monkeypatch):
    _disk_full_on_second_shard(monkeypatch)
    command = ["run", *map(str, GOOD), "--out", str(tmp_path), "--workers", "1", "--files-per-shard", "1"]
    assert main(command) == EXIT_RUN_FAILED
    said = capsys.readouterr()
    assert not said.out, "no summary of a run that did not finish"
    assert said.err.splitlines() == [
        "extract run: failed: OSError: [Errno 28] No space left on device",
        f"the tables in {tmp_path} are incomplete ({tmp_path}/{INCOMPLETE}); rerun the same command to finish them"]
    with caplog.at_level(logging.WARNING):
        tables = extract.load(tmp_path)
    assert "incomplete" in caplog.text and tables["articles"].attrs["incomplete"]
    assert len(tables["articles"]) == 1, "the shard finished before the failure is kept, for the rerun"
    assert main(["claims", str(tmp_path)]) == 0
    assert "its tables are incomplete" in capsys.readouterr().err

    monkeypatch.undo()
    assert main(command) == EXIT_OK
    assert "1 already done by an earlier run" in capsys.readouterr().out
    assert not (tmp_path / INCOMPLETE).exists() and not extract.load(tmp_path)["articles"].attrs["incomplete"]


def test_workers_that_do_not_see_the_inputs_stop_the_run_before_any_work(tmp_path, dask_client, monkeypatch):
    """The client plans from its own view; the check runs on a worker, which here finds the inputs gone."""
    from extract.runner import runs
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in GOOD:
        shutil.copy(path, pages)
    plan = runs.plan_shards

    def plan_then_hide(inputs, settings, skip=frozenset()):
        shards = plan(inputs, settings, skip)
        shutil.rmtree(pages)
        return shards

    monkeypatch.setattr(runs, "plan_shards", plan_then_hide)
    with pytest.raises(RunError, match=r"a worker of the cluster \(on .+\) does not see 1 of the 1 inputs \(first: "
                                       + str(pages)):
        extract.run([str(pages)], tmp_path / "out", scheduler=dask_client, progress=False)
    assert not list((tmp_path / "out").iterdir()), "nothing written before the check"


DASK = Path(sys.executable).with_name("dask")


def _start(command: list[str], cwd: Path, log: Path) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)


@pytest.fixture
def separate_cluster(tmp_path):
    """A ``dask scheduler`` and a ``dask worker``, each its own process, started in a directory of their own."""
    pytest.importorskip("distributed")
    elsewhere = tmp_path / "cluster"
    elsewhere.mkdir()
    address_file = elsewhere / "scheduler.json"
    processes = [_start([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                         "--scheduler-file", str(address_file)], elsewhere, elsewhere / "scheduler.log")]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        processes.append(_start([str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                                 "--local-directory", str(elsewhere)], elsewhere, elsewhere / "worker.log"))
        yield address, elsewhere
    finally:   # the worker first, so that it does not wait to reconnect to a scheduler gone
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


def test_a_cluster_of_separate_processes_runs_relative_paths_given_elsewhere(separate_cluster, hostile_dir, tmp_path):
    address, elsewhere = separate_cluster
    project = tmp_path / "project"
    (project / "crawl").mkdir(parents=True)
    for path in [*GOOD, hostile_dir / "feeds" / "mixed.warc.gz"]:
        shutil.copy(path, project / "crawl")
    done = subprocess.run([sys.executable, "-m", "extract", "run", "crawl", "--out", "tables", "--scheduler", address],
                          cwd=project, capture_output=True, text=True, timeout=300, env=os.environ | {"TQDM_DISABLE": "1"})
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("inputs: 5 = ok 3 + failed 0 + skipped 2"), done.stdout
    assert not (elsewhere / "tables").exists() and not (elsewhere / "crawl").exists()
    local = tmp_path / "local"
    extract.run([str(project / "crawl")], local, workers=1, progress=False)
    assert_same_tables(local, project / "tables")


def _delete(path: Path) -> None:
    path.unlink()


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _malform(path: Path) -> None:
    path.write_text('{"records": "many"', encoding="utf-8")


def _a_list(path: Path) -> None:
    path.write_text("[1, 2]", encoding="utf-8")


def _fewer_rows(path: Path) -> None:
    table = pq.read_table(path)
    pq.write_table(table.slice(0, 0).replace_schema_metadata(table.schema.metadata), path)


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    """A run of two shards, finished: (its folder, its settings)."""
    settings = extract.Settings(files_per_shard=1)
    out = tmp_path_factory.mktemp("finished")
    extract.run(list(map(str, GOOD)), out, settings, workers=1, progress=False)
    return out, settings


@pytest.mark.parametrize("table, damage", [
    ("articles", _delete), ("claims", _delete), ("articles", _truncate), ("mentions", _truncate),
    ("articles", _fewer_rows), (MARKERS, _malform), (MARKERS, _a_list), (MARKERS, _delete),
], ids=["articles-deleted", "claims-deleted", "articles-truncated", "mentions-truncated", "articles-emptied",
        "marker-malformed", "marker-a-list", "marker-deleted"])
def test_a_damaged_finished_shard_is_done_again_and_every_row_restored(finished_run, tmp_path, table, damage):
    first, settings, again = *finished_run, tmp_path / "again"
    shutil.copytree(first, again)
    damaged = sorted((again / MARKERS).glob("*.json"))[1]
    part = damaged if table == MARKERS else table_dir(again, table) / f"{damaged.stem}.parquet"
    damage(part)
    summary = extract.run(list(map(str, GOOD)), again, settings, workers=1, progress=False)
    assert (summary.shards, summary.shards_resumed) == (2, 1), "the damaged shard is done again, the other kept"
    assert_same_tables(first, again)


def test_a_second_run_on_the_same_output_refuses_while_the_first_holds_it(tmp_path, capsys):
    out = tmp_path / "out"
    extract.run([str(GOOD[0])], out, workers=1, progress=False)
    parts = sorted(path.name for path in out.rglob("*.parquet") if path.is_file())
    with held(out):    # as the first run, still running, holds it
        assert main(["run", *map(str, GOOD), "--out", str(out), "--workers", "1"]) == EXIT_RUN_FAILED
        said = capsys.readouterr()
        assert said.err.splitlines() == [f"extract run: another run (process {os.getpid()} on {socket.gethostname()}) "
                                         f"is writing to {out}; wait for it to end, or give another --out"]
        with pytest.raises(OutputBusy):
            extract.run([str(GOOD[1])], out, workers=1, progress=False)
    assert sorted(path.name for path in out.rglob("*.parquet") if path.is_file()) == parts, "nothing of it touched"
    assert not (out / INCOMPLETE).exists()
    assert main(["run", *map(str, GOOD), "--out", str(out), "--workers", "1"]) == EXIT_OK, "free once it ends"
