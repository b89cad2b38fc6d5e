"""The writing window's working parts, built into the outline `shell.build_shell` made.

The message strip above the editor, the article form and tags in the side panel, the document and file commands, the watcher of outside
changes, the preview and its renderer, the actions with their menu entries and toolbar buttons, recovery (journal, lock, history), the view
modes and the theme menu. `MainWindow(settings)` builds them at once; at the GUI start
(`MainWindow(first_frame_only=True)`) they are built right after the first frame by
`MainWindow.build_parts()`, so their modules are not even imported before the article is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from editor.ui.article.document import Document
from editor.ui.article.external_changes import ExternalChangeWatcher
from editor.ui.article.file_ops import FileController
from editor.ui.article.metadata_form import MetadataForm
from editor.ui.article.tag_chips import ArticleTags
from editor.ui.common.i18n import tr
from editor.ui.preview.pane import PreviewPane, PreviewRenderer
from editor.ui.window import dialogs
from editor.ui.window.actions import Actions
from editor.ui.window.banner import Banner
from editor.ui.window.menus import build_menus
from editor.ui.window.recovery_wiring import WindowRecovery
from editor.ui.window.theme import install_theme
from editor.ui.window.view_modes import install_view_modes

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


def build_parts(window: MainWindow) -> None:
    """Build the working parts of `window` (once), in the order the window always had."""
    window.banner = Banner(window)  # hidden until it has something to say: nothing moves
    window.centralWidget().layout().insertWidget(0, window.banner)
    fill_side_panel(window)
    window.document = Document(window.editor, window)
    window.files = FileController(window, window.document, window.settings)
    window.external_changes = ExternalChangeWatcher(window.document, window)
    window.preview = PreviewPane(window)
    window.preview.setObjectName("preview")
    window.preview.confirm_link = lambda url: dialogs.confirm_open_link(window, url)
    place = window.preview_place  # the preview takes the place the outline kept for it
    window.splitter.replaceWidget(window.splitter.indexOf(place), window.preview)
    window.preview.setVisible(not place.isHidden())
    place.deleteLater()
    window.renderer = PreviewRenderer(window)
    window.menu_actions = Actions(window)
    window.files.before_save = window.form.commit_pending
    build_menus(window)
    window._show_recent(window.settings.recent_files())
    window._connect()
    window.recovery = WindowRecovery(window)
    install_view_modes(window), install_theme(window)
    a, settings = window.menu_actions, window.settings
    a.visual_caret.setChecked(settings.caret_mode() == "visual")
    a.toggle_preview.setChecked(settings.preview_visible())
    window.preview.setVisible(settings.preview_visible())
    a.toggle_side_panel.setChecked(True)


def fill_side_panel(window: MainWindow) -> None:
    """The article form and the tags, in the side panel's Article tab (made empty by the shell)."""
    window.form = MetadataForm(window)
    window.tags = ArticleTags(window)
    article_page = QWidget(window)
    page = QVBoxLayout(article_page)
    page.addWidget(window.form)
    tag_box = QGroupBox(tr("Tags"), article_page)
    QVBoxLayout(tag_box).addWidget(window.tags)
    page.addWidget(tag_box)
    page.addStretch(1)
    window.article_scroll.setWidget(article_page)
    dock = window.side_dock
    if window.settings.window_state() is None and dock.width() < window.side_tabs.sizeHint().width():
        # the first start's estimate was short for this font or language: the form is not cut
        window.resizeDocks([dock], [window.side_tabs.sizeHint().width()], Qt.Orientation.Horizontal)
