"""Run the shards on a Dask cluster (dask.distributed).

The cluster may be anything a ``distributed.Client`` connects to: a
``LocalCluster``, a SLURM cluster from dask-jobqueue, Kubernetes. Workers call
the same :func:`~extract.runner.shards.process_shard` as the local runner and write
their parts straight into the output directory, which must be on a file
system every worker sees (a cluster's shared disk).

Workers run in their own working directories: the run's inputs and output directory are made
absolute on the client (:func:`absolute`) before anything is sent, and a first task
(:func:`reachable`) checks that a worker sees the inputs and can write to the output directory,
so that a cluster without the shared disk stops the run with one clear error before any work.
"""
from __future__ import annotations

import contextlib
import os
import socket
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from ..read.inputs import is_url
from ..settings import Settings
from ..status import RunError
from .progress import shard_bytes
from .shards import Shard, ShardSummary, process_shard


def absolute(inputs: Iterable[str]) -> list[str]:
    """Inputs with every path made absolute here, where it was given (URLs as they are).

    >>> absolute(["https://a.example/x", "/data/crawl.warc.gz"])
    ['https://a.example/x', '/data/crawl.warc.gz']
    """
    return [item if is_url(item) else os.path.abspath(item) for item in inputs]


def reachable(inputs: list[str], out_dir: str) -> tuple[str, list[str]]:
    """Run on a worker: its host, and what of the run it cannot reach (inputs it does not see, an
    output directory it cannot write to)."""
    problems = []
    missing = [item for item in inputs if not is_url(item) and not os.path.exists(item)]
    if missing:
        problems.append(f"does not see {len(missing)} of the {len(inputs)} inputs (first: {missing[0]})")
    probe = Path(out_dir) / f".probe-{uuid.uuid4().hex}"
    try:
        probe.parent.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        problems.append(f"cannot write to {out_dir} ({exc.strerror or exc})")
    return socket.gethostname(), problems


@contextlib.contextmanager
def connect(scheduler):
    """A ``distributed.Client`` of ``scheduler`` (an address, or a client, kept open)."""
    try:
        from distributed import Client
    except ImportError as exc:   # an optional dependency (the cluster extra)
        raise RunError("running on a cluster needs dask.distributed: pip install 'dask[distributed]'") from exc
    if isinstance(scheduler, Client):
        yield scheduler
        return
    try:
        client = Client(scheduler)
    except OSError as exc:
        raise RunError(f"cannot connect to the Dask scheduler at {scheduler} ({exc})") from exc
    with client:
        yield client


def check_workers(client, inputs: list[str], out_dir: Path) -> None:
    """Raise :class:`~extract.status.RunError` unless a worker sees ``inputs`` and can write to ``out_dir``."""
    host, problems = client.submit(reachable, inputs, str(out_dir), key=f"extract-check-{uuid.uuid4().hex}",
                                   pure=False).result()
    if problems:
        raise RunError(f"a worker of the cluster (on {host}) {'; '.join(problems)}: the inputs and --out must be on "
                       "a file system every worker shares, under the same paths as here")


def run_on_dask(shards: list[Shard], out_dir: Path, client, progress, settings: Settings) -> Iterator[ShardSummary]:
    """Submit one task per shard; yield each shard's summary as it finishes. Stopped (a signal),
    the tasks not finished are cancelled."""
    from distributed import as_completed
    futures = {client.submit(process_shard, shard, str(out_dir), settings, key=f"extract-{shard.name}", pure=False): shard
               for shard in shards}
    try:
        for future in as_completed(futures):
            summary = future.result()
            progress.update(records=summary.records, read=shard_bytes(futures[future]))
            yield summary
    except BaseException:
        client.cancel(list(futures))
        raise
