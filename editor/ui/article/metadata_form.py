"""The article's front matter as a form: title, subtitle, author, date, location, category, status,
slug (suggested from the title), summary and direction.

The form only shows values and reports edits (`field_edited(key, value)`); the Document turns each
edit into an undoable, lossless `Article.with_field` change. Text fields report every keystroke, so
the preview follows typing in the Title field after the same pause as the body; the Document merges
a run of keystrokes in one field into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from editor.core.article.goal import GOAL_KEY, MAX_GOAL, words_goal
from editor.core.article.model import STATUSES
from editor.core.article.slug import suggest_slug
from editor.ui.common.i18n import tr

TEXT_FIELDS = ("title", "subtitle", "author", "location", "category", "slug")
_NO_DATE = QDate(1900, 1, 1)
EXTRA_ROLE = Qt.ItemDataRole.UserRole + 1


def _status_label(status: str) -> str:
    return {
        "draft": tr("Draft"),
        "review": tr("In review"),
        "ready": tr("Ready"),
        "published": tr("Published"),
    }.get(status, status)


class MetadataForm(QWidget):
    """Front-matter fields of the open article."""

    field_edited = Signal(str, object)  # key, new value (str, int for the goal, or None to remove)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: dict[str, str] = {}
        self._date_suffix = ""
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "title": tr("Title"),
            "subtitle": tr("Subtitle"),
            "author": tr("Author"),
            "location": tr("Location"),
            "category": tr("Category"),
        }
        for key, label in labels.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{key}")
            edit.editingFinished.connect(lambda k=key: self._commit_text(k))
            edit.textEdited.connect(lambda _t, k=key: self._commit_typing(k))
            self.edits[key] = edit
            layout.addRow(label, edit)
            if key == "author":
                self.date = QDateEdit(self)
                self.date.setObjectName("field_date")
                self.date.setCalendarPopup(True)
                self.date.setMinimumDate(_NO_DATE)
                self.date.setSpecialValueText(tr("No date"))
                self.date.setDisplayFormat("yyyy-MM-dd")
                self.date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # ISO dates read left to right
                self.date.dateChanged.connect(self._commit_date)
                layout.addRow(tr("Date"), self.date)
        self.edits["title"].textEdited.connect(self._update_slug_hint)

        self.status = QComboBox(self)
        self.status.setObjectName("field_status")
        for status in STATUSES:
            self.status.addItem(_status_label(status), status)
        self.status.activated.connect(lambda _i: self._commit_combo("status", self.status))
        layout.addRow(tr("Status"), self.status)

        slug_row = QWidget(self)
        row = QHBoxLayout(slug_row)
        row.setContentsMargins(0, 0, 0, 0)
        slug = QLineEdit(slug_row)
        slug.setObjectName("field_slug")
        slug.editingFinished.connect(lambda: self._commit_text("slug"))
        self.edits["slug"] = slug
        self.suggest_button = QToolButton(slug_row)
        self.suggest_button.setText(tr("From title"))
        self.suggest_button.setToolTip(tr("Fill the slug from the title"))
        self.suggest_button.clicked.connect(self.fill_slug_from_title)
        row.addWidget(slug)
        row.addWidget(self.suggest_button)
        layout.addRow(tr("Slug"), slug_row)

        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("field_summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.summary.installEventFilter(self)
        layout.addRow(tr("Summary"), self.summary)

        self.goal = QSpinBox(self)
        self.goal.setObjectName("field_words_goal")
        self.goal.setRange(0, MAX_GOAL)
        self.goal.setSingleStep(100)
        self.goal.setSpecialValueText(tr("No goal"))
        self.goal.setSuffix(tr(" words"))
        self.goal.editingFinished.connect(self._commit_goal)
        layout.addRow(tr("Word goal"), self.goal)

        self.direction = QComboBox(self)
        self.direction.setObjectName("field_dir")
        self.direction.addItem(tr("Automatic"), "")
        self.direction.addItem(tr("Right to left"), "rtl")
        self.direction.addItem(tr("Left to right"), "ltr")
        self.direction.activated.connect(lambda _i: self._commit_combo("dir", self.direction))
        layout.addRow(tr("Direction"), self.direction)

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        layout.addRow(self.problem_label)

    # --- showing ---------------------------------------------------------------------------------
    def set_meta(self, meta: dict, editable: bool = True, problem: str | None = None) -> None:
        """Show `meta` without reporting edits."""
        self._shown = {
            key: self._text(meta.get(key)) for key in (*TEXT_FIELDS, "summary", "status", "dir", "date")
        }
        for key, edit in self.edits.items():
            # a field being typed in keeps its spaces (`عنوان ` is reported as `عنوان`)
            if edit.text().strip() != self._shown[key]:
                edit.setText(self._shown[key])
        if self._summary_text() != self._shown["summary"]:
            self.summary.setPlainText(self._shown["summary"])
        goal = words_goal(meta)
        self._shown[GOAL_KEY] = str(goal) if goal else self._text(meta.get(GOAL_KEY))
        self.goal.blockSignals(True)
        self.goal.setValue(goal or 0)
        self.goal.blockSignals(False)
        self._show_date(self._shown["date"])
        self._select(self.status, self._shown["status"])
        self._select(self.direction, self._shown["dir"])
        self._update_slug_hint()
        for widget in (*self.edits.values(), self.summary, self.date, self.status, self.direction, self.goal):
            widget.setEnabled(editable)
        self.suggest_button.setEnabled(editable)
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))

    @staticmethod
    def _text(value: object) -> str:
        return "" if value is None else str(value)

    def _show_date(self, text: str) -> None:
        date = QDate.fromString(text[:10], "yyyy-MM-dd") if len(text) >= 10 else QDate()
        self._date_suffix = text[10:] if date.isValid() else ""
        self.date.blockSignals(True)
        self.date.setDate(date if date.isValid() else _NO_DATE)
        self.date.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        for i in reversed(range(combo.count())):
            if combo.itemData(i, EXTRA_ROLE):
                combo.removeItem(i)  # an unknown value shown for the previous article
        index = combo.findData(value)
        if index < 0:
            combo.addItem(value, value)  # an unknown value is shown as it is, never lost
            index = combo.count() - 1
            combo.setItemData(index, True, EXTRA_ROLE)
        combo.setCurrentIndex(index)

    def _update_slug_hint(self) -> None:
        suggestion = suggest_slug(self.edits["title"].text())
        self.edits["slug"].setPlaceholderText(suggestion)

    # --- edits -------------------------------------------------------------------------------------
    def _report(self, key: str, value: str | None) -> None:
        if (value or "") == self._shown.get(key, ""):
            return
        self._shown[key] = value or ""
        self.field_edited.emit(key, value)

    def _commit_text(self, key: str) -> None:
        self._report(key, self.edits[key].text().strip() or None)

    def _commit_typing(self, key: str) -> None:
        # the preview follows typing; a field emptied on the way to new text keeps its key (and its
        # place in the front matter) until editing finishes
        if self.edits[key].text().strip():
            self._commit_text(key)

    def _commit_combo(self, key: str, combo: QComboBox) -> None:
        value = combo.currentData()
        self._report(key, value or None)

    def _commit_date(self, date: QDate) -> None:
        if date == _NO_DATE:
            self._report("date", None)
            return
        self._report("date", date.toString("yyyy-MM-dd") + self._date_suffix)

    def _commit_goal(self) -> None:
        value = self.goal.value()
        if value == (words_goal({GOAL_KEY: self._shown.get(GOAL_KEY)}) or 0):
            return  # an unreadable value in the text is kept until the writer sets a goal
        if str(value or "") == self._shown.get(GOAL_KEY, ""):
            return
        self._shown[GOAL_KEY] = str(value or "")
        self.field_edited.emit(GOAL_KEY, value or None)  # an int: written as a YAML integer, not "800"

    def _commit_summary(self) -> None:
        self._report("summary", self._summary_text().strip() or None)

    def _summary_text(self) -> str:
        # toRawText keeps NBSP and friends (toPlainText would turn NBSP into a space)
        return self.summary.document().toRawText().replace("\u2029", "\n")

    def fill_slug_from_title(self) -> None:
        slug = suggest_slug(self.edits["title"].text())
        if slug:
            self.edits["slug"].setText(slug)
            self._commit_text("slug")

    def commit_pending(self) -> None:
        """Report fields being typed in that have not lost focus yet (called before saving)."""
        for key in self.edits:
            self._commit_text(key)
        self._commit_summary()
        self._commit_goal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.summary and event.type() == QEvent.Type.FocusOut:
            self._commit_summary()
        return super().eventFilter(watched, event)
