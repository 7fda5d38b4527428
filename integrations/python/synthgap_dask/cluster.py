"""The Dask client the command line uses: a local cluster on loopback, or an existing scheduler."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional


@contextmanager
def open_client(workers: int = 2, scheduler: Optional[str] = None) -> Iterator:
    """A Client on `scheduler`, or on a LocalCluster of `workers` single-threaded worker processes on 127.0.0.1.

    One thread per worker process: each task spends its time in its own `synthgap score` process, and a
    second thread would only start a second Node process on the same core.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0",
                      scheduler_kwargs={"dashboard": False}) as cluster, Client(cluster) as client:
        yield client
