"""The report of a Dask collection's rows: every partition's task returns its rows and its sketches' bytes, and the
driver runs `synthgap merge` on the sketches, written to its own temporary folder as they arrive."""
from __future__ import annotations

import os
import tempfile
from typing import Any, List, Sequence, Tuple

from .files import merge_sketches


def rows_of(result: Tuple[Any, List[bytes]]) -> Any:
    """A partition's scored rows (a list, or a pandas frame) from its (rows, sketches) result."""
    return result[0]


def sketches_of(result: Tuple[Any, List[bytes]]) -> List[bytes]:
    return result[1]


def run_with_report(pieces: Sequence, model: str, report: str, command: Sequence[str]) -> List:
    """Runs the (rows, sketches) tasks now and keeps their results on the cluster; writes the merged report.

    Returns one delayed rows value per partition, backed by the kept results: computing the collection built on them
    gathers the rows without scoring again. A result lost with its worker is computed again from its partition, so
    the rows and the report count every row once. The sketches cross to the driver one partition at a time (a
    sketch is about half a megabyte whatever the partition's size), so the driver holds one, never all.
    """
    import dask
    from distributed import as_completed, default_client

    client = default_client()
    kept = dask.persist(*pieces)
    with tempfile.TemporaryDirectory(prefix="synthgap-sketches-") as folder:
        names: List[str] = []
        futures = client.compute([dask.delayed(sketches_of)(result) for result in kept])
        for future in as_completed(futures):
            for sketch in future.result():
                names.append(f"{len(names):07d}.sketch")
                with open(os.path.join(folder, names[-1]), "wb") as handle:
                    handle.write(sketch)
            future.release()
        merge_sketches(model, sorted(names), os.path.abspath(report), command, cwd=folder)
    return [dask.delayed(rows_of)(result) for result in kept]
