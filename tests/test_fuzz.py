"""Mutants of valid files: a run over them completes, with a row for every file and counts that reconcile.

Each reader gets valid WARC, WARC.gz, JSON Lines (plain and gzipped) and HTML input changed the way
damaged files are: cut short, a header line dropped or repeated, bytes flipped. A gzip file is
damaged either in its compressed bytes or in the text of one member (then packed again), so that
both the decompressor and the parser behind it see broken input. The mutants are seeded: a failure
names the mutant, and ``mutants(SEED)`` rebuilds it.
"""
from __future__ import annotations

import gzip
import json
import random
import re
import tempfile
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.read.inputs import read_input
from extract.status import Status

from data.make_hostile import OTHER_BODY, _warc, city_page

SEED = 20261203
MUTANTS_PER_SEED = 8
MAX_ERROR = 500

HEADER_LINE = re.compile(rb"^(?:WARC/|HTTP/|[A-Za-z][A-Za-z0-9-]*: )")


def _records() -> list[tuple]:
    return [("request", "https://m.example.id/1", "", b""),
            ("response", "https://m.example.id/1", "text/html; charset=utf-8",
             city_page("Metro", "https://m.example.id/1").encode()),
            ("response", "https://m.example.id/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
            ("response", "https://m.example.id/2", "text/html", city_page("Dumai", "https://m.example.id/2").encode()),
            ("revisit", "https://m.example.id/1", "text/html", b"", {"WARC-Refers-To-Target-URI": "https://m.example.id/1"})]


def _jsonl() -> bytes:
    lines = [{"url": f"https://n.example.id/{i}", "text": OTHER_BODY.replace("Sleman", city), "title": f"{city} Raih",
              "published": "2021-12-09"} for i, city in enumerate(("Kulon Progo", "Gunungkidul", "Klaten"))]
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


def seeds() -> dict[str, bytes]:
    """Valid files of every kind, by suffix."""
    packed = _warc(_records())
    jsonl = _jsonl()
    return {".warc.gz": packed, ".warc": gzip.decompress(packed), ".jsonl": jsonl,
            ".jsonl.gz": b"".join(gzip.compress(line + b"\n", mtime=0) for line in jsonl.splitlines()),
            ".html": city_page("Sibolga", "https://o.example.id/1").encode()}


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    mutant = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        mutant[rng.randrange(len(mutant))] ^= 1 << rng.randrange(8)
    return bytes(mutant)


def _lines(data: bytes, rng: random.Random) -> tuple[list[bytes], int]:
    lines = data.splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if HEADER_LINE.match(line)] or list(range(len(lines)))
    return lines, rng.choice(headers)


def drop_line(data: bytes, rng: random.Random) -> bytes:
    lines, at = _lines(data, rng)
    return b"".join(lines[:at] + lines[at + 1:])


def duplicate_line(data: bytes, rng: random.Random) -> bytes:
    lines, at = _lines(data, rng)
    return b"".join(lines[:at + 1] + lines[at:])


MUTATIONS = (truncate, flip_bytes, drop_line, duplicate_line)


def _members(data: bytes) -> list[bytes] | None:
    """The text of each gzip member; None once the compressed bytes are damaged."""
    members = []
    try:
        while data:
            inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
            members.append(inflate.decompress(data))
            data = inflate.unused_data
    except zlib.error:
        return None
    return members or None


def mutate(suffix: str, data: bytes, rng: random.Random, steps: int) -> bytes:
    """``data`` with ``steps`` mutations; a gzip file's in one member's text or in its compressed bytes."""
    for _ in range(steps):
        mutation = rng.choice(MUTATIONS)
        members = _members(data) if suffix.endswith(".gz") and rng.random() < 0.6 else None
        if members:
            at = rng.randrange(len(members))
            members[at] = mutation(members[at], rng) if members[at] else members[at]
            data = b"".join(gzip.compress(member, mtime=0) for member in members)
        elif data:
            data = mutation(data, rng)
    return data


def mutants(seed: int = SEED, per_seed: int = MUTANTS_PER_SEED) -> dict[str, bytes]:
    """File name -> mutant bytes, ``per_seed`` of each valid file."""
    rng = random.Random(seed)
    return {f"mutant-{n:02d}{suffix}": mutate(suffix, data, rng, rng.randint(1, 3))
            for suffix, data in seeds().items() for n in range(per_seed)}


def _rows_of(articles, path: Path) -> int:
    return int(articles["source"].map(lambda s: s == str(path) or s.startswith((f"{path}:", f"{path}@"))).sum())


def test_the_valid_seeds_are_read_whole(tmp_path):
    """The mutations start from files every reader takes without a failed row."""
    for suffix, data in seeds().items():
        path = tmp_path / f"seed{suffix}"
        path.write_bytes(data)
        statuses = [raw.status for raw in read_input(str(path))]
        assert statuses and set(statuses) <= {Status.OK, Status.DUPLICATE}, (suffix, statuses)


def test_a_run_over_mutated_files_completes_with_rows_for_every_file(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, data in mutants().items():
        (inputs / name).write_bytes(data)
    summary = extract.run([str(inputs)], tmp_path / "out", workers=1, progress=False)
    articles = extract.load(tmp_path / "out", notebook=False)["articles"]
    assert summary.records == len(articles) == summary.ok + summary.failed + summary.skipped
    for path in sorted(inputs.iterdir()):
        rows = _rows_of(articles, path)
        assert rows == 1 if path.suffix == ".html" else rows >= 1, (path.name, rows)
    assert set(articles["status"]) <= {status.value for status in Status}
    failed = articles[articles["status"] != "ok"]
    assert failed["error"].notna().all() and (failed["error"].str.len() <= MAX_ERROR).all()
    assert all(error.startswith(str(inputs)) for error in failed["error"]), "every reason names its input"
    assert summary.ok and summary.failed, "the mutants are neither all readable nor all broken"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(seeds())), st.integers(min_value=0, max_value=2**32), st.integers(1, 4))
def test_every_reader_survives_any_mutant(suffix, seed, steps):
    """Reading alone (no mining), so that many more mutants are tried: a row at least, each naming the file."""
    data = mutate(suffix, seeds()[suffix], random.Random(seed), steps)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"mutant{suffix}"
        path.write_bytes(data)
        rows = list(read_input(str(path)))
    assert rows and all(raw.source.startswith(str(path)) for raw in rows)
    assert all(raw.error is None or (raw.error.startswith(str(path)) and len(raw.error) <= MAX_ERROR) for raw in rows)
    assert len({raw.source for raw in rows}) == len(rows), "one row per record"
