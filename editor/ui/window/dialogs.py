"""Dialogs: unsaved changes, opening a link, errors, file choosers and preferences."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from editor.ui.common.i18n import tr
from editor.ui.common.settings import ARABIC_FONTS, Settings

MARKDOWN_FILTER = "Markdown (*.md *.markdown *.txt);;All files (*)"
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_save_changes(parent: QWidget, name: str) -> str:
    """`save`, `discard` or `cancel` for an article with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setText(tr("Save the changes to “%1” before closing?").replace("%1", name or tr("Untitled")))
    box.setInformativeText(tr("Your changes will be lost if you don't save them."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def confirm_open_link(parent: QWidget, url: QUrl) -> bool:
    """Ask before a link leaves Midad for the system browser."""
    answer = QMessageBox.question(
        parent,
        tr("Open link"),
        tr("Open this address in your web browser?\n%1").replace("%1", url.toDisplayString()),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def choose_open_path(parent: QWidget, folder: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open article"), folder, MARKDOWN_FILTER)
    return path


def choose_save_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save article"), suggested, MARKDOWN_FILTER)
    if path and "." not in path.rsplit("/", 1)[-1]:
        path += ".md"
    return path


class PreferencesDialog(QDialog):
    """Language, editor font and size, caret movement."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self.settings = settings
        form = QFormLayout(self)
        self.language = QComboBox(self)
        for value, label in (("auto", tr("System language")), ("ar", "العربية"), ("en", "English")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        form.addRow(tr("Interface language"), self.language)
        self.font = QComboBox(self)
        self.font.addItem(tr("Default Arabic font"), "")
        installed = set(QFontDatabase.families())
        for family in [*ARABIC_FONTS, *sorted(installed)]:
            if family in installed and self.font.findData(family) < 0:
                self.font.addItem(family, family)
        self.font.setCurrentIndex(max(0, self.font.findData(settings.font_family())))
        form.addRow(tr("Editor font"), self.font)
        self.size = QSpinBox(self)
        self.size.setRange(6, 72)
        self.size.setValue(settings.font_size())
        form.addRow(tr("Font size"), self.size)
        self.caret = QComboBox(self)
        self.caret.addItem(tr("Logical (follows the text order)"), "logical")
        self.caret.addItem(tr("Visual (follows the screen)"), "visual")
        self.caret.setCurrentIndex(max(0, self.caret.findData(settings.caret_mode())))
        form.addRow(tr("Arrow keys"), self.caret)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> bool:
        """Store the choices; True when the language changed (it applies after a restart)."""
        changed = self.language.currentData() != self.settings.language()
        self.settings.set_language(self.language.currentData())
        self.settings.set_font_family(self.font.currentData())
        self.settings.set_font_size(self.size.value())
        self.settings.set_caret_mode(self.caret.currentData())
        return changed
