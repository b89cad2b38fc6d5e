"""A PDF laid out in parts and in parallel processes: every word in order, pages numbered across the
parts, every line inside its page (Qt's document layout cut a 16 MB article after page 2,774)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.export.test_pdf import pdf_text, words

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0, reason="poppler-utils"
)
ROOT = Path(__file__).resolve().parents[3]


def article_text(paragraphs: int = 60) -> str:
    blocks = ["---\ntitle: مقال طويل\nauthor: كاتب\n---\n"]
    for i in range(paragraphs):
        blocks.append(f"## محور {i}\n\nفقرة رقم {i} عن التعاون الأمني بين البلدين، ونص إضافي للفقرة {i}.")
        if i % 7 == 3:
            blocks.append(
                f"- بند {i}\n- بند ثان {i}\n\n| البند | القيمة |\n|---|---|\n| القرار | {1000 + i} |"
            )
        if i % 11 == 5:
            blocks.append(f"انظر [التقرير {i}](https://example.com/report-{i}) للمزيد.")
    return "\n\n".join(blocks) + "\n\nالفقرة الأخيرة للمقال.\n"


def footers(text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in re.findall(r"(?m)^\s*(\d+) ?/ ?(\d+)\s*$", text)]


def body_words(text: str) -> list[str]:
    """The words of the pages without their `n / N` lines."""
    return words(re.sub(r"(?m)^\s*\d+ ?/ ?\d+\s*$", "", text))


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_parts_print_every_word_in_order_with_page_numbers_across_them(qapp, tmp_path, monkeypatch) -> None:
    from editor.core.article.model import Article
    from editor.ui.export import pdf, print_parts

    article = Article.from_text(article_text())
    whole = tmp_path / "whole.pdf"
    whole.write_bytes(pdf.pdf_bytes(article))
    monkeypatch.setattr(print_parts, "PART_CHARS", 2_000)
    html = pdf.print_html(article)
    assert len(print_parts.split_print_html(html, 2_000)) >= 5
    monkeypatch.setattr(pdf, "split_print_html", lambda h: print_parts.split_print_html(h, 2_000))
    parted = tmp_path / "parts.pdf"
    parted.write_bytes(pdf.pdf_bytes(article))
    text, reference = pdf_text(parted), pdf_text(whole)
    assert body_words(text) == body_words(reference)  # the same words in the same order
    pages = page_count(parted)
    assert pages > page_count(whole)  # each part starts on a new page
    assert footers(text) == [(n, pages) for n in range(1, pages + 1)]
    assert "الفقرة الأخيرة للمقال" in pdf_text(parted, "-f", str(pages), "-l", str(pages))


def test_every_line_is_placed_inside_a_page(qapp) -> None:
    """The pages are laid out here (not by Qt's document layout, which could not place anything below
    8,388,607 device pixels): every line of every page lies between the page's top and its text's foot."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from editor.core.article.model import Article
    from editor.ui.export import pdf

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    article = Article.from_text(article_text(200) + "\n\n" + "كلمة طويلة جدا " * 3000)
    (flow,) = pdf.lay_out_pages([pdf.print_html(article)], True, None, writer)
    assert len(flow.pages) >= 20
    for page in flow.pages:
        for op in page.ops:
            if op[0] == "lines":
                _, layout, first, end, _x, y, _color = op
                tops = [y + layout.lineAt(i).y() for i in range(first, end)]
                bottoms = [
                    top + layout.lineAt(i).height() for top, i in zip(tops, range(first, end), strict=True)
                ]
            elif op[0] == "layout":
                layout, y = op[1], op[3]
                tops = [y + layout.lineAt(i).y() for i in range(layout.lineCount())]
                bottoms = [
                    top + layout.lineAt(i).height()
                    for top, i in zip(tops, range(layout.lineCount()), strict=True)
                ]
            else:
                continue
            assert min(tops) >= -0.01 and max(bottoms) <= flow.height + 0.01


