"""Splits input files into partitions: whole files, or runs of lines, each knowing where its rows came from."""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import Iterable, Iterator, List, Optional


@dataclass(frozen=True)
class Partition:
    """A run of lines of one input file; a worker reads bytes start..end of path."""

    index: int
    # The file's name as the user gave it (what each output row's "file" says).
    name: str
    # The absolute path a worker opens: a separately started worker may run in another folder.
    path: str
    start: int
    end: int
    # The 1-based line number, in the file, of the partition's first line.
    first_line: int
    # The CSV/TSV header line, put before a partition that does not start the file (b"" for JSONL).
    header: bytes
    format: str


def input_format(name: str) -> str:
    """The `synthgap score --format` of a file, by its extension; JSONL unless it says CSV or TSV."""
    lower = name.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(".tsv"):
        return "tsv"
    return "jsonl"


def expand_inputs(patterns: Iterable[str]) -> List[str]:
    """The files the glob patterns name, sorted within each pattern, each once; a pattern that matches nothing is an error."""
    files: List[str] = []
    seen = set()
    for pattern in patterns:
        matches = sorted(path for path in glob.glob(pattern, recursive=True) if os.path.isfile(path))
        if not matches:
            raise FileNotFoundError(f"no file matches {pattern!r}")
        for path in matches:
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files


def plan_partitions(files: Iterable[str], partition_lines: Optional[int] = None) -> List[Partition]:
    """One partition per file, or per `partition_lines` lines of each file (blank lines count: they keep their numbers).

    Splitting reads each file once on the driver to find line starts; a CSV whose quoted fields hold line breaks
    must be scored whole (no `partition_lines`), since a split could fall inside a row.
    """
    if partition_lines is not None and partition_lines < 1:
        raise ValueError("partition_lines must be at least 1")
    parts: List[Partition] = []
    for name in files:
        path = os.path.abspath(name)
        fmt = input_format(name)
        size = os.path.getsize(path)
        header = b""
        if fmt != "jsonl":
            with open(path, "rb") as handle:
                header = handle.readline()
                if not header.endswith(b"\n"):
                    header += b"\n"
        if partition_lines is None:
            parts.append(Partition(len(parts), name, path, 0, size, 1, b"", fmt))
            continue
        for start, first_line in _line_runs(path, partition_lines):
            parts.append(Partition(len(parts), name, path, start, -1, first_line, header if first_line > 1 else b"", fmt))
    # Each run ends where the next run of the same file starts, the last at the file's end.
    for i, part in enumerate(parts):
        if part.end == -1:
            following = parts[i + 1] if i + 1 < len(parts) and parts[i + 1].path == part.path else None
            end = following.start if following else os.path.getsize(part.path)
            parts[i] = Partition(part.index, part.name, part.path, part.start, end, part.first_line, part.header, part.format)
    return parts


def _line_runs(path: str, lines_per_run: int):
    """(byte offset, line number) of every `lines_per_run`-th line start; an empty file has one empty run."""
    size = os.path.getsize(path)
    offset = 0
    line = 1
    yield 0, 1
    with open(path, "rb") as handle:
        for text in handle:
            offset += len(text)
            line += 1
            if (line - 1) % lines_per_run == 0 and offset < size:
                yield offset, line


def read_partition(part: Partition) -> bytes:
    """The partition's bytes, with the CSV/TSV header first when the partition does not start the file."""
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        data = handle.read(part.end - part.start)
    return part.header + data


def partition_pieces(part: Partition, size: int = 1 << 20) -> Iterator[bytes]:
    """The partition's bytes in pieces of at most `size` (header first, as in read_partition), read as they go."""
    if part.header:
        yield part.header
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        left = part.end - part.start
        while left > 0:
            piece = handle.read(min(size, left))
            if not piece:
                break
            left -= len(piece)
            yield piece
        # The last line may lack its line break; the command reads it all the same.
