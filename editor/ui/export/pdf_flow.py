"""The printed pages laid out block by block with `QTextLayout` and drawn with `QPainter` (PDF and print).

Qt's `QTextDocument` (HTML import, table layout, page drawing) took ~1.4 s of CPU per MB of Markdown:
the PDF of a 16 MB article could not be made in 10 s on two cores. Here each block of
`editor.core.convert.print_flow` (paragraph, heading, list item, code, table, rule, image) gets one
`QTextLayout` (Qt still shapes Arabic with HarfBuzz and orders mixed lines by the bidi algorithm,
in the paragraph's direction), its lines are placed on pages here (a heading is kept with the next
two lines, a table row is not cut; a row taller than a page is printed as paragraphs), and each
page is drawn from the placed lines. Spacing and sizes follow the preview's stylesheet, the body
at `BODY_POINTS`. Links keep their targets (the PDF engine writes link annotations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPagedPaintDevice, QTextCharFormat, QTextLayout, QTextOption

from editor.core.convert.print_flow import MAX_LAYOUT_CHARS, Block, Span, Style, cut_text, page_blocks

POINTS = {"h1": 22.0, "h2": 18.0, "h3": 16.0, "h4": 14.0, "pre": 11.0}
ROLE_POINTS = {"subtitle": 16.0, "byline": 12.0, "dateline": 12.0, "footnote": 12.0, "midad-notice": 11.0}
ROLE_COLORS = {
    "subtitle": "#5f6368",
    "byline": "#5f6368",
    "dateline": "#5f6368",
    "footnote": "#3c4043",
    "midad-notice": "#5c4400",
}
TEXT_COLOR = "#1d1d1f"
QUOTE_COLOR = "#3c4043"
CODE_BACKGROUND = "#f6f8fa"
NOTICE_BACKGROUND = "#fff4ce"
HEADER_BACKGROUND = "#f3f4f6"
BORDER_COLOR = "#d9d9de"
RULE_COLOR = "#999999"
MONO_FAMILIES = ("DejaVu Sans Mono", "Liberation Mono", "monospace")
CELL_PADDING = 4  # CSS px


@dataclass
class Page:
    """What one page shows: drawing operations in page coordinates (see `pdf_draw.draw_page`)."""

    ops: list[tuple] = field(default_factory=list)


class Flow:
    """Lays blocks out on `device`'s pages (`body`: the size of a page's text, in device pixels)."""

    def __init__(self, device: QPagedPaintDevice, body_size, body_points: float, families: list[str]) -> None:  # noqa: ANN001

        self.device = device
        dpi = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
        self.px = dpi / 96.0  # one CSS pixel in device pixels
        self.width = body_size.width()
        self.height = body_size.height()
        self.families = list(families)
        self.body_points = body_points
        self._fonts: dict[tuple, QFont] = {}
        self._formats: dict[tuple, object] = {}
        self._options: dict[tuple, object] = {}
        self._markers: dict[tuple, object] = {}
        self.pages: list[Page] = [Page()]
        self.y = 0.0
        self.after = 0.0  # the last block's spacing after it (collapsed with the next one's before)

    # --- fonts, formats, options -----------------------------------------------------------------
    def font(self, points: float, bold: bool = False, mono: bool = False):  # noqa: ANN201 - QFont
        key = (points, bold, mono)
        font = self._fonts.get(key)
        if font is None:
            font = QFont()
            font.setFamilies([*MONO_FAMILIES, *self.families] if mono else self.families)
            font.setPointSizeF(points)
            font.setBold(bold)
            self._fonts[key] = font
        return font

    def char_format(self, style: Style):  # noqa: ANN201 - QTextCharFormat
        fmt = self._formats.get(style)
        if fmt is None:
            bold, italic, code, link, color, sup = style
            fmt = QTextCharFormat()
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if italic:
                fmt.setFontItalic(True)
            if code:
                fmt.setFontFamilies([*MONO_FAMILIES, *self.families])
            if color:
                fmt.setForeground(QColor(color))
            if link:
                fmt.setAnchor(True)
                fmt.setAnchorHref(link)
                fmt.setFontUnderline(True)
            if sup:
                fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            self._formats[style] = fmt
        return fmt

    def option(self, rtl: bool, centre: bool = False):  # noqa: ANN201 - QTextOption
        key = (rtl, centre)
        option = self._options.get(key)
        if option is None:
            align = Qt.AlignmentFlag
            option = QTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            side = align.AlignHCenter if centre else (align.AlignRight if rtl else align.AlignLeft)
            option.setAlignment(side | align.AlignAbsolute)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self._options[key] = option
        return option

    def text_layout(
        self, text: str, spans: list[Span], font, rtl: bool, width: float
    ) -> tuple[QTextLayout, list[float]]:  # noqa: ANN001, E501
        """`text` laid out in lines of `width`; the layout and the height of each line."""

        layout = QTextLayout(text, font, self.device)
        layout.setTextOption(self.option(rtl))
        layout.setCacheEnabled(True)  # the shaped glyphs are kept for the drawing
        if spans:
            ranges = []
            for span in spans:
                piece = QTextLayout.FormatRange()
                piece.start, piece.length, piece.format = (
                    span.start,
                    span.length,
                    self.char_format(span.style),
                )
                ranges.append(piece)
            layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        width = max(width, 1.0)
        heights = []
        create = layout.createLine
        while True:
            line = create()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            height = line.height()
            heights.append(height)
            y += height
        layout.endLayout()
        return layout, heights

    # --- pages ---------------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = 0.0

    def space(self, before: float) -> None:
        """Leave the larger of the last block's space after it and `before` (none at a page's top)."""
        if self.y > 0:
            self.y += max(self.after, before) * self.px
            if self.y >= self.height:
                self.new_page()

    def columns(self, block: Block) -> tuple[float, float]:
        """The block's left edge and width (lists indented on their start side, quotes on both)."""
        quote = block.quote * 20 * self.px
        indent = block.indent * 30 * self.px
        left = quote + (0 if block.rtl else indent)
        return left, max(self.width - 2 * quote - indent, self.width * 0.2)

    def add(self, block: Block) -> None:
        kind = block.kind
        if kind == "table":
            self.table(block)
        elif kind == "hr":
            self.space(block.before)
            left, width = self.columns(block)
            self.pages[-1].ops.append(("rule", left, self.y, width))
            self.y += 2 * self.px
        elif kind == "image":
            self.image(block)
        else:
            self.text_block(block)
        self.after = block.after

    def text_block(self, block: Block) -> None:
        kind = block.kind
        points = ROLE_POINTS.get(block.role) or POINTS.get(kind) or self.body_points
        font = self.font(points, bold=kind[0] == "h", mono=kind == "pre")
        left, width = self.columns(block)
        pad = 6 * self.px if kind == "pre" or block.role == "midad-notice" else 0.0
        color = ROLE_COLORS.get(block.role) or (QUOTE_COLOR if block.quote else TEXT_COLOR)
        fill = (
            CODE_BACKGROUND if kind == "pre" else NOTICE_BACKGROUND if block.role == "midad-notice" else None
        )
        marker = self.marker(block, font) if block.marker else None
        self.space(block.before)
        for number, (text, spans) in enumerate(cut_text(block.text, block.spans)):
            layout, heights = self.text_layout(text, spans, font, block.rtl, width - 2 * pad)
            if number == 0 and kind[0] == "h" and self.y > 0:  # a heading is kept with two more lines
                if self.y + sum(heights) + 2 * pad + 2.5 * points * self.px * 96 / 72 > self.height:
                    self.new_page()
            self.lines(layout, heights, left, width, pad, color, fill, marker if number == 0 else None, block)

    def lines(self, layout, heights, left, width, pad, color, fill, marker, block) -> None:  # noqa: ANN001, PLR0913
        """Place `layout`'s lines below what is on the page, on as many pages as they need."""
        count = len(heights)
        self.y += pad
        top = self.y
        total = sum(heights)
        if self.y + total <= self.height:  # all on this page (most blocks)
            if marker is not None:
                x = marker_x(marker, block, left, width, self.px)
                self.pages[-1].ops.append(("layout", marker, x, self.y, color))
            self.y += total
            self.piece(layout, 0, count, left + pad, top, width, pad, color, fill, count)
            self.y += pad
            return
        first = 0
        index = 0
        while index < count:
            height = heights[index]
            if self.y + height > self.height and self.y > 0:
                self.piece(layout, first, index, left + pad, top, width, pad, color, fill, count)
                self.new_page()
                first, top = index, 0.0
            if index == 0 and marker is not None:
                x = marker_x(marker, block, left, width, self.px)
                self.pages[-1].ops.append(("layout", marker, x, self.y, color))
            self.y += height
            index += 1
        self.piece(layout, first, count, left + pad, top, width, pad, color, fill, count)
        self.y += pad

    def piece(self, layout, first, end, x, top, width, pad, color, fill, count) -> None:  # noqa: ANN001, PLR0913
        """Lines `first`..`end` of `layout` drawn from `top` on the current page."""
        if end <= first:
            return
        ops = self.pages[-1].ops
        if fill is not None:
            ops.append(("fill", x - pad, top - pad, width, self.y - top + 2 * pad, fill))
        if first == 0 and end == count:
            ops.append(("layout", layout, x, top, color))
        else:
            ops.append(("lines", layout, first, end, x, top - layout.lineAt(first).y(), color))

    def marker(self, block: Block, font):  # noqa: ANN001, ANN201 - QTextLayout
        """The laid-out marker (one layout per marker, font and direction, drawn wherever it is used)."""
        key = (block.marker, id(font), block.rtl)
        layout = self._markers.get(key)
        if layout is None:
            layout = self._markers[key] = self.text_layout(block.marker, [], font, block.rtl, 25 * self.px)[0]
        return layout

    def image(self, block: Block) -> None:

        image = QImage(block.src)
        left, width = self.columns(block)
        if image.isNull():
            return
        scale = min(
            1.0, width / max(image.width() * self.px, 1), self.height / max(image.height() * self.px, 1)
        )
        w, h = image.width() * self.px * scale, image.height() * self.px * scale
        self.space(block.before)
        if self.y + h > self.height and self.y > 0:
            self.new_page()
        x = left + width - w if block.rtl else left
        self.pages[-1].ops.append(("image", image, x, self.y, w, h))
        self.y += h

    def table(self, block: Block) -> None:
        left, width = self.columns(block)
        columns = max(len(row) for row in block.rows)
        column = width / columns
        pad = CELL_PADDING * self.px
        self.space(block.before)
        for row in block.rows:
            if any(len(cell.text) > MAX_LAYOUT_CHARS for cell in row):
                self.row_as_paragraphs(row)
                continue
            cells = []
            for cell in row:
                font = self.font(self.body_points, bold=cell.header)
                layout, heights = self.text_layout(cell.text, cell.spans, font, cell.rtl, column - 2 * pad)
                cells.append((layout, sum(heights), cell.header))
            row_height = max(height for _, height, _ in cells) + 2 * pad
            if row_height > self.height:  # taller than a page
                self.row_as_paragraphs(row)
                continue
            if self.y + row_height > self.height and self.y > 0:
                self.new_page()
            ops = self.pages[-1].ops
            for index, (layout, _height, header) in enumerate(cells):
                x = (
                    left + (columns - 1 - index if block.rtl else index) * column
                )  # RTL: the first at the right
                ops.append(("cell", x, self.y, column, row_height, HEADER_BACKGROUND if header else None))
                ops.append(("layout", layout, x + pad, self.y + pad, TEXT_COLOR))
            self.y += row_height

    def row_as_paragraphs(self, row: list) -> None:
        """A table row too long for a page (or a layout), printed as one paragraph per cell."""
        for cell in row:
            self.text_block(Block("p", cell.text, cell.spans, cell.rtl, before=4, after=4))
        self.after = 4


