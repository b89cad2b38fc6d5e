"""Journals the open document's unsaved text to Midad's data folder, off the GUI thread.

About 1.5 s after typing pauses, and at least every 4 s while typing goes on, a snapshot (whole
article text, base file and hash, caret, scroll) is taken on the GUI thread and written atomically by
a single worker thread (writes and removals run in order). After a clean save or a clean exit the entry
is removed. When a write fails, `failed` carries one sentence at once (the window shows a banner);
`recovered` follows the next good write.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.article.storage import describe_os_error
from editor.core.recovery.journal import Journal, JournalEntry, new_entry_id
from editor.ui.article.document import Document
from editor.ui.common.i18n import localize, tr

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

PAUSE_MS = 1500
MAX_MS = 4_000  # "at least every 30 s"; 4 s keeps a crash within 5 s of the last word


class JournalKeeper(QObject):
    """Keeps one document's journal entry up to date."""

    failed = Signal(str)
    recovered = Signal()
    _written = Signal(object)  # None when fine, else the error (worker thread → GUI thread)

    def __init__(
        self,
        document: Document,
        journal: Journal | None = None,
        parent: QObject | None = None,
        pause_ms: int = PAUSE_MS,
        max_ms: int = MAX_MS,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.journal = journal or Journal()
        self.entry_id = new_entry_id()
        self.new_file_path = lambda: None  # where an unsaved new article will go (FileController)
        self.failing = False
        self._has_entry = False
        self._written_state: tuple | None = None
        self._executor: ThreadPoolExecutor | None = None  # the writer thread, started when first needed
        self._pending: Future | None = None
        self._pause = QTimer(self, singleShot=True, interval=pause_ms)
        self._pause.timeout.connect(self.write_now)
        self._max = QTimer(self, singleShot=True, interval=max_ms)
        self._max.timeout.connect(self.write_now)
        self._written.connect(self._on_written)
        document.editor.document().contentsChanged.connect(self._changed)
        document.meta_changed.connect(self._changed)
        document.modified_changed.connect(self._modified_changed)

    @property
    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor  # not on the window's start path

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-journal")
        return self._executor

    # --- when to write --------------------------------------------------------------------------
    def _changed(self) -> None:
        if not self.document.is_modified():
            return
        self._pause.start()
        if not self._max.isActive():
            self._max.start()

    def _modified_changed(self, modified: bool) -> None:
        if modified:
            self._changed()
        else:  # saved (or undone back to the file): nothing to recover
            self.forget()

    def snapshot(self) -> JournalEntry:
        """The entry for the document as it is now (GUI thread)."""
        d = self.document
        article = d.article()
        base = d.path or self.new_file_path()
        cursor = d.editor.textCursor()
        return JournalEntry(
            id=self.entry_id,
            text=article.text,
            base_path=str(Path(base).absolute()) if base else None,
            base_hash=d.loaded.digest if d.loaded is not None else None,
            caret=cursor.position(),
            scroll=d.editor.verticalScrollBar().value(),
            title=article.title or "",
        )

    # --- writing ------------------------------------------------------------------------------
    def write_now(self) -> None:
        """Journal the current text in the background (nothing when it is not modified)."""
        self._pause.stop()
        self._max.stop()
        if not self.document.is_modified():
            return
        state = (self.document.editor.document().revision(), id(self.document.meta_article), self.failing)
        if state == self._written_state:
            return  # nothing changed since the last write (a 1 MB snapshot costs ~30 ms)
        self._written_state = state
        entry = self.snapshot()
        self._has_entry = True
        self._pending = self._pool.submit(self._write, entry)

    def _write(self, entry: JournalEntry) -> None:
        try:
            self.journal.write(entry)
        except OSError as exc:
            self._written.emit(exc)
        else:
            self._written.emit(None)

    def _on_written(self, error: object) -> None:
        if error is None:
            if self.failing:
                self.failing = False
                self.recovered.emit()
            return
        self.failing = True
        cause = localize(describe_os_error(error)) if isinstance(error, OSError) else str(error)
        folder = str(self.journal.folder)
        self.failed.emit(
            tr(
                "Midad cannot keep a recovery copy of your unsaved text in {0}: {1}. Save your work now, or save it elsewhere with Save As."
            ).format(folder, cause)
        )

    def flush(self) -> bool:
        """Journal now and wait for it (before quitting on a signal); True when the entry is on disk."""
        self._pause.stop()
        self._max.stop()
        self.wait()
        if not self.document.is_modified():
            return True
        try:
            self.journal.write(self.snapshot())
        except OSError:
            return False
        self._has_entry = True
        return True

    def forget(self) -> None:
        """Remove the entry (clean save, clean exit, the user discarded the text)."""
        self._pause.stop()
        self._max.stop()
        self._written_state = None
        if self._has_entry:
            self._has_entry = False
            self._pending = self._pool.submit(self.journal.remove, self.entry_id)

    def run_in_background(self, job) -> None:  # noqa: ANN001 - a callable
        """Run `job` on the journal's worker thread, in order with the journal writes."""
        self._pending = self._pool.submit(job)

    def wait(self, timeout: float = 10.0) -> None:
        """Wait for the queued writes and removals."""
        pending = self._pending
        if pending is not None:
            try:
                pending.result(timeout)
            except Exception:  # noqa: BLE001 - reported through `failed` already
                pass

    def shutdown(self, keep: bool) -> None:
        """The window closes: keep the entry (quitting on a signal) or remove it (clean exit)."""
        if keep:
            self.flush()
        else:
            self.forget()
        self.wait()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
