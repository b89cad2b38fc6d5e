"""How long a typing thread waits for a core while background work runs, per worker priority.

    python benchmarks/bench_worker_priority.py [--rounds 4] [--seconds 8] [--modes nice5,nice10,idle,none]

A probe thread stands for the GUI thread: every 60 ms (a typist's pace) it wakes and does 3 ms of
CPU work (a keystroke's handling and paint), and records due → done. Meanwhile two CPU-bound
worker processes (one per core of a 2-core machine; from the same session, as Midad's workers are)
run at the priority of each mode: `nice5`/`nice10` (Midad's workers before: preview and copy desk
at +5, the library's at +10), `idle` (`editor.core.system.priority.run_in_background`: SCHED_IDLE),
`none` (the window's own priority), `alone` (no worker: the machine's own floor). The modes alternate round by round so that the machine's other
load hits them alike. Prints, per mode, the median and worst of the rounds' p50 and p99 (ms; the
3 ms of work included).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _spin(mode: str) -> None:
    if mode == "idle":
        from editor.core.system.priority import run_in_background

        run_in_background()
    elif mode.startswith("nice"):
        os.nice(int(mode[4:]))
    while True:
        pass


def _probe(seconds: float, work: float = 0.003, period: float = 0.06) -> list[float]:
    waits = []
    due = time.perf_counter() + period
    stop = due + seconds
    while due < stop:
        time.sleep(max(0.0, due - time.perf_counter()))
        start = time.thread_time()
        while time.thread_time() - start < work:
            pass
        waits.append((time.perf_counter() - due) * 1000)
        due += period
    return sorted(waits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", default="alone,nice5,nice10,idle,none")
    args = parser.parse_args()
    modes = args.modes.split(",")
    figures: dict[str, list[tuple[float, float]]] = {mode: [] for mode in modes}
    context = multiprocessing.get_context("spawn")
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    for round_ in range(args.rounds):
        for mode in modes:
            count = 0 if mode == "alone" else args.workers
            workers = [context.Process(target=_spin, args=(mode,), daemon=True) for _ in range(count)]
            for worker in workers:
                worker.start()
            time.sleep(0.5)  # (started and spinning)
            waits = _probe(args.seconds)
            for worker in workers:
                worker.kill()
                worker.join()
            p50, p99 = waits[len(waits) // 2], waits[min(len(waits) - 1, round(0.99 * (len(waits) - 1)))]
            figures[mode].append((p50, p99))
            print(
                f"round {round_ + 1} {mode:7s} p50 {p50:6.2f}  p99 {p99:7.2f}  worst {waits[-1]:7.2f} ms   "
                f"load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
    print("=== due → 3 ms of work done, per mode (median / worst of the rounds)")
    for mode in modes:
        p50s = [p for p, _ in figures[mode]]
        p99s = [p for _, p in figures[mode]]
        print(
            f"{mode:7s} p50 {statistics.median(p50s):6.2f} / {max(p50s):6.2f}   "
            f"p99 {statistics.median(p99s):7.2f} / {max(p99s):7.2f} ms"
        )
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
