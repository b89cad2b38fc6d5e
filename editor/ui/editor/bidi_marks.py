"""Draw the invisible direction marks (LRM, RLM, ALM) in the editor as small red flags.

Qt draws nothing for them, even with `QTextOption.ShowDefaultIgnorables`; a journalist must see
them to understand why a number or a quote sits where it does. The flag's tick points the way the
mark pushes: right for LRM, left for RLM and ALM.

Bounded work per paint, whatever the text holds: only the lines inside the area being repainted
are looked at (a keystroke repaints a line or two, a scroll the screen), and a line holding more
than `MAX_FLAGS_PER_LINE` marks — or any line once `MAX_FLAGS` flags were drawn in this paint — is
shown as one band across the line instead of a flag per mark (a flood of marks would pile its
flags up in a few pixels, and placing each flag costs Qt a walk over the line: 0.25-0.45 s per
paint for a screen of a 1,000,000-mark line before this rule). Finding the marks is one regex scan
per block on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QTextEdit

from editor.ui.editor.highlighter import LIGHT_BLOCK_CHARS
from editor.ui.editor.loading import top_block
from editor.ui.editor.text_positions import PositionMap

BIDI_MARKS = {"\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM"}
_MARK_RE = re.compile("[\u200e\u200f\u061c]")
MAX_FLAGS_PER_LINE = 24  # a line with more marks gets one band (its flags would overlap anyway)
MAX_FLAGS = 240  # flags placed per paint, at most (each costs Qt a walk over its line)
_COLOR = QColor(200, 80, 80)
_FILL = QColor(200, 80, 80, 160)
_BAND = QColor(200, 80, 80, 70)


@dataclass(frozen=True)
class Flag:
    """One mark's flag: where (viewport pixels), how tall, and which way its tick points."""

    x: float
    y: float
    height: float
    right: bool  # LRM pushes right; RLM and ALM left


@dataclass(frozen=True)
class Band:
    """A line holding too many marks to flag one by one: a band across it (viewport pixels)."""

    x: float
    y: float
    width: float
    height: float
    marks: int


def plan(edit: QTextEdit, area: QRect | None = None) -> list[Flag | Band]:
    """What to draw for the marks in the lines of `edit` that meet `area` (viewport pixels; the
    whole viewport when None): a flag per mark, or a band for a line with too many of them."""
    # with a paint's area, the viewport's bounds come from `maximumViewportSize` (never smaller than
    # the viewport): the first frame does not ask for `viewport()`, PySide's first one of a process
    # costs ~11 ms (it resolves every Qt widget type; see `editor.ui.window.first_frame`)
    bounds = edit.viewport().rect() if area is None else QRect(QPoint(0, 0), edit.maximumViewportSize())
    area = bounds if area is None else area.intersected(bounds)
    if area.isEmpty():
        return []
    offset_y = edit.verticalScrollBar().value()
    offset_x = edit.horizontalScrollBar().value()
    doc_layout = edit.document().documentLayout()
    out: list[Flag | Band] = []
    budget = MAX_FLAGS
    block = top_block(edit)
    while block.isValid():
        rect = doc_layout.blockBoundingRect(block)
        top = rect.top() - offset_y
        if top > area.bottom() or rect.height() == 0:  # below, or not laid out yet (nor any after it)
            break
        layout = block.layout()
        if top + rect.height() <= area.top() or block.length() > LIGHT_BLOCK_CHARS or layout is None:
            block = block.next()  # (a huge paragraph: no flags, its text would be copied every paint)
            continue
        text = block.text()
        positions = PositionMap(text) if _MARK_RE.search(text) else None
        for i in range(layout.lineCount() if positions is not None else 0):
            line = layout.lineAt(i)
            y = line.y() + top
            if y > area.bottom():
                break
            if y + line.height() <= area.top():
                continue
            start = positions.to_py(line.textStart())
            end = positions.to_py(line.textStart() + line.textLength())
            count = sum(text.count(mark, start, end) for mark in BIDI_MARKS)
            if count == 0:
                continue
            if count > min(MAX_FLAGS_PER_LINE, budget):
                left = rect.left() + line.x() - offset_x
                out.append(Band(left, y, line.width(), line.height(), count))
                continue
            budget -= count
            for found in _MARK_RE.finditer(text, start, end):
                x = line.cursorToX(positions.to_qt(found.start()))[0] + rect.left() - offset_x
                out.append(Flag(x, y, line.height(), found.group() == "\u200e"))
        block = block.next()
    return out


def paint_bidi_marks(edit: QTextEdit, area: QRect | None = None) -> None:
    """Paint the marks in the lines of `edit` that meet `area` (call from paintEvent with the
    event's rect)."""
    shapes = plan(edit, area)
    if not shapes:
        return
    painter = QPainter(edit.viewport())
    painter.setPen(_COLOR)
    for shape in shapes:
        if isinstance(shape, Band):
            painter.fillRect(QRectF(shape.x, shape.y + 1, shape.width, shape.height - 2), _BAND)
            painter.drawLine(int(shape.x), int(shape.y + 1), int(shape.x + shape.width), int(shape.y + 1))
            continue
        x, y = shape.x, shape.y
        painter.fillRect(QRectF(x - 1, y + 1, 2, shape.height - 2), _FILL)
        painter.drawLine(int(x), int(y + 1), int(x + (4 if shape.right else -4)), int(y + 1))
    painter.end()
