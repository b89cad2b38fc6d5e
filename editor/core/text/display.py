"""Text shown outside the rendered page (window title, lists, labels, menus): bidi-safe forms.

The same marks as the renderer (`direction.isolate_number_runs`), so `03-73` reads in order in a
window title or a library row as it does in the preview; and isolation of pieces embedded in a
sentence of the other direction (a file path, a number, a shortcut) with FIRST STRONG ISOLATE … POP
DIRECTIONAL ISOLATE, which Qt and browsers honour. Only invisible characters are added.
"""

from __future__ import annotations

import unicodedata

from editor.core.text.direction import isolate_number_runs, text_direction

__all__ = ["FSI", "LRI", "PDI", "display_text", "has_rtl", "isolate", "needs_isolation"]

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def display_text(text: str, default: str = "rtl") -> str:
    """Article text (a title, a tag, a file name) with the number-run marks of its own direction."""
    return isolate_number_runs(text, text_direction(text, default)) if text else text


def isolate(piece: str, direction: str = "auto") -> str:
    """`piece` in an isolate: `auto` (FSI, direction from its first strong letter) or `ltr` (LRI)."""
    if not piece:
        return piece
    return (LRI if direction == "ltr" else FSI) + piece + PDI


def has_rtl(text: str) -> bool:
    """True when `text` holds a right-to-left letter (Arabic, Hebrew…)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def needs_isolation(value: str) -> bool:
    """True when `value`, put into a right-to-left sentence, could be reordered or reorder its
    neighbours: no right-to-left letter, and letters or digits mixed with punctuation or spaces (a
    path, `03-73`, `Ctrl+Shift+-`, `Windows-1256`). A lone word or number is safe as it is."""
    if not value or has_rtl(value):
        return False
    return any(ch.isalnum() for ch in value) and any(not ch.isalnum() for ch in value)
