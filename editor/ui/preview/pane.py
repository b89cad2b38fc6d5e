"""Live preview: the renderer's HTML in a QTextBrowser that loads nothing from the network.

Rendering, word counts and hashtags run in a worker process (`editor.ui.preview.pause_work`, driven by
`editor.ui.preview.renderer.PreviewRenderer`); on the GUI thread only the units of the page that changed are replaced in the shown document, in slices of
the event loop (`editor.ui.preview.page_updater`).
Links never navigate the preview: a click asks before opening the address in the system browser.
Images and other resources are served only from the article's own folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.resources import resource_path
from editor.ui.common.fonts import load_bundled_fonts
from editor.ui.preview.html_units import Page, page_of
from editor.ui.preview.notices import localize_notices
from editor.ui.preview.page_updater import PageUpdater
from editor.ui.preview.renderer import PreviewRenderer

__all__ = ["PreviewPane", "PreviewRenderer", "local_resource_path"]


def local_resource_path(url: QUrl, base_dir: Path | None) -> Path | None:
    """The file `url` names if it is a local file inside `base_dir`, else None (never the network)."""
    if base_dir is None:
        return None
    if url.scheme() in ("", "file"):
        raw = url.toLocalFile() if url.scheme() == "file" else url.path()
    else:
        return None
    if not raw:
        return None
    base = base_dir.resolve()
    candidate = (base / raw).resolve() if not Path(raw).is_absolute() else Path(raw).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


_PT_RE = re.compile(r"(\d+(?:\.\d+)?)pt\b")


class PreviewPane(QTextBrowser):
    """The preview widget. `confirm_link(url) -> bool` decides whether a clicked link opens."""

    updated = Signal()  # the document shows the whole of the last page given to `show_html`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document().setUndoRedoEnabled(False)  # replaced units would pile up in the undo stack
        # The scroll bar always takes its room: when it appeared (a page growing past one screen), Qt laid
        # the whole page out again at the narrower width in one go (110 ms for 150,000 characters of
        # bidi controls, which take no height), and again each time it came and went.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._updater = PageUpdater(self.document(), self)
        self._updater.finished.connect(self._on_updated)
        self._updater.failed.connect(self._show_whole)
        self._target: str | None = None  # the styled HTML being shown (maybe not all of it yet)
        self._scroll: tuple[int, int] | None = None  # scroll bar value and maximum before the update
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.base_dir: Path | None = None
        self.confirm_link: Callable[[QUrl], bool] = lambda url: False
        self.open_external: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._follow_ratio: float | None = None
        self._html = ""
        self._shown: str | None = None  # the styled HTML last given to setHtml
        self.dark = False
        self.zoom = 0
        load_bundled_fonts()  # preview.css asks for the shipped pair
        self.anchorClicked.connect(self._on_anchor)
        self._paper_palette()

    def _paper_palette(self) -> None:
        """The preview is the page readers get (light, like the export), also under a dark theme:
        its stylesheet's dark text must stay on a light page."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
        self.setPalette(palette)

    def set_look(self, dark: bool | None = None, zoom: int | None = None) -> None:
        """Dark page or paper (`dark`), and the editor's zoom step (`zoom`, ±10 % of the type size
        per step); the page shown is redrawn."""
        if dark is not None:
            self.dark = dark
            if dark:
                palette = self.palette()
                palette.setColor(QPalette.ColorRole.Base, QColor("#18181b"))
                palette.setColor(QPalette.ColorRole.Text, QColor("#e4e4e7"))
                self.setPalette(palette)
            else:
                self._paper_palette()
        if zoom is not None:
            self.zoom = zoom
        if self._html:
            self.show_html(self._html)

    def styled(self, text: str) -> str:
        """`text` with the dark stylesheet (if dark) and the type sizes scaled by the zoom."""
        if self.dark:
            dark = resource_path("css", "preview-dark.css").read_text(encoding="utf-8")
            text = text.replace("</head>", f"<style>{dark}</style></head>", 1)
        if self.zoom:
            factor = max(0.3, 1 + 0.1 * self.zoom)
            head, sep, rest = text.partition("</head>")
            head = _PT_RE.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", head)
            text = head + sep + rest
        return text

    def show_html(self, text: str) -> None:
        """Show `text`, replacing only what changed, keeping the reader where they were."""
        self._html = text
        right_to_left = self.isRightToLeft()
        page = page_of(text)
        if page is not None:  # the style is in the head, the notices are units (or parts of them)
            units = tuple(localize_notices(unit, right_to_left) for unit in page.units)
            page = Page(self.styled(page.head), units, page.tail)
        styled = page.html() if page is not None else self.styled(localize_notices(text, right_to_left))
        if styled in (self._shown, self._target):
            return  # e.g. the full pause result after its preview job: nothing to lay out again
        if self._scroll is None:
            bar = self.verticalScrollBar()
            self._scroll = (bar.value(), bar.maximum())
        self._target = styled
        if page is None:  # not cut into units: set as a whole
            self._updater.cancel()
            self._show_whole()
        else:
            self._updater.show(page)

    def _show_whole(self) -> None:
        """The page being shown, with one `setHtml` (HTML the units cannot reproduce)."""
        super().setHtml(self._target or "")
        self._on_updated()

    @property
    def updating(self) -> bool:
        """True while the page given last is only partly shown (the rest comes in the next turns)."""
        return self._updater.busy

    def _on_updated(self) -> None:
        self._shown, self._target = self._target, None
        old_value, old_max = self._scroll or (0, 0)
        self._scroll = None
        bar = self.verticalScrollBar()
        if self._follow_ratio is not None:
            self.follow(self._follow_ratio)
        elif old_max > 0:
            bar.setValue(round(old_value * bar.maximum() / old_max))
        self.updated.emit()

    def show_notice(self, generation: int, notice_html: str) -> None:
        """Show `notice_html` (e.g. a render abandoned past its time budget) instead of the content."""
        del generation
        self.setHtml(notice_html)

    def setHtml(self, text: str) -> None:  # noqa: N802 - Qt name
        """Qt's `setHtml`; anything shown this way is not the last `show_html` any more."""
        self._updater.cancel()
        self._shown = self._target = self._scroll = None
        super().setHtml(text)

    def follow(self, ratio: float) -> None:
        """Scroll to the same relative place as the editor (0.0 top, 1.0 bottom)."""
        self._follow_ratio = min(max(ratio, 0.0), 1.0)
        bar = self.verticalScrollBar()
        bar.setValue(round(self._follow_ratio * bar.maximum()))

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt override
        path = local_resource_path(url, self.base_dir)
        is_image = kind in (
            QTextDocument.ResourceType.ImageResource,
            QTextDocument.ResourceType.ImageResource.value,
        )
        if path is None:
            return QImage() if is_image else QByteArray()
        if is_image:
            return QImage(str(path))
        try:
            return QByteArray(path.read_bytes())
        except OSError:
            return QByteArray()

    def _on_anchor(self, url: QUrl) -> None:
        if not url.scheme() and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
            return
        if self.confirm_link(url):
            self.open_external(url)
