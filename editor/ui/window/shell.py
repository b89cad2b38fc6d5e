"""The writing window's frame: what its first paint shows, built before everything else.

`build_shell(window)` makes the window's whole outline with the editor in it: the editor column and the preview's place in the splitter, the menu bar's titles, the toolbar's row,
the side panel's frame (its Article tab, at its width), the status bar, the theme's colours, the
editor's font, and the saved geometry. At the GUI start this is all the first frame needs: the rest
(the document, file commands, article form and tags, preview, menu entries, toolbar buttons…,
`parts.build_parts`) is built right after that frame, into this outline, so the editor does not move
when it arrives.

`show_first(window, path)` puts the article in the editor for that frame (read by the core as an
open does; `FileController.adopt` then takes it over, keeping whatever was typed meanwhile).
At the GUI start the bare window is shown and mapped before any of this is built
(`early_map.map_window_first`); `show_window_first(window, path)` then shows the parts built into it
and puts the article in, before any event is processed: nothing is painted until the article is in,
so the first paint is the whole window with the article (nothing moves, no empty editor is drawn).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.text.display import display_text
from editor.ui.common.i18n import tr
from editor.ui.window.early_map import restore_frame, send_window_requests
from editor.ui.window.status_bar import StatusBar
from editor.ui.window.theme import apply_palette

if TYPE_CHECKING:
    from editor.ui.article.shown import ShownArticle
    from editor.ui.window.main_window import MainWindow

# Larger articles are not shown before the window is complete: they open the usual way, after it.
FIRST_FRAME_MAX_BYTES = 1_000_000
# The side panel's width before its form exists, in lines of the interface font (the form needs about
# 21 in English, 22.5 in Arabic); used only when no width was saved, widened if the form needs more.
PANEL_LINES = 23


def build_shell(window: MainWindow) -> None:
    """Build the outline of `window` around its editor (see the module's docstring)."""
    window.status = StatusBar(window)
    _central(window)
    _side_panel(window)
    bar = window.menuBar()
    # the entries come with the rest of the window; the titles are literals for the translation script
    titles = (("file_menu", tr("&File")), ("edit_menu", tr("&Edit")))
    for name, title in (*titles, ("format_menu", tr("F&ormat")), ("view_menu", tr("&View"))):
        setattr(window, name, bar.addMenu(title))
    toolbar = window.toolbar = QToolBar(tr("Formatting"), window)
    toolbar.setObjectName("formatToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    # an empty button keeps the row as tall as the real buttons will make it (`build_menus` removes it)
    holder = QToolButton(toolbar)
    holder.setAutoRaise(True)
    holder.setEnabled(False)
    window.toolbar_holder = toolbar.addWidget(holder)
    window.addToolBar(toolbar)
    window.setStatusBar(window.status)
    apply_palette(window)


def _central(window: MainWindow) -> None:
    left = QWidget(window)
    column = QVBoxLayout(left)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(window.editor, 1)
    window.editor_column = column  # the find bar goes below the editor (`late_parts`)
    window.splitter = QSplitter(Qt.Orientation.Horizontal, window)
    window.splitter.setObjectName("mainSplitter")
    window.splitter.addWidget(left)
    window.preview_place = QWidget(window)  # the preview takes its place (`parts.build_parts`)
    window.splitter.addWidget(window.preview_place)
    window.splitter.setChildrenCollapsible(False)
    central = QWidget(window)
    outer = QVBoxLayout(central)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(window.splitter, 1)  # the message strips go above it, hidden until they speak
    window.setCentralWidget(central)


def _side_panel(window: MainWindow) -> None:
    window.article_scroll = QScrollArea(window)  # the form and tags go in here (`parts`)
    window.article_scroll.setWidgetResizable(True)
    window.side_tabs = QTabWidget(window)
    window.side_tabs.setObjectName("sideTabs")
    window.side_tabs.addTab(window.article_scroll, tr("Article"))
    dock = window.side_dock = QDockWidget(tr("Article"), window)
    dock.setObjectName("sideDock")
    dock.setWidget(window.side_tabs)
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    dock.setTitleBarWidget(QWidget(dock))  # the tabs already say what it is
    # The panel sits at the start side: left in English, right in the mirrored Arabic UI.
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    area = Qt.DockWidgetArea.RightDockWidgetArea if rtl else Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(area, dock)


def restore_geometry(window: MainWindow) -> None:
    """The saved size, position, panels and splitter of the last window (defaults the first time)."""
    settings = window.settings
    if window.isVisible():  # mapped before it was built (`early_map`): it has its frame; its parts are
        _show_parts(window)  # shown first, so the panels get the sizes they get in a window shown whole
    else:
        restore_frame(window)
    state = settings.window_state()
    if state is not None:
        window.restoreState(state)
    else:  # the form's width, before the form exists (`parts.fill_side_panel` widens it if needed)
        width = PANEL_LINES * window.fontMetrics().height()
        window.resizeDocks([window.side_dock], [width], Qt.Orientation.Horizontal)
    window.side_dock.show()  # the side panel is shown at every start (View → Side panel hides it)
    sizes = settings.splitter_sizes()
    if len(sizes) == 2 and all(s > 0 for s in sizes):
        window.splitter.setSizes(sizes)
    else:
        window.splitter.setSizes([640, 480])
    window.preview_place.setVisible(settings.preview_visible())


def show_first(window: MainWindow, path: str) -> ShownArticle | None:
    """Show the article at `path` in the editor for the first frame, as opening it would.

    None when it is not shown now (no such file, too large, unreadable): it is then opened the usual
    way once the window is complete, which says what is wrong.
    """
    from editor.core.article.files import load_article
    from editor.ui.article.shown import show_in_editor

    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > FIRST_FRAME_MAX_BYTES:
            return None
        loaded = load_article(file)
    except (OSError, ValueError):  # ArticleIOError is an OSError; a decoding problem a ValueError
        return None
    shown = show_in_editor(window.editor, loaded)
    window.editor.setReadOnly(loaded.read_only_reason is not None)
    window.setWindowTitle(f"{display_text(file.name)}[*]")
    return shown


def show_window_first(window: MainWindow, path: str | None) -> ShownArticle | None:
    """Show `window` with its map request sent at once, then put the article at `path` in its editor.

    At the GUI start the bare window was already shown and mapped before it was built
    (`early_map.map_window_first`; `restore_geometry` showed its parts); a window built before being
    shown is shown here.
    The editor is hidden (keeping its place) while the article is read: a hidden editor takes the text
    without laying it out twice (a visible one lays it out at once, then again when its scroll bar
    appears). No event is processed in between, so nothing is painted before the article is in.
    Returns what `show_first` returns.
    """
    editor = window.editor
    policy = editor.sizePolicy()
    keep_place = editor.sizePolicy()
    keep_place.setRetainSizeWhenHidden(True)
    editor.setSizePolicy(keep_place)
    editor.hide()
    if window.isVisible():  # mapped before it was built (`early_map`), its parts shown: lay them out
        window.layout().activate()  # now, as `show()` does, so the text is laid out once, at its width
    else:
        window.show()
        window.activateWindow()  # keyboard focus at once, also on an X server without a window manager
        send_window_requests()
    shown = show_first(window, path) if path else None
    editor.show()
    editor.setSizePolicy(policy)
    editor.setFocus()
    return shown


def _show_parts(window: MainWindow) -> None:
    """Show the parts built into an already shown window (Qt's layouts would show them at the event
    loop's first turn), before any paint and before the saved state, which may hide some of them."""
    explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    for part in (window.menuBar(), window.toolbar, window.centralWidget(), window.side_dock, window.status):
        if not (part.isHidden() and part.testAttribute(explicit)):
            part.show()
