"""One long-lived `synthgap score` process fed batch after batch: what a Ray actor or a Spark partition keeps.

Needs no Dask: Spark's mapInPandas and Ray Data's map_batches recipes in the README use it as it is.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
import threading
from typing import Any, Dict, List, Optional, Sequence

from .runner import SYNTHGAP_ENV, ScoreError, synthgap_command


class ScoreProcess:
    """`synthgap score --model MODEL -` kept running; `score(records)` returns one result per record, in order.

    The command writes each record's result as soon as it has read the record's line, so a batch needs no end of
    input: write the batch's lines, read as many results. A record is a dict (sent as one JSON line) or a JSONL
    line; a blank line gets {"error": "blank line"} here, since the command gives blank lines no result. A result's
    "line" counts lines since the process started.
    """

    def __init__(self, model: str, synthgap: Optional[str | Sequence[str]] = None, file_name: str = "-"):
        argv = [*synthgap_command(synthgap), "score", "--model", model, "--file-name", file_name, "--format", "jsonl", "-"]
        # stderr goes to a file: a pipe nobody reads could fill and stop the command.
        self._stderr = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr)
        except FileNotFoundError as error:
            raise ScoreError(f"cannot run {argv[0]!r}: {error.strerror}; pass synthgap= or set {SYNTHGAP_ENV}") from error

    def score(self, records: Sequence[Any]) -> List[Dict]:
        lines = [record if isinstance(record, str) else json.dumps(record, ensure_ascii=False, default=str) for record in records]
        lines = [line.rstrip("\r\n") for line in lines]
        sent = [line for line in lines if line.strip()]
        payload = "".join(line + "\n" for line in sent).encode("utf-8")
        # Writing from another thread: a batch bigger than the pipes would otherwise block both sides.
        writer = threading.Thread(target=self._write, args=(payload,), daemon=True)
        writer.start()
        results = []
        for _ in sent:
            text = self._process.stdout.readline()
            if not text:
                raise ScoreError(f"synthgap score stopped: {self._error_text()}")
            results.append(json.loads(text))
        writer.join()
        answers = iter(results)
        return [next(answers) if line.strip() else {"error": "blank line"} for line in lines]

    def _write(self, payload: bytes) -> None:
        try:
            self._process.stdin.write(payload)
            self._process.stdin.flush()
        except BrokenPipeError:
            pass  # the reader sees the end of output and reports stderr

    def _error_text(self) -> str:
        self._process.poll()
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace").strip() or f"exit status {self._process.returncode}"

    def close(self) -> None:
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        self._process.wait()
        self._stderr.close()

    def __enter__(self) -> "ScoreProcess":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
