"""Applying fixes in the editor: one finding, or every automatic fix of one rule, as one undo step."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from editor.ui.copydesk.underlines import Mark, Underlines


def apply_fix(editor: QTextEdit, underlines: Underlines, mark: Mark, fix: str) -> bool:
    """Replace the mark's text with `fix` as one undoable edit; False when the text changed since."""
    if not mark.valid or editor.isReadOnly():
        return False
    cursor = QTextCursor(mark.cursor)
    cursor.beginEditBlock()
    cursor.insertText(fix)
    cursor.endEditBlock()
    underlines.remove(mark)
    return True


def fixable_of_rule(underlines: Underlines, rule: str) -> list[Mark]:
    """Marks of `rule` whose first fix is automatic and whose text is still as checked."""
    return [
        m
        for m in underlines.all()
        if m.finding.rule == rule and m.finding.auto and m.finding.fixes and m.valid
    ]


def fix_all(editor: QTextEdit, underlines: Underlines, rule: str) -> int:
    """Apply the automatic fix of every mark of `rule` as a single undo step; returns how many."""
    marks = fixable_of_rule(underlines, rule)
    if not marks or editor.isReadOnly():
        return 0
    marks.sort(key=lambda m: m.cursor.selectionStart(), reverse=True)
    block = QTextCursor(editor.document())
    block.beginEditBlock()
    done = 0
    last_start = None
    for mark in marks:
        if last_start is not None and mark.cursor.selectionEnd() > last_start:
            continue  # overlapping: the next check offers it again
        last_start = mark.cursor.selectionStart()
        mark.cursor.insertText(mark.finding.fixes[0])
        done += 1
    block.endEditBlock()
    underlines.remove_many(marks)  # one redraw (was one per mark: quadratic in a long article)
    return done
