"""`midad export --to docx|pdf`: binary files written atomically; never over the article itself."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx

from editor.cli import main


def test_export_docx_to_file(capsys, seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "seed.docx"
    target.parent.mkdir()
    assert main(["export", str(seed_file), "--to", "docx", "-o", str(target), "--paper", "letter"]) == 0
    assert capsys.readouterr() == ("", "")
    document = docx.Document(str(target))
    assert any(p.text.startswith("#الرباط: تأكيد") for p in document.paragraphs)
    assert sorted(p.name for p in target.parent.iterdir()) == ["seed.docx"]  # no temporary file left


def test_export_docx_to_a_pipe(seed_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli", "export", str(seed_file), "--to", "docx"], capture_output=True
    )
    assert result.returncode == 0 and result.stdout.startswith(b"PK\x03\x04")
    assert docx.Document(io.BytesIO(result.stdout)).paragraphs


def test_binary_export_never_replaces_the_article(capsys, seed_file: Path) -> None:
    before = seed_file.read_bytes()
    assert main(["export", str(seed_file), "--to", "docx", "-o", str(seed_file)]) == 1
    assert "refusing" in capsys.readouterr().err and seed_file.read_bytes() == before
