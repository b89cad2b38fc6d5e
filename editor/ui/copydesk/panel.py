"""The findings panel (a side tab): every finding of the copy desk, a click jumps to it."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from editor.core.copydesk.findings import ERROR, SUGGESTION, WARNING
from editor.ui.common.i18n import localize, tr
from editor.ui.copydesk.underlines import _COLORS, Mark

SHOWN = 2000  # findings listed at most
ROWS_PER_TURN = 100  # rows added per turn of the event loop (~2–4 ms): typing goes on meanwhile


def severity_name(severity: str) -> str:
    return {ERROR: tr("Error"), WARNING: tr("Warning"), SUGGESTION: tr("Suggestion")}.get(severity, severity)


def rule_name(rule: str) -> str:
    """The rule's name for people (docs/copydesk.md lists them by id)."""
    names = {
        "quotes": tr("Quotation marks"),
        "punct-space": tr("Spaces around punctuation"),
        "latin-punct": tr("Latin punctuation"),
        "spaces": tr("Doubled spaces"),
        "odd-spaces": tr("Odd spaces"),
        "tatweel": tr("Tatweel"),
        "digits": tr("Digits"),
        "number-order": tr("Number order"),
        "invisible": tr("Invisible characters"),
        "brackets": tr("Reversed brackets"),
        "dateline-dash": tr("Dateline dash"),
        "persian-letters": tr("Persian letters"),
        "presentation-forms": tr("Presentation forms"),
        "repeated-word": tr("Repeated words"),
        "title": tr("Title"),
        "dateline": tr("Dateline"),
        "tags": tr("Tags"),
        "boilerplate": tr("Web boilerplate"),
        "hamza": tr("Hamza and spelling slips"),
        "spelling": tr("Spelling"),
    }
    return names.get(rule, rule)


def summary_text(marks: list[Mark]) -> str:
    counts = Counter(m.finding.severity for m in marks)
    if not marks:
        return tr("No findings")
    return tr("Errors: {0} · Warnings: {1} · Suggestions: {2}").format(
        counts[ERROR], counts[WARNING], counts[SUGGESTION]
    )


class FindingsPanel(QWidget):
    """Lists the marks; `activated(mark)` when the writer picks one."""

    activated = Signal(object)
    prepublish_requested = Signal()
    style_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copydeskPanel")
        layout = QVBoxLayout(self)
        self.summary = QLabel(tr("No findings"), self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("findingsList")
        self.list.setWordWrap(True)
        self.check_button = QPushButton(tr("Check before publishing"), self)
        self.style_button = QPushButton(tr("House style…"), self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.check_button)
        layout.addWidget(self.style_button)
        self._marks: list[Mark] = []
        self._stale = False
        self._filled = 0  # rows of `_marks` in the list so far
        self._filler = QTimer(self, singleShot=True, interval=0)
        self._filler.timeout.connect(self._fill_more)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.check_button.clicked.connect(self.prepublish_requested)
        self.style_button.clicked.connect(self.style_requested)

    def show_marks(self, marks: list[Mark]) -> None:
        """Show `marks` now if the panel is visible, else when it is next shown (no GUI time wasted)."""
        self._marks = list(marks)
        self._stale = True
        self._filler.stop()
        if self.isVisible():
            self._fill()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._fill()

    def _fill(self) -> None:
        """List the marks: the first rows now, the rest a slice per turn of the event loop."""
        self._stale = False
        self.summary.setText(summary_text(self._marks))
        self.list.clear()
        self._filled = 0
        self._fill_more()

    def filling(self) -> bool:
        """True while rows are still being added."""
        return self._filler.isActive()

    def _fill_more(self) -> None:
        end = min(len(self._marks), SHOWN, self._filled + ROWS_PER_TURN)
        self.list.setUpdatesEnabled(False)
        for index in range(self._filled, end):
            mark = self._marks[index]
            f = mark.finding
            line = mark.cursor.block().blockNumber() + 1 if mark.cursor is not None else 0
            where = tr("line {0}").format(line) if line else tr("article")
            item = QListWidgetItem(f"{where} · {severity_name(f.severity)}: {localize(f.message)}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            kind = "spelling" if f.rule == "spelling" else f.severity
            item.setForeground(QColor(_COLORS[kind]))
            self.list.addItem(item)
        self.list.setUpdatesEnabled(True)
        self._filled = end
        if end < min(len(self._marks), SHOWN):
            self._filler.start()

    def _activate(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int) and 0 <= index < len(self._marks):
            self.activated.emit(self._marks[index])
