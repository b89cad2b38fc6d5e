"""Every match of the find bar highlighted in the editor.

A transparent overlay on the editor's viewport paints a translucent mark over each visible match
(the text and its formats are never touched, so undo and other underlines are unaffected). Match
positions are Qt positions; an edit shifts the ones after it and drops the ones it touched, until
the find bar recounts after a short pause. Only matches in the visible part are laid out.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QTextEdit, QWidget

MATCH_COLOR = QColor(255, 196, 0, 90)
CURRENT_COLOR = QColor(255, 140, 0, 150)


class MatchHighlights(QWidget):
    """Highlights `[start, end)` Qt-position spans in `editor` while shown."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor.viewport())
        self.setObjectName("findHighlights")
        self._editor = editor
        self.spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self.current: tuple[int, int] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._shifting = False  # following edits (only while there are spans: not on every keystroke)
        editor.verticalScrollBar().valueChanged.connect(self._repaint)
        editor.horizontalScrollBar().valueChanged.connect(self._repaint)

    def set_spans(self, spans: list[tuple[int, int]], current: tuple[int, int] | None = None) -> None:
        """Highlight `spans` (sorted Qt positions); `current` is drawn stronger."""
        self.spans = spans
        self._starts = [s for s, _e in spans]
        self.current = current
        if bool(spans) != self._shifting:
            self._shifting = bool(spans)
            changes = self._editor.document().contentsChange
            changes.connect(self._shift) if spans else changes.disconnect(self._shift)
        self.setGeometry(self._editor.viewport().rect())
        self.setVisible(bool(spans))
        self.update()

    def clear(self) -> None:
        self.set_spans([])

    def _repaint(self, *_args: object) -> None:
        if self.isVisible():
            self.update()

    def _shift(self, position: int, removed: int, added: int) -> None:
        if not self.spans:
            return
        delta = added - removed
        end = position + removed
        kept = []
        for start, stop in self.spans:
            if stop <= position:
                kept.append((start, stop))
            elif start >= end:
                kept.append((start + delta, stop + delta))
        changed = len(kept) != len(self.spans)
        self.spans = kept
        self._starts = [s for s, _e in kept]
        if self.current is not None and self.current not in kept:
            self.current = None
        if self.isVisible():
            # only the edited line moves sideways; lines below that move down are repainted by the
            # editor itself, and the overlay with them
            editor = self._editor
            block = editor.document().findBlock(position)
            rect = editor.document().documentLayout().blockBoundingRect(block)
            rect.translate(-editor.horizontalScrollBar().value(), -editor.verticalScrollBar().value())
            if changed:
                self.update()
            else:
                self.update(rect.toAlignedRect().adjusted(-2, -2, 2, 2))

    def visible_spans(self) -> list[tuple[int, int]]:
        """The spans that can be seen in the viewport now."""
        editor = self._editor
        viewport = editor.viewport().rect()
        first = editor.cursorForPosition(QPoint(0, 0)).block().position()
        last_block = editor.cursorForPosition(QPoint(viewport.width(), viewport.height())).block()
        last = last_block.position() + last_block.length()
        low = max(0, bisect.bisect_left(self._starts, first) - 1)
        high = bisect.bisect_right(self._starts, last)
        return [s for s in self.spans[low:high] if s[1] >= first]

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering the span (one per laid-out line it touches)."""
        editor = self._editor
        doc = editor.document()
        dx, dy = editor.horizontalScrollBar().value(), editor.verticalScrollBar().value()
        rects = []
        block = doc.findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            origin = layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                a, b = max(start, line_start), min(end, line_end)
                if a >= b and not (a == b == start == end):
                    continue
                x1 = line.cursorToX(a - block.position())[0]
                x2 = line.cursorToX(b - block.position())[0]
                left, right = min(x1, x2), max(x1, x2)
                rects.append(
                    QRectF(
                        origin.x() + left - dx,
                        origin.y() + line.y() - dy,
                        max(right - left, 2),
                        line.height(),
                    )
                )
            block = block.next()
        return rects

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        for span in self.visible_spans():
            color = CURRENT_COLOR if span == self.current else MATCH_COLOR
            for rect in self.span_rects(*span):
                painter.fillRect(rect, color)
        painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self._editor.viewport():
            self.setGeometry(self._editor.viewport().rect())
        return False

    # (the viewport's size is followed only while shown: a keystroke's paint calls no Python here)
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._editor.viewport().installEventFilter(self)
        self.setGeometry(self._editor.viewport().rect())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._editor.viewport().removeEventFilter(self)
        super().hideEvent(event)