SCRIPT = """
import sys
from pathlib import Path
from editor.core.article.model import Article
from editor.ui.export import pdf, print_parts
text = Path(sys.argv[1]).read_text(encoding="utf-8")
pdf.split_print_html = lambda h: print_parts.split_print_html(h, 3_000)
workers = int(sys.argv[3])
if workers > 1:
    import editor.core.convert.pdf_join as join
    original = join.join_pdfs
    def counted(files):
        print(len(files))
        return original(files)
    join.join_pdfs = counted
Path(sys.argv[2]).write_bytes(pdf.pdf_bytes(Article.from_text(text), workers=workers))
"""


def test_processes_make_the_same_pdf_as_one_process(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text(article_text(80), encoding="utf-8")
    outputs = {}
    for workers in (1, 3):
        target = tmp_path / f"w{workers}.pdf"
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(source), str(target), str(workers)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        )
        assert done.returncode == 0, done.stderr
        outputs[workers] = (target, done.stdout.split())
    (one, _), (three, joined) = outputs[1], outputs[3]
    assert joined == ["3"]  # made by three worker processes, joined once
    assert pdf_text(three) == pdf_text(one)  # every page the same, numbers included
    assert page_count(three) == page_count(one) >= 8
    info = subprocess.run(["pdfinfo", str(three)], capture_output=True, text=True).stdout
    assert "مقال طويل" in info and "كاتب" in info and "Midad" in info
    from pypdf import PdfReader

    def links(path: Path) -> list[str]:
        return [
            annotation.get_object()["/A"]["/URI"]
            for page in PdfReader(path, strict=True).pages
            for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/Subtype") == "/Link"
        ]

    assert links(three) == links(one)  # the links of every part kept, on their pages
    assert sorted(set(links(three))) == sorted(
        f"https://example.com/report-{i}" for i in range(80) if i % 11 == 5
    )


def test_no_worker_processes_where_qt_runs(qapp) -> None:
    from editor.ui.export.pdf import PdfJob
    from editor.ui.export.pdf_parallel import groups, parallel_pdf

    job = PdfJob(["<p>أ</p>", "<p>ب</p>"], True, None, "a4", "t", "")
    assert parallel_pdf(job, 2) is None  # forking a process that runs Qt is unsafe: one process
    assert groups(["a" * 10, "b" * 10, "c" * 10, "d" * 30], 2) == [["a" * 10, "b" * 10, "c" * 10], ["d" * 30]]
    assert groups(["a"], 4) == [["a"]]


def test_an_article_rendered_in_parts_is_printed_in_those_parts(monkeypatch) -> None:
    """A big article's render parts (`chunked`) are the PDF's parts: no second cut of the HTML; the
    header opens the first; together they hold the same blocks as the whole printed page."""
    from editor.core.article.model import Article
    from editor.core.convert.print_flow import page_blocks
    from editor.core.markdown import chunked
    from editor.ui.export import pdf

    monkeypatch.setattr(chunked, "MIN_PARALLEL_CHARS", 20_000)
    monkeypatch.setattr(chunked, "PART_CHARS", 5_000)
    article = Article.from_text(article_text(400))
    monkeypatch.setattr(pdf, "split_print_html", lambda _h: pytest.fail("the parts are cut again"))
    parts = pdf.printed_parts(article, workers=2)
    assert len(parts) >= 4
    assert all(p.startswith("<html>") and p.endswith("</body></html>") for p in parts)
    assert parts[0].count('class="article-meta"') == 1 and all("article-meta" not in p for p in parts[1:])

    def shown(blocks: list) -> list:
        return [(b.kind, b.text, b.marker, [[c.text for c in row] for row in b.rows]) for b in blocks]

    whole = pdf.print_html(article)
    assert [x for p in parts for x in shown(page_blocks(p, True))] == shown(page_blocks(whole, True))
