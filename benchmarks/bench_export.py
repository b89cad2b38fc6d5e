"""`midad export` of a 16 MB article in every format: whole process, median and worst of N runs.

Run by hand (not a test):  python benchmarks/bench_export.py [--runs 3] [--mb 16] [--formats html,pdf]
Formats: html, fragment, text, pdf, docx (each written with `-o`) and stdout (`--to html` to standard
output, redirected to a file). CPU seconds are the process and its children's (user + system).
Target (issue 13): every format under 10 s for a 16 MB article. The article is the seed article's
paragraphs repeated with headings, hashtags, bulleted and numbered lists, links, a table, a quote,
an English sentence and number runs, so every export path has work to do. Each run is a fresh
`python -m editor.cli export FILE --to FMT -o OUT` process (QT_QPA_PLATFORM=offscreen for pdf).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"
FORMATS = ("html", "fragment", "text", "pdf", "docx", "stdout")

EXTRAS = [
    "## محور {n}: التعاون الأمني بين #المغرب و#الإمارات",
    "- بند أول عن **التنسيق** الأمني رقم {n}\n- بند ثان عن [التقرير](https://example.com/report-{n})\n"
    "- English item {n} with *emphasis*",
    "1. الخطوة الأولى\n2. الخطوة الثانية مع `رمز`\n3. الخطوة الثالثة",
    "| البند | القيمة |\n|---|---|\n| القرار | 1373 |\n| الرقم | 03-73 |",
    "> قال مسؤول في Apple إن الاجتماع رقم 2024-05-{d:02d} كان مثمرا #عاجل",
    "The minister said the talks went well, according to the BBC report number {n}.",
]


def build_article(megabytes: float) -> str:
    """A Markdown article of about `megabytes` MB (UTF-8) with a front matter."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    target = int(megabytes * 1_000_000)
    parts = ["---\ntitle: مقال ضخم للاختبار\nlang: ar\ntags: [الرباط, أمن]\n---\n"]
    size = len(parts[0].encode("utf-8"))
    n = 0
    while size < target:
        for p in paragraphs:
            n += 1
            piece = p
            if n % 3 == 0:
                piece += "\n\n" + EXTRAS[n % len(EXTRAS)].format(n=n, d=n % 28 + 1)
            parts.append(piece)
            size += len(piece.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts) + "\n"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(article: Path, fmt: str, out_dir: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and output size of one export process."""
    out = out_dir / f"out.{fmt}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "editor.cli", "export", str(article), "--to", fmt, "-o", str(out)]
    if fmt == "stdout":
        command[-3:] = ["html"]
    cpu = _children_cpu()
    start = time.perf_counter()
    with open(out, "wb") as sink:
        proc = subprocess.run(
            command,
            env=env,
            stdout=sink if fmt == "stdout" else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
        )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{fmt}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return elapsed, _children_cpu() - cpu, out.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=float, default=16.0)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        article = folder / "huge.md"
        article.write_text(build_article(args.mb), encoding="utf-8")
        size = article.stat().st_size
        print(f"article: {size / 1e6:.1f} MB, {article.read_text(encoding='utf-8').count(chr(10))} lines")
        print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}   runs: {args.runs}")
        ok = True
        for fmt in args.formats.split(","):
            times, cpus = [], []
            out_size = 0
            for _ in range(args.runs):
                elapsed, cpu, out_size = run_once(article, fmt, folder)
                times.append(elapsed)
                cpus.append(cpu)
            median, worst = statistics.median(times), max(times)
            ok = ok and median < 10 and worst < 15
            load = os.getloadavg()[0]
            print(
                f"{fmt:>9}: median {median:6.2f} s, worst {worst:6.2f} s, CPU median {statistics.median(cpus):6.2f} s"
                f"  (output {out_size / 1e6:.1f} MB, load {load:.2f}){'' if median < 10 else '  OVER 10 s'}",
                flush=True,
            )
        print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("target met: every format under 10 s" if ok else "TARGET MISSED (every format < 10 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
