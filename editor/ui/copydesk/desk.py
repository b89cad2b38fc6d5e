"""The copy desk in one writing window: checks after each typing pause (in worker processes),
underlines with tooltips, fixes in the context menu, the findings panel, the pre-publish check,
and the preferences (spell check, keep numbers in order as I type).

Installed by `CopyDesk(window)`; the window's own code is not otherwise touched.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QToolTip

from editor.core.copydesk.findings import ERROR
from editor.ui.common.courier import emit_on_gui_thread
from editor.ui.common.i18n import localize, tr
from editor.ui.copydesk.fixes import apply_fix, fix_all, fixable_of_rule
from editor.ui.copydesk.number_typing import NumberOrderAsYouType
from editor.ui.copydesk.panel import FindingsPanel, rule_name, severity_name, summary_text
from editor.ui.copydesk.underlines import Mark, Underlines

_KEY_NUMBERS = "copydesk/keep_numbers_as_typed"
_KEY_SPELLING = "copydesk/spell_check"


class CopyDesk(QObject):
    start_held = False  # set by the GUI start (`editor.app`), released after the first frame
    """Owns the copy desk of one MainWindow."""

    checked = Signal(str)  # "typography" or "spell": new findings are shown
    # group, generation, text, future (the text as `object`: a 5 MB `str` went through QString and back,
    # 12 ms on the GUI thread)
    _delivered = Signal(str, int, object, object)

    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self.editor = window.editor
        self.underlines = Underlines(self.editor)
        self.panel = FindingsPanel(window)
        window.add_side_panel(self.panel, tr("Copy desk"))
        self._generation = 0
        self._in_flight: dict[str, bool] = {"typography": False, "spell": False}
        self._pending: dict[str, tuple[int, str] | None] = {"typography": None, "spell": None}
        self._closed = False
        self._held = self.start_held  # at GUI start: no worker process before the first frame
        self._check_on_release = False
        self._prepublish: dict[str, int] | None = None
        self.numbers = NumberOrderAsYouType(self.editor, self)
        self._settings = window.settings._s  # noqa: SLF001 - the window's QSettings store
        self._build_actions()
        self._delivered.connect(self._on_done)
        # its own turn of the event loop, after the pause's other work (journal, preview, directions):
        # a keystroke can come in between instead of waiting for all of it
        self._check_soon = QTimer(self, singleShot=True, interval=0)
        self._check_soon.timeout.connect(self.check)
        window.document.paused.connect(self._check_soon.start)
        window.document.file_changed.connect(self.underlines.clear)
        window.closing.connect(self.shutdown)
        self.panel.activated.connect(self.jump_to)
        self.panel.prepublish_requested.connect(self.prepublish)
        self.panel.style_requested.connect(self.edit_house_style)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)
        self.editor.viewport().installEventFilter(self)

    # --- actions and preferences -------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.prepublish_action = QAction(tr("Check before publishing…"), w)
        self.prepublish_action.setObjectName("action_prepublish_check")
        self.prepublish_action.triggered.connect(self.prepublish)
        w.add_file_menu_action(self.prepublish_action)
        self.numbers_action = QAction(tr("Keep numbers in order as I type"), w)
        self.numbers_action.setObjectName("action_keep_numbers_as_typed")
        self.numbers_action.setCheckable(True)
        self.numbers_action.setChecked(self._bool(_KEY_NUMBERS, False))
        self.numbers_action.toggled.connect(self._set_numbers)
        self.spelling_action = QAction(tr("Check spelling as I type"), w)
        self.spelling_action.setObjectName("action_spell_check")
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(self._bool(_KEY_SPELLING, True))
        self.spelling_action.toggled.connect(self._set_spelling)
        w.format_menu.addSeparator()
        w.format_menu.addActions([self.numbers_action, self.spelling_action])
        self.numbers.enabled = self.numbers_action.isChecked()

    def _bool(self, key: str, default: bool) -> bool:
        value = self._settings.value(key, default)
        return value.lower() in ("1", "true", "yes") if isinstance(value, str) else bool(value)

    def _set_numbers(self, on: bool) -> None:
        self.numbers.enabled = on
        self._settings.setValue(_KEY_NUMBERS, on)

    def _set_spelling(self, on: bool) -> None:
        self._settings.setValue(_KEY_SPELLING, on)
        if on:
            self.check()
        else:
            self.underlines.replace("spell", [])
            self._show_panel()

    def library(self) -> str | None:
        """The folder whose house style and user dictionary apply to the open article."""
        path = self.window.document.path
        folder = self.window.settings.library_folder()
        if path is not None:
            path = Path(path).resolve()
            if folder and path.is_relative_to(Path(folder).resolve()):
                return folder
            from editor.core.copydesk.style import find_library

            return str(find_library(path))
        return folder or None

    # --- checking ---------------------------------------------------------------------------------
    def release(self) -> None:
        """Start checking (held at GUI start until the first frame); runs a check asked for meanwhile."""
        self._held = False
        if self._check_on_release:
            self._check_on_release = False
            self.check()

    def check(self) -> None:
        """Check the current text in the background (typography now, spelling in its own worker)."""
        if self._closed:
            return
        if self._held:
            self._check_on_release = True
            return
        self._generation += 1
        text = self.window.document.article().text
        self._request("typography", text)
        if self.spelling_action.isChecked():
            self._request("spell", text)

    def _request(self, group: str, text: str) -> None:
        job = (self._generation, text)
        if self._in_flight[group]:
            self._pending[group] = job
            return
        self._submit(group, job)

    def _submit(self, group: str, job: tuple[int, str]) -> None:
        generation, text = job
        from editor.ui.copydesk import worker  # (not on the start-up path: the first pause loads it)

        try:
            future = worker.submit(text, self.library(), group == "spell")
        except RuntimeError:
            return
        self._in_flight[group] = True
        future.add_done_callback(lambda f: self._deliver(group, generation, text, f))

    def _deliver(self, group: str, generation: int, text: str, future: Future) -> None:
        try:
            emit_on_gui_thread(self, "_delivered", group, generation, text, future)
        except RuntimeError:
            pass  # the window is gone

    def _on_done(self, group: str, generation: int, text: str, future: Future) -> None:
        self._in_flight[group] = False
        pending, self._pending[group] = self._pending[group], None
        if pending is not None and not self._closed:
            self._submit(group, pending)
        if future.cancelled():
            return  # dropped when the worker was replaced (after a crash): the next pause checks again
        try:
            body_offset, findings = future.result()
        except Exception:  # noqa: BLE001 - a dead worker or a rule bug must not disturb writing
            if not self._closed and "Broken" in type(future.exception()).__name__:
                from editor.ui.copydesk import worker

                worker.use_threads()
            return
        # (the text itself, not the document's revision: Qt restarts the revision when a file is
        # opened, so an old result could match a new text)
        if self._closed or text != self.window.document.article().text:
            return  # typing went on: the next pause brings fresh findings
        self.underlines.set_group(  # on-screen marks now, the rest in slices between keystrokes
            group, body_offset, findings, self.editor.body_text(), lambda: self._marks_made(group, generation)
        )

    def _marks_made(self, group: str, generation: int) -> None:
        """All marks of one check are in the editor: list them, tell, finish a pre-publish check."""
        if self._closed:
            return
        self._show_panel()
        self.checked.emit(group)
        if self._prepublish is not None and self._prepublish.get(group) == generation:
            del self._prepublish[group]
            if not self._prepublish:
                self._prepublish = None
                self._prepublish_summary()

    def _show_panel(self) -> None:
        self.panel.show_marks(self.underlines.all())

    # --- the pre-publish check --------------------------------------------------------------------
    def prepublish(self) -> None:
        """Run every rule (spelling included) and show a summary when all are done."""
        self.check()
        groups = ("typography", "spell")
        self._prepublish = {g: self._generation for g in groups}
        if not self.spelling_action.isChecked():
            self._request("spell", self.window.document.article().text)

    def _prepublish_summary(self) -> None:
        marks = self.underlines.all()
        by_rule = Counter(m.finding.rule for m in marks)
        lines = [summary_text(marks)] + [
            f"{rule_name(rule)}: {count}" for rule, count in by_rule.most_common()
        ]
        errors = sum(m.finding.severity == ERROR for m in marks)
        verdict = tr("Ready to publish.") if not errors else tr("Fix the errors before publishing.")
        self.window.side_tabs.setCurrentWidget(self.panel)
        box = QMessageBox(
            QMessageBox.Icon.Information if not errors else QMessageBox.Icon.Warning,
            tr("Check before publishing"),
            verdict + "\n\n" + "\n".join(lines),
            parent=self.window,
        )
        box.setObjectName("prepublishSummary")
        box.open()
        self.summary_box = box

    # --- jumping, tooltips, context menu ------------------------------------------------------------
    def jump_to(self, mark: Mark) -> None:
        if mark.cursor is None:
            return
        self.editor.setTextCursor(mark.cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()

    def tooltip_text(self, marks: list[Mark]) -> str:
        parts = []
        for mark in marks:
            line = f"{severity_name(mark.finding.severity)}: {localize(mark.finding.message)}"
            if mark.finding.fixes:
                line += " → " + _shown(mark.finding.fixes[0])
            parts.append(line)
        return "\n".join(parts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.underlines.view_changed()  # more (or other) text on screen: draw its marks
            return False
        if event.type() == QEvent.Type.ToolTip and watched is self.editor.viewport():
            marks = self.underlines.at(self.editor.cursorForPosition(event.pos()).position())
            if marks:
                QToolTip.showText(event.globalPos(), self.tooltip_text(marks), self.editor)
            else:
                QToolTip.hideText()
            return True
        return False

    def build_menu(self, position: QPoint) -> QMenu:
        """The editor's context menu at `position` (viewport coordinates), our fixes on top."""
        menu = self.editor.createStandardContextMenu(position)
        first = menu.actions()[0] if menu.actions() else None
        marks = self.underlines.at(self.editor.cursorForPosition(position).position())
        for mark in marks:
            if not mark.valid:
                continue
            for fix in mark.finding.fixes[:6]:
                label = tr("Delete") if fix == "" else tr("Replace with “{0}”").format(_shown(fix))
                action = QAction(label, menu)
                action.triggered.connect(
                    lambda _c=False, m=mark, x=fix: apply_fix(self.editor, self.underlines, m, x)
                )
                menu.insertAction(first, action)
            if mark.finding.rule == "spelling" and self.library():
                action = QAction(tr("Add “{0}” to the dictionary").format(mark.text), menu)
                action.triggered.connect(lambda _c=False, m=mark: self.add_to_dictionary(m))
                menu.insertAction(first, action)
            count = len(fixable_of_rule(self.underlines, mark.finding.rule))
            if mark.finding.auto and count > 1:
                action = QAction(tr("Fix all of this kind ({0})").format(count), menu)
                action.triggered.connect(lambda _c=False, r=mark.finding.rule: self.fix_all(r))
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        menu = self.build_menu(position)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.editor.viewport().mapToGlobal(position))

    def fix_all(self, rule: str) -> int:
        done = fix_all(self.editor, self.underlines, rule)
        self._show_panel()
        return done

    def add_to_dictionary(self, mark: Mark) -> None:
        from editor.core.copydesk.spell import add_user_word

        library = self.library()
        try:
            add_user_word(Path(library), mark.text)
        except OSError as exc:
            QMessageBox.warning(self.window, tr("Copy desk"), str(exc))
            return
        word = mark.text
        self.underlines.replace("spell", [m for m in self.underlines.groups["spell"] if m.text != word])
        self._show_panel()

    def edit_house_style(self) -> None:
        """Open the house-style dialog for the article's library; re-check after a save."""
        from editor.ui.copydesk.style_dialog import HouseStyleDialog

        library = self.library()
        if not library:
            return
        self.style_dialog = HouseStyleDialog(Path(library), self.window)
        self.style_dialog.accepted.connect(self.check)
        self.style_dialog.open()

    def shutdown(self) -> None:
        """The window closes: stop the check workers now (Python joins live process pools before
        `atexit` runs, so a spell check still loading its dictionary would hold up the exit)."""
        self._closed = True
        import sys

        worker = sys.modules.get("editor.ui.copydesk.worker")  # never imported: nothing to stop
        if worker is not None:
            worker.shutdown()


def _shown(fix: str) -> str:
    """A fix as the writer can see it (invisible characters named)."""
    if fix == "":
        return tr("(delete)")
    return "".join("⟨LRM⟩" if c == "\u200e" else c for c in fix)
