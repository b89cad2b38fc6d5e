"""The writing window: editor, live preview, article panel, menus, toolbar and status bar.

Layout and wiring only: the document decides state, the core decides direction, tags and counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from editor.core.text.display import display_text
from editor.ui.common.i18n import localize, localize_error, tr
from editor.ui.common.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor.ui.preview.pause_work import PauseResult


class MainWindow(QMainWindow):
    closing = Signal()  # the window accepted a close: owners stop their threads

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        first_frame_only: bool = False,
        before_building: Callable[[MainWindow], object] | None = None,
    ) -> None:
        """`first_frame_only` (the GUI start): only what the first frame shows — the outline with the
        editor (`shell`); `build_parts()` and `finish_building()` add the rest after that frame.
        `before_building(window)` runs on the bare window first (the GUI start maps it there:
        `shell.map_window_first`); the editor's modules are imported after it."""
        super().__init__()
        self.settings = settings or Settings()
        if before_building is not None:
            before_building(self)
        from editor.ui.editor.highlighter import MarkdownHighlighter
        from editor.ui.editor.markdown_edit import MarkdownEdit
        from editor.ui.window.shell import build_shell, restore_geometry

        self.editor = MarkdownEdit(self)
        self.editor.setObjectName("editor")
        self.highlighter = MarkdownHighlighter(self.editor.document(), self.editor.palette())
        self._requested_body = ""
        self.parts_built = False  # document, files, preview, menus…: `build_parts()`
        build_shell(self)  # splitter, menu titles, toolbar row, side panel frame, status bar, theme
        self._apply_preferences()
        restore_geometry(self)
        self.editor.document().setModified(False)  # no article yet (building the editor "modified" it)
        self.late_parts = None  # find bar, outline, copy desk, export menus…: `finish_building()`
        if not first_frame_only:
            self.finish_building()
            from editor.ui.article.file_ops import template_article

            self.document.new(template_article(self.settings.author()))
        self.editor.setFocus()  # ready to type

    def build_parts(self) -> None:
        """Build the document, file commands, preview, menus, recovery… (once; see `parts`)."""
        if not self.parts_built:
            from editor.ui.window.parts import build_parts

            self.parts_built = True
            build_parts(self)

    def finish_building(self) -> None:
        """Build everything the first frame does not show (once; at GUI start right after that frame)."""
        self.build_parts()
        if self.late_parts is None:
            from editor.ui.window.late_parts import LateParts

            self.late_parts = LateParts(self)

    # --- building -------------------------------------------------------------------------------
    def add_file_menu_action(self, action: QAction) -> None:
        """Add an action to the File menu, above Quit (the library adds "Choose Library Folder…")."""
        self.file_menu.insertAction(self._file_menu_end, action)

    def add_side_panel(self, widget: QWidget, title: str) -> int:
        """Add a tab to the side panel (the library and tag panels go here); returns its index."""
        return self.side_tabs.addTab(widget, title)

    def _connect(self) -> None:
        a, e, d = self.menu_actions, self.editor, self.document
        self.external_changes.conflict.connect(
            lambda text: self.banner.show_messages([text], can_unlock=False)
        )
        self.external_changes.reloaded.connect(
            lambda: self.status.showMessage(tr("Reloaded: the article was changed by another program"), 8000)
        )
        a.new.triggered.connect(self.files.new)
        a.open.triggered.connect(self.files.open)
        a.save.triggered.connect(self.files.save)
        a.save_as.triggered.connect(self.files.save_as)
        a.close.triggered.connect(self.files.close_article)
        a.quit.triggered.connect(self._quit)
        a.clear_recent.triggered.connect(self.files.clear_recent)
        a.undo.triggered.connect(self._undo)
        a.redo.triggered.connect(self._redo)
        a.find.triggered.connect(lambda: self._find(replace=False))
        a.replace.triggered.connect(lambda: self._find(replace=True))
        a.preferences.triggered.connect(self._preferences)
        a.bold.triggered.connect(lambda: e.toggle_inline("**"))
        a.italic.triggered.connect(lambda: e.toggle_inline("*"))
        a.link.triggered.connect(e.insert_link)
        a.heading1.triggered.connect(lambda: e.set_heading(1))
        a.heading2.triggered.connect(lambda: e.set_heading(2))
        a.heading3.triggered.connect(lambda: e.set_heading(3))
        a.quote.triggered.connect(e.toggle_quote)
        a.bullets.triggered.connect(e.toggle_bullets)
        a.numbers.triggered.connect(e.toggle_numbers)
        a.rule.triggered.connect(e.insert_rule)
        a.paragraph_direction.triggered.connect(e.toggle_paragraph_direction)
        a.keep_number_order.triggered.connect(self._keep_number_order)
        a.article_rtl.triggered.connect(lambda: self._set_field("dir", "rtl"))
        a.article_ltr.triggered.connect(lambda: self._set_field("dir", "ltr"))
        a.toggle_preview.toggled.connect(self._toggle_preview)
        a.toggle_side_panel.toggled.connect(self.side_dock.setVisible)
        a.zoom_in.triggered.connect(lambda: self._zoom(1))
        a.zoom_out.triggered.connect(lambda: self._zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self._zoom(0))
        a.visual_caret.toggled.connect(self._set_caret_mode)
        d.modified_changed.connect(self._update_title)
        d.meta_changed.connect(self._show_meta)
        d.file_changed.connect(self._show_file)
        self.editor.loaded.connect(self._show_file)  # the form and actions, read-only while it loaded
        d.paused.connect(self._refresh)
        self.renderer.rendered.connect(self._show_preview)
        self.renderer.preview_ready.connect(self._show_preview_html)  # the HTML comes first, alone
        self.renderer.abandoned.connect(self.preview.show_notice)  # a render past its time budget
        self.form.field_edited.connect(self._set_field)
        self.tags.tags_changed.connect(lambda tags: self._set_field("tags", tags))
        self.banner.unlock_button.clicked.connect(d.unlock)
        e.cursor_moved.connect(self.status.show_cursor)
        e.files_dropped.connect(lambda paths: self.open_file(paths[0]))
        e.verticalScrollBar().valueChanged.connect(self._sync_scroll)
        self.files.recent_changed.connect(self._show_recent)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._theme_changed)

    # --- reacting ---------------------------------------------------------------------------------
    def _set_field(self, key: str, value: object) -> None:
        try:
            self.document.set_field(key, value)  # type: ignore[arg-type]
        except ValueError as exc:
            self.banner.show_messages([localize_error(exc)], can_unlock=False)
            self._show_meta()

    def _show_meta(self) -> None:
        d = self.document
        problem = "\n".join(d.problems) if not d.meta_article.front_matter_ok else None
        self.form.set_meta(d.meta, d.fields_editable, problem)
        self.form.edits["title"].setPlaceholderText(d.meta_article.title)
        self.tags.set_tags(d.meta_article.tags, d.fields_editable)
        direction = str(d.meta.get("dir") or "")
        self.menu_actions.article_rtl.setChecked(direction == "rtl")
        self.menu_actions.article_ltr.setChecked(direction == "ltr")
        self._update_title()

    def _show_file(self) -> None:
        d = self.document
        messages = [localize(m) for m in (d.notice, d.read_only_reason) if m] + d.problems
        self.banner.show_messages(messages, can_unlock=self.editor.isReadOnly())
        self.preview.base_dir = d.base_dir()
        self.menu_actions.update_enabled(not self.editor.isReadOnly(), d.fields_editable, d.path is not None)
        self._show_meta()

    def _refresh(self) -> None:
        with_html = self.preview.isVisible() or not self.isVisible()
        self._requested_body = self.editor.body_text()
        self.renderer.request(self.document.article(), self.document.base_dir(), with_html)

    def _show_preview(self, generation: int, result: PauseResult) -> None:
        if generation != self.renderer.generation or self.editor.body_text() != self._requested_body:
            return  # typing resumed: the next pause brings a fresh result, typing is not disturbed
        self.status.show_counts(result.words, result.characters, result.minutes)
        self.tags.set_hashtags(result.hashtags)
        # the whole-text check of every line's direction, computed off the GUI thread
        self.editor.apply_directions(result.directions, result.article_dir)
        if result.html is not None:
            self.preview.show_html(result.html)

    def _show_preview_html(self, generation: int, html: str) -> None:
        if generation == self.renderer.generation and self.editor.body_text() == self._requested_body:
            self.preview.show_html(html)

    def _find(self, replace: bool) -> None:
        self.finish_building()  # a Ctrl+F in the first instants of the GUI start
        self.find_bar.open_find(replace=replace)

    def _toggle_preview(self, visible: bool) -> None:
        self.preview.setVisible(visible)
        if visible:
            self._refresh()

    def _sync_scroll(self, value: int) -> None:
        bar = self.editor.verticalScrollBar()
        self.preview.follow(value / bar.maximum() if bar.maximum() else 0.0)

    def _update_title(self, *_args: object) -> None:
        name = display_text(self.document.display_name()) or tr("Untitled")
        self.setWindowTitle(f"{name}[*]")  # Qt appends the application display name
        self.setWindowModified(self.document.is_modified())

    def _show_recent(self, files: list[str]) -> None:
        self.recent_menu.clear()
        for path in files:
            action = self.recent_menu.addAction(display_text(Path(path).name))
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.menu_actions.clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _theme_changed(self, *_args: object) -> None:
        self.highlighter.set_palette(QApplication.palette())

    def _keep_number_order(self) -> None:
        changed = self.editor.keep_number_order()
        message = (
            tr("Numbers kept in order; lines changed: {0}").format(changed)
            if changed
            else tr("No reversed numbers found")
        )
        self.status.showMessage(message, 6000)

    def _undo(self) -> None:
        if self.side_dock.isAncestorOf(QApplication.focusWidget()) and self.document.meta_undo.canUndo():
            self.document.meta_undo.undo()
        else:
            self.editor.undo()

    def _redo(self) -> None:
        if self.side_dock.isAncestorOf(QApplication.focusWidget()) and self.document.meta_undo.canRedo():
            self.document.meta_undo.redo()
        else:
            self.editor.redo()

    # --- preferences and state ------------------------------------------------------------------------
    def _apply_preferences(self) -> None:
        s = self.settings
        self.editor.set_editor_font(s.font_family(), s.font_size() + s.zoom())
        self.editor.set_caret_mode(s.caret_mode())
        if self.parts_built:
            self.menu_actions.visual_caret.setChecked(s.caret_mode() == "visual")

    def _zoom(self, step: int) -> None:
        self.settings.set_zoom(self.settings.zoom() + step if step else 0)
        self._apply_preferences()

    def _set_caret_mode(self, visual: bool) -> None:
        self.settings.set_caret_mode("visual" if visual else "logical")
        self.editor.set_caret_mode(self.settings.caret_mode())

    def _preferences(self) -> None:
        from editor.ui.window import dialogs

        dialog = dialogs.PreferencesDialog(self.settings, self)
        if dialog.exec():
            if dialog.apply():
                self.status.showMessage(tr("The new language applies the next time Midad starts."), 8000)
            self._apply_preferences()

    def save_state(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        if self.preview.isVisible():
            self.settings.set_splitter_sizes(self.splitter.sizes())
        self.settings.set_preview_visible(self.menu_actions.toggle_preview.isChecked())
        self.settings.sync()

    def open_file(self, path: str, then: Callable[[], None] | None = None) -> bool:
        """Open `path` in this window (offering to save the current article first); the user's opens:
        a big file is read in the background (`FileController.open_path`), `then` runs once shown."""
        opened = self.files.open_path(path, background=True, then=then)
        self.editor.setFocus()
        return opened

    def _quit(self) -> None:
        if self.close():
            QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.parts_built:  # closed before the first frame was even followed by the rest
            event.accept()
            return
        if not (self.recovery.terminating or self.files.maybe_save()):
            event.ignore()
            return
        self.save_state()
        self.closing.emit()
        self.document.stop()
        self.renderer.shutdown()
        event.accept()
