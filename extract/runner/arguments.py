"""What a run is given, checked before any work: inputs that exist, an output folder that can be
one, a number of workers, and something to read. Each mistake is one
:class:`~extract.status.UsageError` saying what to give instead."""
from __future__ import annotations

import os
from pathlib import Path

from ..read.inputs import SUPPORTED, is_url
from ..status import UsageError


def check_arguments(inputs: list[str], out_dir: Path, workers: int | None) -> None:
    """Raise :class:`~extract.status.UsageError` for the first mistake in a run's arguments.

    >>> check_arguments(["https://a.example/x"], Path("out"), workers=0)
    Traceback (most recent call last):
    ...
    extract.status.UsageError: --workers must be 1 or more (got 0)
    """
    missing = [item for item in inputs if not is_url(item) and not os.path.lexists(item)]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise UsageError(f"no such file or folder: {missing[0]}{more}; give files, folders or http(s) URLs to read")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} is an existing file, not a folder; give a folder for the tables")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more (got {workers})")


def check_plan(shards: list, inputs: list[str]) -> None:
    """Raise :class:`~extract.status.UsageError` when the inputs hold nothing to read."""
    if not shards:
        raise UsageError(f"nothing to read in {', '.join(inputs)}: no file named {', '.join(SUPPORTED)} "
                         "in it; give the folder or the files of the pages")
