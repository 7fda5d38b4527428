"""Scores files on a Dask cluster: one task per partition, one part file per task."""
from __future__ import annotations

import glob
import json
import os
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence

from .partitions import expand_inputs, plan_partitions
from .runner import ScoreError, score_partition, synthgap_command

# Dask retries a task that raised this many times; a task whose worker died is rescheduled by the scheduler
# on its own (up to distributed's allowed-failures), so this only covers failures inside a live worker.
RETRIES = 2
SUMMARY_FILE = "_summary.json"


@dataclass
class Summary:
    """What a run did: counts over every partition, and each partition's counts in order."""

    rows: int
    errors: int
    flagged: int
    seconds: float
    files: int
    partitions: List[Dict] = field(default_factory=list)
    # The merged report's path, when one was asked for.
    report: Optional[str] = None

    def text(self, output_dir: str) -> str:
        report = f"; report in {self.report}" if self.report else ""
        return (f"scored {self.rows:,} rows from {self.files} file(s) in {len(self.partitions)} partition(s) "
                f"in {self.seconds:.1f} s: {self.flagged:,} flagged, {self.errors:,} error(s); part files in {output_dir}{report}")


def merge_sketches(model: str, sketches: Sequence[str], report: str, command: Sequence[str], cwd: Optional[str] = None) -> None:
    """Runs `synthgap merge` on the driver: the partitions' sketches into one report of the whole input.

    `cwd` lets the sketches be short relative names, so thousands of partitions stay within the argument limit.
    The format follows the report's name (.json, .md, .html, else text) by `synthgap merge`'s own rule for --out.
    """
    argv = [*command, "merge", "--model", model, *sketches, "--out", report]
    done = subprocess.run(argv, capture_output=True, cwd=cwd)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise ScoreError(f"synthgap merge failed: {message}")


def prepare_output(output_dir: str, overwrite: bool) -> None:
    """Creates the output folder; part files from an earlier run would mix with this run's, so they are an error unless overwrite."""
    os.makedirs(output_dir, exist_ok=True)
    old = (glob.glob(os.path.join(output_dir, "part-*.jsonl*")) + glob.glob(os.path.join(output_dir, "part-*.sketch*"))
           + glob.glob(os.path.join(output_dir, SUMMARY_FILE)))
    if old and not overwrite:
        raise FileExistsError(f"{output_dir} already holds part files from another run; pass --overwrite to replace them")
    for path in old:
        os.remove(path)


def score_files(model: str, inputs: Sequence[str] | str, output_dir: str, client, *, partition_lines: Optional[int] = None,
                synthgap: Optional[str | Sequence[str]] = None, overwrite: bool = False,
                report: Optional[str] = None) -> Summary:
    """Scores every row of the files that `inputs` (glob patterns) name on `client`'s cluster.

    Writes `output_dir/part-NNNNNN.jsonl` (one per partition, in file and line order; each row keeps its file
    and line) and `_summary.json`, and returns the counts. The model and the input files must be readable at the
    same paths on every worker. With `report` (a path; .json, .md, .html or text), every partition's process also
    writes its sketch (`part-NNNNNN.sketch`) and the driver merges them into one report with `synthgap merge`:
    the same report, to the digit, as one `synthgap sketch` of all the rows would give.
    """
    started = time.perf_counter()
    patterns = [inputs] if isinstance(inputs, str) else list(inputs)
    files = expand_inputs(patterns)
    parts = plan_partitions(files, partition_lines)
    prepare_output(output_dir, overwrite)
    command = synthgap_command(synthgap)
    model_path = os.path.abspath(model)
    out = os.path.abspath(output_dir)
    run = uuid.uuid4().hex[:12]
    futures = client.map(score_partition, parts, model=model_path, command=command, output_dir=out, sketch=report is not None,
                         key=[f"synthgap-score-{run}-{part.index}" for part in parts], retries=RETRIES)
    results = sorted(client.gather(futures), key=lambda result: result["index"])
    # A worker killed between writing and renaming leaves its temporary file; the retry wrote the whole part.
    for leftover in glob.glob(os.path.join(out, "part-*.jsonl.tmp-*")) + glob.glob(os.path.join(out, "part-*.sketch.tmp-*")):
        os.remove(leftover)
    if report is not None:
        merge_sketches(model_path, [os.path.join(out, r["sketch"]) for r in results], os.path.abspath(report), command)
    summary = Summary(rows=sum(r["rows"] for r in results), errors=sum(r["errors"] for r in results),
                      flagged=sum(r["flagged"] for r in results), seconds=time.perf_counter() - started,
                      files=len(files), partitions=results, report=report)
    with open(os.path.join(out, SUMMARY_FILE), "w", encoding="utf-8") as handle:
        json.dump({"model": model, "rows": summary.rows, "errors": summary.errors, "flagged": summary.flagged,
                   "seconds": round(summary.seconds, 3), "partitions": results}, handle, indent=1)
        handle.write("\n")
    return summary


def read_parts(output_dir: str) -> Iterable[Dict]:
    """The rows of a run's part files, in partition order."""
    for path in sorted(glob.glob(os.path.join(output_dir, "part-*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for text in handle:
                if text.strip():
                    yield json.loads(text)
