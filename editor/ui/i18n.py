"""Translation of Midad's own strings: one context, `Midad`, for every UI text.

Every visible string goes through `tr()`; `resources/translations/midad_ar.ts` holds the Arabic,
compiled to `midad_ar.qm` and installed by `editor.app`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Midad"


def tr(text: str) -> str:
    """`text` in the UI language (English source strings)."""
    return QCoreApplication.translate(CONTEXT, text)
