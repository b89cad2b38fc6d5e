"""After a keystroke, repaint the lines of the paragraph that can have changed, not the paragraph.

Qt repaints the whole paragraph an edit touched (its layout's update rectangle), whatever the edit:
a key typed at the end of a 10-line paragraph paints, and sends to the X server, all ten lines
(issue 13: ~1 ms of paint and copy per key in a 700-character paragraph). When an edit stays
inside one paragraph, the lines above the edited one keep their text, their line breaks (a line
break depends only on the text before it and the next word) and, unless the highlighter changed
them, their formats; only the line before the edited one can change (its last word may move down,
its last letter join the next one differently). So from that line down is repainted, and further
up only while those lines hold no letter (neutral characters — spaces, digits, punctuation — take
their place in the bidirectional order from the letters around them). A paragraph holding
explicit embeddings or isolates, or characters outside the BMP, is repainted whole.

`EditRepaint` takes the place of the text control's own forwarding of the document layout's
`update` signal (Qt's `QWidgetTextControl::updateRequest` → `QTextEdit` repaints the rectangle);
any other change (formats, several paragraphs, a new line, a direction) is repainted as Qt would.
(Qt's rectangle may start above the paragraph: its layout restarts from a checkpoint and lays the
unchanged paragraphs before it out again, the same; the paragraphs above are never changed by an
edit inside this one — the highlighter goes forward, and a direction set on a blank line before
it counts as a format change.)
"""

from __future__ import annotations

import re

from PySide6.QtCore import SIGNAL, QObject, QRectF, QTimer
from PySide6.QtGui import QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QTextEdit

_LETTER_RE = re.compile(r"[^\W\d_]")
_EMBEDDING_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")  # LRE RLE PDF LRO RLO, LRI RLI FSI PDI


def _formats(layout: QTextLayout) -> list[tuple[int, int, QTextCharFormat]]:
    """The layout's format ranges (the highlighter's), copied."""
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in layout.formats()]


def _head(formats: list[tuple[int, int, QTextCharFormat]], cut: int) -> list[tuple]:
    """The format ranges over the text before `cut`, cut there."""
    return sorted(
        ((start, min(start + length, cut) - start, f) for start, length, f in formats if start < cut),
        key=lambda r: (r[0], r[1]),
    )


class EditRepaint(QObject):
    """Narrows the repaint that follows an edit inside one paragraph of `edit`."""

    def __init__(self, edit: QTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._pending: tuple[int, int, list] | None = None  # position, block number, formats before
        self._blocks = -1  # paragraphs at the last update (a change of count is never narrowed)
        # The layout's update follows the edit within the same call (QTextDocumentPrivate::finishEdit);
        # an edit it never followed (no layout yet) must not narrow a later, unrelated update.
        self._expire = QTimer(self)
        self._expire.setSingleShot(True)
        self._expire.setInterval(0)
        self._expire.timeout.connect(self.forget)
        self.active = self._take_over()

    def _take_over(self) -> bool:
        layout = self._edit.document().documentLayout()
        # Its one receiver is the text control, which forwards the rectangle to the viewport (found
        # by count, not by `children()`: wrapping every child object cost 50 ms on the first key).
        if layout.receivers(SIGNAL("update(QRectF)")) != 1 or not layout.update.disconnect():
            return False  # (another Qt, or someone else listens: Qt's own repaints stay)
        layout.update.connect(self._layout_update)
        return True

    def edited(self, position: int) -> None:
        """An edit at `position` is being made (call from `contentsChange`, before the layout)."""
        if not self.active:
            return
        block = self._edit.document().findBlock(position)
        layout = block.layout() if block.isValid() else None
        self._pending = None if layout is None else (position, block.blockNumber(), _formats(layout))
        self._expire.start()

    def forget(self) -> None:
        """The edit changed more than its text (a paragraph's direction): repaint as Qt would."""
        self._pending = None

    def _layout_update(self, rect: QRectF) -> None:
        pending, self._pending = self._pending, None
        blocks, self._blocks = self._blocks, self._edit.document().blockCount()
        if pending is not None and blocks == self._blocks and rect.isValid():
            rect = self._narrowed(rect, *pending)
        self._repaint(rect)

    def _narrowed(self, rect: QRectF, position: int, number: int, before: list) -> QRectF:
        block = self._edit.document().findBlock(position)
        layout = block.layout() if block.isValid() and block.blockNumber() == number else None
        if layout is None or layout.lineCount() < 3:
            return rect  # (too few lines to save any)
        text = block.text()
        if not text.isascii() and (max(text) > "\uffff" or _EMBEDDING_RE.search(text)):
            return rect  # (Qt positions are UTF-16 units; embeddings and isolates reach far)
        at = position - block.position()
        line = layout.lineForTextPosition(at)
        if not line.isValid():
            return rect
        first = max(0, line.lineNumber() - 1)
        while first > 0 and not _LETTER_RE.search(text, layout.lineAt(first).textStart(), at):
            first -= 1  # (neutral characters up there take their order from the letters around)
        cut = layout.lineAt(first).textStart()
        if cut == 0 or _head(before, cut) != _head(_formats(layout), cut):
            return rect  # (the highlighter changed the lines above, e.g. `**` closed)
        top = layout.position().y() + layout.lineAt(first).y()
        if top <= rect.top() or top >= rect.bottom():
            return rect
        return QRectF(rect.left(), top, rect.width(), rect.bottom() - top)

    def _repaint(self, rect: QRectF) -> None:
        # what QTextEdit does with the rectangle (QTextEditPrivate::_q_repaintContents)
        edit = self._edit
        viewport = edit.viewport()
        if not rect.isValid():
            viewport.update()
            return
        bar = edit.horizontalScrollBar()
        x = bar.maximum() - bar.value() if edit.isRightToLeft() else bar.value()
        y = edit.verticalScrollBar().value()
        area = rect.intersected(QRectF(x, y, viewport.width(), viewport.height())).toAlignedRect()
        if not area.isEmpty():
            viewport.update(area.translated(-x, -y))


def note_edit(edit: QTextEdit, position: int) -> None:
    """`edit`'s text is being changed at `position` (from its `contentsChange`, the user's edits).
    The narrowing starts with the first one (not at start-up: it asks for the viewport)."""
    helper = getattr(edit, "_edit_repaint", None)
    if helper is None:
        helper = edit._edit_repaint = EditRepaint(edit)  # type: ignore[attr-defined]
    helper.edited(position)


def forget(edit: QTextEdit) -> None:
    """The edit being made also changed a paragraph's format: its repaint is not narrowed."""
    helper = getattr(edit, "_edit_repaint", None)
    if helper is not None:
        helper.forget()
