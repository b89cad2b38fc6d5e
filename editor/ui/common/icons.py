"""Midad's own icons: small SVG line drawings in `resources/icons/`, tinted with the palette's text colour.

`themed_icon("bold")` draws `bold.svg` with `currentColor` replaced by the colour given (the palette's
button text by default), so the set follows the light and dark themes. Icons whose meaning has a
direction (lists, quotes, indent, the paragraph-direction toggle, undo/redo, the side panel) are mirrored
in a right-to-left layout: from `<name>-rtl.svg` when the set has one (the numbered list keeps its
digits readable), else by flipping the drawing. An icon that does not exist is a null `QIcon`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from editor.resources import resource_path

# names whose drawing points along the line: mirrored in a right-to-left layout
MIRRORED = frozenset(
    {"bullets", "numbers", "quote", "indent", "outdent", "direction", "undo", "redo", "panel"}
)
SIZES = (16, 20, 24, 32, 48, 64)
ICON_PROPERTY = "midad_icon"  # a QAction's icon name, so its icon can be redrawn (theme, direction)
_SVG_OPEN_RE = re.compile(r"<svg\b[^>]*>")


def _read(name: str) -> str | None:
    path = resource_path("icons", f"{name}.svg")
    try:
        return path.read_text(encoding="utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError):
        return None


def _mirrored(svg: str) -> str:
    """The drawing flipped left to right (the set's view box is 24 wide)."""
    opening = _SVG_OPEN_RE.search(svg)
    end = svg.rfind("</svg>")
    if opening is None or end < opening.end():
        return svg
    inner = svg[opening.end() : end]
    return svg[: opening.end()] + '<g transform="matrix(-1 0 0 1 24 0)">' + inner + "</g>" + svg[end:]


def icon_svg(name: str, rtl: bool = False) -> str | None:
    """The SVG text of icon `name` for a layout direction (mirrored where it matters), or None."""
    if rtl and name in MIRRORED:
        own = _read(f"{name}-rtl")
        if own is not None:
            return own
        svg = _read(name)
        return _mirrored(svg) if svg is not None else None
    return _read(name)


def is_right_to_left() -> bool:
    """The application's layout direction (Arabic interface: right to left)."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _text_colour() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.ButtonText)


@lru_cache(maxsize=256)
def _render(name: str, rtl: bool, colour: str) -> QIcon:
    svg = icon_svg(name, rtl)
    if svg is None:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    if not renderer.isValid():
        return QIcon()
    icon = QIcon()
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def themed_icon(name: str, colour: QColor | None = None, rtl: bool | None = None) -> QIcon:
    """Icon `name` drawn in `colour` (default: the palette's button text) for the layout direction
    (default: the application's). A null QIcon when the set has no such icon."""
    if not name:
        return QIcon()
    rtl = is_right_to_left() if rtl is None else rtl
    return _render(name, rtl, (colour or _text_colour()).name())
