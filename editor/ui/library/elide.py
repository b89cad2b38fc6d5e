"""Library list text in its own direction: titles elided at the end of their own direction (an Arabic title
loses its left end, a Latin title its right end, whatever the interface's direction), and search results
laid out in the direction of each title and snippet. The direction is the core's (`text_direction`), the
same rule the editor and the preview use for a paragraph.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor.core.library.search import SearchHit, mark_html
from editor.core.text.direction import text_direction

# Qt's rich text has no <mark>: matches are shown with a highlight background instead
HIGHLIGHT_OPEN = '<span style="background-color:#ffe27a; color:#000000">'
HIGHLIGHT_CLOSE = "</span>"


def qt_direction(text: str, default: Qt.LayoutDirection) -> Qt.LayoutDirection:
    """The core's direction of `text` as a Qt direction (`default` for text without letters)."""
    fallback = "rtl" if default == Qt.LayoutDirection.RightToLeft else "ltr"
    rtl = text_direction(text, fallback) == "rtl"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


class DirectionalElideDelegate(QStyledItemDelegate):
    """Draws a cell's text in its own direction, elided at its logical end, aligned at the interface's
    leading edge (so a column still lines up); an icon (a problem file's warning sign) stays at the
    interface's leading edge too, whatever the direction of the text."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        ui = option.direction
        option.direction = qt_direction(option.text, ui) if option.text else ui
        edge = (
            Qt.AlignmentFlag.AlignRight
            if ui == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        option.displayAlignment = edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        option.textElideMode = Qt.TextElideMode.ElideRight  # the logical end, in the text's own direction

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        decorated = bool(opt.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration)
        if not decorated or opt.icon.isNull():
            super().paint(painter, option, index)
            return
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        ui_rtl = option.direction == Qt.LayoutDirection.RightToLeft
        size = opt.decorationSize
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        x = opt.rect.right() - margin - size.width() + 1 if ui_rtl else opt.rect.left() + margin
        y = opt.rect.top() + (opt.rect.height() - size.height()) // 2
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
        opt.icon.paint(painter, QRect(x, y, size.width(), size.height()), Qt.AlignmentFlag.AlignCenter, mode)
        text = QStyleOptionViewItem(opt)
        text.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        text.icon = QIcon()
        room = size.width() + 2 * margin
        text.rect = opt.rect.adjusted(0, 0, -room, 0) if ui_rtl else opt.rect.adjusted(room, 0, 0, 0)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text, painter, widget)


def result_html(hit: SearchHit) -> str:
    """A search result's rich text: the title (bold) and the snippet, each in its own direction,
    matches highlighted; the snippet's `…` marks are at its logical ends, so they show where it was cut."""
    title = mark_html(hit.title, hit.title_spans, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE)
    snippet = mark_html(hit.snippet, hit.spans, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE)
    title_dir = html.escape(text_direction(hit.title))
    snippet_dir = html.escape(text_direction(hit.snippet))
    return f'<div dir="{title_dir}"><b>{title}</b></div><div dir="{snippet_dir}">{snippet}</div>'
