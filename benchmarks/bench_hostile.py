"""The hostile corpus, whole matrix: every case × (show, every export format, standard output), the
index of the library holding them, and the window (open, preview, a key, preview again).

    python benchmarks/bench_hostile.py [--cases a,b,...] [--only cli|window] [--no-strace] [--hang 40]

Runs the same driver as `tests/hostile/test_hostile_corpus.py` (one process for the CLI, one for the
window; a fresh one after a hang), under `strace -f -e trace=openat,connect` unless --no-strace, and
prints per case: the seconds of each step (`HANG` when killed after --hang seconds without a report,
`exit N` for a refusal with a one-line message), the window's longest GUI-thread block and its open
time, the opens outside the allow-list; then per step the median and worst, the cases over 10 s or
over 200 ms of blocking, and the load (`os.getloadavg`). The issue's limits: 10 s per step, 200 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # first: a `tests` package elsewhere on the path must not win

from tests.hostile import harness  # noqa: E402
from tests.hostile.corpus import ALL_CASES  # noqa: E402

LIMIT_S = 10.0
BLOCK_MS = 200


def _cell(report: dict) -> str:
    if report["seconds"] is None:
        return report["status"].upper()
    text = f"{report['seconds']:.2f}"
    if report["status"] not in (0, "ok"):
        text += f" ({report['status'] if report['status'] != 1 else 'exit 1'})"
    if "Traceback" in (report.get("stderr") or ""):
        text += " TRACEBACK"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", help="comma-separated case names (default: the whole corpus)")
    parser.add_argument("--only", choices=("cli", "window"))
    parser.add_argument("--no-strace", action="store_true", help="time without strace")
    parser.add_argument("--hang", type=float, default=40.0, help="seconds without a report before a kill")
    args = parser.parse_args()
    cases = args.cases.split(",") if args.cases else list(ALL_CASES)
    if args.no_strace:
        harness.STRACE = None
    root = Path(tempfile.mkdtemp(prefix="midad-hostile-"))
    harness.build_tree(root, cases)
    print(f"corpus: {len(cases)} cases in {root}; load before: {os.getloadavg()}")
    runs = {}
    for mode in ("cli", "window"):
        if args.only and args.only != mode:
            continue
        start = time.perf_counter()
        runs[mode] = harness.run_traced(root, mode, cases, "all", hang_s=args.hang)
        print(f"{mode}: {time.perf_counter() - start:.1f} s wall, load {os.getloadavg()}")
    problems: dict[str, list[str]] = {}
    for run in runs.values():
        for case, found in harness.access_problems(run, root).items():
            problems.setdefault(case, []).extend(found)
    steps: dict[str, list[float]] = {}
    over: list[str] = []
    for case in cases + ["*"]:
        cells = []
        for run in runs.values():
            for report in run.by_case(case):
                cells.append(f"{report['step']}={_cell(report)}")
                if report["seconds"] is not None:
                    steps.setdefault(report["step"], []).append(report["seconds"])
                limited = report.get("typed_s", report["seconds"])  # window: opened, previewed, a key typed
                if limited is None or limited > LIMIT_S:
                    over.append(f"{case} {report['step']} {_cell(report)}")
                if report.get("blocked_ms") is not None:
                    cells.append(
                        f"typed={report['typed_s']}s blocked={report['blocked_ms']}ms open={report['open_ms']}ms"
                    )
                    cells.append(f"after-open={report['after_open_ms']}ms stalls={report['stalls']}")
                    if report["blocked_ms"] > BLOCK_MS:
                        over.append(f"{case} window blocked {report['blocked_ms']} ms")
        outside = sorted(set(problems.get(case, [])))
        print(f"{case}: " + "  ".join(cells) + (f"  OUTSIDE: {outside[:5]}" if outside else ""))
    print("\nstep: median / worst (s) over the cases")
    for step, values in steps.items():
        print(f"  {step:16} {statistics.median(values):7.2f} / {max(values):7.2f}  ({len(values)} cases)")
    print(f"\nover the limits ({LIMIT_S:.0f} s, {BLOCK_MS} ms): {len(over)}")
    for line in over:
        print("  " + line)
    print(f"opens outside the allow-list: {sum(len(v) for v in problems.values())}")
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
