"""Moving a row's line number keeps every other byte that synthgap score wrote."""
from __future__ import annotations

import json

from synthgap_dask.runner import ERROR_KEY, FLAGGED, move_line


def test_the_line_moves_and_the_score_keeps_its_digits():
    text = b'{"file":"a.jsonl","line":7,"score":0.12345678901234567,"flagged":false,"reasons":[]}\n'
    assert move_line(text, 1000) == text.replace(b'"line":7,', b'"line":1007,')


def test_a_file_name_that_looks_like_a_key_is_left_alone():
    name = 'odd,"line":1,"flagged":true,"error":x.jsonl'
    text = json.dumps({"file": name, "line": 3, "score": 0.5, "flagged": False, "reasons": []}, separators=(",", ":")).encode()
    moved = move_line(text, 10)
    assert json.loads(moved) == {"file": name, "line": 13, "score": 0.5, "flagged": False, "reasons": []}
    assert FLAGGED not in text and ERROR_KEY not in text


def test_a_line_in_another_key_order_is_read_as_json():
    assert json.loads(move_line(b'{"line":2,"file":"a","error":"invalid JSON"}', 5)) == {"line": 7, "file": "a", "error": "invalid JSON"}
