"""The progress bar of a run: the bytes of input to read, so that it has a total and an ETA from
the start (the shard plan knows every file; a URL counts as :data:`URL_BYTES`), the articles done
and the shards finished. Shards an earlier run finished are left out of it, so they count in
neither the total nor the speed. Quiet unless stderr is a terminal, or when switched off (``-q``).
"""
from __future__ import annotations

import os

from tqdm import tqdm

from ..read.inputs import is_url

URL_BYTES = 100_000      # what a page downloaded counts for, before it is


def item_bytes(item: str) -> int:
    """What one expanded input (a file or a URL) counts for in the bar."""
    if is_url(item):
        return URL_BYTES
    try:
        return os.stat(item).st_size
    except OSError:
        return 0


def shard_bytes(shard) -> int:
    return sum(item_bytes(item) for item in shard.items)


class Progress:
    """One run's bar over the shards ``todo`` of a run of ``shards``. ``update`` takes the records
    done and the bytes of input read, from this process or reported by a worker; :meth:`plan` adds
    shards to do again to the total."""

    def __init__(self, todo: list, shards: int, enabled: bool | None = None):
        resumed = shards - len(todo)
        earlier = f", {resumed} of {shards} shards done earlier" if resumed else ""
        self.bar = tqdm(desc=f"reading{earlier}", total=sum(shard_bytes(shard) for shard in todo), unit="B", unit_scale=True, unit_divisor=1024,
                        disable=None if enabled is None else not enabled, dynamic_ncols=True)
        self.shards, self.finished, self.articles = shards, resumed, 0

    def plan(self, shards: list) -> None:
        self.bar.total += sum(shard_bytes(shard) for shard in shards)
        self.bar.refresh()

    def update(self, records: int = 0, read: int = 0) -> None:
        self.articles += records
        self._postfix()
        self.bar.update(read)      # redrawn at most every tenth of a second, even when nothing was read

    def shard_done(self) -> None:
        self.finished += 1
        self._postfix()
        self.bar.update(0)

    def _postfix(self) -> None:
        if not self.bar.disable:
            self.bar.set_postfix_str(f"articles {self.articles}, shards {self.finished}/{self.shards}", refresh=False)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.bar.close()
