#!/usr/bin/env python3
"""Start-up time and idle memory of Second Opinion against a bare Tauri 2 "hello world".

    python3 tests/perf/startup_memory.py --runs 5 APP_BINARY HELLO_BINARY

Each launch gets a fresh, empty data folder (the app's first screen is the profile picker) and
SECOND_OPINION_TEST_READY_FILE: both programs write "now" (ms since 1970) there when their first
screen is interactive. Start-up = that moment minus the moment just before launching. After
IDLE_SECONDS more, memory is read from /proc for the program and every process it started (the
WebKit web and network processes): RSS and PSS (PSS shares shared pages fairly between
processes, so it is the better sum). The two programs take turns; the medians are printed, and a
JSON summary is written with --json.

Run it with a display (xvfb-run). Linux only (it reads /proc).
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

IDLE_SECONDS = 5.0
READY_TIMEOUT = 60.0


def descendants(pid):
    """pid and every process below it."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def memory_kib(pid):
    """(rss, pss) in KiB, summed over pid and its descendants, the process names, and the PSS
    of each process by name (where the memory is)."""
    rss = pss = 0
    names = []
    by_process = {}
    for p in descendants(pid):
        try:
            p_rss = p_pss = 0
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        p_rss = int(line.split()[1])
                    elif line.startswith("Pss:"):
                        p_pss = int(line.split()[1])
            with open(f"/proc/{p}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        rss += p_rss
        pss += p_pss
        names.append(name)
        by_process[name] = by_process.get(name, 0) + p_pss
    return rss, pss, names, by_process


def launch(binary):
    root = tempfile.mkdtemp(prefix="so-perf-")
    ready = os.path.join(root, "ready")
    env = dict(os.environ)
    env.update(
        SECOND_OPINION_TEST_READY_FILE=ready,
        SECOND_OPINION_DATA_DIR=os.path.join(root, "data"),
        SECOND_OPINION_TEST_SAVE_DIR=os.path.join(root, "saved"),
        XDG_DATA_HOME=os.path.join(root, "xdg-data"),
        XDG_CACHE_HOME=os.path.join(root, "xdg-cache"),
        XDG_CONFIG_HOME=os.path.join(root, "xdg-config"),
    )
    for d in ("data", "saved", "xdg-data", "xdg-cache", "xdg-config"):
        os.makedirs(os.path.join(root, d))
    started_ms = time.time() * 1000.0
    proc = subprocess.Popen(
        [binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if os.path.exists(ready):
                with open(ready) as f:
                    text = f.read().strip()
                if text:
                    break
            if proc.poll() is not None:
                raise RuntimeError(f"{binary} exited with {proc.returncode} before it was ready")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{binary} was not ready after {READY_TIMEOUT} s")
            time.sleep(0.005)
        lines = text.splitlines()
        startup_ms = int(lines[0]) - started_ms
        # Second Opinion adds one "name ms" line per moment of its start (the breakdown).
        marks = {}
        for line in lines[1:]:
            name, _, ms = line.partition(" ")
            marks.setdefault(name, float(ms) - started_ms)
        time.sleep(IDLE_SECONDS)
        rss, pss, names, by_process = memory_kib(proc.pid)
        return startup_ms, rss, pss, names, by_process, marks
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        shutil.rmtree(root, ignore_errors=True)


def median_marks(runs):
    """The median moment of each mark over the launches that have it."""
    names = sorted({name for marks in runs for name in marks})
    return {
        name: round(statistics.median([m[name] for m in runs if name in m]), 1) for name in names
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json")
    ap.add_argument("app")
    ap.add_argument("hello")
    args = ap.parse_args()

    programs = {"app": args.app, "hello": args.hello}
    results = {
        name: {"startup_ms": [], "rss_kib": [], "pss_kib": [], "pss_kib_by_process": [],
               "marks_ms": []}
        for name in programs
    }
    # One warm-up launch each (fills the page cache, as a person's second start would).
    for binary in programs.values():
        launch(binary)
    for i in range(args.runs):
        for name, binary in programs.items():
            startup, rss, pss, names, by_process, marks = launch(binary)
            results[name]["marks_ms"].append(marks)
            results[name]["startup_ms"].append(round(startup, 1))
            results[name]["rss_kib"].append(rss)
            results[name]["pss_kib"].append(pss)
            results[name]["pss_kib_by_process"].append(by_process)
            results[name]["processes"] = sorted(names)
            print(f"run {i + 1} {name:5}: start-up {startup:7.1f} ms, RSS {rss / 1024:6.1f} MiB,"
                  f" PSS {pss / 1024:6.1f} MiB ({len(names)} processes)", flush=True)

    summary = {}
    for name, r in results.items():
        # The launch has the median PSS: its split by process shows where the memory is.
        order = sorted(range(len(r["pss_kib"])), key=lambda i: r["pss_kib"][i])
        median_split = r["pss_kib_by_process"][order[len(order) // 2]]
        summary[name] = {
            "pss_mib_by_process": {k: round(v / 1024, 1) for k, v in sorted(median_split.items())},
            "startup_ms_median": statistics.median(r["startup_ms"]),
            "rss_mib_median": round(statistics.median(r["rss_kib"]) / 1024, 1),
            "pss_mib_median": round(statistics.median(r["pss_kib"]) / 1024, 1),
            "processes": r["processes"],
            "marks_ms_median": median_marks(r["marks_ms"]),
            "runs": r,
        }
    app, hello = summary["app"], summary["hello"]
    ratios = {
        "startup": app["startup_ms_median"] / hello["startup_ms_median"],
        "pss": app["pss_mib_median"] / hello["pss_mib_median"],
        "rss": app["rss_mib_median"] / hello["rss_mib_median"],
    }
    summary["ratios"] = ratios
    print()
    print(f"{'':14}{'Second Opinion':>16}{'bare Tauri':>12}{'ratio':>8}{'goal':>8}")
    print(f"{'start-up (ms)':14}{app['startup_ms_median']:>16.0f}{hello['startup_ms_median']:>12.0f}"
          f"{ratios['startup']:>8.2f}{'1.10':>8}")
    print(f"{'memory PSS MiB':14}{app['pss_mib_median']:>16.1f}{hello['pss_mib_median']:>12.1f}"
          f"{ratios['pss']:>8.2f}{'1.10':>8}")
    print(f"{'memory RSS MiB':14}{app['rss_mib_median']:>16.1f}{hello['rss_mib_median']:>12.1f}"
          f"{ratios['rss']:>8.2f}{'':>8}")
    for name in programs:
        split = ", ".join(f"{k} {v:.1f}" for k, v in summary[name]["pss_mib_by_process"].items())
        print(f"PSS MiB by process, {name} (its median launch): {split}")
    marks = app["marks_ms_median"]
    if marks:
        print("Where Second Opinion's start-up goes (median ms after launch, in order):")
        before = 0.0
        for name, at in sorted(marks.items(), key=lambda kv: kv[1]):
            print(f"  {at:7.1f} ms  {name:22} (+{at - before:.1f})")
            before = at
    print(f"(medians of {args.runs} launches each, after one warm-up; memory after "
          f"{IDLE_SECONDS:.0f} s idle, summed over {', '.join(app['processes'])})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
