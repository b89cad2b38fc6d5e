"""The preview pane keeps the look of the exported page."""

from __future__ import annotations


def test_preview_stays_a_light_page_under_a_dark_theme(qtbot):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from editor.ui.preview.pane import PreviewPane

    app = QApplication.instance()
    old = app.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    app.setPalette(dark)
    try:
        pane = PreviewPane()
        qtbot.addWidget(pane)
        assert pane.palette().color(QPalette.ColorRole.Base) == QColor("#ffffff")
        assert pane.palette().color(QPalette.ColorRole.Text).lightness() < 60
    finally:
        app.setPalette(old)
