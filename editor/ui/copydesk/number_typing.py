"""The preference "keep numbers in order as I type": when a number run (`03-73`) is completed in a
right-to-left line, the invisible mark of Format → Keep numbers in order is added, as its own undo step."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

from editor.core.markdown.formatting import keep_number_order
from editor.core.text.direction import may_have_number_runs

_RUN_CHARS = set("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹-+/.:,\u2010\u2011\u2012\u2013\u2014\u2212")


class NumberOrderAsYouType(QObject):
    """Watches typing in `editor` (a MarkdownEdit) while `enabled`."""

    def __init__(self, editor, parent: QObject | None = None) -> None:  # noqa: ANN001 - MarkdownEdit
        super().__init__(parent)
        self.editor = editor
        self.enabled = False
        self._busy = False
        editor.document().contentsChange.connect(self._changed)

    def _changed(self, position: int, removed: int, added: int) -> None:
        if not self.enabled or self._busy or added != 1 or self.editor.isReadOnly():
            return
        doc = self.editor.document()
        typed = doc.characterAt(position)
        before = doc.characterAt(position - 1) if position else ""
        # a run is complete when something that cannot continue it follows a digit
        if typed in _RUN_CHARS or not before.isdigit():
            return
        QTimer.singleShot(0, lambda: self._mark(position))

    def _mark(self, position: int) -> None:
        doc = self.editor.document()
        block = doc.findBlock(position)
        text = block.text()
        if (
            not block.isValid()
            or self.editor.block_direction(block) != "rtl"
            or not may_have_number_runs(text)
        ):
            return
        new = keep_number_order(text, "rtl")
        if new == text:
            return
        self._busy = True
        try:
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()
            j = 0  # walk both texts: insert only the marks, so the caret and the rest stay put
            for i, ch in enumerate(new):
                if j < len(text) and text[j] == ch:
                    j += 1
                    continue
                cursor.setPosition(block.position() + i + sum(ord(c) > 0xFFFF for c in new[:i]))
                cursor.insertText(ch)
            cursor.endEditBlock()
        finally:
            self._busy = False
