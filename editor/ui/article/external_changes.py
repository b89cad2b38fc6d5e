"""The open article changed on disk (another editor, a sync tool): reload it, or warn.

With no unsaved edits in Midad, the article is reloaded in place (caret kept). With unsaved edits
nothing is replaced: `conflict` tells the user once, and saving later asks before overwriting
(see FileController). A QFileSystemWatcher reacts at once; a slow timer also checks, because
editors that save by renaming a new file over the old one end the watch.
A big file (over `reading.THREAD_BYTES`) is read, hashed and prepared by a worker thread like a big
file the user opens (`reading.py`), and goes in slices; the window stays live meanwhile (typing goes
on: text typed before the read is back makes it a conflict instead of a reload).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from editor.core.article.files import LoadedArticle, article_bytes
from editor.core.article.storage import ArticleIOError, content_digest
from editor.ui.article import reading
from editor.ui.article.document import Document
from editor.ui.common.i18n import tr

DEBOUNCE_MS = 250
POLL_MS = 2000


class ExternalChangeWatcher(QObject):
    """Watches the document's file and reacts to changes made by other programs."""

    reloaded = Signal()
    conflict = Signal(str)  # a sentence for the user

    def __init__(self, document: Document, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.document = document
        self._warned = False
        self._held = 0
        self._reader = reading.ArticleReader(self)  # a big file's new content
        self._again = False  # asked to check again while it was read
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._debounce.start())
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.check(force=True))
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.check)
        self._poll.start()
        document.file_changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        """Watch the file the document now shows."""
        self._warned = False
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._watch()

    def _watch(self) -> None:
        path = self.document.path
        if path is not None and path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def hold(self, held: bool) -> None:
        """Midad itself is writing the file (a library operation): ignore changes until released."""
        self._held = max(0, self._held + (1 if held else -1))

    def check(self, force: bool = False) -> None:
        """Compare the file on disk with what was loaded; reload or warn if another program changed it.

        The poll compares size and time; a change notice (`force`) compares the content's hash, so a
        same-size edit with its time put back is seen too.
        """
        loaded = self.document.loaded
        if (
            self._held
            or loaded is None
            or not loaded.path.exists()
            or not (force or loaded.changed_on_disk())
        ):
            return
        self._watch()  # a rename-over save ended the watch
        if self.document.editor.loading:  # (an article still going in, or the next one being read)
            if force:
                self._debounce.start()  # look again in a moment
            return
        if self._reader.reading:  # (its result is compared when it comes: then once more)
            self._again = True
            return
        if reading.worth_a_thread(loaded.path):
            self._reader.start(loaded.path, lambda read, error: self._read(loaded, read, error))
            return
        try:
            data = loaded.path.read_bytes()
            stat = loaded.path.stat()
        except OSError:
            return
        if (
            (content_digest(data) == loaded.digest)
            if loaded.digest
            else (data == article_bytes(loaded.article, loaded.encoding, loaded.bom))
        ):  # touched, not changed
            self.document.loaded = replace(loaded, mtime_ns=stat.st_mtime_ns, size=stat.st_size)
            return
        self._changed(loaded)

    def _read(self, loaded: LoadedArticle, read: reading.ReadArticle | None, error: object) -> None:
        """A big file's content, read by the worker: the same decisions as `check`, on the GUI thread."""
        again, self._again = self._again, False
        if read is None or self.document.loaded is not loaded:  # unreadable now, or another file
            if again:  # (e.g. half-written by a sync tool: the next check tries again)
                self.check(force=True)
            return
        digest = loaded.digest or content_digest(article_bytes(loaded.article, loaded.encoding, loaded.bom))
        if read.loaded.digest == digest:  # touched, not changed
            self.document.loaded = replace(loaded, mtime_ns=read.loaded.mtime_ns, size=read.loaded.size)
        else:
            self._changed(loaded, read)
        if again:
            self.check(force=True)

    def _changed(self, loaded: LoadedArticle, read: reading.ReadArticle | None = None) -> None:
        """Another program changed the file: reload it (caret kept), or warn once if there are edits."""
        if self.document.is_modified():
            if not self._warned:
                self._warned = True
                self.conflict.emit(
                    tr(
                        "{0} was changed by another program. Your unsaved text is kept; saving will ask before overwriting."
                    ).format(loaded.path.name)
                )
            return
        editor = self.document.editor
        caret = editor.textCursor().position()
        try:
            self.document.load(loaded.path, read=read)
        except ArticleIOError:
            return  # e.g. half-written by a sync tool: the next check tries again

        def place_caret() -> None:
            cursor = editor.textCursor()
            cursor.setPosition(min(caret, editor.document().characterCount() - 1))
            editor.setTextCursor(cursor)

        reading.when_whole(self.document, place_caret)  # (a big article goes in slices)
        self.reloaded.emit()
