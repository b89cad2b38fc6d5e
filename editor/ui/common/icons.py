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

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap

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


class _SvgIconEngine(QIconEngine):
    """Draws the tinted SVG at the size asked, when it is first asked (not at every size up front).

    A window holds dozens of icons of which the first frame shows a dozen at one size: rendering
    on demand keeps the drawing (and the QtSvg module) out of the window's construction. Each size
    and mode is drawn once and kept; the disabled look is the style's, as for any QIcon.
    """

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer = None
        self._pixmaps: dict[tuple[int, int, int, int], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)

    def _image(self, width: int, height: int) -> QImage:
        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon drawn

            self._renderer = QSvgRenderer(QByteArray(self._svg))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return image

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = min(size.width(), size.height())
        key = (side, side, mode.value, state.value)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap.fromImage(self._image(side, side))
        if mode == QIcon.Mode.Disabled:
            from PySide6.QtWidgets import QApplication, QStyleOption

            style = QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
            if style is not None:
                pixmap = style.generatedIconPixmap(mode, pixmap, QStyleOption())
        self._pixmaps[key] = pixmap
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect, mode: QIcon.Mode, state: QIcon.State) -> None:  # noqa: ANN001
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = round(min(rect.width(), rect.height()) * ratio)
        painter.drawPixmap(rect, self.pixmap(QSize(side, side), mode, state))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off):  # noqa: N802, ANN201
        return [QSize(side, side) for side in SIZES]

    def isNull(self) -> bool:  # noqa: N802
        return False


@lru_cache(maxsize=256)
def _render(name: str, rtl: bool, colour: str) -> QIcon:
    svg = icon_svg(name, rtl)
    if svg is None:
        return QIcon()
    return QIcon(_SvgIconEngine(svg.replace("currentColor", colour).encode("utf-8")))


def themed_icon(name: str, colour: QColor | None = None, rtl: bool | None = None) -> QIcon:
    """Icon `name` drawn in `colour` (default: the palette's button text) for the layout direction
    (default: the application's). A null QIcon when the set has no such icon."""
    if not name:
        return QIcon()
    rtl = is_right_to_left() if rtl is None else rtl
    return _render(name, rtl, (colour or _text_colour()).name())
