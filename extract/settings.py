"""Everything a run can be told: one frozen value the command line builds and every runner passes on.

The fields that change what a run writes (:meth:`Settings.key`) are part of every shard's key, so
that a rerun with other settings redoes its shards; batch sizes change only how fast it goes.

>>> Settings().fuzzy_cutoff == FUZZY_CUTOFF
True
>>> Settings(batch_records=8).key() == Settings().key()
True
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .limits import Limits

FUZZY_CUTOFF = 90               # rapidfuzz ratio at which two unit names are one unit misspelt
FILES_PER_SHARD = 200
BATCH_RECORDS = 64              # records read before they are mined together
BATCH_BYTES = 16_000_000        # or fewer, when their pages are large
TABLE_BATCH_SIZE = 500          # rows buffered per table before a write
FETCH_TIMEOUT = 30              # seconds per URL download


@dataclass(frozen=True, slots=True)
class Settings:
    limits: Limits = Limits()
    batch_records: int = BATCH_RECORDS
    batch_bytes: int = BATCH_BYTES
    files_per_shard: int = FILES_PER_SHARD
    table_batch_size: int = TABLE_BATCH_SIZE
    fetch_timeout: int = FETCH_TIMEOUT
    fetch_max_bytes: int | None = None     # None: the page limit (``limits.max_page_bytes``), or no cap
    allow_private: bool = False            # fetch from private and loopback addresses
    fuzzy_cutoff: int = FUZZY_CUTOFF
    all_pages: bool = False                # read and mine every page, not only those the relevance gate passes

    def download_cap(self) -> int:
        """The most bytes one download may have."""
        return self.fetch_max_bytes or self.limits.max_page_bytes or 2**62

    def parameters(self) -> dict:
        """The settings that change what a run writes, by name (every table's files record them).

        >>> Settings().parameters()["doc_timeout"], Settings().parameters()["fuzzy_cutoff"]
        (60.0, 90)
        """
        return {**asdict(self.limits), "fetch_timeout": self.fetch_timeout, "download_cap": self.download_cap(),
                "allow_private": self.allow_private, "fuzzy_cutoff": self.fuzzy_cutoff}

    def key(self) -> str:
        """The fields that change a shard's outputs, as text for its key."""
        return repr((self.limits, self.fetch_timeout, self.download_cap(), self.allow_private, self.fuzzy_cutoff,
                     self.all_pages))
