"""`synthgap score` over a dask.bag of lines or a dask.dataframe of rows, for data already in Dask."""
from __future__ import annotations

import json
import os
from typing import Dict, List, Optional, Sequence

from .partitions import plan_partitions, expand_inputs, read_partition, Partition
from .runner import score_lines, synthgap_command


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


def score_bag(bag, model: str, *, synthgap: Optional[str | Sequence[str]] = None, file_name: str = "-"):
    """A dask.bag of score rows, one per non-blank element of `bag`, in order, one `synthgap score` per partition.

    Elements are JSONL lines (str), or (file, line, text) tuples as `read_lines` makes them, whose rows keep that
    file and line. A str element's row says `file_name`, its partition's index ("partition") and its 1-based
    position in the partition ("line").
    """
    import dask
    import dask.bag as db

    command = tuple(synthgap_command(synthgap))
    model_path = os.path.abspath(model)
    pieces = [dask.delayed(_score_elements)(piece, index, model_path, command, file_name)
              for index, piece in enumerate(bag.to_delayed())]
    return db.from_delayed(pieces)


def _score_elements(elements, index: int, model: str, command: Sequence[str], file_name: str) -> List[Dict]:
    elements = list(elements)
    if elements and not isinstance(elements[0], str):
        return _score_placed(elements, model, command)
    data = "".join(element.rstrip("\r\n") + "\n" for element in elements).encode("utf-8")
    rows = score_lines(data, model, command, file_name)
    for row in rows:
        row["partition"] = index
    return rows


def _score_placed(elements: List[tuple], model: str, command: Sequence[str]) -> List[Dict]:
    """Rows for (file, line, text) elements: each run of one file goes through the command, then lines are mapped back."""
    rows: List[Dict] = []
    start = 0
    while start < len(elements):
        name = elements[start][0]
        stop = start
        while stop < len(elements) and elements[stop][0] == name:
            stop += 1
        run = elements[start:stop]
        data = "".join(text.rstrip("\r\n") + "\n" for _, _, text in run).encode("utf-8")
        for row in score_lines(data, model, command, name):
            row["line"] = run[row["line"] - 1][1]
            rows.append(row)
        start = stop
    return rows


def score_dataframe(frame, model: str, *, synthgap: Optional[str | Sequence[str]] = None, file_name: str = "-"):
    """A dask.dataframe with the columns score, flagged, reasons and error, one row per row of `frame`, same index.

    Each partition is written as JSONL records (every column, so the model finds its text and label fields)
    and piped through one `synthgap score`.
    """
    import pandas as pd

    command = tuple(synthgap_command(synthgap))
    model_path = os.path.abspath(model)
    meta = pd.DataFrame({"score": pd.Series(dtype="float64"), "flagged": pd.Series(dtype="object"),
                         "reasons": pd.Series(dtype="object"), "error": pd.Series(dtype="object")})
    return frame.map_partitions(_score_frame, model_path, command, file_name, meta=meta)


def _score_frame(part, model: str, command: Sequence[str], file_name: str):
    import pandas as pd

    records = part.to_dict(orient="records")
    data = "".join(json.dumps(record, ensure_ascii=False, default=str) + "\n" for record in records).encode("utf-8")
    rows = score_lines(data, model, command, file_name) if records else []
    return pd.DataFrame({"score": [row.get("score", float("nan")) for row in rows],
                         "flagged": [row.get("flagged") for row in rows],
                         "reasons": [row.get("reasons") for row in rows],
                         "error": [row.get("error") for row in rows]}, index=part.index)
