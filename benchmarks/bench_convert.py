"""Import of a 10,000-word web text, and export of a 10,000-word article to PDF and Word.

Run by hand: `python benchmarks/bench_convert.py [--runs N] [--words N]`; prints median and worst
in milliseconds for each step. The web text is the seed article's paragraphs repeated between a
headline, a site name printed twice, a breadcrumb, a "last updated" line, share buttons, "read also"
lines and a comment form, so every import rule has work to do. The PDF step includes Qt's layout
and painting (the offscreen platform is used when there is no display).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.core.convert.docx_out import article_docx_bytes  # noqa: E402
from editor.core.convert.webtext import web_text_to_article  # noqa: E402
from editor.core.text.arabic import count_words  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"


def web_text(words: int) -> str:
    """Copied-from-a-site text of about `words` words of story."""
    seed = SEED.read_text(encoding="utf-8")
    story = [p for p in seed.split("\n\n")[4:] if p.strip() and "اترك" not in p and "لن يتم" not in p]
    head = [
        "الرئيسية » أخبار » المغرب",
        "العدالة اليوم",
        "آخر تحديث: 12 مارس/آذار 2024 - 10:30",
        "الرباط: تأكيد المغرب والإمارات على تعزيز تعاونهما الامني",
        "العدالة اليوم",
        "شارك فيسبوك تويتر واتساب طباعة",
    ]
    body: list[str] = []
    n = 0
    while count_words("\n".join(body)) < words:
        body.append(story[n % len(story)])
        n += 1
        if n % 7 == 0:
            body.append("اقرأ أيضا: خبر آخر عن التعاون الأمني")
    tail = ["#الرباط #المغرب", "اترك رد", "لن يتم نشر عنوان بريدك الإلكتروني.", "الاسم *", "إرسال التعليق"]
    return "\n\n".join(head + body + tail) + "\n"


def measure(label: str, func, runs: int) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<34} median {statistics.median(times):8.1f} ms   worst {max(times):8.1f} ms   ({runs} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--words", type=int, default=10_000)
    args = parser.parse_args()
    text = web_text(args.words)
    article, _ = web_text_to_article(text)
    print(
        f"web text: {count_words(text)} words, {len(text):,} characters; article body {count_words(article.body)} words"
    )
    try:
        print("load:", os.getloadavg())
    except OSError:
        pass
    measure("import (web text → article)", lambda: web_text_to_article(text), args.runs)
    measure("export to Word (.docx)", lambda: article_docx_bytes(article), args.runs)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - fonts and painting need it
    from editor.ui.export.pdf import pdf_bytes

    pdf_bytes(article)  # warm up: the font database loads once
    measure("export to PDF (Qt, A4)", lambda: pdf_bytes(article), args.runs)


if __name__ == "__main__":
    main()
