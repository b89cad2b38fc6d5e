"""One open article: its file, its front matter, the editor's body, modified state and undo.

The body lives in the editor's QTextDocument (newlines shown as `\\n`); the front matter lives
here as an `Article` whose fields change only through `Article.with_field`, each change one
undoable command. `article()` joins both; an untouched body is saved exactly as it was read
(mixed newlines included), an edited one with the file's dominant newline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QUndoCommand, QUndoStack

from editor.core.article.files import LoadedArticle, load_article, save_article
from editor.core.article.model import Article, TagsAsTextError
from editor.core.article.new_article import finish_new_article, with_final_newline
from editor.core.article.storage import ANY, read_file_bytes
from editor.core.text.arabic import count_characters, count_words, reading_minutes
from editor.core.text.changed_span import changed_span
from editor.core.text.direction import article_direction
from editor.ui.article.reading import ReadArticle
from editor.ui.article.shown import ShownArticle, editor_body, show_in_editor  # noqa: F401 - re-exported
from editor.ui.common.i18n import localize
from editor.ui.editor.loading import BIG_BODY_CHARS
from editor.ui.editor.markdown_edit import MarkdownEdit

PAUSE_MS = 300
# fields typed in letter by letter: consecutive edits of one of them merge into one undo step
_TYPED_FIELDS = frozenset({"title", "subtitle", "author", "location", "category", "slug", "summary"})


def _utf16_len(text: str) -> int:
    """Qt positions count UTF-16 units (an emoji is two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class _FieldEdit(QUndoCommand):
    def __init__(self, document: Document, before: Article, after: Article, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._before = before
        self._after = after
        self._key = text

    def id(self) -> int:  # noqa: A003 - Qt override
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Keystrokes in one field (the form reports each one) are one undo step."""
        if not isinstance(other, _FieldEdit) or other._key != self._key or self._key not in _TYPED_FIELDS:
            return False
        self._after = other._after
        self.setObsolete(self._after.text == self._before.text)
        return True

    def redo(self) -> None:
        self._document._set_meta_article(self._after)

    def undo(self) -> None:
        self._document._set_meta_article(self._before)


class Document(QObject):
    """The article being edited in one window."""

    modified_changed = Signal(bool)
    meta_changed = Signal()  # front matter changed (by an edit, undo or load)
    paused = Signal()  # typing paused for PAUSE_MS: time to count words and render
    file_changed = Signal()  # another file, or the same file after a save

    def __init__(self, editor: MarkdownEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.loaded: LoadedArticle | None = None
        self._meta_article = Article.from_text("")
        self._editor_body_at_load = ""
        self._new_article = False  # started from the template: it keeps a final newline
        # asked before a tag edit rewrites a `tags` string another tool wrote as a list (the window asks)
        self.confirm_split_tags: Callable[[str], bool] = lambda _raw: False
        self.meta_undo = QUndoStack(self)
        self.read_only_reason: str | None = None
        self.notice: str | None = None
        self.saved_over: Callable[[Path, bytes], None] | None = None  # (path, bytes a save replaced)
        self.claim_file: Callable[[Path], str | None] | None = None  # a reason when another Midad has it open
        self._lock_reason: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._on_pause)
        editor.document().contentsChanged.connect(self._timer.start)
        editor.document().modificationChanged.connect(self._emit_modified)
        self.meta_undo.cleanChanged.connect(self._emit_modified)

    # --- state -------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.loaded.path if self.loaded else None

    @property
    def meta(self) -> dict:
        return self._meta_article.meta

    @property
    def meta_article(self) -> Article:
        """The front matter as last edited (its body is the body as loaded)."""
        return self._meta_article

    @property
    def problems(self) -> list[str]:
        return [localize(p.describe()) for p in self._meta_article.problems]

    @property
    def fields_editable(self) -> bool:
        return self._meta_article.front_matter_ok and not self.editor.isReadOnly()

    def is_modified(self) -> bool:
        return self.editor.document().isModified() or not self.meta_undo.isClean()

    def body_for_save(self) -> str:
        """The body to write: as loaded if untouched, else the editor text with the file's newline."""
        text = self.editor.body_text()
        if text == self._editor_body_at_load:
            return self._meta_article.body
        newline = self._meta_article.newline
        return text.replace("\n", newline) if newline != "\n" else text

    def article(self) -> Article:
        """The whole article as it would be saved now."""
        body = self.body_for_save()
        if body == self._meta_article.body:
            return self._meta_article
        return self._meta_article.with_body(body)

    def base_dir(self) -> Path | None:
        return self.path.parent if self.path else None

    def direction(self) -> str:
        return article_direction(self.meta, self.editor.body_text())

    def counts(self) -> tuple[int, int, int]:
        """Words, characters and reading minutes of the body (core counting)."""
        body = self.editor.body_text()
        words = count_words(body)
        return words, count_characters(body), reading_minutes(words)

    def display_name(self) -> str:
        return self.path.name if self.path else (self._meta_article.title or "")

    # --- loading and saving --------------------------------------------------------------------
    def load(
        self, path: str | Path, shown: ShownArticle | None = None, read: ReadArticle | None = None
    ) -> None:
        """Open `path` (raises ArticleIOError; the current article is untouched then).

        `shown`: the editor already shows this article (`show_in_editor`); it is taken over as it
        was read, and whatever was typed since stays (unsaved). `read`: the file was read already
        (off the GUI thread: `reading.py`).
        """
        if read is not None:
            loaded = read.loaded
        else:
            loaded = shown.loaded if shown is not None else load_article(path)
        self._show(loaded.article, loaded, shown, read)
        self.notice = loaded.notice
        self._lock_reason = self.claim_file(loaded.path) if self.claim_file is not None else None
        self.read_only_reason = loaded.read_only_reason or self._lock_reason
        self.editor.setReadOnly(self.read_only_reason is not None)
        self.file_changed.emit()

    def new(self, article: Article) -> None:
        """Start an unsaved article (e.g. from the template)."""
        self._show(article, None)
        self._new_article = True
        self.notice = None
        self.read_only_reason = None
        self.editor.setReadOnly(False)
        self.file_changed.emit()

    def _show(
        self,
        article: Article,
        loaded: LoadedArticle | None,
        shown: ShownArticle | None = None,
        read: ReadArticle | None = None,
    ) -> None:
        self.loaded = loaded
        self._new_article = False
        self._meta_article = article
        if read is not None:
            self.editor.set_body(read.body, read.direction, read.prepared)
        elif shown is None:
            self.editor.set_body(*editor_body(article))
        self._editor_body_at_load = shown.body_at_load if shown is not None else self.editor.body_text()
        self.meta_undo.clear()
        self.meta_undo.setClean()
        self.meta_changed.emit()
        self._emit_modified()
        self._on_pause()

    def save(self, path: str | Path | None = None, expected: str | None = ANY) -> None:
        """Save to the current file, or to `path` (Save As). Raises ArticleIOError; nothing is lost then.

        Saving to the current file checks that it is still the one loaded (SaveConflict otherwise);
        `expected` overrides that: a digest (what the user agreed to overwrite), or None (no file).
        """
        article = self.article()
        if self._new_article:  # started from the template: `lang` decided at the first save, final newline
            article = finish_new_article(article) if self.loaded is None else with_final_newline(article)
        previous = None
        if self.loaded is not None:
            if path is None and expected == ANY:
                expected = self.loaded.digest or ANY
            if path is None and self.saved_over is not None:
                try:
                    previous = read_file_bytes(self.loaded.path)
                except OSError:
                    previous = None
            saved = save_article(self.loaded, article, path, expected)
        elif path is not None:
            saved = save_article(path, article, expected=expected)
        else:
            raise ValueError("a new article needs a path for its first save")
        self.loaded = saved
        self._meta_article = saved.article
        self._editor_body_at_load = self.editor.body_text()
        self.notice = None
        self.read_only_reason = saved.read_only_reason
        self.editor.document().setModified(False)
        self.meta_undo.setClean()
        self._emit_modified()
        self.file_changed.emit()
        if previous is not None and self.saved_over is not None:
            self.saved_over(saved.path, previous)  # local history keeps the version this save replaced

    def replace_text(self, text: str, label: str = "") -> bool:
        """Make the whole article `text` by editing (restore, history, library edits); False if equal.

        The front matter changes as one step of the field undo, the body as one step of the editor's
        undo (only the span between the first and the last difference is replaced). A span of more
        than `BIG_BODY_CHARS` characters (or an editor still loading) makes the whole body go in
        slices like a big file: the article is modified, but that step cannot be undone.
        """
        target = Article.from_text(text)
        if target.text == self.article().text:
            return False
        before = self._meta_article
        after = target.with_body(before.body)
        if after.text != before.text:
            self.meta_undo.push(_FieldEdit(self, before, after, label))
        new_body = target.body.replace("\r\n", "\n").replace("\r", "\n")
        old_body = self.editor.body_text()
        start, end = changed_span(old_body, new_body) if new_body != old_body else (0, 0)
        if new_body != old_body and (self.editor.loading or len(new_body) - end - start > BIG_BODY_CHARS):
            # a big part goes in slices (as a big file opens): modified, but not one undo step
            self.editor.set_body(new_body, article_direction(target.meta, new_body[:20_000]))
            self.editor.document().setModified(True)
        elif new_body != old_body:
            positions = self.editor.position_map(old_body)
            cursor = QTextCursor(self.editor.document())
            cursor.beginEditBlock()
            cursor.setPosition(positions.to_qt(start))
            cursor.setPosition(positions.to_qt(len(old_body) - end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new_body[start : len(new_body) - end])
            cursor.endEditBlock()
        self._emit_modified()
        return True

    def rebase(self, loaded: LoadedArticle) -> None:
        """The file on disk is now `loaded` because Midad itself changed it (the same edit is in the text)."""
        self.loaded = loaded

    def follow_move(self, new_path: str | Path) -> None:
        """The file was renamed or moved outside the editor: keep editing it at `new_path`."""
        if self.loaded is not None:
            self.loaded = replace(self.loaded, path=Path(new_path))
            self.file_changed.emit()

    def mark_deleted(self) -> None:
        """The file is gone (e.g. moved to the trash): the text is unsaved now, so closing asks."""
        self.editor.document().setModified(True)
        self._emit_modified()

    def unlock(self) -> None:
        """Allow editing a read-only file (it can then only be saved under another name).

        A file only locked by another Midad window can then be saved in place (the checked save
        still stops if that window saved it meanwhile).
        """
        if self._lock_reason is not None and self.read_only_reason == self._lock_reason:
            self.read_only_reason = None
        self._lock_reason = None
        self.editor.setReadOnly(False)
        self.file_changed.emit()

    # --- front matter edits ----------------------------------------------------------------------
    def set_field(self, key: str, value: str | int | list[str] | None) -> bool:
        """Change one front-matter field as an undoable step; False if nothing changed.

        Raises ValueError when the front matter is malformed (the core refuses to edit it).
        """
        before = self._meta_article
        if key not in before.meta and value in ("", None, []):
            return False
        if before.meta.get(key) == value:
            return False
        try:
            after = before.with_field(key, value)
        except TagsAsTextError as exc:  # `tags: أمن, الرباط` from another tool: rewrite only if allowed
            if not self.confirm_split_tags(exc.raw):
                self.meta_changed.emit()  # show the tags as they still are
                return False
            after = before.with_field(key, value, split_tags=True)
        if after.text == before.text:
            return False
        self.meta_undo.push(_FieldEdit(self, before, after, key))
        return True

    def set_tags(self, tags: list[str]) -> bool:
        return self.set_field("tags", list(tags))

    def _set_meta_article(self, article: Article) -> None:
        self._meta_article = article
        self.editor.set_article_direction(self.direction())
        self.meta_changed.emit()
        self._timer.start()

    # --- signals -----------------------------------------------------------------------------------
    def _emit_modified(self, *_args: object) -> None:
        self.modified_changed.emit(self.is_modified())

    def _on_pause(self) -> None:
        self.paused.emit()

    def stop(self) -> None:
        """No more pause work (the window is closing)."""
        self._timer.stop()

    def flush(self) -> None:
        """Run the pending pause work now (before saving, in tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self._on_pause()
