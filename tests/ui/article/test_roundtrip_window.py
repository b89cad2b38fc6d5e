"""Files of every shape survive the window: unmodified saves are byte-identical, an edit changes
only what was typed (encoding, BOM and newline style kept)."""

from __future__ import annotations

import codecs

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text

BODY = "فقرة\u00a0أولى\u200f فيها LRM\u200e و\u2028فاصل سطر\n\nPara two {dir=ltr}\n\n\tمسافة جدولة\n"
CASES = {
    "utf8": BODY.encode("utf-8"),
    "utf8-bom": codecs.BOM_UTF8 + ("---\ntitle: ت\n---\n" + BODY).encode("utf-8"),
    "crlf": ("---\r\ntitle: ت # تعليق\r\n---\r\n" + BODY.replace("\n", "\r\n")).encode("utf-8"),
    "mixed-newlines": "سطر\r\nسطر\nسطر\rسطر\n".encode(),
    "utf16-bom": codecs.BOM_UTF16_LE
    + ("---\r\ntitle: ت\r\n---\r\n" + BODY.replace("\n", "\r\n")).encode("utf-16-le"),
    "no-final-newline": "آخر سطر بلا نهاية".encode(),
    "paragraph-separator": "قبل\u2029بعد\n".encode(),
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unmodified_save_is_byte_identical(window, tmp_path, name):
    path = tmp_path / f"{name}.md"
    path.write_bytes(CASES[name])
    assert window.open_file(str(path))
    assert not window.document.is_modified()
    assert window.files.save()
    assert path.read_bytes() == CASES[name]


@pytest.mark.parametrize("name", ["utf8-bom", "crlf", "utf16-bom"])
def test_an_edit_keeps_encoding_bom_and_newlines(window, tmp_path, name):
    path = tmp_path / f"{name}.md"
    path.write_bytes(CASES[name])
    window.open_file(str(path))
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor, "زيادة")
    assert window.files.save()
    encoding = "utf-16" if name == "utf16-bom" else "utf-8-sig"
    newline = "\r\n" if name in ("crlf", "utf16-bom") else "\n"
    before = CASES[name].decode(encoding)
    after = path.read_bytes().decode(encoding)
    assert after == before + "زيادة"
    assert path.read_bytes()[:3] == CASES[name][:3]  # BOM kept
    assert ("\r\n" in after) == (newline == "\r\n")
