"""A real cluster, the real synthgap command and a model fitted here from the repository's CLINC fixture."""
from __future__ import annotations

import json
import logging
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PACKAGE_ROOT = HERE.parent
REPO = PACKAGE_ROOT.parent.parent
FIXTURE = REPO / "test" / "fixtures" / "clinc-subset"
sys.path.insert(0, str(PACKAGE_ROOT))

# The line of the second data file that is replaced by broken JSON, and the one left blank.
BAD_LINE = 137
BLANK_LINE = 20


def synthgap_command() -> list:
    """$SYNTHGAP_CMD, else the repository's built CLI (npm run build makes it)."""
    if os.environ.get("SYNTHGAP_CMD"):
        return shlex.split(os.environ["SYNTHGAP_CMD"])
    cli = REPO / "dist" / "cli.js"
    if not cli.exists():
        pytest.fail(f"{cli} is missing: run `npm run build` first")
    return [shutil.which("node") or "node", str(cli)]


def read_jsonl(text: str) -> list:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def command() -> list:
    return synthgap_command()


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("synthgap-dask")


@pytest.fixture(scope="session")
def model(command, workdir) -> str:
    """A model fitted by the real `synthgap fit` on the fixture's synthetic rows against its real rows."""
    path = workdir / "model.json"
    subprocess.run([*command, "fit", str(FIXTURE / "synthetic.jsonl"), "--reference", str(FIXTURE / "real.jsonl"),
                    "--out", str(path), "--seed", "7"], check=True, capture_output=True)
    return str(path)


@pytest.fixture(scope="session")
def data(workdir) -> list:
    """Three JSONL files (absolute paths): the fixture's synthetic and real rows, and the examples' synthetic rows
    with one broken line and one blank line in the second file."""
    folder = workdir / "data"
    folder.mkdir()
    shutil.copy(FIXTURE / "synthetic.jsonl", folder / "a.jsonl")
    lines = (REPO / "examples" / "synthetic.jsonl").read_text(encoding="utf-8").splitlines()[:1200]
    lines[BAD_LINE - 1] = '{"text": "an unfinished row'
    lines[BLANK_LINE - 1] = ""
    (folder / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(FIXTURE / "real.jsonl", folder / "c.jsonl")
    return sorted(str(path) for path in folder.glob("*.jsonl"))


@pytest.fixture(scope="session")
def single(command, model, data) -> dict:
    """(file, line) -> row from one `synthgap score` process over each whole file."""
    rows = {}
    for path in data:
        done = subprocess.run([*command, "score", "--model", model, path], check=True, capture_output=True)
        for row in read_jsonl(done.stdout.decode("utf-8")):
            rows[(row["file"], row["line"])] = row
    return rows


@pytest.fixture(scope="session")
def client():
    """A LocalCluster of two single-threaded worker processes on loopback, as the command line starts it."""
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0",
                      scheduler_kwargs={"dashboard": False}) as cluster, Client(cluster) as client:
        yield client


def kill_a_busy_worker(client, run, before: dict, ready) -> None:
    """Once `ready(busy)` says the run is far enough along (given the workers with a task in hand), SIGKILLs one
    busy worker's process (`before`: each worker's pid, from `client.run(os.getpid)`) while `run` (a thread) still
    runs, then waits for the run to end; the cluster's retry must finish its work."""
    import signal
    import time

    deadline = time.monotonic() + 60
    victim = None
    while victim is None and time.monotonic() < deadline:
        busy = ready()
        if busy:
            victim = busy[0]
        else:
            time.sleep(0.05)
    assert victim is not None, "the run never had a busy worker to kill"
    assert run.is_alive(), "the run ended before a worker could be killed"
    os.kill(before[victim], signal.SIGKILL)
    run.join(180)
    assert not run.is_alive()
