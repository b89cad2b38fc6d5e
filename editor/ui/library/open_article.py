"""One truth between the library and the open article.

Library operations go through the document: during a tag operation or undo the document's change
watcher is held (Midad's own writes are never "another program"); afterwards an open article the
operation changed is reloaded in place when it had no unsaved edits, or gets the same tag edit
applied to its text as an undoable step (its base becomes the file Midad wrote, so saving does not
write the old tag back). An undo cannot be replayed on unsaved text: it leaves that file alone and
says so in its report. When a library opens, operations killed half-way are rolled back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from editor.core.article.files import load_article
from editor.core.article.storage import ArticleIOError
from editor.core.library import tag_ops
from editor.core.library.tags import tag_key
from editor.ui.common.i18n import tr


class OpenArticleSync(QObject):
    """Keeps the open document and the library's tag operations in agreement."""

    def __init__(self, window, controller, tag_panel) -> None:  # noqa: ANN001 - MainWindow, LibraryController, TagPanel
        super().__init__(tag_panel)
        self.window = window
        self.controller = controller
        self.library = controller.library
        tag_panel.operationStarted.connect(self._started)
        tag_panel.operationFinished.connect(self._finished)
        tag_panel.protected = self._protected
        self._holding = False
        controller.run_task(lambda: tag_ops.recover_interrupted(self.library), self._recovered)

    def _recovered(self, reports: object, error: Exception | None) -> None:
        if error is None and reports:
            restored = sum(len(r.restored) for r in reports)  # type: ignore[union-attr]
            self._say(
                tr("A tag operation was interrupted; it was rolled back ({0} articles restored).").format(
                    restored
                )
            )
            self.controller.refresh()

    def _say(self, text: str) -> None:
        self.window.status.showMessage(text, 12000)

    def _rel(self) -> str | None:
        path = self.window.document.path
        if path is None:
            return None
        try:
            return Path(path).resolve().relative_to(self.library.root.resolve()).as_posix()
        except ValueError:
            return None

    def _protected(self) -> dict[str, str]:
        rel = self._rel()
        if rel is not None and self.window.document.is_modified():
            return {rel: "it is open in Midad with unsaved changes (save it, then undo its tags by hand)"}
        return {}

    def _started(self) -> None:
        if not self._holding:
            self._holding = True
            self.window.external_changes.hold(True)

    def _finished(self, report: object) -> None:
        try:
            self._apply(report)
        finally:
            if self._holding:
                self._holding = False
                self.window.external_changes.hold(False)

    def _apply(self, report: object) -> None:
        rel = self._rel()
        if rel is None or report is None:
            return
        if isinstance(report, tag_ops.TagOpReport):
            touched = rel in {c.rel_path for c in report.changed}
        else:
            touched = rel in getattr(report, "restored", [])
        if not touched:
            return
        document = self.window.document
        path = document.path
        try:
            fresh = load_article(path)
        except (ArticleIOError, OSError):
            return  # the watcher reports it once released
        if not document.is_modified():
            caret = document.editor.textCursor().position()
            document.load(path)
            cursor = document.editor.textCursor()
            cursor.setPosition(min(caret, document.editor.document().characterCount() - 1))
            document.editor.setTextCursor(cursor)
            self._say(tr("The open article was updated by the tag change."))
            return
        assert isinstance(report, tag_ops.TagOpReport)  # an undo never touches a modified open article
        keys = {tag_key(s) for s in report.sources if tag_key(s)}
        try:
            edited, _change = tag_ops.edit_article(document.article(), keys, report.target)
        except tag_ops.TagOpError:
            self._say(
                tr(
                    "The tag change could not be applied to your unsaved text; saving will ask before overwriting."
                )
            )
            return
        document.replace_text(edited.text, tr("Tag change"))
        document.rebase(fresh)
        self._say(tr("The tag change was applied to your unsaved text too (Undo takes it back)."))


def history_follows_rename(old: str, new: str) -> None:
    """An article renamed in Midad keeps its local history."""
    from editor.core.recovery.history import HistoryStore

    try:
        HistoryStore().rename(old, new)
    except OSError:
        pass  # history is a convenience: a rename never fails because of it
