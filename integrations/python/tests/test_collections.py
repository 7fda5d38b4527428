"""score_bag and score_dataframe give the single-process scores."""
from __future__ import annotations

import json

from conftest import BAD_LINE, FIXTURE, kill_a_busy_worker
from synthgap_dask import read_lines, score_bag, score_dataframe


def test_score_bag_keeps_each_rows_file_and_line(client, command, model, data, single):
    rows = score_bag(read_lines(data, partition_lines=250), model, synthgap=command).compute()
    assert {(row["file"], row["line"]): row for row in rows} == single
    assert len(rows) == len(single)


def test_score_bag_of_plain_lines_numbers_rows_within_each_partition(client, command, model, data, single):
    import dask.bag as db

    lines = open(data[2], encoding="utf-8").read().splitlines()
    rows = score_bag(db.from_sequence(lines, npartitions=3), model, synthgap=command, file_name=data[2]).compute()
    assert [row["partition"] for row in rows] == [0] * 100 + [1] * 100 + [2] * 100
    assert [row["score"] for row in rows] == [single[(data[2], line)]["score"] for line in range(1, 301)]


def test_score_dataframe_adds_the_scores_beside_the_rows(client, command, model, data, single):
    import dask.dataframe as dd
    import pandas as pd

    frame = pd.read_json(FIXTURE / "real.jsonl", lines=True)
    scored = score_dataframe(dd.from_pandas(frame, npartitions=3), model, synthgap=command).compute()
    assert list(scored.index) == list(frame.index)
    assert list(scored["score"]) == [single[(data[2], line)]["score"] for line in range(1, 301)]
    assert list(scored["flagged"]) == [single[(data[2], line)]["flagged"] for line in range(1, 301)]


def test_one_score_process_scores_batch_after_batch(command, model, data, single):
    from synthgap_dask import ScoreProcess

    records = [json.loads(line) for line in open(data[2], encoding="utf-8")]
    with ScoreProcess(model, synthgap=command) as process:
        first = process.score(records[:120])
        second = process.score([*records[120:], "", '{"text": broken'])
    assert [row["score"] for row in first + second[:180]] == [single[(data[2], line)]["score"] for line in range(1, 301)]
    assert second[180] == {"error": "blank line"}
    assert second[181]["error"].startswith("invalid JSON")


def test_the_report_of_a_bag_of_placed_lines_equals_the_single_process_report(client, command, model, data, single, tmp_path):
    from test_files import keyed, single_report

    report = tmp_path / "report.json"
    rows = score_bag(read_lines(data, partition_lines=150), model, synthgap=command, report=str(report))
    # The report is written before anything is computed: the bag was scored once, and computing it scores no more.
    merged = json.loads(report.read_text())
    assert merged == single_report(command, model, data, tmp_path)
    assert merged["errorLines"] == [{"file": data[1], "line": BAD_LINE}]
    assert keyed(rows.compute()) == single
    assert merged["rows"] + merged["errors"] == len(single)


def test_the_report_of_a_bag_of_plain_lines_numbers_them_across_the_bag(client, command, model, data, tmp_path):
    import dask.bag as db
    from test_files import single_report

    lines = open(data[1], encoding="utf-8").read().splitlines()
    report = tmp_path / "report.json"
    rows = score_bag(db.from_sequence(lines, npartitions=4), model, synthgap=command, file_name=data[1],
                     report=str(report)).compute()
    merged = json.loads(report.read_text())
    expected = single_report(command, model, [data[1]], tmp_path)
    # How many candidate phrases were tested depends on the split: each sketch keeps its own top 1,000 grams as
    # candidates (src/core/sketch/grams.ts), and here four parts of 300 lines keep one gram fewer (502) than the
    # whole file (503); a split of `synthgap sketch` by hand gives the same. Everything else is exact.
    assert abs(merged.pop("newPhrasesTested") - expected.pop("newPhrasesTested")) <= 1
    assert merged == expected
    assert merged["errorLines"] == [{"file": data[1], "line": BAD_LINE}]
    # The rows still count their lines within their partition.
    assert max(row["line"] for row in rows) == 300 and len(rows) == len(lines) - 1


