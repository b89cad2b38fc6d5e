"""Long lists and containers shown in parts look exactly like the whole; huge tables, nested lists and
anchors are bounded in the real preview pane (`core/markdown/qt_structure`, issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

import editor.core.markdown.page as page_module
import editor.core.markdown.qt_structure as qt_structure
from editor.core.article.model import Article
from editor.core.markdown.page import preview_html
from editor.ui.preview.pane import PreviewPane

SAMPLES = {
    "toc": "[TOC]\n\n" + "".join(f"## عنوان {i}\n\nنص\n\n" for i in range(12)),
    "footnotes": "".join(f"نص[^{i}] " for i in range(12))
    + "\n\n"
    + "\n".join(f"[^{i}]: حاشية {i}" for i in range(12))
    + "\n",
    "bullets": "".join(f"- بند {i}\n" for i in range(12)),
    "numbers from 3": "3. a\n" + "".join(f"1. بند {i}\n" for i in range(12)),
    "loose items": "".join(f"- بند {i}\n\n    فقرة ثانية\n\n" for i in range(12)),
    "quote": "".join(f"> فقرة {i} " + "كلمة " * 20 + "\n>\n" for i in range(12)),
    "list in a quote": "".join(f"> - بند {i} " + "كلمة " * 10 + "\n" for i in range(12)),
    "raw div": "<div class='x'>\n" + "".join(f"<p>فقرة {i}</p>\n" for i in range(30)) + "</div>\n",
}


@pytest.fixture
def small_limits(monkeypatch):
    """Limits small enough for a dozen items to be cut in parts."""
    monkeypatch.setattr(qt_structure, "MAX_QT_LIST_ITEMS", 3)
    monkeypatch.setattr(qt_structure, "MAX_QT_PART_CHARS", 300)
    monkeypatch.setattr(qt_structure, "MAX_QT_NESTED_LIST_ITEMS", 5)


def _image(document: QTextDocument) -> QImage:
    document.setTextWidth(600)
    image = QImage(600, int(document.size().height()) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return image


def _shown(qtbot, html: str) -> PreviewPane:  # noqa: ANN001
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(640, 500)
    pane.show()
    pane.show_html(html)
    qtbot.waitUntil(lambda: not pane.updating, timeout=20_000)
    return pane


@pytest.mark.parametrize("name", list(SAMPLES))
def test_parts_look_exactly_like_the_whole(qtbot, small_limits, monkeypatch, name: str) -> None:
    article = Article.from_text(SAMPLES[name])
    in_parts = preview_html(article)
    assert "margin-top:0px" in in_parts  # cut in parts at these limits
    pane = _shown(qtbot, in_parts)
    monkeypatch.setattr(page_module, "limit_structure", lambda html, **_: qt_structure.Structured(html))
    whole_page = preview_html(article)
    assert "margin-top:0px" not in whole_page
    whole = QTextDocument()
    whole.setDefaultFont(pane.document().defaultFont())
    whole.setHtml(pane.styled(whole_page))
    shown = pane.document().clone()
    assert shown.toPlainText() == whole.toPlainText()
    assert _image(shown) == _image(whole)  # the same pixels: margins, bullets, numbers, indents


def test_a_toc_of_5000_headings_reaches_the_pane_in_small_pieces(qtbot) -> None:
    article = Article.from_text("[TOC]\n\n" + "".join(f"## ع{i}\n\nنص\n\n" for i in range(3000)))
    pane = _shown(qtbot, preview_html(article))
    units = pane._updater.patcher.units  # what the pane inserts one step at a time
    assert max(map(len, units)) < 2 * qt_structure.MAX_QT_PART_CHARS
    lists, block = set(), pane.document().begin()
    while block.isValid():
        if block.textList() is not None:
            lists.add(block.textList())
        block = block.next()
    assert len(lists) >= 3000 // qt_structure.MAX_QT_LIST_ITEMS
    assert all(item.count() <= qt_structure.MAX_QT_LIST_ITEMS for item in lists)
    text = pane.toPlainText()
    assert "ع2999" in text and "do not jump in the preview" in text


def test_a_huge_table_is_cut_in_the_pane_with_a_notice_and_a_table_at_the_limit_is_whole(qtbot) -> None:
    def table(rows: int) -> Article:
        body = "\n".join(f"| {r} | خلية {r} |" for r in range(rows))
        return Article.from_text(f"| رقم | نص |\n|---|---|\n{body}\n\nبعد الجدول\n")

    at_limit = qt_structure.MAX_QT_TABLE_CELLS // 2 - 1  # with the head row: the limit
    pane = _shown(qtbot, preview_html(table(at_limit)))
    assert f"خلية {at_limit - 1}" in pane.toPlainText() and "more rows" not in pane.toPlainText()
    pane = _shown(qtbot, preview_html(table(5000)))
    text = pane.toPlainText()
    shown_rows = qt_structure.MAX_QT_TABLE_CELLS // 2 - 1
    assert f"خلية {shown_rows - 1}" in text and f"خلية {shown_rows}" not in text
    assert (
        f"The preview shows this table up to here; {5000 - shown_rows:,} more rows are in the exports."
        in text
    )
    assert text.rstrip().endswith("بعد الجدول")
