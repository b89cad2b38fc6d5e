"""At start-up: offer the text a crash left in the journal (restore as unsaved, discard, or later).

Each recoverable entry is shown with what it is, when it was journaled and a readable diff against the
file on disk. Restoring opens its file (or a new article that will be saved there) and applies the
journaled text as an edit, so the document is modified and Undo goes back to what is on disk.
Entries of a still-running Midad are not offered; damaged ones are reported and kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.article.model import Article
from editor.core.article.storage import ArticleIOError, read_text_file
from editor.core.recovery.diffs import line_diff
from editor.core.recovery.journal import Journal, JournalEntry, ScanResult
from editor.ui.article.reading import when_whole
from editor.ui.common.courier import call_on_gui_thread
from editor.ui.common.i18n import localize, tr
from editor.ui.editor.loading import BIG_BODY_CHARS

RESTORE, DISCARD, LATER = "restore", "discard", "later"


def disk_text(entry: JournalEntry) -> tuple[str, str | None]:
    """(text of the entry's file on disk, or "", and a note when it is gone or unreadable)."""
    if not entry.base_path:
        return "", tr("This article was never saved.")
    path = Path(entry.base_path)
    if not path.exists():
        return "", tr("Its file {0} does not exist any more.").format(path)
    try:
        decoded = read_text_file(path)
    except (ArticleIOError, OSError) as exc:
        return "", localize(str(exc))
    note = None
    if entry.base_hash and decoded.digest != entry.base_hash:
        note = tr("Its file was changed on disk after this text was written.")
    return decoded.text, note


class RestoreDialog(QDialog):
    """One recoverable document: what, when, the differences; Restore, Discard or Later."""

    def __init__(
        self, entry: JournalEntry, parent: QWidget | None = None, disk: tuple[str, str | None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Recover unsaved text"))
        self.choice = LATER
        old, note = disk if disk is not None else disk_text(entry)
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(entry.time))
        name = entry.name or tr("Untitled")
        lines = [
            tr("Midad closed without saving “{0}”. Unsaved text from {1} can be restored.").format(name, when)
        ]
        if entry.base_path:
            lines.append(entry.base_path)
        if note:
            lines.append(note)
        layout = QVBoxLayout(self)
        self.label = QLabel("\n".join(lines), self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.diff = QPlainTextEdit(self)
        self.diff.setObjectName("restoreDiff")
        self.diff.setReadOnly(True)
        self.diff.setPlainText(line_diff(old, entry.text, tr("on disk"), tr("unsaved")))
        layout.addWidget(self.diff, 1)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(tr("Restore"), self)
        self.discard_button = QPushButton(tr("Discard"), self)
        self.later_button = QPushButton(tr("Later"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(lambda: self._finish(RESTORE))
        self.discard_button.clicked.connect(lambda: self._finish(DISCARD))
        self.later_button.clicked.connect(lambda: self._finish(LATER))
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_restore(parent: QWidget, entry: JournalEntry, disk: tuple[str, str | None] | None = None) -> str:
    dialog = RestoreDialog(entry, parent, disk)
    dialog.exec()
    return dialog.choice


def restore_entry(window, entry: JournalEntry, journal: Journal) -> None:  # noqa: ANN001 - MainWindow
    """Show `entry` in `window` as an unsaved edit of its file, then retire the old entry.

    A big file is read off the GUI thread and the text is applied once the file is whole in the editor
    (a big text goes in slices: `Document.replace_text`); if the file cannot be read then, the text
    becomes a new article that will be saved there, as when the file is gone."""
    files = window.files
    base = Path(entry.base_path) if entry.base_path else None
    if base is not None and base.is_file():
        opened = files.open_path(
            base,
            background=True,
            then=lambda: _apply(window, entry, journal),
            failed=lambda: _as_new(window, entry, journal, base),
        )
        if opened:
            return
    _as_new(window, entry, journal, base)


def _as_new(window, entry: JournalEntry, journal: Journal, base: Path | None) -> None:  # noqa: ANN001
    window.document.new(Article.from_text(""))
    window.files.new_file_path = base if base is not None and base.parent.is_dir() else None
    _apply(window, entry, journal)


def _apply(window, entry: JournalEntry, journal: Journal) -> None:  # noqa: ANN001 - MainWindow
    document = window.document
    document.replace_text(entry.text, tr("Restore unsaved text"))
    editor = document.editor

    def place_caret() -> None:
        cursor = editor.textCursor()
        cursor.setPosition(max(0, min(entry.caret, editor.document().characterCount() - 1)))
        editor.setTextCursor(cursor)
        editor.verticalScrollBar().setValue(entry.scroll)

    when_whole(document, place_caret)
    keeper = getattr(window, "journal_keeper", None)
    if keeper is not None and len(entry.text) > BIG_BODY_CHARS:  # (a 5 MB entry: 30-40 ms to write)
        QTimer.singleShot(0, lambda: _retire_after_writing(keeper, journal, entry.id))
    elif keeper is None or keeper.flush():
        journal.remove(entry.id)  # its text lives in this window's entry now


def _retire_after_writing(keeper, journal: Journal, entry_id: str) -> None:  # noqa: ANN001 - JournalKeeper
    """Journal the restored text in the background, then remove the old entry (in order, on the
    journal's thread; kept if the new entry could not be written)."""
    modified = keeper.document.is_modified()
    keeper.write_now()
    own = journal.path_of(keeper.entry_id) if keeper.journal.folder == journal.folder else None

    def retire() -> None:
        if not modified or (own is not None and own.exists()):
            journal.remove(entry_id)

    keeper.run_in_background(retire)


def offer_recovery(
    window,  # noqa: ANN001 - MainWindow
    journal: Journal | None = None,
    ask: Callable[[QWidget, JournalEntry], str] = ask_restore,
    new_window: Callable[[], object] | None = None,
    found: ScanResult | None = None,
) -> list[str]:
    """Offer every recoverable entry; returns the choices made (for the caller's messages and tests)."""
    journal = journal or Journal()
    found = journal.scan() if found is None else found
    choices: list[str] = []
    for _path, reason in found.damaged:
        window.status.showMessage(
            tr("A recovery file could not be read and was left alone: {0}").format(localize(reason)), 15000
        )
    for entry in found.recoverable:
        choice = ask(window, entry)
        if choice == RESTORE:
            target = window
            if target.document.is_modified():
                target = new_window() if new_window is not None else None
            if target is None:
                choice = LATER
            else:
                restore_entry(target, entry, journal)
        elif choice == DISCARD:
            journal.remove(entry.id)
        choices.append(choice)
    return choices


def offer_recovery_soon(window, new_window: Callable[[], object] | None = None) -> None:  # noqa: ANN001
    """`offer_recovery` at start-up, with the journal scanned and each entry's file read by a worker
    thread first (a 5 MB entry and its file: 40-60 ms of reading, decoding and hashing)."""
    journal = Journal()

    def scan() -> None:
        found = journal.scan()
        disks = {entry.id: disk_text(entry) for entry in found.recoverable}

        def offer() -> None:
            ask = lambda parent, entry: ask_restore(parent, entry, disks.get(entry.id))  # noqa: E731
            offer_recovery(window, journal, ask, new_window, found)

        call_on_gui_thread(window, offer)

    threading.Thread(target=scan, name="midad-journal-scan", daemon=True).start()
