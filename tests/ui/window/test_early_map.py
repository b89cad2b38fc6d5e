"""The GUI start shows the bare window (its map request sent) before it builds the window's outline in it.

`MainWindow(..., before_building=map_window_first)` is what `run_gui` does; the window then has to end
up exactly as a window built first and shown after: the same widgets shown, the editor in the same
place, a toolbar the saved state hid still hidden.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtWidgets import QWidget

from editor.app import map_then_translate
from editor.ui.common.i18n import tr
from editor.ui.common.settings import Settings
from editor.ui.copydesk import worker
from editor.ui.window.early_map import DEFAULT_SIZE, map_window_first
from editor.ui.window.main_window import MainWindow
from editor.ui.window.shell import show_window_first


@pytest.fixture
def settings(tmp_path):
    worker.use_threads()
    settings = Settings(QSettings(str(tmp_path / "early.ini"), QSettings.Format.IniFormat))
    settings._s.setValue("copydesk/spell_check", False)
    return settings


def _early(qtbot, settings: Settings, seen: dict | None = None) -> MainWindow:
    def before(win: MainWindow) -> None:
        if seen is not None:
            seen["built"] = hasattr(win, "editor") or win.centralWidget() is not None
        map_window_first(win)
        if seen is not None:
            seen["visible"], seen["size"] = win.isVisible(), win.size()

    win = MainWindow(settings, first_frame_only=True, before_building=before)
    qtbot.addWidget(win)
    return win


def _late(qtbot, settings: Settings) -> MainWindow:
    win = MainWindow(settings, first_frame_only=True)
    qtbot.addWidget(win)
    return win


def _shown(win: MainWindow) -> Counter:
    return Counter((type(w).__name__, w.objectName()) for w in win.findChildren(QWidget) if w.isVisible())


def test_the_bare_window_is_shown_at_its_size_before_anything_is_built_in_it(qtbot, settings):
    seen: dict = {}
    win = _early(qtbot, settings, seen)
    assert seen == {"built": False, "visible": True, "size": QSize(*DEFAULT_SIZE)}
    assert win.isVisible() and win.size() == QSize(*DEFAULT_SIZE)


@pytest.fixture(params=["ltr", "rtl"])
def direction(request, qapp):
    """The English layout and the mirrored Arabic one (the side panel on the right)."""
    before = qapp.layoutDirection()
    rtl = request.param == "rtl"
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    yield request.param
    qapp.setLayoutDirection(before)


def test_it_ends_up_as_the_window_built_before_it_was_shown(qtbot, settings, seed_file, direction):
    late = _late(qtbot, settings)
    show_window_first(late, str(seed_file))
    early = _early(qtbot, settings)
    shown = show_window_first(early, str(seed_file))
    # laid out at once, as a window shown whole is: the text went in at the editor's final width
    assert early.editor.geometry() == late.editor.geometry()
    assert early.editor.document().size() == late.editor.document().size()
    assert shown is not None and early.editor.isVisible() and early.toolbar.isVisible()
    assert early.editor.hasFocus() or early.focusWidget() is early.editor
    qtbot.waitUntil(lambda: early.editor.viewport().width() > 0)
    qtbot.wait(50)
    assert _shown(early) == _shown(late)
    assert early.editor.geometry() == late.editor.geometry()
    assert early.editor.body_text() == late.editor.body_text() != ""
    assert early.side_dock.geometry() == late.side_dock.geometry()
    editor_x = early.editor.mapTo(early, QPoint(0, 0)).x()
    assert (early.side_dock.x() > editor_x) == (direction == "rtl")  # the panel at the start side


def test_the_saved_place_and_a_hidden_toolbar_are_kept(qtbot, settings, seed_file):
    first = _late(qtbot, settings)
    show_window_first(first, str(seed_file))
    first.resize(760, 560)  # (within the offscreen screen: restoreGeometry keeps a window on its screen)
    first.toolbar.hide()
    qtbot.wait(20)
    saved = first.size()
    assert saved != QSize(*DEFAULT_SIZE)
    settings.set_geometry(first.saveGeometry())
    settings.set_window_state(first.saveState())
    first.close()
    seen: dict = {}
    win = _early(qtbot, settings, seen)
    assert seen["size"] == saved  # the saved size, before the window was shown
    show_window_first(win, str(seed_file))
    qtbot.wait(20)
    assert win.size() == saved
    assert not win.toolbar.isVisible() and win.side_dock.isVisible() and win.menuBar().isVisible()


def test_the_gui_start_translates_and_mirrors_after_the_map(qtbot, qapp, settings, seed_file):
    # `run_gui`'s first step: the bare window is mapped, then the translations and the layout direction
    # are installed (Qt's namespace enums are built after the map); the outline built after is Arabic.
    settings.set_language("ar")
    seen: dict = {}

    def before(win: MainWindow) -> None:
        step(win)
        seen["visible"], seen["direction"] = win.isVisible(), qapp.layoutDirection()

    step = map_then_translate(qapp, settings)
    try:
        win = MainWindow(settings, first_frame_only=True, before_building=before)
        qtbot.addWidget(win)
        show_window_first(win, str(seed_file))
        assert seen == {"visible": True, "direction": Qt.LayoutDirection.RightToLeft}
        assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert win.menuBar().actions()[0].text() == tr("&File") != "&File"
        assert win.side_dock.x() > win.editor.mapTo(win, QPoint(0, 0)).x()  # the panel on the right
    finally:
        for translator in getattr(qapp, "_midad_translators", []):
            qapp.removeTranslator(translator)
        qapp._midad_translators = []
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
