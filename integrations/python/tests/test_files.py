"""score_files and the command line on a real two-worker cluster, checked against one synthgap process per file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from conftest import BAD_LINE, BLANK_LINE, PACKAGE_ROOT, kill_a_busy_worker, read_jsonl
from synthgap_dask import read_parts, score_files


def keyed(rows) -> dict:
    """(file, line) -> row; fails on a row written twice."""
    rows = list(rows)
    counts = Counter((row["file"], row["line"]) for row in rows)
    twice = [key for key, count in counts.items() if count > 1]
    assert not twice, f"rows written more than once: {twice[:5]}"
    return {(row["file"], row["line"]): row for row in rows}


@pytest.fixture(scope="module")
def scored(client, command, model, data, tmp_path_factory):
    """One run over the three files in runs of 150 lines: (output folder, summary)."""
    out = tmp_path_factory.mktemp("scored") / "out"
    return out, score_files(model, data, str(out), client, partition_lines=150, synthgap=command)


def test_every_row_is_scored_once_with_the_single_process_score(scored, single):
    out, summary = scored
    rows = list(read_parts(str(out)))
    assert keyed(rows) == single
    assert summary.rows == len(single) == 360 + 1199 + 300
    assert len(summary.partitions) == 3 + 8 + 2
    # Part files are named in file and line order, so reading them in name order gives the rows in order.
    assert [(row["file"], row["line"]) for row in rows] == sorted(single)
    assert not [name for name in os.listdir(out) if ".tmp-" in name]


def test_a_broken_line_is_reported_with_its_file_and_line(scored, data):
    out, summary = scored
    errors = [row for row in read_parts(str(out)) if "error" in row]
    assert [(row["file"], row["line"]) for row in errors] == [(data[1], BAD_LINE)]
    assert errors[0]["error"].startswith("invalid JSON")
    assert summary.errors == 1
    lines = {row["line"] for row in read_parts(str(out)) if row["file"] == data[1]}
    assert BLANK_LINE not in lines and BLANK_LINE + 1 in lines and BLANK_LINE - 1 in lines


def test_a_worker_killed_mid_run_loses_and_repeats_no_row(client, command, model, data, single, tmp_path):
    out = tmp_path / "out"
    result = {}
    run = threading.Thread(target=lambda: result.update(summary=score_files(
        model, data, str(out), client, partition_lines=80, synthgap=command)))
    before = client.run(os.getpid)
    run.start()
    # Once parts are being written and a worker has a task in hand, kill that worker's process.
    def ready():
        parts = os.listdir(out) if out.exists() else []
        busy = [address for address, keys in client.processing().items() if keys]
        return busy if len([name for name in parts if name.endswith(".jsonl")]) >= 2 else []

    kill_a_busy_worker(client, run, before, ready)
    assert keyed(read_parts(str(out))) == single
    assert result["summary"].rows == len(single)
    assert set(client.run(os.getpid).values()) != set(before.values()), "the killed worker was not replaced"
    assert not [name for name in os.listdir(out) if ".tmp-" in name]


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "synthgap_dask", *args], capture_output=True, text=True,
                          env=environment, timeout=300)


def test_the_command_line_scores_whole_files_on_its_own_local_cluster(command, model, data, single, tmp_path):
    out = tmp_path / "out"
    done = run_cli("score", "--model", model, "--input", os.path.join(os.path.dirname(data[0]), "*.jsonl"),
                   "--output", str(out), "--workers", "2", env={"SYNTHGAP_CMD": " ".join(command)})
    assert done.returncode == 0, done.stderr
    assert f"scored {len(single):,} rows from 3 file(s) in 3 partition(s)" in done.stdout
    assert "1 error(s)" in done.stdout
    assert keyed(read_parts(str(out))) == single
    summary = json.loads((out / "_summary.json").read_text())
    assert [part["file"] for part in summary["partitions"]] == data


def test_the_command_line_runs_on_a_separately_started_scheduler(command, model, data, single, tmp_path):
    scheduler_file = tmp_path / "scheduler.json"
    environment = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", "0", "--no-dashboard", "--dashboard-address", ":0", "--scheduler-file", str(scheduler_file)],
                                 env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        # A worker started in another folder: the run must hand it absolute paths.
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2",
                                   "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"],
                                  env=environment, cwd=str(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = tmp_path / "out"
        done = run_cli("score", "--model", os.path.relpath(model), "--input", data[1], "--output", str(out),
                       "--scheduler", address, "--partition-lines", "300", "--synthgap", " ".join(command))
        assert done.returncode == 0, done.stderr
        assert "in 4 partition(s)" in done.stdout
        assert keyed(read_parts(str(out))) == {key: row for key, row in single.items() if key[0] == data[1]}
    finally:
        for process in (worker, scheduler):
            if process:
                process.terminate()
                process.wait(30)


def single_report(command, model, paths, folder) -> dict:
    """The JSON report of one `synthgap sketch` process per whole file, merged: what a cluster run must match."""
    sketches = []
    for k, path in enumerate(paths):
        sketches.append(str(folder / f"whole-{k}.sketch"))
        subprocess.run([*command, "sketch", "--model", model, str(path), "--out", sketches[-1]], check=True, capture_output=True)
    done = subprocess.run([*command, "merge", "--model", model, *sketches, "--format", "json"], check=True, capture_output=True)
    return json.loads(done.stdout)


def test_the_report_of_a_cluster_run_equals_the_single_process_report(client, command, model, data, single, tmp_path):
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    summary = score_files(model, data, str(out), client, partition_lines=150, synthgap=command, report=str(report))
    assert keyed(read_parts(str(out))) == single
    merged = json.loads(report.read_text())
    assert merged == single_report(command, model, data, tmp_path)
    assert merged["rows"] == summary.rows - summary.errors and merged["errors"] == 1
    assert merged["errorLines"] == [{"file": data[1], "line": BAD_LINE}]
    assert merged["flagged"] == summary.flagged
    assert len([name for name in os.listdir(out) if name.endswith(".sketch")]) == len(summary.partitions)


def test_the_command_line_writes_a_markdown_report(command, model, data, tmp_path):
    out = tmp_path / "out"
    report = tmp_path / "report.md"
    done = run_cli("score", "--model", model, "--input", data[0], "--output", str(out), "--workers", "1",
                   "--report", str(report), env={"SYNTHGAP_CMD": " ".join(command)})
    assert done.returncode == 0, done.stderr
    assert f"report in {report}" in done.stdout
    text = report.read_text()
    assert text.startswith("# Synthgap report (merged sketches)") and "## Gaps" in text


def test_a_failing_command_is_one_clear_error(model, data, tmp_path):
    done = run_cli("score", "--model", model, "--input", data[0], "--output", str(tmp_path / "out"), "--workers", "1",
                   "--synthgap", "synthgap-command-that-does-not-exist")
    assert done.returncode == 1
    assert "cannot run 'synthgap-command-that-does-not-exist'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_csv_split_into_runs_of_lines_keeps_its_header_and_line_numbers(client, command, model, tmp_path):
    import csv

    from conftest import FIXTURE

    path = tmp_path / "real.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        for row in read_jsonl((FIXTURE / "real.jsonl").read_text(encoding="utf-8")):
            writer.writerow([row["text"], row["label"]])
    whole = subprocess.run([*command, "score", "--model", model, str(path)], check=True, capture_output=True)
    expected = keyed(read_jsonl(whole.stdout.decode("utf-8")))
    assert len(expected) == 300 and min(line for _, line in expected) == 2
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    summary = score_files(model, str(path), str(out), client, partition_lines=70, synthgap=command, report=str(report))
    assert len(summary.partitions) == 5
    assert keyed(read_parts(str(out))) == expected
    # The sketches number lines as the file does too (the header is line 1), so the reports agree.
    assert json.loads(report.read_text()) == single_report(command, model, [path], tmp_path)
