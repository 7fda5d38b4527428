"""Runs `synthgap score` on one partition's lines and writes the rows, with their original file and line, to a part file."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import tempfile
import threading
import uuid
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from .partitions import Partition, partition_pieces

# The environment variable that names the synthgap command (e.g. "node /repo/dist/cli.js").
SYNTHGAP_ENV = "SYNTHGAP_CMD"
# Input goes to the command, and output is read from it, in pieces of about this size: few system calls, little memory.
FEED_BYTES = 1 << 20


class ScoreError(RuntimeError):
    """`synthgap score` failed on a partition (a bad model, a missing command): no retry will fix it."""


def synthgap_command(synthgap: Optional[str | Sequence[str]] = None) -> List[str]:
    """The synthgap command as argv: the argument, else $SYNTHGAP_CMD, else `synthgap` on PATH."""
    if synthgap is None:
        synthgap = os.environ.get(SYNTHGAP_ENV) or "synthgap"
    return shlex.split(synthgap) if isinstance(synthgap, str) else list(synthgap)


def score_stream(pieces: Iterable[bytes], model: str, command: Sequence[str], file_name: str,
                 on_block: Callable[[bytes], None], fmt: str = "jsonl", first_line: int = 1, header_lines: int = 0,
                 sketch: Optional[str] = None) -> int:
    """Pipes the input (bytes in any pieces, whole lines in all) through one `synthgap score` process, handing its
    output to `on_block` in blocks of whole lines (each row's line number moved) as it comes; returns the rows.

    Constant memory: a thread feeds stdin while this one reads stdout. The command exits 0 only after reading
    all of stdin, so its rows are then complete (blank lines give none, as the command decides blankness).
    A row's "line" is moved from its line on stdin to its line in the original file: stdin line k is file line
    first_line + k - 1 - header_lines (a CSV header put before a partition takes one stdin line).

    With `sketch` (a path), the same process also writes the partition's sketch there for `synthgap merge`; the
    command then numbers the lines itself (--line-offset), so the sketch's file:line are the original file's too.
    """
    shift = first_line - 1 - header_lines
    argv = [*command, "score", "--model", model, "--file-name", file_name, "--format", fmt]
    if sketch is not None:
        argv += ["--sketch", sketch, "--line-offset", str(shift)]
        shift = 0
    argv.append("-")
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError as error:
        raise ScoreError(f"cannot run {argv[0]!r}: {error.strerror}; pass --synthgap or set {SYNTHGAP_ENV}") from error
    errors: List[bytes] = []

    def feed() -> None:
        try:
            for piece in pieces:
                process.stdin.write(piece)
        except BrokenPipeError:
            pass  # the command stopped early; its exit status and stderr say why
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    feeder = threading.Thread(target=feed, daemon=True)
    drainer = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    feeder.start()
    drainer.start()
    count = 0
    pending = b""
    try:
        # Blocks, not lines: the rows pass through untouched unless their numbers move, and are counted by bytes.
        while True:
            chunk = process.stdout.read1(FEED_BYTES)
            if not chunk:
                break
            pending += chunk
            cut = pending.rfind(b"\n") + 1
            if cut:
                block, pending = pending[:cut], pending[cut:]
                count += _hand_on(block, shift, on_block)
        if pending.strip():
            count += _hand_on(pending + b"\n", shift, on_block)
    except BaseException:
        # The rows cannot be written (a full disk, the task cancelled): stop the command rather than leave it running.
        process.kill()
        process.wait()
        raise
    status = process.wait()
    feeder.join()
    drainer.join()
    if status != 0:
        message = b"".join(errors).decode("utf-8", "replace").strip() or f"exit status {status}"
        raise ScoreError(f"synthgap score failed on {file_name} from line {first_line}: {message}")
    return count


def _hand_on(block: bytes, shift: int, on_block: Callable[[bytes], None]) -> int:
    """Moves the line numbers of a block of whole output lines, hands it on and returns its rows."""
    if shift:
        block = b"".join(move_line(line + b"\n", shift) for line in block.split(b"\n") if line.strip())
    on_block(block)
    return block.count(b"\n")


def score_lines(data: bytes, model: str, command: Sequence[str], file_name: str, fmt: str = "jsonl",
                first_line: int = 1, header_lines: int = 0, sketch: Optional[str] = None) -> List[Dict]:
    """The rows of `data` (whole lines) from one `synthgap score` process, in order (see score_stream)."""
    rows: List[Dict] = []

    def collect(block: bytes) -> None:
        rows.extend(json.loads(line) for line in block.split(b"\n") if line.strip())

    score_stream([data if not data or data.endswith(b"\n") else data + b"\n"], model, command, file_name, collect, fmt,
                 first_line, header_lines, sketch)
    return rows


def score_lines_sketched(data: bytes, model: str, command: Sequence[str], file_name: str,
                         first_line: int = 1) -> Tuple[List[Dict], bytes]:
    """score_lines, and the sketch of the same rows from the same process, as bytes for `synthgap merge`.

    The sketch goes through a file in the worker's own temporary folder and comes back in the task's result, so
    the driver needs no folder that every worker can write; a retried task writes a new file and returns it whole.
    """
    handle, path = tempfile.mkstemp(prefix="synthgap-", suffix=".sketch")
    os.close(handle)
    try:
        rows = score_lines(data, model, command, file_name, first_line=first_line, sketch=path)
        with open(path, "rb") as sketch:
            return rows, sketch.read()
    finally:
        os.remove(path)


# The key that follows "file" in every output line. Inside a JSON string a quote is escaped, so these bytes can only
# be the key itself; the same holds for the markers of a flagged row and of an error row.
LINE_KEY = b',"line":'
FLAGGED = b',"flagged":true,'
ERROR_KEY = b',"error":'


def move_line(text: bytes, shift: int) -> bytes:
    """The output line with its "line" moved by `shift`, every other byte (the score's digits) kept as written.

    >>> move_line(b'{"file":"a","line":3,"score":0.5}', 100)
    b'{"file":"a","line":103,"score":0.5}'
    """
    at = text.find(LINE_KEY)
    if at < 0:
        row = json.loads(text)
        row["line"] += shift
        return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    start = at + len(LINE_KEY)
    end = start
    while text[end:end + 1].isdigit():
        end += 1
    return b"%s%d%s" % (text[:start], int(text[start:end]) + shift, text[end:])


def part_file_name(index: int) -> str:
    """Part files sort in partition order (files in the order given, then by line) up to a million partitions."""
    return f"part-{index:06d}.jsonl"


def sketch_file_name(index: int) -> str:
    """A partition's sketch, beside its part file."""
    return f"part-{index:06d}.sketch"


def score_partition(part: Partition, model: str, command: Sequence[str], output_dir: str, sketch: bool = False) -> Dict:
    """Scores one partition on a worker and writes its part file (and with `sketch` its sketch); returns its counts.

    The rows go to a temporary name first and are renamed into place, so a task that dies half-way (a killed
    worker) leaves no half part, and its retry writes the same whole file again. The sketch is renamed into
    place before the part file, so a part file in place always has its sketch.
    """
    final = os.path.join(output_dir, part_file_name(part.index))
    temporary = f"{final}.tmp-{os.getpid()}-{uuid.uuid4().hex}"
    final_sketch = os.path.join(output_dir, sketch_file_name(part.index))
    temporary_sketch = f"{final_sketch}.tmp-{os.getpid()}-{uuid.uuid4().hex}" if sketch else None
    counts = {"rows": 0, "errors": 0, "flagged": 0}
    with open(temporary, "wb") as handle:
        def write(block: bytes) -> None:
            counts["errors"] += block.count(ERROR_KEY)
            counts["flagged"] += block.count(FLAGGED)
            handle.write(block)

        counts["rows"] = score_stream(partition_pieces(part), model, command, part.name, write, part.format,
                                      part.first_line, 1 if part.header else 0, temporary_sketch)
        handle.flush()
        os.fsync(handle.fileno())
    if temporary_sketch is not None:
        os.replace(temporary_sketch, final_sketch)
    os.replace(temporary, final)
    return {"index": part.index, "file": part.name, "first_line": part.first_line, "part": os.path.basename(final),
            **({"sketch": os.path.basename(final_sketch)} if sketch else {}), **counts}
