"""python3 -m synthgap_dask score --model m.json --input 'data/*.jsonl' --output DIR [--workers N | --scheduler URL] [--report FILE]"""
from __future__ import annotations

import argparse
import logging
import sys
from typing import List, Optional

from .cluster import open_client
from .files import score_files
from .runner import SYNTHGAP_ENV, ScoreError

# Two workers: the machines this was built on have two cores, and each worker keeps one busy.
DEFAULT_WORKERS = 2


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python3 -m synthgap_dask", description="Run synthgap score over a Dask cluster.")
    commands = top.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="score every row of the input files, one part file per partition")
    score.add_argument("--model", required=True, help="model file from `synthgap fit`")
    score.add_argument("--input", required=True, action="append", help="file or glob pattern (quote it); repeatable")
    score.add_argument("--output", required=True, help="folder for the part files")
    where = score.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="local worker processes (default 2)")
    where.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://scheduler-host:8786")
    score.add_argument("--partition-lines", type=int, help="split each file into runs of this many lines")
    score.add_argument("--synthgap", help=f"the synthgap command, e.g. \"node dist/cli.js\" (default ${SYNTHGAP_ENV}, else synthgap)")
    score.add_argument("--overwrite", action="store_true", help="replace part files left in --output by another run")
    score.add_argument("--report", help="also write the report of all rows here, merged from per-partition sketches "
                                        "(.json: JSON, .md: Markdown, .html: a page, else text)")
    return top


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    if args.workers < 1:
        print("synthgap_dask: --workers must be at least 1", file=sys.stderr)
        return 2
    # Distributed logs every worker start and stop at INFO; a run only needs to hear about trouble.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    try:
        with open_client(args.workers, args.scheduler) as client:
            summary = score_files(args.model, args.input, args.output, client, partition_lines=args.partition_lines,
                                  synthgap=args.synthgap, overwrite=args.overwrite, report=args.report)
    except (ScoreError, FileNotFoundError, FileExistsError, ValueError) as error:
        print(f"synthgap_dask: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        # Dask gives up on a task whose workers kept dying (distributed's allowed-failures); say so in one line.
        if type(error).__name__ != "KilledWorker":
            raise
        print(f"synthgap_dask: a partition's task was lost with its worker too many times: {error}", file=sys.stderr)
        return 1
    print(summary.text(args.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
