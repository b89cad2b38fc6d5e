"""Every QAction of the writing window: its text, shortcut, icon and when it is enabled.

The window connects them; this module only defines them, so menus, toolbar and tests share one set.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from editor.ui.common.i18n import tr
from editor.ui.common.icons import ICON_PROPERTY, themed_icon

StandardKey = QKeySequence.StandardKey


class Actions(QObject):
    """Attributes are the actions, e.g. `actions.save`, `actions.bold`."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._all: dict[str, QAction] = {}

        def make(
            name: str, text: str, shortcut: object = None, icon: str = "", checkable: bool = False
        ) -> QAction:
            action = QAction(themed_icon(icon), text, parent)  # resources/icons/<icon>.svg
            action.setObjectName(f"action_{name}")
            action.setProperty(ICON_PROPERTY, icon)
            if shortcut is not None:
                if isinstance(shortcut, list):
                    action.setShortcuts([QKeySequence(s) for s in shortcut])
                else:
                    action.setShortcut(QKeySequence(shortcut))
            action.setCheckable(checkable)
            self._all[name] = action
            setattr(self, name, action)
            return action

        # File
        make("new", tr("&New"), StandardKey.New, "new")
        make("open", tr("&Open…"), StandardKey.Open, "open")
        make("save", tr("&Save"), StandardKey.Save, "save")
        make("save_as", tr("Save &As…"), "Ctrl+Shift+S")
        make("close", tr("&Close"), StandardKey.Close)
        make("quit", tr("&Quit"), "Ctrl+Q")
        make("clear_recent", tr("Clear recent files"))
        # Edit
        make("undo", tr("&Undo"), StandardKey.Undo, "undo")
        make("redo", tr("&Redo"), [QKeySequence(StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")], "redo")
        make("find", tr("&Find…"), "Ctrl+F", "find")
        make("replace", tr("Find and &replace…"), "Ctrl+H")
        make("preferences", tr("&Preferences…"), "Ctrl+,")
        # Format
        make("bold", tr("&Bold"), "Ctrl+B", "bold")
        make("italic", tr("&Italic"), "Ctrl+I", "italic")
        make("link", tr("&Link"), "Ctrl+K", "link")
        for level in (1, 2, 3):
            make(f"heading{level}", tr("Heading %1").replace("%1", str(level)), f"Ctrl+{level}", f"h{level}")
        make("quote", tr("&Quote"), "Ctrl+Shift+Q", "quote")
        make("bullets", tr("Bulleted list"), "Ctrl+Shift+8", "bullets")
        make("numbers", tr("Numbered list"), "Ctrl+Shift+7", "numbers")
        make("rule", tr("Horizontal rule"), "Ctrl+Shift+-", "rule")
        make("paragraph_direction", tr("Flip paragraph direction"), "Ctrl+Shift+X", "direction")
        make("keep_number_order", tr("Keep numbers in order (03-73)"), None, "")
        make("article_rtl", tr("Article right to left"), None, "", checkable=True)
        make("article_ltr", tr("Article left to right"), None, "", checkable=True)
        # View
        make("toggle_preview", tr("Show &preview"), "Ctrl+Shift+P", "preview", checkable=True)
        make("toggle_side_panel", tr("Show article &panel"), "Ctrl+Shift+M", "panel", checkable=True)
        make("zoom_in", tr("Zoom &in"), ["Ctrl+=", "Ctrl++"])
        make("zoom_out", tr("Zoom &out"), "Ctrl+-")
        make("zoom_reset", tr("Reset zoom"), "Ctrl+0")
        make("visual_caret", tr("Visual caret movement"), None, "", checkable=True)

    def all(self) -> dict[str, QAction]:
        return dict(self._all)

    def editing_actions(self) -> list[QAction]:
        """Actions that change the text (disabled for a read-only article)."""
        names = (
            "bold italic link heading1 heading2 heading3 quote bullets numbers rule paragraph_direction keep_number_order "
            "article_rtl article_ltr replace"
        ).split()
        return [self._all[n] for n in names]

    def update_enabled(self, editable: bool, fields_editable: bool, has_path: bool) -> None:
        """Enable what makes sense for the current article."""
        for action in self.editing_actions():
            action.setEnabled(editable)
        self._all["article_rtl"].setEnabled(editable and fields_editable)
        self._all["article_ltr"].setEnabled(editable and fields_editable)
        self._all["save"].setEnabled(True)
        del has_path
