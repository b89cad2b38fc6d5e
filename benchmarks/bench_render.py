"""Render times for 1k, 10k and 50k-word articles, and the ratio to plain `markdown.markdown()`.

Run by hand: `python benchmarks/bench_render.py [--runs N]`. Targets (issue 3): 10k words in under
150 ms; Midad's pipeline (render_body: extensions, hashtags, direction, number marks, nh3) at most
2x plain Python-Markdown on the same text. Articles are built from the seed article's paragraphs
plus headings, hashtags, lists, a table, links and numbers, so every stage has work to do.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.markdown.render import render_body  # noqa: E402
from editor.core.text.arabic import count_words  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"
EXTRA = [
    "## محور {n}: التعاون الأمني بين #المغرب و#الإمارات",
    "- بند أول عن **التنسيق** الأمني رقم {n}\n- بند ثان عن [التقرير](https://example.com/report-{n})\n- English item {n}",
    "| البند | القيمة |\n|---|---|\n| القرار | 1373 |\n| الرقم | 03-73 |",
    "> قال مسؤول في Apple إن الاجتماع رقم 2024-05-{n:02d} كان مثمرا #عاجل",
    "The minister said the talks went well, according to the BBC report number {n}.",
]


def build_article(words: int) -> str:
    """A Markdown body of about `words` words."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    parts: list[str] = []
    n = 0
    while count_words("\n\n".join(parts)) < words:
        for p in paragraphs:
            parts.append(p)
            n += 1
            if n % 4 == 0:
                parts.append(EXTRA[n % len(EXTRA)].format(n=n % 28 + 1))
            if n % 20 == 0 and count_words("\n\n".join(parts)) >= words:
                break
    return "\n\n".join(parts) + "\n"


def _once(func, text: str) -> float:
    start = time.perf_counter()
    func(text)
    return (time.perf_counter() - start) * 1000


def timed_pair(text: str, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds of Midad's `render_body` and of plain `markdown.markdown`, runs interleaved.

    Interleaving makes both see the same machine load, so their ratio is fair on a busy machine.
    """
    render_body(text)  # warm-up: caches, the per-thread Markdown instance
    markdown.markdown(text)
    midad, plain = [], []
    for _ in range(runs):
        midad.append(_once(render_body, text))
        plain.append(_once(markdown.markdown, text))
    return midad, plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    print("ratio = median(midad) / median(plain); 'best' = fastest run of each (least disturbed by load)")
    print(
        f"{'words':>7} {'midad median':>13} {'worst':>8} {'plain median':>13} {'worst':>8} {'ratio':>6} {'best':>6}"
    )
    ok = True
    for size in (1_000, 10_000, 50_000):
        text = build_article(size)
        words = count_words(text)
        runs = args.runs if size < 50_000 else max(3, args.runs // 2)
        midad, plain = timed_pair(text, runs)
        ratio = statistics.median(midad) / statistics.median(plain)
        best = min(midad) / min(plain)
        print(
            f"{words:>7} {statistics.median(midad):>10.1f} ms {max(midad):>5.1f} ms "
            f"{statistics.median(plain):>10.1f} ms {max(plain):>5.1f} ms {ratio:>5.2f}x {best:>5.2f}x"
        )
        if size == 10_000 and statistics.median(midad) >= 150:
            ok = False
        if ratio > 2.0:
            ok = False
    print("targets met" if ok else "TARGETS MISSED (10k < 150 ms, ratio <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
