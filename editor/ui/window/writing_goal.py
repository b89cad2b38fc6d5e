"""The status bar's word-count goal (front matter `words_goal`, set in the form or the text) and the
word count of the selection.

The article's count comes from the pause worker (core counting); the selection is counted with the
same core function, a moment after the selection stops changing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar

from editor.core.article.goal import goal_percent, words_goal
from editor.core.text.arabic import count_words
from editor.ui.common.i18n import tr

if TYPE_CHECKING:
    from editor.ui.preview.pause_work import PauseResult
    from editor.ui.window.main_window import MainWindow

SELECTION_DELAY_MS = 120


class WritingGoal(QObject):
    """Goal progress and selection count in `window`'s status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.words = 0
        self.goal: int | None = None
        self.selection = QLabel(window.status)
        self.selection.setObjectName("selectionWordCount")
        self.bar = QProgressBar(window.status)
        self.bar.setObjectName("wordGoal")
        self.bar.setFixedWidth(90)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.goal_label = QLabel(window.status)
        self.goal_label.setObjectName("wordGoalText")
        window.status.insertPermanentWidget(0, self.selection)
        window.status.insertPermanentWidget(1, self.goal_label)
        window.status.insertPermanentWidget(2, self.bar)
        self.selection.hide()
        self.bar.hide()
        self.goal_label.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SELECTION_DELAY_MS)
        self._timer.timeout.connect(self.count_selection)
        window.editor.selectionChanged.connect(self._timer.start)
        window.document.meta_changed.connect(self.update_goal)
        window.renderer.rendered.connect(self._rendered)
        self.update_goal()

    def _rendered(self, generation: int, result: PauseResult) -> None:
        if generation == self.window.renderer.generation:
            self.words = result.words
            self._show()

    def update_goal(self) -> None:
        self.goal = words_goal(self.window.document.meta)
        self._show()

    def _show(self) -> None:
        if self.goal is None:
            self.bar.hide()
            self.goal_label.hide()
            return
        percent = goal_percent(self.words, self.goal)
        self.bar.setRange(0, 100)
        self.bar.setValue(min(percent, 100))
        text = tr("%1 of %2 words").replace("%1", str(self.words)).replace("%2", str(self.goal))
        self.goal_label.setText(f"{text} ({percent}%)")
        tip = tr("Word goal of this article (words_goal): %1%").replace("%1", str(percent))
        self.bar.setToolTip(tip)
        self.goal_label.setToolTip(tip)
        self.bar.show()
        self.goal_label.show()

    def count_selection(self) -> None:
        cursor = self.window.editor.textCursor()
        if not cursor.hasSelection():
            self.selection.hide()
            return
        words = count_words(cursor.selectedText().replace("\u2029", "\n"))
        self.selection.setText(tr("Selected: %1 words").replace("%1", str(words)))
        self.selection.show()


def install_writing_goal(window: MainWindow) -> WritingGoal:
    """Show the word goal and the selection's word count in `window`'s status bar."""
    window.writing_goal = WritingGoal(window)
    return window.writing_goal
