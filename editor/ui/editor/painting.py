"""What the editor paints after Qt's text, and who is told when it has painted.

`PaintMixin.paintEvent` draws the direction-mark flags (`bidi_marks`) over the text, then calls
whoever asked with `when_painted` (the GUI start's `FirstFrame`: it learns of the first paint here
rather than through an event filter on `viewport()`, which the first frame must not ask for), and
tells the caret's report (`caret_report`) that the caret's move is on screen, and the garbage
collector (`editor.ui.common.garbage`) that now is a good moment.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.ui.common.garbage import editor_painted
from editor.ui.editor.bidi_marks import paint_bidi_marks
from editor.ui.editor.caret_report import CaretReport


class PaintMixin:
    """For `MarkdownEdit` (a QTextEdit): flags over the text; one-shot callbacks after a paint."""

    _show_marks = True  # draw the direction marks' flags
    _after_paint: tuple[Callable[[], object], ...] = ()
    _caret: CaretReport | None = None  # told of each paint (the caret's report follows it)

    def when_painted(self, callback: Callable[[], object]) -> None:
        """Call `callback` once, right after the editor's next paint (the start-up's first frame)."""
        self._after_paint = (*self._after_paint, callback)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().paintEvent(event)  # type: ignore[misc]
        if self._show_marks:
            paint_bidi_marks(self, event.rect())  # type: ignore[arg-type]
        if self._after_paint:
            callbacks, self._after_paint = self._after_paint, ()
            for callback in callbacks:
                callback()
        if self._caret is not None:
            self._caret.painted()
        editor_painted()  # a garbage collection that is due runs now, between two keystrokes
