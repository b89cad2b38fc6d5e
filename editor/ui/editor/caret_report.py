"""Where the caret is (line, column, paragraph direction), told once the move is on screen.

The status bar and the outline listen to `MarkdownEdit.cursor_moved`. A keystroke moves the caret
once or more (typing, a direction format, a list continuation); telling them at each move put their
work — the labels' new text, the status bar's new layout and its repaint — in the keystroke's own
frame, before the text the writer is waiting for (issue 13: keystroke-to-repaint). So the moves
are coalesced: the report goes out right after the editor's next paint (the turn of the event loop
after it), once for all the moves before it. When no paint comes (the editor hidden, a move that
repaints nothing), it goes out after `LATEST_MS` anyway. `flush()` tells it now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

LATEST_MS = 50  # when no paint has come by then, the report goes out anyway


class CaretReport(QObject):
    """Calls `report` once per batch of caret moves, after the paint that shows them."""

    def __init__(self, parent: QObject, report: Callable[[], None]) -> None:
        super().__init__(parent)
        self._report = report
        self.due = False  # a move not told yet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def moved(self, *_args: object) -> None:
        """The caret moved (or its paragraph's direction changed): tell it after the next paint."""
        if not self.due:
            self.due = True
            self._timer.start(LATEST_MS)

    def painted(self) -> None:
        """The editor has painted: the report goes out at the next turn of the event loop."""
        if self.due:
            self._timer.start(0)

    def flush(self) -> None:
        """Tell where the caret is now (and forget the moves waiting)."""
        self._timer.stop()
        self.due = False
        self._report()
