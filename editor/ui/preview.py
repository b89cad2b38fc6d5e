"""Live preview: the renderer's HTML in a QTextBrowser that loads nothing from the network.

Rendering runs on a worker thread (`PreviewRenderer`); only `setHtml` happens on the GUI thread.
Links never navigate the preview: a click asks before opening the address in the system browser.
Images and other resources are served only from the article's own folder.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.core.article import Article
from editor.core.direction import article_direction, paragraph_direction


def _fallback_html(article: Article) -> str:
    """Escaped paragraphs with their direction, used only if the renderer is not available."""
    direction = article_direction(article.meta, article.body)
    parts = []
    for para in article.body.replace("\r\n", "\n").split("\n\n"):
        if para.strip():
            d = paragraph_direction(para, direction)
            text = html.escape(para).replace("\n", "<br>")
            parts.append(f'<p dir="{d}" align="{"right" if d == "rtl" else "left"}">{text}</p>')
    return f'<html><body dir="{direction}">{"".join(parts)}</body></html>'


def render_preview_html(article: Article, base_dir: Path | None) -> str:
    """HTML for the preview: the renderer's `page.preview_html`, styled like the export."""
    try:
        from editor.core.page import preview_html
    except ImportError:
        return _fallback_html(article)
    return preview_html(article, base_dir)


class PreviewRenderer(QObject):
    """Renders articles off the GUI thread; only the newest request's result is delivered."""

    rendered = Signal(int, str)  # generation, html

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-preview")
        self._generation = 0
        self._closed = False

    def request(self, article: Article, base_dir: Path | None) -> int:
        """Queue a render; returns its generation number."""
        self._generation += 1
        generation = self._generation
        if self._closed:
            return generation
        self._pool.submit(self._work, generation, article, base_dir)
        return generation

    @property
    def generation(self) -> int:
        return self._generation

    def _work(self, generation: int, article: Article, base_dir: Path | None) -> None:
        if generation != self._generation:
            return  # a newer request is queued
        try:
            text = render_preview_html(article, base_dir)
        except Exception as exc:  # noqa: BLE001 - a renderer bug must not kill the editor
            text = f"<p>{html.escape(f'Preview failed: {exc}')}</p>"
        self.rendered.emit(generation, text)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


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


class PreviewPane(QTextBrowser):
    """The preview widget. `confirm_link(url) -> bool` decides whether a clicked link opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.base_dir: Path | None = None
        self.confirm_link: Callable[[QUrl], bool] = lambda url: False
        self.open_external: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._follow_ratio: float | None = None
        self.anchorClicked.connect(self._on_anchor)

    def show_html(self, text: str) -> None:
        """Replace the content, keeping the reader where they were."""
        bar = self.verticalScrollBar()
        old_value, old_max = bar.value(), bar.maximum()
        self.setHtml(text)
        if self._follow_ratio is not None:
            self.follow(self._follow_ratio)
        elif old_max > 0:
            bar.setValue(round(old_value * bar.maximum() / old_max))

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
