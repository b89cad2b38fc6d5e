"""Draw the invisible direction marks (LRM, RLM, ALM) in the editor as small red flags.

Qt draws nothing for them, even with `QTextOption.ShowDefaultIgnorables`; a journalist must see
them to understand why a number or a quote sits where it does. The flag's tick points the way the
mark pushes: right for LRM, left for RLM and ALM.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QTextEdit

from editor.ui.editor.highlighter import LIGHT_BLOCK_CHARS
from editor.ui.editor.loading import top_block
from editor.ui.editor.text_positions import PositionMap

BIDI_MARKS = {"\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM"}
_COLOR = QColor(200, 80, 80)


def paint_bidi_marks(edit: QTextEdit) -> None:
    """Paint a flag at every direction mark in the visible part of `edit` (call from paintEvent)."""
    painter: QPainter | None = None
    offset_y = edit.verticalScrollBar().value()
    offset_x = edit.horizontalScrollBar().value()
    height = edit.viewport().height()
    block = top_block(edit)
    layout = edit.document().documentLayout()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() - offset_y > height:
            break
        text = block.text()
        if len(text) > LIGHT_BLOCK_CHARS:  # a huge paragraph: no flags (they would cost every paint)
            block = block.next()
            continue
        if any(mark in text for mark in BIDI_MARKS) and block.layout() is not None:
            positions = PositionMap(text)
            for index, ch in enumerate(text):
                if ch not in BIDI_MARKS:
                    continue
                qpos = positions.to_qt(index)
                line = block.layout().lineForTextPosition(qpos)
                if not line.isValid():
                    continue
                x = line.cursorToX(qpos)[0] + rect.left() - offset_x
                y = line.y() + rect.top() - offset_y
                if painter is None:
                    painter = QPainter(edit.viewport())
                    painter.setPen(_COLOR)
                painter.fillRect(QRectF(x - 1, y + 1, 2, line.height() - 2), QColor(200, 80, 80, 160))
                painter.drawLine(int(x), int(y + 1), int(x + (4 if ch == "\u200e" else -4)), int(y + 1))
        block = block.next()
    if painter is not None:
        painter.end()
