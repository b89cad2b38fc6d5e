"""A progress bar above the library while a long index update reads files.

The index is updated in the controller's worker thread (the window stays usable); this bar only
listens to `LibraryController.progress(done, total)` — emitted for updates that read 50 files or
more, about a hundred times per update — and hides itself when the update ends (`busyChanged`).
A short update (a saved article, a few new files) never shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from editor.ui.common.i18n import tr
from editor.ui.library.controller import LibraryController


class IndexProgress(QWidget):
    """ "Indexing the library: 1200 of 10000 articles" with a bar; hidden when nothing is read."""

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryIndexProgress")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        controller.progress.connect(self.show_progress)
        controller.busyChanged.connect(self._busy_changed)
        self.hide()

    def show_progress(self, done: int, total: int) -> None:
        """Show `done` of `total` files read (hidden again when the update ends)."""
        if total <= 0:
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        text = tr("Indexing the library: %1 of %2 articles")
        self.label.setText(text.replace("%1", str(done)).replace("%2", str(total)))
        self.setToolTip(self.label.text())
        self.show()

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.hide()
