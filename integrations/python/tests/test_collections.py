"""score_bag and score_dataframe give the single-process scores."""
from __future__ import annotations

import json

from conftest import FIXTURE
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
