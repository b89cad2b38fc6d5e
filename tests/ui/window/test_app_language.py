"""Interface language: Arabic when the system or the user says so, mirrored layout, Qt's own strings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt

from editor.app import install_translations, ui_language
from editor.resources import resource_path

UI_DIR = Path(__file__).parents[3] / "editor" / "ui"


def test_language_choice():
    assert ui_language("auto", QLocale(QLocale.Language.Arabic, QLocale.Country.Morocco)) == "ar"
    assert ui_language("auto", QLocale(QLocale.Language.French, QLocale.Country.France)) == "en"
    assert ui_language("en", QLocale(QLocale.Language.Arabic)) == "en"
    assert ui_language("ar", QLocale(QLocale.Language.English)) == "ar"


def test_arabic_ui_is_translated_and_mirrored(qapp):
    translators = install_translations(qapp, "ar")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("Midad", "&Save") != "&Save"
        assert QCoreApplication.translate("Midad", "Find") == "بحث"
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        if (qt_dir / "qtbase_ar.qm").exists():
            assert len(translators) == 2  # Qt's own dialogs and buttons in Arabic too
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_every_ui_string_has_an_arabic_translation():
    ts = ET.parse(resource_path("translations", "midad_ar.ts"))
    translated = {
        m.findtext("source"): m.findtext("translation")
        for m in ts.iter("message")
        if m.find("translation") is not None and m.find("translation").get("type") != "unfinished"
    }
    literal = re.compile(r"\btr\(\s*\"((?:[^\"\\]|\\.)*)\"\s*\)")
    missing = []
    for path in sorted(UI_DIR.rglob("*.py")):
        for match in literal.finditer(path.read_text(encoding="utf-8")):
            source = match.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            if not translated.get(source):
                missing.append(f"{path.name}: {source}")
    assert not missing, missing
    assert resource_path("translations", "midad_ar.qm").is_file()


def test_the_translation_script_keeps_every_translated_entry():
    """`update_translations.py` finds strings by their literal `tr("…")`/`msg("…")` calls and drops
    the rest: a title passed to `tr()` through a variable (the menu titles were) lost its Arabic at
    the next run of the script."""
    import importlib.util

    script = resource_path("translations", "update_translations.py")
    spec = importlib.util.spec_from_file_location("update_translations", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = set(module.ui_strings())
    kept = module.read_ts(resource_path("translations", "midad_ar.ts"))
    assert sorted(set(kept) - found) == []


def test_arabic_window_is_mirrored_with_the_panel_on_the_right(qapp, qtbot, settings):
    from editor.ui.window.main_window import MainWindow

    translators = install_translations(qapp, "ar")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        assert window.isRightToLeft()
        assert window.dockWidgetArea(window.side_dock) == Qt.DockWidgetArea.RightDockWidgetArea
        assert window.side_dock.geometry().left() > window.splitter.geometry().left()
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[0] == "&ملف"
        assert window.status.words.text() == "0 كلمة"
        window.document.editor.document().setModified(False)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_preferences_dialog_stores_choices_and_applies_the_font(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from editor.ui.window import dialogs

    def accept(dialog: QDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        dialog.size.setValue(20)
        dialog.caret.setCurrentIndex(dialog.caret.findData("visual"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.PreferencesDialog, "exec", accept)
    window.menu_actions.preferences.trigger()
    assert window.settings.language() == "ar"
    assert window.settings.font_size() == 20
    assert window.editor.font().pointSize() == 20 + window.settings.zoom()
    assert window.editor.document().defaultCursorMoveStyle() == Qt.CursorMoveStyle.VisualMoveStyle
    assert "next time" in window.status.currentMessage()


def test_ctrl_c_closes_the_window_asking_first(window):
    import signal

    from editor.app import close_on_interrupt

    previous = signal.getsignal(signal.SIGINT)
    try:
        close_on_interrupt(window)
        asked = []
        window.files.ask_save = lambda *_: asked.append(True) or "cancel"
        window.editor.textCursor().insertText("نص")
        signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
        assert asked and window.isVisible()  # unsaved: asked, and Cancel keeps it open
        window.files.ask_save = lambda *_: "discard"
        signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
        assert not window.isVisible()
    finally:
        signal.signal(signal.SIGINT, previous)


CORE_DIR = Path(__file__).parents[3] / "editor" / "core"


def test_every_core_message_has_an_arabic_translation_with_the_same_fields():
    ts = ET.parse(resource_path("translations", "midad_ar.ts"))
    translated = {m.findtext("source"): m.findtext("translation") for m in ts.iter("message")}
    literal = re.compile(r"\bmsg\(\s*\"((?:[^\"\\]|\\.)*)\"\s*[,)]")
    fields = re.compile(r"\{(\w+)\}")
    problems = []
    for path in sorted(CORE_DIR.rglob("*.py")):
        for match in literal.finditer(path.read_text(encoding="utf-8")):
            source = match.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            arabic = translated.get(source)
            if not arabic:
                problems.append(f"{path.name}: untranslated: {source}")
            elif sorted(fields.findall(arabic)) != sorted(fields.findall(source)):
                problems.append(f"{path.name}: fields differ: {source}")
    assert not problems, problems


def test_core_messages_show_in_arabic_in_the_window(qapp, qtbot, settings, tmp_path):
    from editor.ui.window.main_window import MainWindow

    path = tmp_path / "old.md"
    path.write_bytes("---\nstatus: finished\n---\nمقال قديم\n".encode("cp1256"))
    path.chmod(0o444)
    translators = install_translations(qapp, "ar")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        errors = []
        window.files.show_error = lambda _parent, title, text: errors.append(text)
        window.open_file(str(path))
        banner = window.banner.label.text()
        assert "ليس بترميز UTF-8" in banner and "Windows-1256" in banner
        assert "للقراءة فقط" in banner
        assert "السطر 2: حالة غير معروفة «finished»" in banner
        assert "is not UTF-8" not in banner
        binary = tmp_path / "photo.md"
        binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
        window.open_file(str(binary))
        assert errors and "ملف ثنائي" in errors[-1]
        window.document.editor.document().setModified(False)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
