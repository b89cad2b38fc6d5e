"""The library in the writing window: tag panel above the article list, in the side panel.

Builds a `Library` for the remembered folder (default `<Documents>/Midad`), its controller and the
two panels, and wires them to the window: open on click, follow renames, feed tag completion,
refresh after a save. "Choose Library Folder…" switches to another folder and remembers it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QSplitter, QVBoxLayout, QWidget

from editor.core.library.facade import Library
from editor.core.library.paths import default_library_dir
from editor.ui.common.i18n import localize, tr
from editor.ui.library.controller import LibraryController
from editor.ui.library.hit_jump import HitJump
from editor.ui.library.index_progress import IndexProgress
from editor.ui.library.open_article import OpenArticleSync, history_follows_rename
from editor.ui.library.panel import LibraryPanel
from editor.ui.library.tag_panel import TagPanel


class LibrarySidebar(QObject):
    """Owns the library tab of one MainWindow."""

    def __init__(self, window, folder: str | Path | None = None, cache_dir: str | Path | None = None) -> None:  # noqa: ANN001
        super().__init__(window)
        self.window = window
        self.cache_dir = cache_dir
        self.controller: LibraryController | None = None
        self.library_panel: LibraryPanel | None = None
        self.tag_panel: TagPanel | None = None
        self.page = QWidget(window)
        self.page.setObjectName("libraryPage")
        self._layout = QVBoxLayout(self.page)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.tab_index = window.add_side_panel(self.page, tr("Library"))
        self.choose_action = QAction(tr("Choose &Library Folder…"), window)
        self.choose_action.triggered.connect(self.choose_folder)
        window.add_file_menu_action(self.choose_action)
        window.document.file_changed.connect(self._document_saved_or_opened)
        window.closing.connect(self.shutdown)
        remembered = folder or window.settings.library_folder()
        if not (remembered and self.open_folder(remembered)):
            try:
                self.open_folder(default_library_dir())
            except OSError as exc:  # e.g. a read-only home: Midad still opens, without a library
                self.window.status.showMessage(tr("Cannot open the library folder: {0}").format(exc), 10000)

    # --- building ----------------------------------------------------------------------------
    def open_folder(self, folder: str | Path) -> bool:
        """Show the library in `folder` (replacing the current one); False with a message if it cannot."""
        try:
            library = Library(folder, cache_dir=self.cache_dir)
        except (OSError, ValueError) as exc:
            self.window.status.showMessage(tr("Cannot open the library folder: {0}").format(exc), 10000)
            return False
        self.shutdown()
        self.controller = LibraryController(library, self)
        self.tag_panel = TagPanel(self.controller, self.page)
        self.library_panel = LibraryPanel(self.controller, self.page)
        splitter = QSplitter(Qt.Orientation.Vertical, self.page)
        splitter.setObjectName("librarySplitter")
        splitter.addWidget(self.tag_panel)
        splitter.addWidget(self.library_panel)
        splitter.setSizes([220, 480])
        self._clear_page()
        self.problem_banner = _problem_banner(self.page)
        self._layout.addWidget(self.problem_banner)
        self.index_progress = IndexProgress(self.controller, self.page)  # while a long update reads files
        self._layout.addWidget(self.index_progress)
        self._layout.addWidget(splitter)
        self.sync = OpenArticleSync(self.window, self.controller, self.tag_panel)
        self.tag_panel.tagsSelected.connect(self.library_panel.set_tag_filter)
        self.library_panel.articleActivated.connect(self.window.open_file)
        self.hit_jump = HitJump(self.window, self.library_panel)  # a search result opens at its match
        self.library_panel.articleRenamed.connect(self._renamed)
        self.library_panel.articleDeleted.connect(self._deleted)
        for panel in (self.library_panel, self.tag_panel):
            panel.message.connect(lambda text: self.window.status.showMessage(text, 8000))
        self.controller.failed.connect(self._show_problem)
        self.controller.refreshed.connect(lambda _report: self._show_problem(library.notice or ""))
        self.controller.refreshed.connect(self._feed_tag_completion)
        self.tag_panel.notTagsChanged.connect(self._feed_tag_completion)  # "not a tag": out of suggestions
        self.window.tags.set_not_tags(set(self.tag_panel.not_tags))
        self.window.settings.set_library_folder(str(library.root))
        if library.notice:
            self._show_problem(library.notice)
        self.controller.start()
        return True

    def _show_problem(self, text: str) -> None:
        """A banner above the library while its index cannot be used (e.g. a full disk); '' hides it."""
        if text:
            self.problem_banner.setText(
                tr("The library index cannot be used: %1").replace("%1", localize(text))
            )
        self.problem_banner.setVisible(bool(text))
        if text:
            self.window.status.showMessage(localize(text), 10000)

    def _clear_page(self) -> None:
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def choose_folder(self) -> None:
        current = str(self.controller.library.root) if self.controller else ""
        folder = QFileDialog.getExistingDirectory(self.window, tr("Choose Library Folder"), current)
        if folder:
            self.open_folder(folder)

    def shutdown(self) -> None:
        """Stop the library's threads (on close, or before switching folders)."""
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.library.close()
            self.controller = None

    # --- reacting ----------------------------------------------------------------------------
    def _feed_tag_completion(self, _report: object = None) -> None:
        if self.controller is not None and self.tag_panel is not None:
            hidden = self.tag_panel.not_tags
            self.window.tags.set_not_tags(set(hidden))
            tags = self.controller.library.tags()
            self.window.tags.set_known_tags([summary.tag for summary in tags if summary.key not in hidden])

    def _document_saved_or_opened(self) -> None:
        path = self.window.document.path
        if self.controller is not None and path is not None:
            try:
                Path(path).resolve().relative_to(self.controller.library.root.resolve())
            except ValueError:
                return  # a file outside the library
            self.controller.refresh()

    def _renamed(self, old: str, new: str) -> None:
        history_follows_rename(old, new)
        path = self.window.document.path
        if path is not None and Path(path).resolve() == Path(old).resolve():
            self.window.document.follow_move(new)

    def _deleted(self, path: str) -> None:
        current = self.window.document.path
        if current is not None and Path(current).resolve() == Path(path).resolve():
            self.window.document.mark_deleted()
            self.window.status.showMessage(
                tr("The open article was moved to the trash; saving it writes it again."), 10000
            )


def _problem_banner(parent: QWidget) -> QLabel:
    banner = QLabel(parent)
    banner.setObjectName("libraryProblemBanner")
    banner.setWordWrap(True)
    banner.setMargin(6)
    banner.setStyleSheet("#libraryProblemBanner { background: palette(tool-tip-base); }")
    banner.hide()
    return banner
