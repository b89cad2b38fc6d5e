"""Dialogs for saves that cannot simply go ahead: a failed save, a file changed by another program.

- `save_failed`: names the file and the cause, says the text is still in the window, offers Save As.
- `resolve_conflict`: the file changed on disk under unsaved edits: keep mine (save over it), take
  theirs (reload the file), or compare (a unified diff, then the same choice), never a silent overwrite.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from editor.core.recovery.diffs import line_diff
from editor.ui.common.i18n import tr

MINE, THEIRS, CANCEL = "mine", "theirs", "cancel"


def save_failed(parent: QWidget, title: str, message: str) -> bool:
    """Show why the save failed; True when the user wants to save under another name."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    box.setInformativeText(
        tr("Your text is still here and still unsaved. You can save it under another name.")
    )
    save_as = box.addButton(tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is save_as


def show_diff(parent: QWidget, mine: str, theirs: str) -> None:
    """A window with the unified diff from the file on disk to the text in Midad."""
    dialog = QDialog(parent)
    dialog.setObjectName("compareDialog")
    dialog.setWindowTitle(tr("Compare with the file on disk"))
    view = QPlainTextEdit(dialog)
    view.setReadOnly(True)
    view.setPlainText(line_diff(theirs, mine, tr("on disk"), tr("in Midad")))
    QVBoxLayout(dialog).addWidget(view)
    dialog.resize(760, 520)
    dialog.exec()


def resolve_conflict(parent: QWidget, name: str, mine: str, theirs: str) -> str:
    """MINE, THEIRS or CANCEL for a file another program changed under unsaved edits."""
    while True:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("File changed on disk"))
        box.setText(
            tr(
                "“{0}” was changed by another program since you opened it, and you have unsaved changes."
            ).format(name)
        )
        box.setInformativeText(
            tr("Keep mine saves your text over the other version; Take theirs reloads the file from disk.")
        )
        keep = box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
        take = box.addButton(tr("Take theirs"), QMessageBox.ButtonRole.DestructiveRole)
        compare = box.addButton(tr("Compare…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is compare:
            show_diff(parent, mine, theirs)
            continue
        return MINE if clicked is keep else THEIRS if clicked is take else CANCEL
