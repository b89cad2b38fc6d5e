"""Focus mode and typewriter scrolling for the Markdown editor.

Focus mode dims everything but the paragraph holding the caret with a transparent overlay on
the editor's viewport (the text and its formats are never touched, so undo, highlighting and
other underlines are unaffected). The overlay repaints only when the current paragraph's
bounds move, so typing inside a paragraph costs nothing extra.

Typewriter scrolling keeps the caret's line at the middle of the editor; the scroll range is
extended by half a screen so the last lines can reach the middle too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QShowEvent, QTextBlock
from PySide6.QtWidgets import QTextEdit, QWidget

DIM_ALPHA = 0.62
# a paragraph is found by walking at most this many lines each way (a text with no blank lines
# at all dims nothing beyond that window rather than costing a walk over the whole article)
MAX_PARAGRAPH_LINES = 400


def paragraph_blocks(block: QTextBlock) -> tuple[QTextBlock, QTextBlock]:
    """First and last block of the paragraph (run of non-blank lines) holding `block`."""
    first = last = block
    if not block.text().strip():
        return first, last
    for _ in range(MAX_PARAGRAPH_LINES):
        previous = first.previous()
        if not previous.isValid() or not previous.text().strip():
            break
        first = previous
    for _ in range(MAX_PARAGRAPH_LINES):
        following = last.next()
        if not following.isValid() or not following.text().strip():
            break
        last = following
    return first, last


class FocusOverlay(QWidget):
    """Dims the editor's viewport outside the current paragraph while enabled."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor.viewport())
        self.setObjectName("focusOverlay")
        self._editor = editor
        self._bounds: tuple[int, int] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._watching = False
        self.hide()

    def _watch(self, on: bool) -> None:
        # The caret, scrolling and the viewport's size are followed only while the overlay is shown:
        # with focus mode off, a keystroke calls no Python here (issue 13: the keystroke's path).
        if on == self._watching:
            return
        self._watching = on
        editor = self._editor
        signals = (
            editor.cursorPositionChanged,
            editor.verticalScrollBar().valueChanged,
            editor.document().documentLayout().documentSizeChanged,
        )
        for signal in signals:
            signal.connect(self._refresh) if on else signal.disconnect(self._refresh)
        if on:
            editor.viewport().installEventFilter(self)
        else:
            editor.viewport().removeEventFilter(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._watch(True)
        self.setGeometry(self._editor.viewport().rect())
        self._bounds = None
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._watch(False)
        super().hideEvent(event)

    @property
    def enabled(self) -> bool:
        return not self.isHidden()

    def set_enabled(self, on: bool) -> None:
        self._bounds = None
        self.setGeometry(self._editor.viewport().rect())
        self.setVisible(on)
        self._refresh()

    def current_bounds(self) -> tuple[int, int]:
        """Top and bottom (viewport pixels) of the paragraph that stays bright."""
        editor = self._editor
        first, last = paragraph_blocks(editor.textCursor().block())
        layout = editor.document().documentLayout()
        offset = editor.verticalScrollBar().value()
        top = layout.blockBoundingRect(first).top() - offset
        bottom = layout.blockBoundingRect(last).bottom() - offset
        return int(top), int(bottom) + 1

    def _refresh(self, *_args: object) -> None:
        if self.isHidden():
            return
        bounds = self.current_bounds()
        if bounds != self._bounds:
            self._bounds = bounds
            self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self._editor.viewport():
            self.setGeometry(self._editor.viewport().rect())
            self._bounds = None
            self._refresh()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        top, bottom = self._bounds or self.current_bounds()
        color = QColor(self._editor.palette().base().color())
        color.setAlphaF(DIM_ALPHA)
        painter = QPainter(self)
        width, height = self.width(), self.height()
        if top > 0:
            painter.fillRect(0, 0, width, top, color)
        if bottom < height:
            painter.fillRect(0, bottom, width, height - bottom, color)
        painter.end()


class Typewriter(QObject):
    """Keeps the caret's line at the middle of the editor while enabled."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self.enabled = False
        self._adjusting = False

    def set_enabled(self, on: bool) -> None:
        # (followed only while on: with it off, a keystroke calls no Python here)
        editor, bar = self._editor, self._editor.verticalScrollBar()
        if on and not self.enabled:
            bar.rangeChanged.connect(self._extend_range)
            editor.cursorPositionChanged.connect(self.center)
        elif self.enabled and not on:
            bar.rangeChanged.disconnect(self._extend_range)
            editor.cursorPositionChanged.disconnect(self.center)
        self.enabled = on
        self._extend_range(bar.minimum(), bar.maximum(), restore=True)
        self.center()

    def _extra(self) -> int:
        return self._editor.viewport().height() // 2

    def _extend_range(self, minimum: int, maximum: int, restore: bool = False) -> None:
        # off, the natural range is Qt's own (asking the document's size here would force the layout
        # of a whole big article at every range change, see editor/ui/editor/loading.py)
        if self._adjusting or not (self.enabled or restore):
            return
        editor = self._editor
        bar = editor.verticalScrollBar()
        natural = max(0, round(editor.document().size().height()) - editor.viewport().height())
        wanted = natural + self._extra() if self.enabled else natural
        if maximum != wanted:
            self._adjusting = True
            try:
                bar.setRange(minimum, wanted)
            finally:
                self._adjusting = False

    def center(self) -> None:
        """Scroll so that the caret's line sits at the middle of the viewport."""
        if not self.enabled:
            return
        editor = self._editor
        bar = editor.verticalScrollBar()
        delta = editor.cursorRect().center().y() - editor.viewport().height() // 2
        if delta:
            bar.setValue(bar.value() + delta)
