"""The status bar: words, characters, reading time (core counting), paragraph direction, caret line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.ui.common.i18n import tr


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = QLabel(self)
        self.words.setObjectName("wordCount")
        self.characters = QLabel(self)
        self.reading = QLabel(self)
        self.direction = QLabel(self)
        self.direction.setObjectName("paragraphDirection")
        self.position = QLabel(self)
        for label in (self.words, self.characters, self.reading, self.direction, self.position):
            self.addPermanentWidget(label)
        self.show_counts(0, 0, 0)
        self.show_cursor(1, 1, "rtl")

    def show_counts(self, words: int, characters: int, minutes: int) -> None:
        self.words.setText(tr("%1 words").replace("%1", str(words)))
        self.characters.setText(tr("%1 characters").replace("%1", str(characters)))
        self.reading.setText(tr("%1 min read").replace("%1", str(minutes)))

    def show_cursor(self, line: int, column: int, direction: str) -> None:
        self.direction.setText(tr("RTL") if direction == "rtl" else tr("LTR"))
        self.position.setText(tr("Line %1, column %2").replace("%1", str(line)).replace("%2", str(column)))
