"""`synthgap score` over a dask.bag of lines or a dask.dataframe of rows, for data already in Dask."""
from __future__ import annotations

import json
import os
from itertools import accumulate
from typing import Dict, List, Optional, Sequence

from .partitions import plan_partitions, expand_inputs, read_partition, Partition
from .runner import score_lines, score_lines_sketched, synthgap_command
from .sketches import run_with_report

# Within a run of one file's (file, line, text) elements, a gap of up to this many lines is filled with blank lines
# (which give no row) so one process scores on with the file's own numbering; a newline costs the command far less
# than the 0.3 s a new process takes to start and load the model. A longer gap starts a new process.
MAX_LINE_GAP = 100_000


def read_lines(inputs: Sequence[str] | str, partition_lines: Optional[int] = None):
    """A dask.bag of (file, line, text) for every line of the JSONL files that `inputs` (globs) name, partitioned like the CLI."""
    import dask
    import dask.bag as db

    patterns = [inputs] if isinstance(inputs, str) else list(inputs)
    parts = plan_partitions(expand_inputs(patterns), partition_lines)
    return db.from_delayed([dask.delayed(_partition_lines)(part) for part in parts])


def _partition_lines(part: Partition) -> List[tuple]:
    lines = read_partition(part).decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [(part.name, part.first_line + k, line) for k, line in enumerate(lines)]


def score_bag(bag, model: str, *, synthgap: Optional[str | Sequence[str]] = None, file_name: str = "-",
              report: Optional[str] = None):
    """A dask.bag of score rows, one per non-blank element of `bag`, in order, one `synthgap score` per partition.

    Elements are JSONL lines (str), or (file, line, text) tuples as `read_lines` makes them, whose rows keep that
    file and line. A str element's row says `file_name`, its partition's index ("partition") and its 1-based
    position in the partition ("line").

    With `report` (a path; .json, .md, .html or text), each process also writes its sketch, the bag is scored at
    once (its results kept on the cluster, so computing the returned bag does not score again) and the driver
    merges the sketches into the report of all the rows. The report names a tuple's file and line; it numbers str
    elements by their position in the whole bag, as one file of them would (so it counts each partition's elements
    first, a quick extra pass). Needs a distributed Client.
    """
    import dask
    import dask.bag as db

    command = tuple(synthgap_command(synthgap))
    model_path = os.path.abspath(model)
    partitions = bag.to_delayed()
    if report is None:
        return db.from_delayed([dask.delayed(_score_elements)(piece, index, model_path, command, file_name)
                                for index, piece in enumerate(partitions)])
    sizes = bag.map_partitions(lambda elements: [sum(1 for _ in elements)]).compute()
    offsets = [0, *accumulate(sizes)]
    pieces = [dask.delayed(_score_elements)(piece, index, model_path, command, file_name, offsets[index])
              for index, piece in enumerate(partitions)]
    return db.from_delayed(run_with_report(pieces, model_path, report, command))


def _score_elements(elements, index: int, model: str, command: Sequence[str], file_name: str, offset: Optional[int] = None):
    """The partition's rows; with `offset` (the bag's elements before this partition) also its sketches: (rows, sketches)."""
    elements = list(elements)
    if elements and not isinstance(elements[0], str):
        return _score_placed(elements, model, command, offset is not None)
    data = "".join(element.rstrip("\r\n") + "\n" for element in elements).encode("utf-8")
    sketches: List[bytes] = []
    if offset is None:
        rows = score_lines(data, model, command, file_name)
    else:
        rows, sketch = score_lines_sketched(data, model, command, file_name, offset + 1)
        sketches.append(sketch)
    for row in rows:
        row["partition"] = index
        if offset is not None:
            row["line"] -= offset  # the rows count within their partition, the report across the bag
    return rows if offset is None else (rows, sketches)


def _score_placed(elements: List[tuple], model: str, command: Sequence[str], sketched: bool):
    """Rows for (file, line, text) elements, each with its file and line; with `sketched` also (rows, sketches).

    A run of one file with rising lines goes to one process, its gaps filled with blank lines so the command
    numbers the lines as the file does (rows and sketch alike); a new file, a line out of order or a long gap
    starts the next run.
    """
    rows: List[Dict] = []
    sketches: List[bytes] = []
    start = 0
    while start < len(elements):
        name, first = elements[start][0], elements[start][1]
        lines = [elements[start][2].rstrip("\r\n")]
        stop = start + 1
        while (stop < len(elements) and elements[stop][0] == name
               and 0 < elements[stop][1] - elements[stop - 1][1] <= MAX_LINE_GAP):
            lines.extend([""] * (elements[stop][1] - elements[stop - 1][1] - 1))
            lines.append(elements[stop][2].rstrip("\r\n"))
            stop += 1
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        if sketched:
            run_rows, sketch = score_lines_sketched(data, model, command, name, first)
            sketches.append(sketch)
        else:
            run_rows = score_lines(data, model, command, name, first_line=first)
        rows.extend(run_rows)
        start = stop
    return (rows, sketches) if sketched else rows


def score_dataframe(frame, model: str, *, synthgap: Optional[str | Sequence[str]] = None, file_name: str = "-",
                    report: Optional[str] = None):
    """A dask.dataframe with the columns score, flagged, reasons and error, one row per row of `frame`, same index.

    Each partition is written as JSONL records (every column, so the model finds its text and label fields)
    and piped through one `synthgap score`. With `report` (as in score_bag), the frame is scored at once and the
    report numbers rows by their position in the whole frame (line 1 is its first row), under `file_name`: the
    report of one file of all the records. Counting each partition's rows first reads the frame once more (persist
    a frame that is slow to read). Needs a distributed Client.
    """
    import dask
    import dask.dataframe as dd
    import pandas as pd

    command = tuple(synthgap_command(synthgap))
    model_path = os.path.abspath(model)
    meta = pd.DataFrame({"score": pd.Series(dtype="float64"), "flagged": pd.Series(dtype="object"),
                         "reasons": pd.Series(dtype="object"), "error": pd.Series(dtype="object")})
    if report is None:
        return frame.map_partitions(_score_frame, model_path, command, file_name, meta=meta)
    offsets = [0, *accumulate(frame.map_partitions(len).compute())]
    pieces = [dask.delayed(_score_frame)(part, model_path, command, file_name, int(offsets[index]))
              for index, part in enumerate(frame.to_delayed())]
    # Not verified, as map_partitions does not: "flagged" is bool in a partition without errors, object with them.
    return dd.from_delayed(run_with_report(pieces, model_path, report, command), meta=meta, divisions=frame.divisions,
                           verify_meta=False)


def _score_frame(part, model: str, command: Sequence[str], file_name: str, offset: Optional[int] = None):
    """The partition's score columns; with `offset` (the frame's rows before it) also its sketch: (frame, [sketch])."""
    import pandas as pd

    records = part.to_dict(orient="records")
    data = "".join(json.dumps(record, ensure_ascii=False, default=str) + "\n" for record in records).encode("utf-8")
    sketches: List[bytes] = []
    if offset is not None:
        rows, sketch = score_lines_sketched(data, model, command, file_name, offset + 1)
        sketches.append(sketch)
    else:
        rows = score_lines(data, model, command, file_name) if records else []
    scored = pd.DataFrame({"score": [row.get("score", float("nan")) for row in rows],
                           "flagged": [row.get("flagged") for row in rows],
                           "reasons": [row.get("reasons") for row in rows],
                           "error": [row.get("error") for row in rows]}, index=part.index)
    return scored if offset is None else (scored, sketches)
