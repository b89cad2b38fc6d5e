"""Library at scale, whole `midad` processes: cold index, warm `index --json`, search, index size.

For each library size (default 10,000 and 100,000 generated articles of ~600 words, made once by
`generate_library.py` and kept in --dir), prints median and worst of several runs beside the issue's
targets, the CPU seconds of the process (steadier than wall time on a shared machine) and the
machine load before and after:

    python benchmarks/bench_library_scale.py [--sizes 10000 100000] [--runs 5] [--cold-runs 3]

- cold: `midad index DIR --json` with an empty cache folder (scan, read, parse, index, list);
- warm: `midad index DIR --json` again, nothing changed (stat every file, list every article);
- search: `midad search DIR QUERY` for a common word, a rare word and a phrase (first 50 hits
  with snippets);
- size: the index files on disk against the articles' bytes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402

TARGETS = {  # seconds (size: ratio); None: the issue names no target at that size
    10_000: {"cold": 2.0, "warm": 0.25, "search": 0.2, "size": 0.6},
    100_000: {"cold": 25.0, "warm": 1.5, "search": None, "size": 0.6},
}
QUERIES = {"common word": "الأمن", "rare word": "الإرهابية", "phrase": '"الأمن الوطني"'}


def _midad() -> list[str]:
    """`midad` of this checkout (run from its folder), whatever is installed in the environment."""
    return [sys.executable, "-m", "editor.cli"]


def _run(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one whole `midad` process; output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [*_midad(), *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _line(label: str, runs: list[tuple[float, float]], target: float | None) -> str:
    walls = [w for w, _c in runs]
    cpus = [c for _w, c in runs]
    wanted = f"target ≤ {target:g} s" if target is not None else "no target"
    median = statistics.median(walls)
    verdict = "" if target is None else ("  met" if median <= target else "  MISSED")
    if target is not None and max(walls) > 1.5 * target:
        verdict += " (worst > 1.5× target)"
    return (
        f"  {label:24s} median {median:7.3f} s   worst {max(walls):7.3f} s   "
        f"cpu median {statistics.median(cpus):6.3f} s   {wanted}{verdict}"
    )


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def bench_size(count: int, base: Path, runs: int, cold_runs: int) -> None:
    library = base / f"lib-{count}"
    if not library.is_dir():
        print(f"generating {count} articles in {library} …", flush=True)
        generate_library(library, count, 600, seed=1)
    text_bytes = sum(p.stat().st_size for p in library.rglob("*.md"))
    targets = TARGETS.get(count, {"cold": None, "warm": None, "search": None, "size": 0.6})
    print(f"\n{count} articles, {text_bytes / 1e6:.1f} MB of text, load {_load()}", flush=True)

    cold, cache = [], base / f"cache-{count}"
    for _ in range(cold_runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(_run(["index", str(library), "--json", "--cache-dir", str(cache)]))
    print(_line("cold index --json", cold, targets["cold"]), flush=True)

    index_bytes = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    ratio = index_bytes / text_bytes
    size_target = targets["size"]
    print(
        f"  {'index size on disk':24s} {index_bytes / 1e6:.1f} MB = {ratio:.2f}× the text   "
        f"target ≤ {size_target}×{'  met' if ratio <= size_target else '  MISSED'}"
    )

    warm = [_run(["index", str(library), "--json", "--cache-dir", str(cache)]) for _ in range(runs)]
    print(_line("warm index --json", warm, targets["warm"]), flush=True)
    for label, query in QUERIES.items():
        times = [_run(["search", str(library), query, "--cache-dir", str(cache)]) for _ in range(runs)]
        print(_line(f"search, {label}", times, targets["search"]), flush=True)
    print(f"  load after: {_load()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5, help="runs of each warm measure")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold index runs")
    parser.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "midad-scale"))
    args = parser.parse_args(argv)
    base = Path(args.dir)
    base.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} CPUs, load {_load()}, {' '.join(_midad())}")
    for count in args.sizes:
        bench_size(count, base, args.runs, args.cold_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
