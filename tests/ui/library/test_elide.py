"""Library titles are elided at the end of their own direction (Arabic: the left end, Latin: the right end)
in both interface directions; search results lay out each title and snippet in its own direction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from editor.core.library.facade import Library
from editor.core.library.search import SearchHit
from editor.ui.library.controller import LibraryController
from editor.ui.library.elide import result_html
from editor.ui.library.model import PATH_ROLE, TITLE
from editor.ui.library.panel import LibraryPanel

TITLES = {
    "latin.md": "Interpol report on the smuggling networks across the Mediterranean ports",
    "arabic.md": "تقرير الإنتربول عن شبكات التهريب عبر البحر الأبيض المتوسط والموانئ الجنوبية",
    "mixed.md": "الإنتربول Interpol في الرباط مع وفد كبير من المحققين الدوليين والخبراء",
}
EXPECTED = {"latin.md": "right", "arabic.md": "left", "mixed.md": "left"}  # where the ellipsis goes


@pytest.fixture(params=[Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft], ids=["ltr", "rtl"])
def panel(request, qtbot, tmp_path: Path):
    root = tmp_path / "lib"
    root.mkdir()
    for i, (rel, title) in enumerate(TITLES.items()):
        (root / rel).write_text(f"---\ntitle: {title}\ndate: 2024-01-0{i + 1}\n---\nنص\n", encoding="utf-8")
    # a problem file (the title written twice) with an Arabic title: a warning icon in the title cell
    (root / "problem.md").write_text(
        "---\ntitle: أ\ntitle: مشكلة\ndate: 2024-01-09\n---\nنص\n", encoding="utf-8"
    )
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=60000)
    widget = LibraryPanel(controller)
    widget.setLayoutDirection(request.param)
    qtbot.addWidget(widget)
    widget.resize(380, 300)
    widget.show()
    controller.start()
    qtbot.waitUntil(lambda: widget.model.rowCount() == len(TITLES) + 1, timeout=10000)
    yield widget
    controller.stop()
    controller.wait()


def _ink_rows(image: QImage, rect: QRect, x0: int, x1: int) -> int:
    """How many pixel rows of `rect` hold dark ink between columns x0..x1."""
    rows = set()
    for x in range(max(x0, rect.left()), min(x1, rect.right()) + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            if image.pixelColor(x, y).lightness() < 140:
                rows.add(y)
    return len(rows)


def _ellipsis_side(panel: LibraryPanel, row: int) -> str:
    table = panel.table
    image = table.viewport().grab().toImage()
    rect = table.visualRect(panel.proxy.index(row, TITLE)).adjusted(1, 1, -2, -2)
    inked = [
        x
        for x in range(rect.left(), rect.right() + 1)
        if any(image.pixelColor(x, y).lightness() < 140 for y in range(rect.top(), rect.bottom() + 1))
    ]
    assert inked, "the title is drawn"
    strip = table.fontMetrics().horizontalAdvance("…") - 3
    left = _ink_rows(image, rect, inked[0], inked[0] + strip)
    right = _ink_rows(image, rect, inked[-1] - strip, inked[-1])
    # three dots sit on the baseline (a few pixel rows); letters rise above it
    assert min(left, right) <= 3 < max(left, right), (left, right)
    return "left" if left < right else "right"


def test_titles_are_elided_at_the_end_of_their_own_direction(panel):
    assert panel.table.viewport().width() < 380
    for row in range(panel.proxy.rowCount()):
        rel = panel.proxy.index(row, 0).data(PATH_ROLE)
        if rel in EXPECTED:
            assert _ellipsis_side(panel, row) == EXPECTED[rel], rel


def test_the_problem_icon_stays_at_the_interface_leading_edge(panel):
    table = panel.table
    row = panel.visible_paths().index("problem.md")
    image = table.viewport().grab().toImage()
    rect = table.visualRect(panel.proxy.index(row, TITLE))
    orange = [
        x
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
        if (c := image.pixelColor(x, y)).red() > 180 and 70 < c.green() < 170 and c.blue() < 90
    ]
    assert orange, "the warning icon is drawn"
    rtl = panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    edge = rect.right() if rtl else rect.left()
    assert max(abs(x - edge) for x in orange) < 30, (edge, min(orange), max(orange))


def test_search_results_take_the_direction_of_their_own_text():
    hit = SearchHit("a.md", "Interpol report", 1.0, True, "…قال التقرير إن Interpol رصد الشبكات…", [(16, 24)])
    html = result_html(hit)
    assert '<div dir="ltr"><b>Interpol report</b></div>' in html and '<div dir="rtl">…قال' in html
    assert "Interpol</span>" in html
