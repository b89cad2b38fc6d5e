"""The pages laid out by `pdf_flow` drawn on a PDF writer, a printer or (as images) Qt's print preview."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPagedPaintDevice, QPaintEngine, QPainter, QPen

from editor.ui.export.pdf_flow import (
    BORDER_COLOR,
    RULE_COLOR,
    Flow,
    Page,
)


def draw_page(painter: QPainter, flow: Flow, page: Page) -> None:
    """Draw `page`'s operations with `painter` (at the top left of the page's text)."""

    colors: dict[str, QColor] = {}

    def color_of(name: str) -> QColor:
        value = colors.get(name)
        if value is None:
            value = colors[name] = QColor(name)
        return value

    pen_color = None
    for op in page.ops:
        kind = op[0]
        if kind == "layout":
            _, layout, x, y, color = op
            if color != pen_color:
                painter.setPen(color_of(color))
                pen_color = color
            layout.draw(painter, QPointF(x, y))
        elif kind == "lines":
            _, layout, first, end, x, y, color = op
            if color != pen_color:
                painter.setPen(color_of(color))
                pen_color = color
            position = QPointF(x, y)
            for index in range(first, end):
                layout.lineAt(index).draw(painter, position)
        elif kind == "fill":
            _, x, y, w, h, fill = op
            painter.fillRect(QRectF(x, y, w, h), color_of(fill))
        elif kind == "cell":
            _, x, y, w, h, fill = op
            rect = QRectF(x, y, w, h)
            if fill is not None:
                painter.fillRect(rect, color_of(fill))
            painter.setPen(QPen(color_of(BORDER_COLOR), max(1.0, flow.px)))
            painter.drawRect(rect)
            pen_color = None
        elif kind == "rule":
            _, x, y, w = op
            painter.setPen(QPen(color_of(RULE_COLOR), max(1.0, flow.px)))
            painter.drawLine(QPointF(x, y), QPointF(x + w, y))
            pen_color = None
        elif kind == "image":
            _, image, x, y, w, h = op
            painter.drawImage(QRectF(x, y, w, h), image)


def paint_flows(
    flows: list[Flow], device: QPagedPaintDevice, footer: float, *, first: int = 1, total: int | None = None
) -> int:
    """Paint the laid-out `flows` on `device`'s pages one after the other, each page numbered `n / N`
    from `first` (N: `total`, else the pages painted here) in the `footer` line; the pages painted.
    Qt's print preview (a QPicture engine, whose replay loses the bidi order of Arabic lines) gets
    page images."""

    pages = [(flow, page) for flow in flows for page in flow.pages]
    total = total if total is not None else first - 1 + len(pages)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the printer or PDF file")
    try:
        number_font = QFont(flows[0].font(9.0)) if flows else QFont()
        engine = painter.paintEngine()
        as_image = engine is not None and engine.type() == QPaintEngine.Type.Picture
        number = first
        for flow, page in pages:
            if number > first:
                device.newPage()
            if as_image:
                painter.drawImage(QRectF(0, 0, flow.width, flow.height), page_image(flow, page))
            else:
                draw_page(painter, flow, page)
            painter.setFont(number_font)
            painter.setPen(QColor("#5f6368"))
            painter.drawText(
                QRectF(0, flow.height, flow.width, footer),
                int(Qt.AlignmentFlag.AlignCenter),
                f"{number} / {total}",
            )
            number += 1
    finally:
        painter.end()
    return number - first


PREVIEW_DPI = 110


def page_image(flow: Flow, page: Page):  # noqa: ANN201 - QImage
    """`page` as an image at `PREVIEW_DPI` (for the print preview only)."""

    scale = PREVIEW_DPI / (flow.px * 96.0)
    image = QImage(int(flow.width * scale) + 1, int(flow.height * scale) + 1, QImage.Format.Format_RGB16)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    draw_page(painter, flow, page)
    painter.end()
    return image
