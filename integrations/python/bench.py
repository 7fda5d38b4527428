"""Bench: 1M rows in 8 partition files on a 2-worker local Dask cluster against one `synthgap score` process.

Prints seconds for each and their ratio, rows per second, the model file's size and the peak memory of each
worker (its Python process and its largest `synthgap score` child). Then the same Dask run with a report
(`--report`: every partition also sketched, the sketches merged on the driver) on a fresh cluster, so that its
workers' peak memory is the report run's alone: seconds with and without, and the merge's seconds and memory. Rows are the examples' rows, repeated and
perturbed with a fixed seed so that no two partitions are copies.

Usage (from the repository, after npm run build):
  /usr/bin/python3 integrations/python/bench.py [--rows 1000000] [--files 8] [--workers 2] [--out bench/out/dask]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

from synthgap_dask import score_files, synthgap_command  # noqa: E402
from synthgap_dask.cluster import open_client  # noqa: E402

# The seed of the perturbations: the same seed gives the same bench files.
SEED = 20261206
# Small edits a row gets when repeated, so that repeated rows are not byte-identical (case, punctuation, a filler).
FILLERS = ["", " please", " thanks", " asap", " again", " now", "?", "!", " pls", " :)"]


def perturb(text: str, rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.2:
        text = text.lower()
    elif choice < 0.3:
        text = text.capitalize()
    return text.rstrip(".?!") + rng.choice(FILLERS)


def make_files(folder: Path, rows: int, files: int) -> list:
    """`files` JSONL files of rows // files rows each, from the examples' synthetic and real rows."""
    sources = []
    for name in ("synthetic.jsonl", "real.jsonl"):
        sources += [json.loads(line) for line in (REPO / "examples" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    per_file = rows // files
    for index in range(files):
        path = folder / f"rows-{index:02d}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for _ in range(per_file):
                row = dict(rng.choice(sources))
                row["text"] = perturb(row["text"], rng)
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths


def single_process(command: list, model: str, paths: list) -> dict:
    """One `synthgap score` process over every file through stdin; its seconds, rows and peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen([*command, "score", "--model", model, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed() -> None:
        for path in paths:
            with open(path, "rb") as handle:
                shutil.copyfileobj(handle, process.stdin, 1 << 20)
        process.stdin.close()

    import threading
    feeder = threading.Thread(target=feed)
    feeder.start()
    rows = sum(1 for _ in process.stdout)
    _, status, usage = os.wait4(process.pid, 0)
    feeder.join()
    if status != 0:
        raise SystemExit(f"synthgap score failed with status {status}")
    return {"seconds": time.perf_counter() - started, "rows": rows, "peak_rss_mb": usage.ru_maxrss / 1024,
            "cpu_seconds": usage.ru_utime + usage.ru_stime}


def worker_memory() -> dict:
    """A worker's peak RSS and the largest peak RSS among the `synthgap score` processes it ran, in MB."""
    return {"worker_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "largest_child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def cpu_seconds() -> float:
    """CPU seconds a worker and the `synthgap score` processes it ran have used so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def dask_run(client, model: str, paths: list, out: Path, command: list, report: str | None = None) -> dict:
    """One scoring of every file on the cluster (with `report`, merged into it too); its seconds and the CPU seconds all workers spent."""
    before = sum(client.run(cpu_seconds).values())
    summary = score_files(model, paths, str(out / "parts"), client, synthgap=command, overwrite=True, report=report)
    return {"seconds": summary.seconds, "rows": summary.rows, "flagged": summary.flagged, "errors": summary.errors,
            "cpu_seconds": sum(client.run(cpu_seconds).values()) - before}


def merge_alone(command: list, model: str, parts: Path, report: Path) -> dict:
    """`synthgap merge` of a report run's sketches, again, timed alone: its seconds and peak RSS, and the sketches' sizes."""
    sketches = sorted(str(path) for path in parts.glob("part-*.sketch"))
    started = time.perf_counter()
    process = subprocess.Popen([*command, "merge", "--model", model, *sketches, "--format", "json", "--out", str(report)])
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"synthgap merge failed with status {status}")
    sizes = [os.path.getsize(path) for path in sketches]
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": usage.ru_maxrss / 1024,
            "sketch_kb_largest": max(sizes) / 1024, "sketch_kb_total": sum(sizes) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(REPO / "bench" / "out" / "dask"))
    parser.add_argument("--repeat", type=int, default=1, help="alternate the two runs this many times; the best of each counts")
    parser.add_argument("--synthgap", help="the synthgap command (default $SYNTHGAP_CMD, else node dist/cli.js)")
    args = parser.parse_args()
    command = synthgap_command(args.synthgap or os.environ.get("SYNTHGAP_CMD") or f"node {REPO / 'dist' / 'cli.js'}")
    out = Path(args.out)
    model = out / "model.json"
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run([*command, "fit", str(REPO / "examples" / "synthetic.jsonl"), "--reference", str(REPO / "examples" / "real.jsonl"),
                    "--out", str(model), "--seed", "42"], check=True, capture_output=True)
    fit_seconds = time.perf_counter() - started
    paths = make_files(out / "data", args.rows, args.files)
    rows = args.rows // args.files * args.files

    singles, runs = [], []
    cluster_started = time.perf_counter()
    with open_client(args.workers) as client:
        startup = time.perf_counter() - cluster_started
        # Alternating the runs spreads the load of anything else on the machine over both.
        for _ in range(args.repeat):
            load = os.getloadavg()[0]
            singles.append({**single_process(command, str(model), paths), "load_before": load})
            load = os.getloadavg()[0]
            runs.append({**dask_run(client, str(model), paths, out, command), "load_before": load})
        memory = client.run(worker_memory)
    # A fresh cluster for the report runs: a worker's peak RSS is a high-water mark over its whole life.
    reports = []
    with open_client(args.workers) as client:
        for _ in range(args.repeat):
            load = os.getloadavg()[0]
            reports.append({**dask_run(client, str(model), paths, out, command, str(out / "report.json")), "load_before": load})
        report_memory = client.run(worker_memory)
    merge = merge_alone(command, str(model), out / "parts", out / "report-again.json")
    single = min(singles, key=lambda run: run["seconds"])
    best = min(runs, key=lambda run: run["seconds"])
    best_report = min(reports, key=lambda run: run["seconds"])
    figures = {
        "rows": rows, "files": args.files, "workers": args.workers, "cores": os.cpu_count(),
        "model_bytes": model.stat().st_size, "fit_seconds": round(fit_seconds, 2),
        "single_seconds": round(single["seconds"], 2), "single_rows_per_second": round(rows / single["seconds"]),
        "single_cpu_seconds": round(single["cpu_seconds"], 1), "single_peak_rss_mb": round(single["peak_rss_mb"]),
        "cluster_start_seconds": round(startup, 2), "dask_seconds": round(best["seconds"], 2),
        "dask_rows_per_second": round(rows / best["seconds"]), "dask_cpu_seconds": round(best["cpu_seconds"], 1),
        "speedup": round(single["seconds"] / best["seconds"], 2),
        "runs": [{"single_seconds": round(a["seconds"], 2), "single_load": round(a["load_before"], 1),
                  "dask_seconds": round(b["seconds"], 2), "dask_load": round(b["load_before"], 1)} for a, b in zip(singles, runs)],
        "workers_memory_mb": {address: {key: round(value) for key, value in used.items()} for address, used in memory.items()},
        "flagged": best["flagged"], "errors": best["errors"],
        "report_dask_seconds": round(best_report["seconds"], 2), "report_dask_cpu_seconds": round(best_report["cpu_seconds"], 1),
        "report_overhead": round(best_report["seconds"] / best["seconds"] - 1, 3),
        "report_runs": [{"seconds": round(run["seconds"], 2), "load": round(run["load_before"], 1)} for run in reports],
        "report_workers_memory_mb": {address: {key: round(value) for key, value in used.items()} for address, used in report_memory.items()},
        "merge_seconds": round(merge["seconds"], 2), "merge_peak_rss_mb": round(merge["peak_rss_mb"]),
        "sketch_kb_largest": round(merge["sketch_kb_largest"]), "sketch_kb_total": round(merge["sketch_kb_total"]),
    }
    assert single["rows"] == best["rows"] == best_report["rows"] == rows, (single["rows"], best["rows"], best_report["rows"], rows)
    # Rows per CPU second of a worker and its synthgap processes: what one more busy core adds, whatever the load.
    per_core = rows / best["cpu_seconds"]
    figures["rows_per_worker_cpu_second"] = round(per_core)
    figures["minutes_for_100m_rows"] = {str(n): round(100_000_000 / (n * per_core) / 60, 1) for n in (2, 8, 32, 128)}
    print(f"synthgap score, one process: {rows:,} rows in {figures['single_seconds']} s "
          f"({figures['single_rows_per_second']:,} rows/s on one core), {figures['single_cpu_seconds']} CPU s, "
          f"peak RSS {figures['single_peak_rss_mb']} MB")
    print(f"Dask, {args.workers} workers, {args.files} partitions: {figures['dask_seconds']} s "
          f"({figures['dask_rows_per_second']:,} rows/s), {figures['speedup']}x one process, {figures['dask_cpu_seconds']} CPU s "
          f"in workers and their synthgap processes; cluster start {figures['cluster_start_seconds']} s")
    for run in figures["runs"]:
        print(f"  run: one process {run['single_seconds']} s (load {run['single_load']}), Dask {run['dask_seconds']} s (load {run['dask_load']})")
    for address, used in figures["workers_memory_mb"].items():
        print(f"  worker {address}: peak RSS {used['worker_mb']} MB, its largest synthgap score {used['largest_child_mb']} MB")
    print(f"Dask with --report: {figures['report_dask_seconds']} s against {figures['dask_seconds']} s without "
          f"({figures['report_overhead']:+.1%}), {figures['report_dask_cpu_seconds']} CPU s; the merge alone "
          f"{figures['merge_seconds']} s, peak RSS {figures['merge_peak_rss_mb']} MB, of {args.files} sketches "
          f"({figures['sketch_kb_largest']:,} KB the largest)")
    for run in figures["report_runs"]:
        print(f"  run with --report: {run['seconds']} s (load {run['load']})")
    for address, used in figures["report_workers_memory_mb"].items():
        print(f"  worker {address} with --report: peak RSS {used['worker_mb']} MB, its largest synthgap score {used['largest_child_mb']} MB")
    print(f"rows per CPU second of a worker: {figures['rows_per_worker_cpu_second']:,}; 100M rows would take about "
          + ", ".join(f"{minutes} min on {n} workers" for n, minutes in figures["minutes_for_100m_rows"].items())
          + " (one core each, input already split into at least that many partitions)")
    print(f"model file: {figures['model_bytes']:,} bytes; fit on the examples: {figures['fit_seconds']} s; cores: {figures['cores']}")
    (out / "figures.json").write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
