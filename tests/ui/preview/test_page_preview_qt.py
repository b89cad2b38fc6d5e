"""What Qt's QTextBrowser really shows for `preview_html`: sides, mirrored tables, number runs in order."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QTextBrowser  # noqa: E402

from editor.core.article.model import Article  # noqa: E402
from editor.core.markdown.page import preview_html  # noqa: E402

ARTICLE = """فقرة عربية عن القانون رقم “03-73” للأمن.

The minister said the talks went well.

| الاسم | Name |
|---|---|
| علي | Ali |
"""


def _show(qtbot, html: str) -> QTextBrowser:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(700, 500)
    browser.setHtml(html)
    browser.show()
    qtbot.waitExposed(browser)
    return browser


def _blocks(browser: QTextBrowser) -> dict[str, object]:
    doc = browser.document()
    found = {}
    block = doc.begin()
    while block.isValid():
        if block.text().strip():
            found[block.text()] = block
        block = block.next()
    return found


def _glyph_x(block, index: int) -> float:
    return block.layout().glyphRuns(index, 1)[0].boundingRect().center().x()


def test_paragraph_sides_in_qt(qtbot) -> None:
    browser = _show(qtbot, preview_html(Article.from_text(ARTICLE)))
    blocks = _blocks(browser)
    arabic = next(b for t, b in blocks.items() if t.startswith("فقرة"))
    english = blocks["The minister said the talks went well."]
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    assert english.textDirection() == Qt.LayoutDirection.LeftToRight


def test_number_run_is_shown_in_logical_order_in_qt(qtbot) -> None:
    browser = _show(qtbot, preview_html(Article.from_text(ARTICLE)))
    block = next(b for t, b in _blocks(browser).items() if "03-73" in t)
    text = block.text()
    zero, seven = text.index("03-73"), text.index("03-73") + 3
    assert _glyph_x(block, zero) < _glyph_x(block, seven)


def test_without_the_mark_qt_shows_it_reversed(qtbot) -> None:
    html = preview_html(Article.from_text(ARTICLE)).replace("\u200e", "")
    browser = _show(qtbot, html)
    block = next(b for t, b in _blocks(browser).items() if "03-73" in t)
    text = block.text()
    assert _glyph_x(block, text.index("03-73")) > _glyph_x(block, text.index("03-73") + 3)


def test_rtl_table_first_column_is_on_the_right_in_qt(qtbot) -> None:
    browser = _show(qtbot, preview_html(Article.from_text(ARTICLE)))
    blocks = _blocks(browser)
    layout = browser.document().documentLayout()
    name_ar = layout.blockBoundingRect(blocks["الاسم"]).x()
    name_en = layout.blockBoundingRect(blocks["Name"]).x()
    assert name_ar > name_en
