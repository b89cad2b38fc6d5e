"""Render times for 1k, 10k and 50k-word articles, side by side with raw Python-Markdown (extra + toc).

Run by hand: `python benchmarks/bench_render.py [--runs N]`. Target (issue 13): Midad's whole
pipeline (`render_body`: budget, extensions, hashtags, direction, number marks, table of contents,
nh3) at most 1.3x raw Python-Markdown with `extensions=['extra', 'toc']` on the same text, at every
size (earlier target, issue 3: 10k words in under 150 ms). Both sides reuse one Markdown instance
(`reset()` between runs), as the preview does. Articles are built from the seed article's
paragraphs plus headings, hashtags, lists, a table, links and numbers, so every stage has work to do.
"""

from __future__ import annotations

import argparse
import os
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


_REFERENCE = markdown.Markdown(extensions=["extra", "toc"])


def reference(text: str) -> str:
    """Raw Python-Markdown with `extra` and `toc` (one instance, reset between runs)."""
    _REFERENCE.reset()
    return _REFERENCE.convert(text)


def timed_pair(text: str, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds of Midad's `render_body` and of the reference, runs interleaved.

    Interleaving makes both see the same machine load, so their ratio is fair on a busy machine.
    """
    render_body(text)  # warm-up: caches, the per-thread Markdown instance
    reference(text)
    midad, plain = [], []
    for index in range(runs):
        if index % 2:  # alternate which side runs first
            plain.append(_once(reference, text))
            midad.append(_once(render_body, text))
        else:
            midad.append(_once(render_body, text))
            plain.append(_once(reference, text))
    return midad, plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}   runs: {args.runs} (50k: half)")
    print("reference = markdown.Markdown(extensions=['extra', 'toc']); ratio = median / median")
    print(
        f"{'words':>7} {'midad median':>13} {'worst':>9} {'ref median':>11} {'worst':>9} "
        f"{'ratio':>6} {'worst/ref median':>17}"
    )
    ok = True
    for size in (1_000, 10_000, 50_000):
        text = build_article(size)
        words = count_words(text)
        runs = args.runs if size < 50_000 else max(3, args.runs // 2)
        midad, plain = timed_pair(text, runs)
        ratio = statistics.median(midad) / statistics.median(plain)
        worst_ratio = max(midad) / statistics.median(plain)
        print(
            f"{words:>7} {statistics.median(midad):>10.1f} ms {max(midad):>6.1f} ms "
            f"{statistics.median(plain):>8.1f} ms {max(plain):>6.1f} ms {ratio:>5.2f}x {worst_ratio:>16.2f}x"
        )
        if ratio > 1.3 or worst_ratio > 1.3 * 1.5:
            ok = False
    print("target met (median <= 1.3x, worst within 1.5x of it)" if ok else "TARGET MISSED (<= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
