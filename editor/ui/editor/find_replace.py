"""The find/replace bar under the editor (Ctrl+F, Ctrl+H).

Matching is the core's (`editor.core.text.find`): match case, whole word, regular expression and
Arabic-insensitive. Replacements go through the editor's cursor, so each one (and Replace All as
a whole) is one undo step.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent, QTextCursor
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from editor.core.text.find import Finder, FindError, FindOptions, Match
from editor.ui.common.i18n import tr
from editor.ui.editor.find_highlight import MatchHighlights
from editor.ui.editor.markdown_edit import MarkdownEdit

RECOUNT_MS = 200  # after an edit, matches are counted again once typing pauses this long


class FindReplaceBar(QWidget):
    """Search and replace in one MarkdownEdit."""

    closed = Signal()
    find_in_library = Signal(str)  # the query, for the library's search

    def __init__(self, editor: MarkdownEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("findField")
        self.find_field.setPlaceholderText(tr("Find"))
        self.replace_field = QLineEdit(self)
        self.replace_field.setObjectName("replaceField")
        self.replace_field.setPlaceholderText(tr("Replace with"))
        self.match_case = QCheckBox(tr("Match case"), self)
        self.whole_word = QCheckBox(tr("Whole word"), self)
        self.regex = QCheckBox(tr("Regular expression"), self)
        self.arabic = QCheckBox(tr("Ignore tashkeel and letter forms"), self)
        self.arabic.setChecked(True)
        self.arabic.setToolTip(tr("Tashkeel and tatweel are ignored; أ إ آ ا, ى ي and ة ه match"))
        self.previous_button = QPushButton(tr("Previous"), self)
        self.next_button = QPushButton(tr("Next"), self)
        self.replace_button = QPushButton(tr("Replace"), self)
        self.replace_all_button = QPushButton(tr("Replace all"), self)
        self.highlight_all = QCheckBox(tr("Highlight all"), self)
        self.highlight_all.setChecked(True)
        self.library_button = QPushButton(tr("Find in library"), self)
        self.library_button.setObjectName("findInLibrary")
        self.library_button.setToolTip(tr("Search every article of the library for this text"))
        self.library_button.clicked.connect(lambda: self.find_in_library.emit(self.find_field.text()))
        self.highlights = MatchHighlights(editor)
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_MS)
        self._recount.timeout.connect(self._refresh_count)
        self._following = False  # the editor's edits (while the bar is shown)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(self.previous_button, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(close, 0, 4)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        options = QWidget(self)
        row = QGridLayout(options)
        row.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(
            (self.match_case, self.whole_word, self.regex, self.arabic, self.highlight_all)
        ):
            row.addWidget(box, 0, i)
            box.toggled.connect(self._refresh_count)
        row.addWidget(self.library_button, 0, 5)
        grid.addWidget(options, 2, 0, 1, 5)
        grid.setColumnStretch(0, 1)
        self.find_field.textChanged.connect(self._refresh_count)
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace_one)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self._spans: list[tuple[int, int]] = []
        self.hide()

    # --- opening ---------------------------------------------------------------------------------
    def open_find(self, replace: bool = False) -> None:
        """Show the bar (with the replace row when `replace`), seeded with the selection."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        for widget in (self.replace_field, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()
        self._refresh_count()

    def close_bar(self) -> None:
        self.hide()
        self.highlights.clear()
        self.editor.setFocus()
        self.closed.emit()

    def options(self) -> FindOptions:
        return FindOptions(
            match_case=self.match_case.isChecked(),
            whole_word=self.whole_word.isChecked(),
            regex=self.regex.isChecked(),
            arabic_insensitive=self.arabic.isChecked(),
        )

    def _finder(self) -> Finder | None:
        try:
            finder = Finder(self.find_field.text(), self.options())
        except FindError as exc:
            self.status.setText(tr("Invalid search") if self.find_field.text() else "")
            self.status.setToolTip(str(exc))
            return None
        self.status.setToolTip("")
        return finder

    # (edits are followed only while the bar is shown: a keystroke calls no Python here otherwise)
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._follow_edits(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._follow_edits(False)
        super().hideEvent(event)

    def _follow_edits(self, on: bool) -> None:
        if on != self._following:
            self._following = on
            changed = self.editor.document().contentsChanged
            changed.connect(self._text_changed) if on else changed.disconnect(self._text_changed)

    def _text_changed(self) -> None:
        if self.isVisible():
            self._recount.start()  # the highlights shift with the edit meanwhile

    def _refresh_count(self) -> None:
        """Count the matches, highlight them all, and say which one is selected ("3 of 17")."""
        finder = self._finder()
        if finder is None or not self.find_field.text():
            self.highlights.clear()
            if finder is not None:
                self.status.setText("")
            return
        text = self.editor.body_text()
        positions = self.editor.position_map(text)
        spans = [(positions.to_qt(m.start), positions.to_qt(m.end)) for m in finder.find_all(text)]
        self._spans = spans
        self._show_position()

    def _show_position(self) -> None:
        spans = self._spans
        cursor = self.editor.textCursor()
        selected = (cursor.selectionStart(), cursor.selectionEnd())
        index = bisect.bisect_left(spans, selected)
        current = selected if index < len(spans) and spans[index] == selected else None
        if not spans:
            self.status.setText(tr("No matches"))
        elif current is not None:
            self.status.setText(tr("%1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(spans))))
        else:
            self.status.setText(tr("%1 matches").replace("%1", str(len(spans))))
        wanted = self.isVisible() and self.highlight_all.isChecked()
        self.highlights.set_spans(spans if wanted else [], current)

    # --- moving and replacing -------------------------------------------------------------------------
    def _select(self, text: str, match: Match) -> None:
        positions = self.editor.position_map(text)
        cursor = self.editor.textCursor()
        cursor.setPosition(positions.to_qt(match.start))
        cursor.setPosition(positions.to_qt(match.end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._show_position()

    def _move(self, backward: bool) -> Match | None:
        finder = self._finder()
        if finder is None:
            return None
        text = self.editor.body_text()
        positions = self.editor.position_map(text)
        cursor = self.editor.textCursor()
        anchor = cursor.selectionStart() if backward else cursor.selectionEnd()
        match = finder.find_next(text, positions.to_py(anchor), backward=backward)
        if match is None:
            self.status.setText(tr("No matches"))
            return None
        self._select(text, match)
        return match

    def find_next(self) -> Match | None:
        return self._move(backward=False)

    def find_previous(self) -> Match | None:
        return self._move(backward=True)

    def _selection_match(self, finder: Finder, text: str) -> Match | None:
        positions = self.editor.position_map(text)
        cursor = self.editor.textCursor()
        start, end = positions.to_py(cursor.selectionStart()), positions.to_py(cursor.selectionEnd())
        for match in finder.find_all(text):
            if (match.start, match.end) == (start, end):
                return match
        return None

    def replace_one(self) -> None:
        """Replace the selected match (if the selection is one) and go to the next."""
        finder = self._finder()
        if finder is None or self.editor.isReadOnly():
            return
        text = self.editor.body_text()
        match = self._selection_match(finder, text)
        if match is None:
            self.find_next()
            return
        try:
            replacement = finder.expand(text, match, self.replace_field.text())
        except FindError as exc:
            self.status.setText(str(exc))
            return
        self.editor.textCursor().insertText(replacement)
        self.find_next()
        self._refresh_count()

    def replace_all(self) -> int:
        """Replace every match in one undo step; returns the count."""
        finder = self._finder()
        if finder is None or self.editor.isReadOnly():
            return 0
        text = self.editor.body_text()
        matches = finder.find_all(text)
        try:
            replacements = [finder.expand(text, m, self.replace_field.text()) for m in matches]
        except FindError as exc:
            self.status.setText(str(exc))
            return 0
        positions = self.editor.position_map(text)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for match, replacement in zip(reversed(matches), reversed(replacements), strict=True):
            cursor.setPosition(positions.to_qt(match.start))
            cursor.setPosition(positions.to_qt(match.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        self.status.setText(tr("%1 replaced").replace("%1", str(len(matches))))
        return len(matches)
