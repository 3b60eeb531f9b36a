"""The command line as a user meets it: every mistake one line on stderr and a documented exit
status, never a traceback; a run stopped by Ctrl-C or SIGTERM stops with its workers and resumes;
the progress bar, -v/-q, and reruns that retry what may go another way. Each command runs as a
real subprocess (``python -m extract``)."""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

import extract
from extract.cli import EXIT_BROKEN_PIPE, EXIT_USAGE, build_parser
from extract.read.files import read_text_file
from extract.runner import local, runs, worker
from extract.runner.progress import Progress, item_bytes

from conftest import CORPUS, ROOT

GOOD = CORPUS / "html" / "amp-makassar-layanan-prima-2023.html"
ENV = os.environ | {"TQDM_DISABLE": "1", "PYTHONPATH": str(ROOT)}


def _start(*args: str, cwd: Path, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extract", *args], cwd=cwd, env=ENV, stderr=subprocess.PIPE,
                            text=True, **options)


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Path:
    """A folder with a run's output (``run/``), an empty folder, a folder of nothing readable, a file,
    and gold that shares no article with the run."""
    top = tmp_path_factory.mktemp("cli")
    (top / "empty").mkdir()
    (top / "junk").mkdir()
    (top / "junk" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (top / "afile").write_text("not a folder")
    (top / "gold").mkdir()
    (top / "gold" / "other.json").write_text(json.dumps({"url": "https://elsewhere.example.id/1", "claims": []}))
    extract.run([str(GOOD)], top / "run", workers=1, progress=False)
    return top


# arguments, exit status, what the one line on stderr says
MISTAKES = [
    (["run", "nosuch.html", "--out", "o"], EXIT_USAGE, "no such file or folder: nosuch.html"),
    (["run", str(GOOD), "--out", "afile"], EXIT_USAGE, "--out afile is an existing file"),
    (["run", "empty", "--out", "o"], EXIT_USAGE, "nothing to read in empty"),
    (["run", "junk", "--out", "o"], EXIT_USAGE, "nothing to read in junk"),
    (["run", str(GOOD), "--workers", "0"], EXIT_USAGE, "--workers: expected a whole number of 1 or more, got 0"),
    (["run", str(GOOD), "--workers", "-2"], EXIT_USAGE, "--workers: expected a whole number of 1 or more, got -2"),
    (["run", "--no-such-option"], EXIT_USAGE, "unrecognized arguments: --no-such-option"),
    (["claims", "empty"], EXIT_USAGE, "empty: no run here"),
    (["claims", "nowhere"], EXIT_USAGE, "nowhere: no such folder"),
    (["claims", "afile"], EXIT_USAGE, "afile: a file, not a folder"),
    (["check", "empty", "Kemensos meraih predikat Kepatuhan Tinggi tahun 2021"], 7,
     "empty: no run here"),
    (["report", "junk"], EXIT_USAGE, "junk: no run here"),
    (["crosscheck", "empty"], EXIT_USAGE, "empty: no run here"),
    (["evaluate", "--gold", "gold", "--pred", "run"], EXIT_USAGE, "coverage 0 of 1"),
    (["evaluate", "--gold", "empty", "--pred", "run"], EXIT_USAGE, "empty: no gold files"),
]
IDS = ["missing-input", "out-is-a-file", "empty-folder", "nothing-readable", "workers-0", "workers-negative",
       "unknown-option", "claims-not-a-run", "claims-no-folder", "claims-a-file", "check-not-a-run", "report-not-a-run",
       "crosscheck-not-a-run", "evaluate-no-shared-article", "evaluate-no-gold"]


@pytest.fixture(scope="module")
def answers(place) -> dict[str, tuple[int, str]]:
    """Every mistake's exit status and stderr, the commands run side by side."""
    started = {name: _start(*args, cwd=place, stdout=subprocess.DEVNULL) for name, (args, _, _) in zip(IDS, MISTAKES)}
    return {name: (process.wait(timeout=300), process.stderr.read()) for name, process in started.items()}


@pytest.mark.parametrize("args, status, says", MISTAKES, ids=IDS)
def test_a_mistake_is_one_line_and_its_exit_status(answers, request, args, status, says):
    code, err = answers[request.node.callspec.id]
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert says in err and err.startswith(f"extract {args[0]}: ")
    assert code == status
    assert not (request.getfixturevalue("place") / "o").exists(), "nothing is written for a mistake"


def test_report_makes_the_folder_it_is_written_to(place):
    done = subprocess.run([sys.executable, "-m", "extract", "report", "run", "-o", "new/sub/page.html"], cwd=place,
                          env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (place / "new" / "sub" / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args", [["claims", "run", "--csv"], ["claims", "run"]], ids=["csv", "text"])
def test_a_reader_that_goes_away_is_no_traceback(place, args):
    process = _start(*args, cwd=place, stdout=subprocess.PIPE)
    process.stdout.close()                     # as `| head` does, before the first line is written
    assert process.wait(timeout=300) == EXIT_BROKEN_PIPE
    assert process.stderr.read() == ""


def test_help_is_for_a_user_the_commands_one_line_each_and_an_example(tmp_path):
    done = subprocess.run([sys.executable, "-m", "extract", "--help"], cwd=tmp_path, env=ENV, capture_output=True,
                          text=True, timeout=300)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and not done.stderr
    for command in ("run", "claims", "check", "report", "evaluate", "crosscheck"):
        assert sum(line.startswith(f"  {command} ") for line in lines) == 1, command
    assert "example:" in lines and any(line.startswith("  extract run ") for line in lines)
    assert "exit status" in done.stdout and "Every runner" not in done.stdout


def test_the_distribution_has_a_name_of_its_own_and_the_extract_command():
    from importlib import metadata
    commands = [entry.value for entry in metadata.distribution("extract-klaim").entry_points if entry.name == "extract"]
    assert commands == ["extract.cli:main"]
    assert "pip install -e ." in (ROOT / "README.md").read_text(encoding="utf-8")


# --- stopping ---------------------------------------------------------------------------------------------------

def _markers(out: Path) -> list[Path]:
    return list((out / "_shards").glob("*.json"))


@pytest.mark.parametrize("signum, group, workers, status", [
    (signal.SIGINT, False, 2, 130),
    (signal.SIGINT, True, 2, 130),
    (signal.SIGTERM, False, 2, 143),
    (signal.SIGTERM, False, 1, 143),
], ids=["ctrl-c", "ctrl-c-to-the-group", "sigterm", "sigterm-one-process"])
def test_a_signal_stops_the_run_and_its_workers(tmp_path, signum, group, workers, status):
    psutil = pytest.importorskip("psutil")
    out = tmp_path / "out"
    process = _start("run", str(CORPUS), "--out", str(out), "--workers", str(workers), "--files-per-shard", "1",
                     cwd=tmp_path, stdout=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while not _markers(out) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    children = psutil.Process(process.pid).children(recursive=True)
    assert len(children) >= workers if workers > 1 else not children, "a pool of workers runs, or none"
    if group:                                  # a terminal's Ctrl-C: every process of the group
        os.killpg(process.pid, signum)
    else:                                      # the main process alone, as `timeout` or systemd send it
        process.send_signal(signum)
    assert process.wait(timeout=30) == status
    err = process.stderr.read()
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert f"stopped by {signal.Signals(signum).name}" in err and "rerun the same command" in err
    for child in children:                     # none left running as an orphan
        assert not child.is_running() or child.status() == psutil.STATUS_ZOMBIE
    kept = len(_markers(out))
    shards = len(list(CORPUS.rglob("*.html")) + list(CORPUS.rglob("*.txt")))
    assert 1 <= kept < shards, "stopped mid-run, the finished shards kept"
    resumed = extract.run([str(CORPUS)], out, workers=1, settings=extract.Settings(files_per_shard=1), progress=False)
    assert resumed.shards_resumed >= kept
    assert not list(out.glob("_INCOMPLETE"))


class _Pool:
    """An executor that does each task when it is submitted, and counts how many are out at once."""

    def __init__(self):
        self.out = self.most = 0

    def submit(self, function, *args):
        self.out += 1
        self.most = max(self.most, self.out)
        future = Future()
        future.set_result(function(*args))
        return future


def test_the_pool_is_given_a_few_shards_ahead_not_all(monkeypatch, tmp_path):
    pool = _Pool()
    monkeypatch.setattr(local, "process_shard", lambda shard, *rest: shard)

    class Reports:
        def empty(self):
            return True

    done = []
    for shard in local._in_pool(pool, list(range(20)), tmp_path, None, Reports(), None, ahead=3):
        pool.out -= 1
        done.append(shard)
    assert sorted(done) == list(range(20)) and pool.most <= 3


# --- progress and verbosity --------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, verbose, quiet", [
    (["run", "x"], 0, False),
    (["-q", "run", "x"], 0, True),
    (["run", "x", "-q"], 0, True),
    (["run", "-v", "x", "-v"], 2, False),
    (["-v", "claims", "out"], 1, False),
    (["evaluate", "--gold", "g", "--pred", "p", "-q"], 0, True),
], ids=["none", "q-before", "q-after", "vv-after", "v-before", "evaluate-q"])
def test_verbosity_is_taken_before_or_after_the_command(argv, verbose, quiet):
    args = build_parser().parse_args(argv)
    assert (args.verbose, args.quiet) == (verbose, quiet)


def test_quiet_switches_the_bar_off(monkeypatch, tmp_path):
    given = {}
    monkeypatch.setattr(runs, "run", lambda *args, **options: given.update(options) or extract.run(
        *args, **options))
    from extract.cli import main
    main(["run", str(GOOD), "--out", str(tmp_path), "--workers", "1", "-q"])
    assert given["progress"] is False


def test_the_bar_has_a_total_and_leaves_out_shards_done_earlier(monkeypatch, tmp_path, capsys):
    bars = []

    class Recorded(Progress):
        def __init__(self, *args):
            super().__init__(*args)
            bars.append(self)

    monkeypatch.setattr(runs, "Progress", Recorded)
    other = CORPUS / "html" / "b2-detik-pekppp-2023-sumut.html"
    extract.run([str(GOOD)], tmp_path, workers=1, settings=extract.Settings(files_per_shard=1), progress=True)
    extract.run([str(GOOD), str(other)], tmp_path, workers=1, settings=extract.Settings(files_per_shard=1),
                progress=True)
    first, second = (bar.bar for bar in bars)
    assert first.total == first.n == item_bytes(str(GOOD))
    assert second.total == second.n == item_bytes(str(other)), "the shard done earlier is not counted"
    shown = capsys.readouterr().err
    assert "1 of 2 shards done earlier" in shown and "articles 1, shards 2/2" in shown


def _on_a_terminal(args: list[str], cwd: Path) -> str:
    """What a command writes to stderr when it is a terminal (40 rows of 120 columns)."""
    import fcntl
    import pty
    import struct
    import termios
    main_end, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {key: value for key, value in ENV.items() if key != "TQDM_DISABLE"}
    process = subprocess.Popen([sys.executable, "-m", "extract", *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main_end, 65536)
        except OSError:                        # the terminal's other end closed
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=300)
    os.close(main_end)
    return shown.decode("utf-8", "replace")


@pytest.mark.parametrize("quiet", [False, True], ids=["bar", "quiet"])
def test_on_a_terminal_the_bar_shows_its_total_unless_quiet(tmp_path, quiet):
    shown = _on_a_terminal(["run", str(GOOD), "--out", "o", "--workers", "1", *(["-q"] if quiet else [])], tmp_path)
    total = f"{item_bytes(str(GOOD)) / 1024:.1f}k"
    assert (f"/{total} [" in shown and "articles 1, shards 1/1" in shown) != quiet, shown


def test_renewing_the_caches_logs_no_error(caplog, monkeypatch):
    monkeypatch.setattr(worker, "_processed_here", worker.RESET_CACHES_EVERY - 1)
    with caplog.at_level(logging.WARNING):
        worker.count_and_reset(1)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


# --- reruns and inputs -------------------------------------------------------------------------------------------

def test_a_failed_download_is_tried_again_by_the_next_run(tmp_path):
    inputs = [str(GOOD), "http://127.0.0.1:9/berita/1"]         # loopback: refused, a fetch_error row
    settings = extract.Settings(files_per_shard=1)
    first = extract.run(inputs, tmp_path, workers=1, settings=settings, progress=False)
    assert first.statuses["fetch_error"] == 1
    again = extract.run(inputs, tmp_path, workers=1, settings=settings, progress=False)
    assert again.shards_resumed == 1, "the page is kept, the download tried again"
    assert again.statuses["fetch_error"] == 1


@pytest.mark.parametrize("text, title", [
    ("Bantaeng Dinobatkan Kabupaten Terinovatif\nLaporan: Andi\nBANTAENG - Pemkab Bantaeng meraih ...",
     "Bantaeng Dinobatkan Kabupaten Terinovatif"),
    ("Bantaeng Dinobatkan Kabupaten Terinovatif\n\nBANTAENG - Pemkab Bantaeng meraih ...",
     "Bantaeng Dinobatkan Kabupaten Terinovatif"),
    ("BANTAENG - Pemkab Bantaeng meraih predikat Terinovatif.\nIa bangga.", None),
    ("Home > Pemerintahan > Riau\nInspektorat Riau Raih Predikat Informatif\nPEKANBARU - ...", None),
    ("Penulis :\nBagus\nSLEMAN - ...", None),
], ids=["no-blank-line", "blank-line", "a-sentence", "breadcrumb", "byline"])
def test_a_text_files_first_line_is_its_title_when_it_looks_like_one(tmp_path, text, title):
    path = tmp_path / "berita.txt"
    path.write_text(text, encoding="utf-8")
    assert next(read_text_file(path)).title == title