def marker_x(marker, block: Block, left: float, width: float, px: float) -> float:  # noqa: ANN001
    """Where a list item's marker is drawn: in the indent before the item's start side."""
    advance = marker.lineAt(0).naturalTextWidth() if marker.lineCount() else 0.0
    gap = 8 * px
    if block.rtl:
        return left + width + gap - (marker.lineAt(0).width() - advance)
    return left - gap - advance


def lay_out_flow(
    parts: list[str],
    rtl: bool,
    base_dir: Path | None,
    device: QPagedPaintDevice,
    body_size,
    points: float,
    families: list[str],
) -> list[Flow]:  # noqa: ANN001
    """The printed page's parts laid out on `device`'s pages, one `Flow` per part (each part starts on
    a new page, so that a PDF made in several processes has the same pages)."""
    flows = []
    for html in parts:
        flow = Flow(device, body_size, points, families)
        for block in page_blocks(html, rtl):
            if block.kind == "image":
                block.src = image_path(block.src, base_dir)
                if not block.src:
                    continue
            flow.add(block)
        flows.append(flow)
    return flows


def image_path(src: str, base_dir: Path | None) -> str:
    """The file of a local image `src` inside `base_dir` (the export keeps only those), or ''."""
    from urllib.parse import unquote, urlparse

    if base_dir is None or src.startswith("data:"):
        return ""
    parsed = urlparse(src)
    if parsed.scheme not in ("", "file"):
        return ""
    try:
        folder = base_dir.resolve()
        path = (folder / unquote(parsed.path)).resolve()
        return str(path) if path.is_relative_to(folder) and path.is_file() else ""
    except (OSError, ValueError):
        return ""
