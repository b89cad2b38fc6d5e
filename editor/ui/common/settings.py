"""Midad's preferences and remembered window state: the only module that knows QSettings keys."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ARABIC_FONTS = ["Noto Naskh Arabic", "Amiri", "Arial", "Tahoma", "Geeza Pro"]
DEFAULT_FONT_SIZE = 15
MAX_RECENT = 10
LANGUAGES = ("auto", "ar", "en")
CARET_MODES = ("logical", "visual")
THEMES = ("system", "light", "dark")


class Settings:
    """Typed access to QSettings (organisation `Midad`, application `Midad` unless given one)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings("Midad", "Midad")

    # --- window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, data: QByteArray) -> None:
        self._s.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, data: QByteArray) -> None:
        self._s.setValue("window/state", data)

    def splitter_sizes(self) -> list[int]:
        value = self._s.value("window/splitter", [])
        try:
            return [int(v) for v in (value or [])]
        except (TypeError, ValueError):
            return []

    def set_splitter_sizes(self, sizes: list[int]) -> None:
        self._s.setValue("window/splitter", [int(v) for v in sizes])

    def preview_visible(self) -> bool:
        return self._bool("window/preview", True)

    def set_preview_visible(self, visible: bool) -> None:
        self._s.setValue("window/preview", bool(visible))

    # --- files -------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        files = [path] + [f for f in self.recent_files() if f != path]
        self._s.setValue("files/recent", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def clear_recent_files(self) -> None:
        self._s.setValue("files/recent", [])

    def last_folder(self) -> str:
        return str(self._s.value("files/folder", "") or "")

    def set_last_folder(self, folder: str) -> None:
        self._s.setValue("files/folder", folder)

    def library_folder(self) -> str:
        return str(self._s.value("library/folder", "") or "")

    def set_library_folder(self, folder: str) -> None:
        self._s.setValue("library/folder", folder)

    # --- preferences -------------------------------------------------------------------------
    def language(self) -> str:
        value = str(self._s.value("ui/language", "auto"))
        return value if value in LANGUAGES else "auto"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._s.setValue("ui/language", language)

    def font_family(self) -> str:
        return str(self._s.value("editor/font", "") or "")

    def set_font_family(self, family: str) -> None:
        self._s.setValue("editor/font", family)

    def font_size(self) -> int:
        return self._int("editor/size", DEFAULT_FONT_SIZE, 6, 72)

    def set_font_size(self, size: int) -> None:
        self._s.setValue("editor/size", int(size))

    def zoom(self) -> int:
        return self._int("editor/zoom", 0, -10, 30)

    def set_zoom(self, zoom: int) -> None:
        self._s.setValue("editor/zoom", int(zoom))

    def caret_mode(self) -> str:
        value = str(self._s.value("editor/caret", "logical"))
        return value if value in CARET_MODES else "logical"

    def set_caret_mode(self, mode: str) -> None:
        if mode not in CARET_MODES:
            raise ValueError(f"unknown caret mode {mode!r}")
        self._s.setValue("editor/caret", mode)

    def author(self) -> str:
        return str(self._s.value("article/author", "") or "")

    def set_author(self, author: str) -> None:
        self._s.setValue("article/author", author)

    def theme(self) -> str:
        """`system` (follow the desktop), `light` or `dark`."""
        value = str(self._s.value("ui/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self._s.setValue("ui/theme", theme)

    VIEW_FLAGS = ("focus_mode", "typewriter", "dark_preview")

    def view_flag(self, name: str) -> bool:
        """An on/off view choice (focus mode, typewriter scrolling, dark preview); off by default."""
        if name not in self.VIEW_FLAGS:
            raise ValueError(f"unknown view flag {name!r}")
        return self._bool(f"view/{name}", False)

    def set_view_flag(self, name: str, on: bool) -> None:
        if name not in self.VIEW_FLAGS:
            raise ValueError(f"unknown view flag {name!r}")
        self._s.setValue(f"view/{name}", bool(on))

    def sync(self) -> None:
        self._s.sync()

    # --- helpers -----------------------------------------------------------------------------
    def reopen_last(self) -> bool:
        """Reopen the article of the last clean exit at start (caret and scroll too)."""
        return self._bool("session/reopen", True)

    def set_reopen_last(self, value: bool) -> None:
        self._s.setValue("session/reopen", bool(value))

    def _bool(self, key: str, default: bool) -> bool:
        value = self._s.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(self._s.value(key, default))
        except (TypeError, ValueError):
            return default
        return min(max(value, low), high)
