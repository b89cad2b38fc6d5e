"""*Edit front matter as text*: a plain editor for the article's front-matter block.

The text is checked by the core (`editor.core.article.block_text`) before it is applied: bad YAML,
TOML or JSON, or a `---` that would end the block early, is reported in the dialog and nothing
changes. An accepted edit is one step of the window's undo (the field undo stack). This is also how a
broken front matter is repaired in the window. The same module asks before a tag edit rewrites a
`tags` string another tool wrote (`tags: أمن, الرباط`) as a list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.article.block_text import front_matter_text, with_front_matter_text
from editor.core.text.display import isolate
from editor.ui.common.i18n import localize_error, tr

if TYPE_CHECKING:
    from editor.ui.article.document import Document


class FrontMatterDialog(QDialog):
    """Edit the front-matter block of `document` as text; applied on OK only if it reads."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(tr("Edit Front Matter as Text"))
        self.setObjectName("frontMatterDialog")
        layout = QVBoxLayout(self)
        article = document.meta_article
        kind = article.split.kind.upper() if article.split else "YAML"
        layout.addWidget(QLabel(tr("Front matter (%1), between its fences:").replace("%1", kind), self))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("frontMatterText")
        self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # `key: value` lines read left to right
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(front_matter_text(article))
        layout.addWidget(self.text, 1)
        self.error = QLabel(self)
        self.error.setObjectName("frontMatterError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def apply(self) -> bool:
        """Check the text and apply it as one undoable step; on an error say why and stay open."""
        article = self.document.article()
        try:
            edited = with_front_matter_text(article, self.text.toPlainText())
        except ValueError as exc:
            self.error.setText(localize_error(exc))
            self.error.show()
            return False
        if edited.text != article.text:
            self.document.replace_text(edited.text, tr("Edit Front Matter as Text"))
        self.accept()
        return True


def ask_split_tags(parent: QWidget, raw: str) -> bool:
    """Ask before a tag edit rewrites a `tags` string (written by another tool) as a list."""
    answer = QMessageBox.question(
        parent,
        tr("Rewrite the tags as a list?"),
        tr("The tags are written as one string (%1), as some other tools do.").replace("%1", isolate(raw))
        + "\n"
        + tr("Editing them rewrites them as a list, which those tools also read. Continue?"),
    )
    return answer == QMessageBox.StandardButton.Yes


def install_front_matter_tools(window: QWidget) -> QAction:
    """Add *Edit → Edit Front Matter as Text…* to `window` and the split-tags question to its document."""
    document = window.document  # type: ignore[attr-defined]
    document.confirm_split_tags = lambda raw: ask_split_tags(window, raw)
    action = QAction(tr("Edit Front Matter as &Text…"), window)
    action.setObjectName("editFrontMatterText")
    action.triggered.connect(lambda: FrontMatterDialog(document, window).exec())
    window.edit_menu.addAction(action)  # type: ignore[attr-defined]
    window.menu_actions.edit_front_matter_text = action  # type: ignore[attr-defined]

    def follow_read_only(*_args: object) -> None:
        action.setEnabled(not window.editor.isReadOnly())  # type: ignore[attr-defined]

    document.file_changed.connect(follow_read_only)
    follow_read_only()
    return action
