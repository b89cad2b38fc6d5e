"""PDF through Qt: `midad export --to pdf` headless; the text layer holds the article's words (NFKC);
the rendered page shows right-aligned Arabic; A4 and Letter; page numbers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from editor.core.convert.webtext import web_text_to_article
from editor.core.markdown.page import export_text

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm")), reason="poppler-utils (CI installs it)"
)


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def pdf_text(path: Path, *args: str) -> str:
    """pdftotext's text, NFKC-normalised (presentation forms → letters), without bidi controls."""
    command = ["pdftotext", *args, str(path), "-"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out).translate(BIDI_CONTROLS)


def words(text: str) -> list[str]:
    """Words and number runs, tashkeel left out (pdftotext writes an isolated mark after its letter
    and may glue a number to the next word when it rebuilds RTL lines)."""
    bare = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.findall(r"[^\W\d_]+|\d+(?:-\d+)*", bare)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("pdf")
    article, _ = web_text_to_article(
        (Path(__file__).parents[2] / "fixtures" / "seed-article.txt").read_text("utf-8")
    )
    source = folder / "seed.md"
    source.write_text(article.text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = folder / "seed.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli", "export", str(source), "--to", "pdf", "-o", str(target)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""
    return target, export_text(article)


def test_pdf_text_holds_every_word_of_the_article(seed_pdf) -> None:
    path, text = seed_pdf
    assert path.read_bytes().startswith(b"%PDF-")
    extracted = pdf_text(path)
    found = set(words(extracted))
    missing = [w for w in words(text) if w not in found]
    assert missing == []
    for number in ("03-73", "1373", "2178"):
        assert number in extracted  # number runs kept in order


def test_pdf_has_page_numbers_and_metadata(seed_pdf) -> None:
    path, _ = seed_pdf
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 2 and "Midad" in info and "الرباط: تأكيد" in info
    assert re.search(r"Page size:\s+595 x 842", info)  # A4
    last = pdf_text(path, "-f", str(pages), "-l", str(pages))
    assert f"{pages}/{pages}" in last.replace(" ", "")


def gray_rows(path: Path, tmp_path: Path) -> tuple[int, int, list[bytes]]:
    subprocess.run(
        ["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    (image,) = tmp_path.glob("p*.pgm")
    data = image.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end() :]
    return width, height, [pixels[y * width : (y + 1) * width] for y in range(height)]


def test_page_image_shows_right_aligned_text(seed_pdf, tmp_path: Path) -> None:
    path, _ = seed_pdf
    width, height, rows = gray_rows(path, tmp_path)
    # text lines: runs of rows with ink (the page number's line at the foot is left out)
    lines: list[list[bytes]] = []
    previous = False
    for row in rows[: int(height * 0.9)]:
        inked = any(v < 128 for v in row)
        if inked:
            if not previous:
                lines.append([])
            lines[-1].append(row)
        previous = inked
    spans = [
        (min(min(i for i, v in enumerate(r) if v < 128) for r in line if any(v < 128 for v in r)),
         max(max(i for i, v in enumerate(r) if v < 128) for r in line if any(v < 128 for v in r)))
        for line in lines
        if len(line) >= 4  # a line of text, not the dots or descenders between lines
    ]  # fmt: skip
    lefts, rights = [s[0] for s in spans], [s[1] for s in spans]
    right_edge = max(rights)
    # lines end at the right margin (a pixel or two of slack for glyph shapes); starts vary
    assert len(spans) >= 10
    assert sum(1 for r in rights if right_edge - r <= 4) >= 0.9 * len(rights)
    assert max(lefts) - min(lefts) > width * 0.3
    assert right_edge < width * 0.95 and min(lefts) > width * 0.03  # inside the margins


def test_letter_paper(qapp, tmp_path: Path) -> None:  # qapp: the shared QApplication, not a bare one
    from editor.core.article.model import Article
    from editor.ui.export.pdf import pdf_bytes

    target = tmp_path / "letter.pdf"
    target.write_bytes(pdf_bytes(Article.from_text("---\ntitle: عنوان\n---\n\nنص قصير.\n"), paper="letter"))
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+612 x 792", info)
    assert "نص قصير" in pdf_text(target)


def test_pdf_goes_through_no_temporary_file(qapp, tmp_path: Path, monkeypatch) -> None:
    # the article's text stays in memory: nothing is written to the temporary folder (issue 14: no
    # write outside the article's folder and the output the user chose)
    import tempfile

    from editor.core.article.model import Article
    from editor.ui.export.pdf import pdf_bytes

    temp = tmp_path / "no-such-folder"  # any temporary file would fail to be created here
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    data = pdf_bytes(Article.from_text("---\ntitle: سر\n---\n\nنص لا يكتب في مجلد مؤقت.\n"))
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert not temp.exists()
    target = tmp_path / "out.pdf"
    target.write_bytes(data)
    assert "نص لا يكتب في مجلد مؤقت" in pdf_text(target)


def test_print_preview_gets_page_images(qtbot, monkeypatch) -> None:
    # Qt's preview records QPictures, whose replay breaks the bidi order of Arabic lines: the
    # preview is painted from page images, the printer itself gets vector text
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from editor.core.article.model import Article
    from editor.ui.export import pdf, pdf_draw

    article = Article.from_text("---\ntitle: عنوان\n---\n\nنص، وفقرة.\n")
    images: list = []
    real = pdf_draw.page_image
    monkeypatch.setattr(pdf_draw, "page_image", lambda *a: images.append(real(*a)) or images[-1])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    painted: list[int] = []
    preview.paintRequested.connect(lambda device: painted.append(pdf.print_pages(article, device)))
    preview.updatePreview()
    assert painted == [1] and len(images) == 1
    (image,) = images
    right_ink = [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(0, image.height(), 2))
    ]
    assert right_ink and max(right_ink) > image.width() * 0.9  # the Arabic lines sit at the right


def printed_words(qapp, article, tmp_path: Path) -> list[str]:  # noqa: ANN001
    """The words of `article`'s PDF (page numbers left out)."""
    from editor.ui.export.pdf import pdf_bytes

    target = tmp_path / "printed.pdf"
    target.write_bytes(pdf_bytes(article))
    return words(re.sub(r"(?m)^\s*\d+ ?/ ?\d+\s*$", "", pdf_text(target)))


def test_pdf_and_print_hold_an_article_longer_than_the_previews_cut(qapp, tmp_path: Path) -> None:
    """The live preview stops at MAX_QT_CHARS characters; the PDF and print are exports: all of it."""
    from editor.core.article.model import Article
    from editor.core.markdown.html_budget import MAX_QT_CHARS
    from editor.core.markdown.page import preview_html
    from editor.ui.export import pdf

    paragraph = "فقرة طويلة عن التعاون الأمني بين البلدين في مجالات عدة. " * 10
    count = MAX_QT_CHARS // len(paragraph) + 40
    body = "\n\n".join(f"{paragraph} رقم{i}" for i in range(count)) + "\n\nالفقرة الأخيرة للمقال.\n"
    article = Article.from_text(body)
    assert "الفقرة الأخيرة للمقال" not in preview_html(article)  # the pane's cut (with its notice)
    whole = pdf.print_html(article)
    assert "الفقرة الأخيرة للمقال" in whole and 'class="midad-notice"' not in whole
    printed = printed_words(qapp, article, tmp_path)
    assert printed[-3:] == ["الفقرة", "الأخيرة", "للمقال"] and printed[-5:-3] == ["رقم", str(count - 1)]


def test_a_very_long_paragraph_is_printed_whole_in_bounded_layouts(qapp, tmp_path: Path, monkeypatch) -> None:
    """One layout per paragraph would make a 5 MB one-line article one huge layout: a paragraph longer
    than MAX_LAYOUT_CHARS is laid out in pieces, every word printed in order, without a notice."""
    from editor.core.article.model import Article
    from editor.core.convert.print_flow import MAX_LAYOUT_CHARS
    from editor.ui.export import pdf_flow

    sizes: list[int] = []
    real = pdf_flow.Flow.text_layout
    monkeypatch.setattr(
        pdf_flow.Flow, "text_layout", lambda self, t, *a: sizes.append(len(t)) or real(self, t, *a)
    )
    words_in = [f"كلمة{i}" for i in range(6 * MAX_LAYOUT_CHARS // 8)]
    article = Article.from_text("بداية\n\n" + " ".join(words_in) + "\n\nنهاية\n")
    assert printed_words(qapp, article, tmp_path) == words(" ".join(["بداية", *words_in, "نهاية"]))
    assert max(sizes) <= MAX_LAYOUT_CHARS and len(sizes) >= 6


def test_a_huge_hashtag_is_printed_whole_in_the_header_and_body(qapp, tmp_path: Path) -> None:
    """The header lists the article's tags: a 100,000-letter `#tag` was one unbreakable word there and
    the line breaking of it hung the PDF; now it is cut anywhere, every letter printed."""
    from editor.core.article.model import Article
    from editor.ui.export.pdf import pdf_bytes

    article = Article.from_text("#" + "ب" * 100_000 + "\n")
    target = tmp_path / "tag.pdf"
    target.write_bytes(pdf_bytes(article))
    assert pdf_text(target).count("ب") == 200_000  # in the header's tags and in the body


def test_many_headings_print_quickly(qapp, tmp_path: Path) -> None:
    """Qt's setHtml registered anchors in quadratic time (50,000 headings never finished): the PDF is
    laid out without Qt's HTML import; every heading is printed."""
    import time

    from editor.core.article.model import Article

    article = Article.from_text("".join(f"# عنوان {i}\n\nنص {i}\n\n" for i in range(4000)))
    start = time.process_time()
    printed = printed_words(qapp, article, tmp_path)
    assert time.process_time() - start < 20
    assert printed[:2] == ["عنوان", "0"] and printed[-4:] == ["عنوان", "3999", "نص", "3999"]


def test_a_table_cell_longer_than_a_layout_is_printed_whole(qapp, tmp_path: Path) -> None:
    """A cell over MAX_LAYOUT_CHARS (or a row taller than a page) is printed as paragraphs, every word."""
    from editor.core.article.model import Article
    from editor.core.convert.print_flow import MAX_LAYOUT_CHARS

    long_cell = " ".join(f"خلية{i}" for i in range(MAX_LAYOUT_CHARS // 5))
    article = Article.from_text(f"| أ | ب |\n|---|---|\n| {long_cell} | قصيرة |\n| ج | د |\n")
    printed = printed_words(qapp, article, tmp_path)
    assert printed == words(f"أ ب {long_cell} قصيرة ج د")
