"""File → History…: earlier versions of the open article, a diff against the current text, restore.

Versions come from the local history store (`editor.core.recovery.history`); restoring one applies
its text to the document as an edit (Undo takes it back), so nothing is written until the user saves.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.article.storage import ArticleIOError, decode_bytes
from editor.core.recovery.diffs import line_diff
from editor.core.recovery.history import HistoryStore, Version
from editor.ui.common.i18n import tr


class HistoryDialog(QDialog):
    """Lists the versions of the document's file; Restore applies the chosen one as an edit."""

    def __init__(self, document, store: HistoryStore | None = None, parent: QWidget | None = None) -> None:  # noqa: ANN001 - Document
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(tr("History"))
        self.document = document
        self.store = store or HistoryStore()
        self.restored = False
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        splitter = QSplitter(self)
        self.list = QListWidget(splitter)
        self.diff = QPlainTextEdit(splitter)
        self.diff.setReadOnly(True)
        splitter.setSizes([260, 560])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(tr("Restore This Version"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.versions: list[Version] = []
        try:
            self.versions = self.store.versions(document.path) if document.path else []
        except OSError as exc:
            self.label.setText(str(exc))
        for v in self.versions:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(v.time))
            self.list.addItem(tr("{0} — {1} words, {2} bytes").format(when, v.words, v.size))
        if not self.versions and not self.label.text():
            self.label.setText(
                tr("No earlier versions of this article yet: each save keeps the one it replaces.")
            )
        self.restore_button.setEnabled(bool(self.versions))
        if self.versions:
            self.label.setText(tr("Changes from the chosen version to the text in the window:"))
            self.list.setCurrentRow(0)
        self.resize(880, 560)

    def version_text(self, row: int) -> str:
        data = self.store.data(self.document.path, self.versions[row].number)
        return decode_bytes(data, str(self.document.path)).text

    def _show(self, row: int) -> None:
        if row < 0:
            return
        try:
            old = self.version_text(row)
        except (KeyError, OSError, ArticleIOError) as exc:
            self.diff.setPlainText(str(exc))
            return
        self.diff.setPlainText(line_diff(old, self.document.article().text, tr("version"), tr("now")))

    def restore_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        try:
            text = self.version_text(row)
        except (KeyError, OSError, ArticleIOError) as exc:
            self.diff.setPlainText(str(exc))
            return
        self.restored = self.document.replace_text(text, tr("Restore version"))
        self.accept()
