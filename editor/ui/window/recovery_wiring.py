"""Recovery in one writing window: the journal keeper, its banner, and quitting without asking.

The keeper journals the unsaved text; when the journal cannot be written a banner says so at once.
On a clean close the entry is removed; when Midad quits on SIGTERM/SIGHUP (`terminate`), the text is
journaled, nothing is asked, and the entry is kept for the next start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from editor.core.article.model import Article
from editor.core.article.storage import decode_bytes
from editor.core.recovery.journal import Journal
from editor.core.recovery.session import Session, load_session, save_session
from editor.core.text.arabic import count_words
from editor.ui.common.i18n import tr
from editor.ui.recovery.file_lock import DocumentLock
from editor.ui.recovery.keeper import JournalKeeper
from editor.ui.window.banner import Banner

if TYPE_CHECKING:
    from editor.core.recovery.history import HistoryStore


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
        # the preview renders after a short pause: the text is journaled before that risky work
        window.document.paused.connect(self.keeper.write_now)
        self.reopen_action = QAction(tr("Reopen the Last Article at Start"), window)
        self.reopen_action.setCheckable(True)
        self.reopen_action.setChecked(window.settings.reopen_last())
        self.reopen_action.toggled.connect(window.settings.set_reopen_last)
        window.add_file_menu_action(self.reopen_action)
        self._history: HistoryStore | None = None  # SQLite: opened when first used, not at start-up
        self.history_action = QAction(tr("&History…"), window)
        self.history_action.triggered.connect(self.show_history)
        window.add_file_menu_action(self.history_action)
        window.document.saved_over = self._keep_version
        window.document.file_changed.connect(
            lambda: self.history_action.setEnabled(window.document.path is not None)
        )
        self.file_lock = DocumentLock(window.document, self)
        window.closing.connect(self._closing)

    @property
    def history(self) -> HistoryStore:
        """The local history store (`<data>/history.sqlite3`)."""
        if self._history is None:
            from editor.core.recovery.history import HistoryStore

            self._history = HistoryStore()
        return self._history

    @history.setter
    def history(self, store: HistoryStore) -> None:
        self._history = store

    def _keep_version(self, path: Path, data: bytes) -> None:
        """A save replaced `data`: keep it in the local history (in the journal's worker thread)."""

        def keep() -> None:
            try:
                text = decode_bytes(data, str(path)).text
                self.history.add(path, data, count_words(Article.from_text(text).body))
            except (OSError, ValueError):
                pass  # history is a convenience: a failure never fails the save

        self.keeper.run_in_background(keep)

    def show_history(self) -> bool:
        """File → History…: True when a version was restored (as an edit)."""
        self.keeper.wait()  # the version of the last save is in the store
        from editor.ui.recovery.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.window.document, self.history, self.window)
        dialog.exec()
        return dialog.restored

    def _closing(self) -> None:
        self.keeper.shutdown(keep=self.terminating)
        self.remember_session()
        self.file_lock.release()

    def remember_session(self) -> None:
        """Write what is open (its file, caret, scroll) for the next start."""
        document = self.window.document
        session = None
        if document.path is not None:
            session = Session(
                str(Path(document.path).absolute()),
                document.editor.textCursor().position(),
                document.editor.verticalScrollBar().value(),
            )
        try:
            save_session(session)
        except OSError:
            pass  # the journal banner already reports an unusable data folder

    def restore_session(self) -> bool:
        """Reopen the last clean exit's article (if the preference is on and nothing else is open)."""
        window = self.window
        if (
            not window.settings.reopen_last()
            or window.document.path is not None
            or window.files.new_file_path
            or window.files.reading  # (a file given on the command line, still being read)
        ):
            return False
        session = load_session()
        if session is None:
            return False
        path = Path(session.path)
        if not path.is_file():
            window.status.showMessage(
                tr("The article open last time is no longer there: {0}").format(path), 12000
            )
            return False
        editor = window.editor

        def place_caret() -> None:  # once it is shown (a big article is read in the background)
            cursor = editor.textCursor()
            cursor.setPosition(min(session.caret, editor.document().characterCount() - 1))
            editor.setTextCursor(cursor)
            QTimer.singleShot(0, lambda: editor.verticalScrollBar().setValue(session.scroll))  # after layout

        return window.open_file(str(path), then=place_caret)

    def terminate(self) -> None:
        """Quit on a signal: journal the text, close without asking, keep the entry."""
        self.terminating = True
        self.keeper.flush()
        self.window.close()
