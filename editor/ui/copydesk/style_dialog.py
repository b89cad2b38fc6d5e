"""The house-style dialog: the desk's shared choices, saved in the library's `.midad/house-style.json`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from editor.core.copydesk.style import HouseStyle, load_style, save_style, style_path
from editor.ui.common.i18n import tr


class HouseStyleDialog(QDialog):
    """Edit the house style of `library`; `accepted` after it was saved."""

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("houseStyleDialog")
        self.setWindowTitle(tr("House style"))
        self.library = Path(library)
        style = load_style(self.library)
        form = QFormLayout(self)
        form.addRow(
            QLabel(tr("Shared by everyone who opens this library: {0}").format(style_path(self.library)))
        )
        self.quotes = self._combo(
            [("«»", tr("«…» (inner “…”)")), ("”“", tr("”…“ (inner ’…‘)")), ("“”", tr("“…” (inner ‘…’)"))],
            style.quotes,
        )
        self.digits = self._combo(
            [
                ("western", tr("Western digits 0-9")),
                ("arabic-indic", tr("Arabic-Indic digits ٠-٩")),
                ("any", tr("Either, one system per article")),
            ],
            style.digits,
        )
        self.dash = self._combo(
            [("en", tr("En dash –")), ("em", tr("Em dash —")), ("hyphen", tr("Hyphen -"))],
            style.dateline_dash,
        )
        self.news = QCheckBox(tr("Every article is news (it needs a dateline)"), self)
        self.news.setChecked(style.news)
        form.addRow(tr("Quotation marks"), self.quotes)
        form.addRow(tr("Digits"), self.digits)
        form.addRow(tr("Dateline dash"), self.dash)
        form.addRow(self.news)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        form.addRow(self.error)

    def _combo(self, items: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox(self)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def style(self) -> HouseStyle:
        return HouseStyle(
            quotes=self.quotes.currentData(),
            digits=self.digits.currentData(),
            dateline_dash=self.dash.currentData(),
            news=self.news.isChecked(),
        )

    def _save(self) -> None:
        try:
            save_style(self.library, self.style())
        except OSError as exc:
            self.error.setText(tr("Cannot save the house style: {0}").format(exc.strerror or exc))
            return
        self.accept()
