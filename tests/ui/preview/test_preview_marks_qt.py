"""Glyph positions in Qt's QTextBrowser for issue 12: number runs after inline elements (item 1), the
header's title and a Latin tag in the RTL header (items 2 and 8)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QTextBrowser  # noqa: E402

from editor.core.article.model import Article  # noqa: E402
from editor.core.markdown.page import preview_html  # noqa: E402

ARTICLE = """---
title: القانون رقم 01-99 يدخل حيز التنفيذ
tags: [Interpol, أمن]
---
قال **الوزير** 04-81 نافذ

قال #وسم 05-92 نافذ

قال [الوزير](u) 06-17 نافذ

**قال الوزير**: 07-28
"""
RUNS = ["01-99", "04-81", "05-92", "06-17", "07-28"]


def _positions(qtbot, html: str) -> dict[str, tuple[float, float]]:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(700, 600)
    browser.setHtml(html)
    browser.show()
    qtbot.waitExposed(browser)
    found: dict[str, tuple[float, float]] = {}
    block = browser.document().begin()
    while block.isValid():
        text = block.text()
        layout = block.layout()

        def x(index: int, layout=layout) -> float:
            return layout.glyphRuns(index, 1)[0].boundingRect().center().x()

        for run in RUNS:
            if run in text:
                at = text.index(run)
                found[run] = (x(at), x(at + 3))
        if "#Interpol" in text:
            at = text.index("#Interpol")
            found["#Interpol"] = (x(at), x(at + 1))
        block = block.next()
    return found


def test_number_runs_and_header_tag_read_in_order_in_qt(qtbot) -> None:
    found = _positions(qtbot, preview_html(Article.from_text(ARTICLE)))
    assert set(found) == {*RUNS, "#Interpol"}
    for key, (first, second) in found.items():
        assert first < second, key


def test_without_the_marks_qt_reverses_them(qtbot) -> None:
    html = preview_html(Article.from_text(ARTICLE))
    for mark in ("\u200e", "\u2068", "\u2069"):
        html = html.replace(mark, "")
    found = _positions(qtbot, html)
    for key in [*RUNS, "#Interpol"]:
        assert found[key][0] > found[key][1], key
