"""Run the shards on a Dask cluster (dask.distributed).

The cluster may be anything a ``distributed.Client`` connects to: a
``LocalCluster``, a SLURM cluster from dask-jobqueue, Kubernetes. Workers call
the same :func:`~extract.runner.shards.process_shard` as the local runner and write
their parts straight into the output directory, which must be on a file
system every worker sees (a cluster's shared disk).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..settings import Settings
from .shards import Shard, ShardSummary, process_shard


def run_on_dask(shards: list[Shard], out_dir: Path, scheduler, bar, settings: Settings) -> Iterator[ShardSummary]:
    """Submit one task per shard; yield each shard's summary as it finishes."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:   # an optional dependency: pip install 'extract[cluster]'
        raise RuntimeError("running on a cluster needs dask.distributed: pip install 'extract[cluster]'") from exc
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = [client.submit(process_shard, shard, str(out_dir), settings, key=f"extract-{shard.name}", pure=False)
                   for shard in shards]
        for future in as_completed(futures):
            summary = future.result()
            bar.update(summary.records)
            yield summary
    finally:
        if client is not scheduler:
            client.close()
