"""Open / parse / save times for large articles (issue: foundation). Run by hand:

    python benchmarks/bench_storage.py [--runs 9]

Prints the median and worst of several runs for a 1 MB and a 20 MB Arabic article with front
matter. Target: a 1 MB article opens and saves in under 50 ms each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from editor.core.article.files import load_article, save_article
from editor.core.article.model import Article

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed-article.txt"
FRONT = "---\ntitle: 'لقاء أمني في الرباط'\nauthor: سلمى\ndate: 2024-05-12\ntags: [أمن, الرباط]\nstatus: draft\n---\n"


def make_text(size: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    parts = [FRONT]
    total = len(FRONT.encode())
    while total < size:
        parts.append(seed)
        total += len(seed.encode())
    return "".join(parts)


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    print(f"{'size':>6} {'step':<14} {'median ms':>10} {'worst ms':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for label, size in (("1 MB", 1 << 20), ("20 MB", 20 << 20)):
            path = Path(folder) / f"{label.replace(' ', '')}.md"
            text = make_text(size)
            path.write_text(text, encoding="utf-8")
            loaded = load_article(path)
            edited = loaded.article.with_field("status", "ready")
            steps = {
                "open (read+parse)": lambda path=path: load_article(path),
                "parse only": lambda text=text: Article.from_text(text),
                "edit one field": lambda loaded=loaded: loaded.article.with_field("status", "ready"),
                "save (atomic)": lambda loaded=loaded, edited=edited: save_article(loaded, edited),
            }
            for name, fn in steps.items():
                median, worst = timed(fn, args.runs)
                print(f"{label:>6} {name:<18} {median:>10.1f} {worst:>10.1f}")


if __name__ == "__main__":
    main()
