"""The loop over inputs: read, process, write; and what a run reports at its end."""
from __future__ import annotations

import collections
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from tqdm import tqdm

from .pipeline import process
from .sources import iter_raw_docs
from .tables import TableWriter

log = logging.getLogger(__name__)

DEFAULT_INPUT = "corpus"
DEFAULT_OUT = "outputs"


@dataclass(slots=True)
class RunSummary:
    out_dir: Path
    articles: int = 0
    ok: int = 0
    failed: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    mentions: collections.Counter = field(default_factory=collections.Counter)
    claims: int = 0
    quotes: int = 0
    elapsed: float = 0.0

    def lines(self) -> list[str]:
        failed = ", ".join(f"{status} {n}" for status, n in sorted(self.statuses.items()) if status != "ok")
        found = ", ".join(f"{label} {n}" for label, n in sorted(self.mentions.items()))
        return [
            f"articles: {self.articles} (ok {self.ok}, failed {self.failed}{': ' + failed if failed else ''})",
            f"mentions: {sum(self.mentions.values())} ({found})",
            f"claims: {self.claims}; quotes: {self.quotes}",
            f"tables in {self.out_dir} ({self.elapsed:.1f} s)",
        ]


def run(inputs: Iterable[str] | None = None, out_dir: str | Path = DEFAULT_OUT, *,
        fetch_config=None, batch_size: int = 500, progress: bool | None = None) -> RunSummary:
    """Process every record of ``inputs`` into the tables under ``out_dir``.

    ``inputs`` are files, directories, globs already expanded by the shell, or
    URLs; none means the bundled ``corpus/``. ``progress`` None shows a bar only
    on a terminal.
    """
    inputs = list(inputs or [DEFAULT_INPUT])
    summary = RunSummary(Path(out_dir))
    started = time.perf_counter()
    with TableWriter(out_dir, batch_size=batch_size) as writer, \
            tqdm(desc="articles", unit="doc", disable=None if progress is None else not progress) as bar:
        for raw in iter_raw_docs(inputs, fetch_config=fetch_config):
            result = process(raw)
            article = result.article
            writer.add("articles", [article])
            writer.add("mentions", result.mentions)
            writer.add("claims", result.claims)
            writer.add("quotes", result.quotes)
            summary.articles += 1
            summary.statuses[article.status] += 1
            if article.status == "ok":
                summary.ok += 1
            else:
                summary.failed += 1
                log.warning("%s", article.error)
            summary.mentions.update(m.label for m in result.mentions)
            summary.claims += len(result.claims)
            summary.quotes += len(result.quotes)
            bar.update()
    summary.elapsed = time.perf_counter() - started
    return summary
