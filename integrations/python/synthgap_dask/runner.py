"""Runs `synthgap score` on one partition's lines and writes the rows, with their original file and line, to a part file."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import uuid
from typing import Dict, List, Optional, Sequence

from .partitions import Partition, read_partition

# The environment variable that names the synthgap command (e.g. "node /repo/dist/cli.js").
SYNTHGAP_ENV = "SYNTHGAP_CMD"


class ScoreError(RuntimeError):
    """`synthgap score` failed on a partition (a bad model, a missing command): no retry will fix it."""


def synthgap_command(synthgap: Optional[str | Sequence[str]] = None) -> List[str]:
    """The synthgap command as argv: the argument, else $SYNTHGAP_CMD, else `synthgap` on PATH."""
    if synthgap is None:
        synthgap = os.environ.get(SYNTHGAP_ENV) or "synthgap"
    return shlex.split(synthgap) if isinstance(synthgap, str) else list(synthgap)


def score_lines(data: bytes, model: str, command: Sequence[str], file_name: str, fmt: str = "jsonl",
                first_line: int = 1, header_lines: int = 0) -> List[Dict]:
    """Pipes `data` (whole lines) through one `synthgap score` process and returns its rows in order.

    A row's "line" is moved from its line on stdin to its line in the original file: stdin line k is file line
    first_line + k - 1 - header_lines (a CSV header put before a partition takes one stdin line).
    """
    argv = [*command, "score", "--model", model, "--file-name", file_name, "--format", fmt, "-"]
    try:
        done = subprocess.run(argv, input=data, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise ScoreError(f"cannot run {argv[0]!r}: {error.strerror}; pass --synthgap or set {SYNTHGAP_ENV}") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise ScoreError(f"synthgap score failed on {file_name} from line {first_line}: {message}")
    rows = [json.loads(text) for text in done.stdout.split(b"\n") if text.strip()]
    shift = first_line - 1 - header_lines
    for row in rows:
        row["file"] = file_name
        row["line"] = row["line"] + shift
    if fmt == "jsonl":
        expected = sum(1 for text in data.split(b"\n") if text.strip())
        if len(rows) != expected:
            raise ScoreError(f"synthgap score wrote {len(rows)} rows for {expected} lines of {file_name} from line {first_line}")
    return rows


def part_file_name(index: int) -> str:
    """Part files sort in partition order (files in the order given, then by line) up to a million partitions."""
    return f"part-{index:06d}.jsonl"


def count_rows(rows: Sequence[Dict]) -> Dict[str, int]:
    errors = sum(1 for row in rows if "error" in row)
    flagged = sum(1 for row in rows if row.get("flagged") is True)
    return {"rows": len(rows), "errors": errors, "flagged": flagged}


def score_partition(part: Partition, model: str, command: Sequence[str], output_dir: str) -> Dict:
    """Scores one partition on a worker and writes its part file; returns the partition's counts.

    The rows go to a temporary name first and are renamed into place, so a task that dies half-way (a killed
    worker) leaves no half part, and its retry writes the same whole file again.
    """
    rows = score_lines(read_partition(part), model, command, part.name, part.format, part.first_line,
                       1 if part.header else 0)
    final = os.path.join(output_dir, part_file_name(part.index))
    temporary = f"{final}.tmp-{os.getpid()}-{uuid.uuid4().hex}"
    with open(temporary, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, final)
    return {"index": part.index, "file": part.name, "first_line": part.first_line, "part": os.path.basename(final),
            **count_rows(rows)}
