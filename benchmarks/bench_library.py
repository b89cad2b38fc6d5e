"""Benchmark the library on a generated Arabic library (default 10,000 articles of ~600 words).

Prints median and worst of several runs for: cold index (empty cache), warm start with no change
(open the index, rescan, load the article list and tags), one changed file, search latency
(several kinds of query, first page of 50 results with snippets), tag filter latency, and peak
memory (resident set of the indexing process and of its worker processes).

    python benchmarks/bench_library.py [--count 10000] [--words 600] [--dir /tmp/midad-bench] [--runs 3]

Targets (issue 5): cold < 5 s, warm < 0.3 s, search and filter < 50 ms, memory < 300 MB.
"""

from __future__ import annotations

import argparse
import json
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
from editor.core.library.facade import MATCH_ALL, MATCH_ANY, Library  # noqa: E402

QUERIES = {
    "common word (الأمن)": ("الأمن", False),
    "variant + clitic (امن)": ("امن", False),
    "two words": ("التعاون الوطني", False),
    "phrase": ('"الأمن الوطني"', False),
    "typing a prefix (تعاو)": ("تعاو", True),
    "rare word": ("الإرهابية", False),
    "no match": ("كلمةغيرموجودة", False),
}


def _stats(values: list[float]) -> str:
    return f"median {statistics.median(values):8.3f}   worst {max(values):8.3f}"


def _cold_once(library: str, cache: str) -> None:
    """Child process: one cold index; prints JSON (seconds, peak RSS of self and of workers)."""
    start = time.perf_counter()
    lib = Library(library, cache_dir=cache)
    report = lib.refresh()
    lib.articles()
    lib.tags()
    elapsed = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps({"seconds": elapsed, "files": len(report.added), "rss_mb": own, "worker_rss_mb": workers})
    )


def _timed(fn, runs: int) -> list[float]:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def _gui_filter(lib: Library, tags: list[str]) -> None:
    """Tag filter as the user sees it: the library panel re-filters its 10,000 rows (offscreen Qt)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.ui.library.controller import LibraryController
    from editor.ui.library.panel import LibraryPanel

    app = QApplication.instance() or QApplication([])
    panel = LibraryPanel(LibraryController(lib))
    panel.resize(800, 600)
    panel.show()
    app.processEvents()
    print("tag filter in the library panel, rows re-filtered and painted (ms)")
    for label, chosen, mode in (
        ("one tag", tags[:1], MATCH_ALL),
        ("three tags, any", tags[:3], MATCH_ANY),
        ("clear the filter", [], MATCH_ALL),
    ):

        def apply(c: list[str] = chosen, m: str = mode) -> None:
            panel.set_tag_filter(c, m)
            app.processEvents()

        times = [t * 1000 for t in _timed(apply, 10)]
        print(f"  {label:28s} {_stats(times)}   ({panel.proxy.rowCount()} rows)")
    start = time.perf_counter()
    panel.reload()
    app.processEvents()
    print(f"  reload the whole list after a change: {(time.perf_counter() - start) * 1000:.0f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "midad-bench"))
    parser.add_argument("--runs", type=int, default=3, help="cold index runs (other measures run more)")
    parser.add_argument("--cold-once", nargs=2, metavar=("LIBRARY", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold_once:
        _cold_once(*args.cold_once)
        return 0

    library = Path(args.dir) / f"lib-{args.count}-{args.words}"
    if not library.is_dir():
        print(f"generating {args.count} articles of ~{args.words} words in {library} …", flush=True)
        generate_library(library, args.count, args.words, seed=1)
    size_mb = sum(p.stat().st_size for p in library.rglob("*.md")) / 1e6
    print(f"library: {args.count} articles, {size_mb:.0f} MB, {os.cpu_count()} CPUs\n")

    cache_root = Path(args.dir) / "cache"
    cold, rss, worker_rss = [], [], []
    for run in range(args.runs):
        cache = cache_root / f"cold-{run}"
        shutil.rmtree(cache, ignore_errors=True)
        out = subprocess.run(
            [sys.executable, __file__, "--cold-once", str(library), str(cache)],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        cold.append(result["seconds"])
        rss.append(result["rss_mb"])
        worker_rss.append(result["worker_rss_mb"])
    print(f"cold index (s)            {_stats(cold)}   target < 5")
    cache = cache_root / f"cold-{args.runs - 1}"
    db_mb = sum(p.stat().st_size for p in cache.rglob("*.sqlite3*")) / 1e6
    print(f"  index size on disk: {db_mb:.0f} MB")

    def warm() -> None:
        lib = Library(library, cache_dir=cache)
        report = lib.refresh()
        assert not report.any_change
        lib.articles()
        lib.tags()
        lib.close()

    print(f"warm start, no change (s) {_stats(_timed(warm, 5))}   target < 0.3")

    lib = Library(library, cache_dir=cache)
    lib.refresh()
    victim = sorted(library.rglob("*.md"))[len(lib.articles()) // 2]
    original = victim.read_bytes()
    changes = []
    try:
        for i in range(5):
            victim.write_bytes(original + f"\nفقرة مضافة رقم {i}\n".encode())
            start = time.perf_counter()
            report = lib.refresh()
            changes.append(time.perf_counter() - start)
            assert report.changed == [lib.relative(victim)], report
    finally:
        victim.write_bytes(original)
        lib.refresh()
    print(f"one changed file (s)      {_stats(changes)}")

    print("search, first 50 hits with snippets (ms)                     target < 50")
    for label, (query, prefix) in QUERIES.items():
        lib.search(query, prefix_last=prefix)  # warm the page cache once
        times = [t * 1000 for t in _timed(lambda q=query, p=prefix: lib.search(q, prefix_last=p), 10)]
        hits = len(lib.search(query, prefix_last=prefix))
        print(f"  {label:28s} {_stats(times)}   ({hits} shown)")

    tags = [s.tag for s in lib.tags()]
    print("tag filter (ms)                                              target < 50")
    for label, chosen, mode in (
        ("one tag", tags[:1], MATCH_ALL),
        ("two tags, all", tags[:2], MATCH_ALL),
        ("three tags, any", tags[:3], MATCH_ANY),
    ):
        times = [t * 1000 for t in _timed(lambda c=chosen, m=mode: lib.filter_by_tags(c, m), 20)]
        print(f"  {label:28s} {_stats(times)}   ({len(lib.filter_by_tags(chosen, mode))} articles)")

    _gui_filter(lib, tags)

    print(f"peak memory, indexing process (MB)   {_stats(rss)}   target < 300")
    print(f"peak memory, one worker process (MB) {_stats(worker_rss)}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory, this process after warm/search/filter (MB): {own:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
