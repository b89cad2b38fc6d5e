"""The shipped fonts: on a machine without any Arabic (or any) system font, the editor and the preview
still draw Arabic with an Arabic-capable face (no tofu), and Latin words and digits share one face."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from editor.core.markdown.fonts import BUNDLED_FONTS, font_face_css
from editor.resources import resource_path

ROOT = Path(__file__).resolve().parents[3]

PROBE = r"""
import json, sys
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
system_arabic = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
from editor.ui.editor.markdown_edit import MarkdownEdit
from editor.ui.preview.pane import PreviewPane

def runs(document):
    out = []
    block = document.firstBlock()
    while block.isValid():
        for run in block.layout().glyphRuns(0, max(1, len(block.text()))):
            out.append([run.rawFont().familyName(), 0 in list(run.glyphIndexes())])
        block = block.next()
    return out

editor = MarkdownEdit(); editor.resize(600, 300); editor.show()
editor.set_body("قال الوزير إن phase 2 تبدأ اليوم")
preview = PreviewPane(); preview.resize(600, 300); preview.show()
preview.show_html("<html><body><p dir='rtl'>قال الوزير إن phase 2 تبدأ اليوم</p></body></html>")
from editor.resources import resource_path
css = resource_path("css", "preview.css").read_text(encoding="utf-8")
preview.show_html(f"<html><head><style>{css}</style></head><body><p dir='rtl'>قال الوزير إن phase 2 تبدأ اليوم</p></body></html>")
app.processEvents()
editor.grab(); preview.grab()
print(json.dumps({"system_arabic": system_arabic, "editor": runs(editor.document()), "preview": runs(preview.document())}))
"""


def _probe(tmp_path: Path) -> dict:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env.pop("FONTCONFIG_PATH", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_system_fonts_editor_and_preview_draw_arabic_with_the_shipped_pair(tmp_path):
    found = _probe(tmp_path)
    assert not [f for f in found["system_arabic"] if f not in ("Noto Naskh Arabic",)]
    for where in ("editor", "preview"):
        runs = found[where]
        families = {family for family, _tofu in runs}
        assert "Noto Naskh Arabic" in families, (where, runs)
        assert not any(tofu for _family, tofu in runs), (where, runs)  # no missing glyph anywhere
        assert families <= {"Noto Naskh Arabic", "Noto Serif"}, (where, runs)


def test_font_files_and_licence_are_shipped():
    sizes = [resource_path("fonts", name).stat().st_size for _f, _w, name in BUNDLED_FONTS]
    assert sum(sizes) < 3_000_000
    assert "SIL OPEN FONT LICENSE" in resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")


def test_font_face_css_names_and_can_embed_the_fonts():
    plain = font_face_css()
    assert 'font-family: "Noto Naskh Arabic"' in plain and "data:" not in plain
    embedded = font_face_css(embed=True)
    assert embedded.count("data:font/ttf;base64,") == len(BUNDLED_FONTS)