def test_the_report_of_a_dataframe_equals_one_process_over_its_records(client, command, model, data, single, tmp_path):
    import subprocess

    import dask.dataframe as dd
    import pandas as pd

    frame = pd.read_json(FIXTURE / "synthetic.jsonl", lines=True)
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in frame.to_dict(orient="records")),
                       encoding="utf-8")
    whole = tmp_path / "whole.sketch"
    subprocess.run([*command, "score", "--model", model, "--file-name", "frame", "--sketch", str(whole), str(records)],
                   check=True, capture_output=True)
    expected = subprocess.run([*command, "merge", "--model", model, str(whole), "--format", "json"], check=True, capture_output=True)
    report = tmp_path / "report.json"
    scored = score_dataframe(dd.from_pandas(frame, npartitions=3), model, synthgap=command, file_name="frame",
                             report=str(report)).compute()
    merged = json.loads(report.read_text())
    assert merged == json.loads(expected.stdout)
    assert merged["rows"] == len(frame) == 360
    assert list(scored.index) == list(frame.index)
    assert list(scored["score"]) == [single[(data[0], line)]["score"] for line in range(1, 361)]


def test_a_worker_killed_while_a_bag_is_scored_for_a_report_loses_and_repeats_no_row(client, command, model, data, single, tmp_path):
    import os
    import threading

    from test_files import keyed

    report = tmp_path / "report.json"
    result = {}
    before = client.run(os.getpid)
    run = threading.Thread(target=lambda: result.update(bag=score_bag(
        read_lines(data, partition_lines=80), model, synthgap=command, report=str(report))))
    run.start()
    # Once some partitions are scored and a worker is scoring another, kill that worker's process.
    def ready():
        done = [key for keys in client.has_what().values() for key in keys if "_score_elements" in str(key)]
        busy = [address for address, keys in client.processing().items()
                if any("_score_elements" in str(key) for key in keys)]
        return busy if len(done) >= 2 else []

    kill_a_busy_worker(client, run, before, ready)
    merged = json.loads(report.read_text())
    assert merged["rows"] + merged["errors"] == len(single)
    assert merged["errorLines"] == [{"file": data[1], "line": BAD_LINE}]
    assert keyed(result["bag"].compute()) == single
    assert set(client.run(os.getpid).values()) != set(before.values()), "the killed worker was not replaced"


def test_a_filtered_bag_keeps_its_lines_and_its_report_is_that_of_the_files_with_those_lines_left_out(
        client, command, model, data, single, tmp_path):
    import subprocess

    kept = read_lines(data, partition_lines=200).filter(lambda element: element[1] % 3 != 0)
    expected = {key: row for key, row in single.items() if key[1] % 3 != 0}
    assert {(row["file"], row["line"]): row for row in score_bag(kept, model, synthgap=command).compute()} == expected
    report = tmp_path / "report.json"
    rows = score_bag(kept, model, synthgap=command, report=str(report)).compute()
    assert {(row["file"], row["line"]): row for row in rows} == expected
    # The same rows by hand: each file with every third line blanked, sketched under its own name.
    sketches = []
    for k, path in enumerate(data):
        lines = open(path, encoding="utf-8").read().split("\n")
        blanked = tmp_path / f"blanked-{k}.jsonl"
        blanked.write_text("\n".join("" if (n + 1) % 3 == 0 else line for n, line in enumerate(lines)), encoding="utf-8")
        sketches.append(str(tmp_path / f"blanked-{k}.sketch"))
        subprocess.run([*command, "sketch", "--model", model, "--file-name", path, str(blanked), "--out", sketches[-1]],
                       check=True, capture_output=True)
    merged = subprocess.run([*command, "merge", "--model", model, *sketches, "--format", "json"], check=True, capture_output=True)
    assert json.loads(report.read_text()) == json.loads(merged.stdout)


def test_the_command_line_writes_an_html_report(command, model, data, tmp_path):
    from test_files import run_cli

    report = tmp_path / "report.html"
    done = run_cli("score", "--model", model, "--input", data[2], "--output", str(tmp_path / "out"), "--workers", "1",
                   "--report", str(report), env={"SYNTHGAP_CMD": " ".join(command)})
    assert done.returncode == 0, done.stderr
    text = report.read_text()
    assert text.lstrip().lower().startswith("<!doctype html") and "<script" not in text
