"""The formatting toolbar shows icons (Midad's own SVG set), with the words and shortcut in tooltips;
icons with a direction are mirrored in the right-to-left (Arabic) layout, and follow the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette, QTransform
from PySide6.QtWidgets import QToolButton, QToolTip

from editor.app import install_translations
from editor.ui.common.icons import MIRRORED, themed_icon

SIZE = 24


def _image(action) -> QImage:  # noqa: ANN001
    return action.icon().pixmap(SIZE, SIZE).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _flipped(image: QImage) -> QImage:
    return image.transformed(QTransform.fromScale(-1, 1))


def _alpha_difference(a: QImage, b: QImage) -> int:
    """The largest difference of coverage between two drawings (0: the same; antialiasing allows a little)."""
    return max(
        abs(a.pixelColor(x, y).alpha() - b.pixelColor(x, y).alpha()) for x in range(SIZE) for y in range(SIZE)
    )


def _toolbar(window) -> dict[str, object]:  # noqa: ANN001
    return {a.property("midad_icon"): a for a in window.toolbar.actions() if not a.isSeparator()}


def _make_window(qtbot, settings):  # noqa: ANN001
    from editor.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.files.ask_save = lambda *_: "discard"
    return window


def test_every_toolbar_button_has_an_icon_and_a_tooltip(window, qtbot):
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 10
    for action in actions:
        assert not action.icon().isNull(), action.objectName()
        assert action.toolTip().strip(), action.objectName()
        button = window.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly  # words only in the tooltip
        assert not button.icon().isNull()
    bold = window.menu_actions.bold
    assert bold.toolTip() == "Bold (Ctrl+B)"
    # hovering shows it
    button = window.toolbar.widgetForAction(bold)
    qtbot.mouseMove(button, QPoint(5, 5))
    QToolTip.showText(button.mapToGlobal(QPoint(5, 5)), bold.toolTip(), button)
    qtbot.waitUntil(lambda: QToolTip.text() == "Bold (Ctrl+B)", timeout=3000)


def test_icons_with_a_direction_are_mirrored_in_the_arabic_layout(qapp, qtbot, settings):
    ltr_window = _make_window(qtbot, settings)
    ltr = {name: _image(a) for name, a in _toolbar(ltr_window).items()}
    translators = install_translations(qapp, "ar")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        rtl_window = _make_window(qtbot, settings)
        rtl_actions = _toolbar(rtl_window)
        rtl = {name: _image(a) for name, a in rtl_actions.items()}
        tooltip = rtl_window.menu_actions.bold.toolTip()
        assert tooltip.startswith("غامق") or "Bold" not in tooltip, tooltip  # translated words
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert set(ltr) == set(rtl)
    mirrored = {"bullets", "numbers", "direction"} & set(ltr)
    assert mirrored == {
        "bullets",
        "numbers",
        "direction",
    }  # lists and the direction toggle are on the toolbar
    for name in ltr:
        if name in MIRRORED:
            assert ltr[name] != rtl[name], f"{name} must be mirrored in a right-to-left layout"
        else:
            assert ltr[name] == rtl[name], f"{name} has no direction: the same in both layouts"
    # the bullets drawing is the exact mirror image; the numbered list keeps its digits readable
    assert _alpha_difference(_flipped(ltr["bullets"]), rtl["bullets"]) <= 40
    assert _alpha_difference(_flipped(ltr["numbers"]), rtl["numbers"]) > 100


@pytest.mark.parametrize("name", ["bold", "bullets", "save"])
def test_icons_are_drawn_in_the_palette_text_colour(qapp, name):
    def darkest_alpha_colour(colour: str) -> set[str]:
        image = themed_icon(name, QColor(colour), False).pixmap(SIZE, SIZE).toImage()
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        return {
            image.pixelColor(x, y).name()
            for x in range(SIZE)
            for y in range(SIZE)
            if image.pixelColor(x, y).alpha() == 255
        }

    assert darkest_alpha_colour("#102030") == {"#102030"}
    assert darkest_alpha_colour("#e0e0e0") == {"#e0e0e0"}


def test_icons_follow_a_theme_change(window, qtbot, qapp):
    before = _image(window.menu_actions.bold)
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#f0f0f0"))
    old = QGuiApplication.palette()
    qapp.setPalette(palette)
    try:
        qtbot.waitUntil(lambda: _image(window.menu_actions.bold) != before, timeout=3000)
    finally:
        qapp.setPalette(old)
