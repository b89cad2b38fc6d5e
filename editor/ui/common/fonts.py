"""The fonts Midad ships (resources/fonts/, SIL OFL): Noto Serif for Latin letters and digits and
Noto Naskh Arabic for Arabic, a pair designed to be read together.

`load_bundled_fonts()` registers them with Qt once (about 2 ms on this machine; the editor's first
font request calls it, so they are there before the first frame). Requesting the Latin face first
and the Arabic face second gives one Latin face for words *and* digits ("phase 2") while Arabic
comes from Naskh, whatever the system has installed. The user's choice in Preferences goes first.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from editor.resources import resource_path
from editor.ui.common.settings import ARABIC_FONTS, DEFAULT_FONT_SIZE

LATIN_FAMILY = "Noto Serif"
ARABIC_FAMILY = "Noto Naskh Arabic"
TEXT_FAMILIES = [LATIN_FAMILY, ARABIC_FAMILY]
FONT_FILES = (
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
)
_loaded: list[str] | None = None


def load_bundled_fonts() -> list[str]:
    """Register the shipped fonts with Qt (once); returns the families that loaded."""
    global _loaded
    if _loaded is None:
        families: list[str] = []
        for name in FONT_FILES:
            path = resource_path("fonts", name)
            font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
            if font_id >= 0:
                families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
        _loaded = families
    return list(_loaded)


def editor_font(family: str = "", size: int = DEFAULT_FONT_SIZE) -> QFont:
    """The writer's font first (if chosen), then the shipped pair (Noto Serif for Latin letters and
    digits, Noto Naskh Arabic for Arabic), then other good Arabic faces (never Qt's DejaVu fallback)."""
    load_bundled_fonts()
    font = QFont()
    families = list(dict.fromkeys(([family] if family else []) + TEXT_FAMILIES + ARABIC_FONTS))
    font.setFamilies(families)
    font.setPointSize(max(6, size))
    return font
