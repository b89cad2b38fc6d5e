"""A readable, bounded line diff between two versions of an article (recovery, history, conflicts)."""

from __future__ import annotations

from editor.core.text.messages import msg

MAX_LINES = 20_000  # beyond this difflib gets slow: only a summary is given
MAX_OUTPUT_LINES = 2_000


def line_diff(old: str, new: str, old_name: str = "on disk", new_name: str = "unsaved") -> str:
    """A unified diff (3 lines of context) of `old` → `new`, cut after MAX_OUTPUT_LINES lines."""
    if old == new:
        return str(msg("No difference."))
    old_lines = old.splitlines(keepends=False)
    new_lines = new.splitlines(keepends=False)
    if len(old_lines) + len(new_lines) > MAX_LINES:
        return str(
            msg(
                "The texts are too long to compare line by line ({old} and {new} lines).",
                old=len(old_lines),
                new=len(new_lines),
            )
        )
    out: list[str] = []
    import difflib  # imported when a diff is shown: not on the window's start path

    for line in difflib.unified_diff(old_lines, new_lines, old_name, new_name, lineterm="", n=3):
        out.append(line)
        if len(out) >= MAX_OUTPUT_LINES:
            out.append(str(msg("… (the rest of the differences is not shown)")))
            break
    return "\n".join(out)


def change_summary(old: str, new: str) -> tuple[int, int]:
    """(lines added, lines removed) from `old` to `new`."""
    added = removed = 0
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if len(old_lines) + len(new_lines) > MAX_LINES:
        return max(0, len(new_lines) - len(old_lines)), max(0, len(old_lines) - len(new_lines))
    import difflib

    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += i2 - i1
            added += j2 - j1
    return added, removed
