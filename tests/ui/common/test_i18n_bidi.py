"""Translated UI text stays in order in Arabic (issue 12 item 3): number runs in strings, values inserted
into sentences (paths, numbers), and shortcuts in right-to-left menus."""

from __future__ import annotations

from bidi import get_display
from PySide6.QtCore import Qt

from editor.app import install_translations
from editor.core.text.direction import LRM
from editor.core.text.display import FSI, LRI, PDI
from editor.core.text.messages import msg
from editor.ui.common.i18n import localize, tr


def _arabic(qapp):
    return install_translations(qapp, "ar")


def _english(qapp, translators) -> None:
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_number_runs_in_arabic_strings_read_in_order(qapp):
    translators = _arabic(qapp)
    try:
        label = tr("Keep numbers in order (03-73)")
        assert f"{LRM}03-73" in label
        assert "03-73" in get_display(label.replace("&", ""), base_dir="R").replace(LRM, "")
    finally:
        _english(qapp, translators)
    assert tr("Keep numbers in order (03-73)") == "Keep numbers in order (03-73)"


def test_values_in_arabic_sentences_are_isolated(qapp):
    sentence = msg(
        "{name} is read-only: changes can only be saved under another name", name="/home/salma/a-1.md"
    )
    translators = _arabic(qapp)
    try:
        shown = localize(sentence)
        # a Latin path first: isolated, so the paragraph is still Arabic and its pieces keep their order
        assert shown.startswith(f"{FSI}/home/salma/a-1.md{PDI} ")
    finally:
        _english(qapp, translators)
    assert (
        localize(sentence) == "/home/salma/a-1.md is read-only: changes can only be saved under another name"
    )


def test_shortcuts_in_arabic_menus_are_left_to_right_isolates(qapp, qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    translators = _arabic(qapp)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        bold = window.menu_actions.bold
        label, shortcut = bold.text().split("\t")
        assert shortcut.startswith(LRI) and shortcut.endswith(PDI)
        assert bold.shortcut().toString() in shortcut
        assert "\t" not in bold.iconText() and "\t" not in bold.toolTip()
        with_dash = [a for a in window.findChildren(type(bold)) if a.shortcut().toString().endswith("-")]
        assert all(a.text().endswith(f"-{PDI}") for a in with_dash)
        window.document.editor.document().setModified(False)
    finally:
        _english(qapp, translators)
