"""Recovery in one writing window: the journal keeper, its banner, and quitting without asking.

The keeper journals the unsaved text; when the journal cannot be written a banner says so at once.
On a clean close the entry is removed; when Midad quits on SIGTERM/SIGHUP (`terminate`), the text is
journaled, nothing is asked, and the entry is kept for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from editor.core.recovery.journal import Journal
from editor.ui.recovery.keeper import JournalKeeper
from editor.ui.window.banner import Banner


class WindowRecovery(QObject):
    """Owns the journal keeper of one MainWindow."""

    def __init__(self, window, journal: Journal | None = None) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self.terminating = False
        self.keeper = JournalKeeper(window.document, journal, parent=self)
        self.keeper.new_file_path = lambda: window.files.new_file_path
        window.journal_keeper = self.keeper
        self.banner = Banner(window)
        self.banner.setObjectName("journalBanner")
        window.centralWidget().layout().insertWidget(0, self.banner)
        self.keeper.failed.connect(lambda text: self.banner.show_messages([text], can_unlock=False))
        self.keeper.recovered.connect(self.banner.hide)
        window.closing.connect(self._closing)

    def _closing(self) -> None:
        self.keeper.shutdown(keep=self.terminating)

    def terminate(self) -> None:
        """Quit on a signal: journal the text, close without asking, keep the entry."""
        self.terminating = True
        self.keeper.flush()
        self.window.close()
