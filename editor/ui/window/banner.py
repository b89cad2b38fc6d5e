"""The message strip above the editor (encoding notices, read-only files, front-matter problems)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from editor.ui.common.i18n import tr


class Banner(QFrame):
    """A message strip above the editor (encoding notices, read-only files, front-matter problems)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#banner { background: palette(tool-tip-base); }")
        layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unlock_button = QPushButton(tr("Edit anyway"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.unlock_button)
        self.hide()

    def show_messages(self, messages: list[str], can_unlock: bool) -> None:
        self.label.setText("\n".join(messages))
        self.unlock_button.setVisible(can_unlock)
        self.setVisible(bool(messages))
