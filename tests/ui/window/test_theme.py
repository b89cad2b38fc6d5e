"""View → Theme: System / Light / Dark for the whole window, the editor and the preview; the
preview's paper or dark page; zoom applies to the preview too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _system_theme_afterwards():
    yield
    from PySide6.QtGui import QPalette

    QApplication.setPalette(QPalette())


def _lightness_at_centre(widget) -> int:
    widget.repaint()
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() - 8).lightness()


def test_dark_theme_covers_editor_and_preview_and_is_remembered(window, qtbot):
    window.editor.set_body("فقرة للمعاينة")
    window.document.flush()
    qtbot.waitUntil(lambda: "فقرة للمعاينة" in window.preview.toPlainText(), timeout=10000)
    assert _lightness_at_centre(window.editor.viewport()) > 200
    window.findChild(type(window.menu_actions.bold), "action_theme_dark").trigger()
    assert window.settings.theme() == "dark"
    assert _lightness_at_centre(window.editor.viewport()) < 60  # the editor's page is dark
    assert window.highlighter is not None
    # the preview stays paper unless asked to follow the dark theme
    assert _lightness_at_centre(window.preview.viewport()) > 200
    window.theme.dark_preview.trigger()
    assert _lightness_at_centre(window.preview.viewport()) < 60
    assert "#e4e4e7" in window.preview.toHtml().lower()  # light text on the dark page
    assert window.settings.view_flag("dark_preview")
    window.findChild(type(window.menu_actions.bold), "action_theme_light").trigger()
    assert _lightness_at_centre(window.editor.viewport()) > 200
    assert _lightness_at_centre(window.preview.viewport()) > 200  # dark preview only in the dark theme


def test_theme_is_applied_at_start(qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    settings.set_theme("dark")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.files.ask_save = lambda *_: "discard"
    win.show()
    assert win.theme.actions["dark"].isChecked()
    assert QApplication.palette().base().color().lightness() < 60
    win.theme.actions["system"].trigger()
    assert QApplication.palette().base().color().lightness() > 200
    win.document.editor.document().setModified(False)


def test_zoom_applies_to_the_preview(window, qtbot):
    window.editor.set_body("# عنوان\n\nفقرة")
    window.document.flush()
    qtbot.waitUntil(lambda: "فقرة" in window.preview.toPlainText(), timeout=10000)

    def body_size() -> float:
        block = window.preview.document().lastBlock()
        return block.charFormat().fontPointSize() or block.begin().fragment().charFormat().fontPointSize()

    before = body_size()
    qtbot.keyClick(window.editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert body_size() == pytest.approx(before * 1.2, rel=0.02)
    qtbot.keyClick(window.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert body_size() == pytest.approx(before, rel=0.02)
