"""Compare WARC readers: warcio (what the pipeline uses) and FastWARC, on the benchmark pages.

    .venv/bin/pip install fastwarc && .venv/bin/python bench/warc_readers.py --pages 2000

Writes the generated pages into one gzipped WARC (a response record each) and times reading
every HTML payload with each library. A script, not a test.
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import generate  # noqa: E402


def write_warc(paths: list[Path], target: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(target, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for path in paths:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://bench.example.id/{path.stem}", "response",
                                                          payload=io.BytesIO(path.read_bytes()), http_headers=headers))


def read_warcio(target: Path) -> int:
    from extract.read.warc import read_warc
    return sum(len(doc.html or "") for doc in read_warc(target))


def read_fastwarc(target: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    total = 0
    with open(target, "rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            total += len(record.reader.read().decode("utf-8", errors="replace"))
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "extract-bench-pages")
    args = parser.parse_args()
    paths = generate(ROOT / "corpus", args.cache, args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "bench.warc.gz"
        write_warc(paths, target)
        print(f"WARC: {len(paths)} responses, {target.stat().st_size / 1e6:.0f} MB gzipped")
        for name, reader in (("warcio (with decoding)", read_warcio), ("FastWARC (with decoding)", read_fastwarc)):
            started = time.perf_counter()
            size = reader(target)
            seconds = time.perf_counter() - started
            print(f"{name:<26} {len(paths) / seconds:8.0f} records/s  ({size / 1e6:.0f} M characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
