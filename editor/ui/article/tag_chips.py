"""This article's tags as chips with a remove button, an add field that completes from known tags,
and the body's hashtags offered as tags with one click.

Two spellings are the same tag when the core says so (`editor.core.library.tags.tag_key`: `#الرباط` is
`الرِّباط`); the widget never compares tags itself.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.library.tags import clean_tag_text, tag_key
from editor.core.text.display import display_text
from editor.ui.common.flow_layout import FlowLayout
from editor.ui.common.i18n import tr


class TagChip(QFrame):
    """One tag with a ✕ button."""

    remove_requested = Signal(str)

    def __init__(self, tag: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = tag
        self.setObjectName("tagChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.setSpacing(2)
        self.label = QLabel(display_text(tag), self)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(tr("Remove tag %1").replace("%1", tag))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.tag))
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)


class ArticleTags(QWidget):
    """Edits one article's tag list; reports the whole new list with `tags_changed`."""

    tags_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: list[str] = []
        self._hashtags: list[str] = []
        self._known: list[str] = []
        self._not_tags: set[str] = set()  # keys the library marked "not a tag": never offered
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.chips = QWidget(self)
        self.chip_layout = FlowLayout(self.chips)
        outer.addWidget(self.chips)
        self.add_field = QLineEdit(self)
        self.add_field.setObjectName("addTag")
        self.add_field.setPlaceholderText(tr("Add a tag and press Enter"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_field.setCompleter(completer)
        self.add_field.returnPressed.connect(self._add_from_field)
        outer.addWidget(self.add_field)
        self.hashtag_label = QLabel(tr("Hashtags in the text:"), self)
        outer.addWidget(self.hashtag_label)
        self.suggestions = QWidget(self)
        self.suggestion_layout = FlowLayout(self.suggestions)
        outer.addWidget(self.suggestions)
        self._rebuild()

    # --- inputs -------------------------------------------------------------------------------
    def set_tags(self, tags: list[str], editable: bool = True) -> None:
        """Show the article's tags (no signal)."""
        self._tags = list(tags)
        self.add_field.setEnabled(editable)
        self.setProperty("editable", editable)
        self._rebuild()

    def set_hashtags(self, hashtags: list[str]) -> None:
        """The body's hashtags (without `#`); those not already tags are offered."""
        if hashtags != self._hashtags:
            self._hashtags = list(hashtags)
            self._rebuild()

    def set_known_tags(self, tags: list[str]) -> None:
        """Tags used elsewhere (the library's), for completion."""
        self._known = list(tags)
        self._update_completion()

    def set_not_tags(self, keys: set[str]) -> None:
        """Tag keys the library marked "not a tag": left out of hashtag offers and completion."""
        if set(keys) != self._not_tags:
            self._not_tags = set(keys)
            self._rebuild()

    def tags(self) -> list[str]:
        return list(self._tags)

    def offered_hashtags(self) -> list[str]:
        keys = {tag_key(t) for t in self._tags}
        seen: set[str] = set()
        offered = []
        for tag in self._hashtags:
            key = tag_key(tag)
            if key and key not in keys and key not in seen and key not in self._not_tags:
                seen.add(key)
                offered.append(tag)
        return offered

    # --- edits --------------------------------------------------------------------------------
    def add_tag(self, text: str) -> bool:
        """Add `text` (a leading `#` is dropped) unless the same tag is already there."""
        tag = clean_tag_text(text)
        key = tag_key(tag)
        if not key or any(tag_key(t) == key for t in self._tags):
            return False
        self._tags.append(tag)
        self._rebuild()
        self.tags_changed.emit(list(self._tags))
        return True

    def remove_tag(self, tag: str) -> None:
        key = tag_key(tag)
        remaining = [t for t in self._tags if tag_key(t) != key]
        if remaining != self._tags:
            self._tags = remaining
            self._rebuild()
            self.tags_changed.emit(list(self._tags))

    def _add_from_field(self) -> None:
        if self.add_tag(self.add_field.text()):
            self.add_field.clear()

    # --- display ----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        editable = self.property("editable") is not False
        for layout in (self.chip_layout, self.suggestion_layout):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
        for tag in self._tags:
            chip = TagChip(tag, self.chips)
            chip.remove_button.setEnabled(editable)
            chip.remove_requested.connect(self.remove_tag)
            self.chip_layout.addWidget(chip)
        offered = self.offered_hashtags()
        for tag in offered:
            button = QToolButton(self.suggestions)
            button.setText(f"+ #{tag}")
            button.setObjectName("hashtagOffer")
            button.setToolTip(tr("Add #%1 as a tag").replace("%1", tag))
            button.setEnabled(editable)
            button.clicked.connect(lambda _checked=False, t=tag: self.add_tag(t))
            self.suggestion_layout.addWidget(button)
        self.hashtag_label.setVisible(bool(offered))
        self.suggestions.setVisible(bool(offered))
        self.chips.updateGeometry()
        self._update_completion()

    def _update_completion(self) -> None:
        keys = {tag_key(t) for t in self._tags}
        pool: dict[str, str] = {}
        for tag in [*self._known, *self._hashtags]:
            key = tag_key(tag)
            if key and key not in keys and key not in self._not_tags:
                pool.setdefault(key, clean_tag_text(tag))
        self._completion.setStringList(sorted(pool.values()))
