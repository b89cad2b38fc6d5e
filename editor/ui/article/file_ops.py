"""File commands of the writing window: New, Open, Save, Save As, recent files, Close.

Dialogs are attributes (`ask_save`, `choose_open_path`, `choose_save_path`, `show_error`,
`save_failed`, `resolve_conflict`) so tests
and other front ends can replace them. Every failure leaves the open article and the file on disk
as they were, and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from editor.core.article.model import Article
from editor.core.article.new_article import template_article as new_article_template
from editor.core.article.save_guard import remove_stray_temps
from editor.core.article.slug import suggest_file_name
from editor.core.article.storage import ANY, ArticleIOError, SaveConflict, read_text_file
from editor.core.text.display import display_text
from editor.ui.article import reading, save_problems
from editor.ui.article.document import Document
from editor.ui.article.reading import ReadArticle
from editor.ui.article.shown import ShownArticle
from editor.ui.common.i18n import localize_error, tr
from editor.ui.common.settings import Settings
from editor.ui.window import dialogs


def template_article(author: str = "") -> Article:
    """A new article: Midad's front matter (today's date, draft) and an empty body; its `lang` is
    decided at the first save (`finish_new_article`)."""
    return new_article_template("", author or None)


class FileController(QObject):
    recent_changed = Signal(list)

    def __init__(self, window: QWidget, document: Document, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.settings = settings
        self.before_save = lambda: None  # e.g. the form commits the field being typed in
        self.ask_save = dialogs.ask_save_changes
        self.choose_open_path = dialogs.choose_open_path
        self.choose_save_path = dialogs.choose_save_path
        self.show_error = dialogs.show_error
        self.save_failed = save_problems.save_failed  # (window, title, message) -> wants Save As
        self.resolve_conflict = save_problems.resolve_conflict  # (window, name, mine, theirs) -> choice
        self.new_file_path: Path | None = None  # where a new article given on the command line goes
        self.reader = reading.ArticleReader(self)
        self._said = ""

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open article (saved, discarded or unchanged)."""
        self.before_save()
        if not self.document.is_modified():
            return True
        answer = self.ask_save(self.window, self.document.display_name())
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self._stop_reading()
        self.new_file_path = None
        self.document.new(template_article(self.settings.author()))
        return True

    def close_article(self) -> bool:
        """Close the article (after offering to save) and start a new one in the window."""
        if not self.maybe_save():
            return False
        self._stop_reading()
        self.new_file_path = None
        self.document.new(template_article(self.settings.author()))
        return True

    def open(self) -> bool:
        path = self.choose_open_path(self.window, self.settings.last_folder())
        return bool(path) and self.open_path(path, background=True)

    def open_path(
        self,
        path: str | Path,
        background: bool = False,
        then: Callable[[], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> bool:
        """Open `path` in this window after offering to save; errors are shown, nothing is lost.

        `background` (the user's opens): a big file is read off the GUI thread (`reading.py`) and
        True means it is being read; it is shown once read, or its problem is said then (and `failed`
        runs). `then` runs once the article is shown and whole (see `reading.when_whole`).
        """
        if not self.maybe_save():
            return False
        self._stop_reading()
        path = Path(path)
        if not path.exists() and path.parent.is_dir():
            # `midad draft.md` for a file that does not exist yet: a new article saved there
            self.document.new(template_article(self.settings.author()))
            self.new_file_path = path
            return True
        if background and reading.worth_a_thread(path):
            self.document.editor.set_reading(True)  # the article shown stays, read-only; keys wait
            self._say(tr("Opening {0}…").format(display_text(path.name)))
            self.reader.start(path, lambda read, error: self._read(path, read, error, then, failed))
            return True
        try:
            self.document.load(path)
        except (ArticleIOError, OSError) as exc:
            self.show_error(self.window, tr("Cannot open the article"), localize_error(exc))
            return False
        self._opened(path, then)
        return True

    @property
    def reading(self) -> Path | None:
        """The file being read in the background, if any."""
        return self.reader.path

    def _read(
        self,
        path: Path,
        read: ReadArticle | None,
        error: BaseException | None,
        then: Callable[[], None] | None,
        failed: Callable[[], None] | None = None,
    ) -> None:
        self._say("")
        editor = self.document.editor
        try:
            if read is None:
                raise error if error is not None else ArticleIOError(str(path))
            self.document.load(path, read=read)
        except (ArticleIOError, OSError, ValueError, MemoryError) as exc:
            editor.set_reading(False, keep_keys=False)  # the article that was shown stays, editable
            self.show_error(self.window, tr("Cannot open the article"), localize_error(exc) or repr(exc))
            if failed is not None:
                failed()
            return
        editor.set_reading(False)  # the keys typed while it was read go to it
        self._opened(path, then)

    def _stop_reading(self) -> None:
        if self.reader.reading:
            self.reader.cancel()
            self.document.editor.set_reading(False, keep_keys=False)
            self._say("")

    def _say(self, text: str) -> None:
        bar = self.window.statusBar() if isinstance(self.window, QMainWindow) else None
        if bar is not None and (text or bar.currentMessage() == self._said):
            bar.showMessage(text)
        self._said = text

    def _opened(self, path: Path, then: Callable[[], None] | None) -> None:
        remove_stray_temps(path.parent, path.name)  # what a killed save left next to it
        self._remember(path)
        if then is not None:
            reading.when_whole(self.document, then)  # (a big article goes in slices)

    def adopt(self, shown: ShownArticle) -> None:
        """Take over the article the editor already shows (read at the GUI start before this window
        was complete) as if `open_path` had opened it; what was typed since stays."""
        path = shown.loaded.path
        self.document.load(path, shown)
        remove_stray_temps(path.parent, path.name)
        self._remember(path)

    def save(self) -> bool:
        if self.reader.reading:  # (the article shown is being replaced: it was saved or let go)
            return False
        self.before_save()
        if self.document.path is None and self.new_file_path is not None and not self.new_file_path.exists():
            return self._save_to(self.new_file_path)
        if self.document.path is None or self.document.read_only_reason:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.reader.reading:
            return False
        self.before_save()
        meta = self.document.meta
        name = suggest_file_name(meta.get("slug"), self.document.meta_article.title or None)
        folder = Path(self.settings.last_folder()) if self.settings.last_folder() else Path.home()
        if self.document.path is not None:
            folder = self.document.path.parent
        path = self.choose_save_path(self.window, str(folder / name))
        if not path:
            return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path | None, expected: str | None = ANY) -> bool:
        try:
            self.document.save(path, expected)
        except SaveConflict as exc:
            return self._conflict(exc)
        except (ArticleIOError, OSError) as exc:
            if self.save_failed(self.window, tr("The article was not saved"), localize_error(exc)):
                return self.save_as()
            return False
        if self.document.path is not None:
            self.new_file_path = None
            self._remember(self.document.path)
        return True

    def _conflict(self, conflict: SaveConflict) -> bool:
        """The file changed on disk under unsaved edits: keep mine, take theirs, or cancel."""
        path = self.document.path
        assert path is not None
        try:
            theirs = read_text_file(path).text if conflict.current is not None else ""
        except (ArticleIOError, OSError):
            theirs = ""
        choice = self.resolve_conflict(self.window, path.name, self.document.article().text, theirs)
        if choice == save_problems.MINE:
            return self._save_to(None, conflict.current)  # overwrite exactly the version that was shown
        if choice == save_problems.THEIRS:
            caret = self.document.editor.textCursor().position()
            try:
                self.document.load(path)
            except (ArticleIOError, OSError) as exc:
                self.show_error(self.window, tr("Cannot open the article"), localize_error(exc))
                return False
            cursor = self.document.editor.textCursor()
            cursor.setPosition(min(caret, self.document.editor.document().characterCount() - 1))
            self.document.editor.setTextCursor(cursor)
        return False

    def _remember(self, path: Path) -> None:
        self.settings.set_last_folder(str(path.resolve().parent))
        self.recent_changed.emit(self.settings.add_recent_file(str(path.resolve())))

    def clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.recent_changed.emit([])
