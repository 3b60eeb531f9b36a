"""Running: the stage list, shards, and the runners (one process, local workers, Dask)."""
