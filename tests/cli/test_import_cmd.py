"""`midad import`: stdout or -o (atomic, never over an existing file or the source), notes on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editor.cli import main
from editor.core.article.model import Article


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_to_stdout(capsys, tmp_path: Path, seed_bytes: bytes) -> None:
    source = tmp_path / "copied.txt"
    source.write_bytes(seed_bytes)
    code, out, err = run(capsys, "import", str(source))
    assert code == 0 and err == ""
    article = Article.from_text(out)
    assert article.meta["source"] == "العدالة اليوم" and "اترك رد" not in out


def test_import_twice_gives_the_same_bytes(capsys, tmp_path: Path, seed_bytes: bytes) -> None:
    source = tmp_path / "copied.txt"
    source.write_bytes(seed_bytes)
    assert run(capsys, "import", str(source), "-o", str(tmp_path / "a.md"))[0] == 0
    assert run(capsys, "import", str(source), "-o", str(tmp_path / "b.md"))[0] == 0
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    assert source.read_bytes() == seed_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "copied.txt"]  # no temp files left


def test_import_refuses_existing_output_and_the_source(capsys, tmp_path: Path, seed_bytes: bytes) -> None:
    source = tmp_path / "copied.txt"
    source.write_bytes(seed_bytes)
    existing = tmp_path / "old.md"
    existing.write_text("keep me", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "-o", str(existing))
    assert code == 1 and "already exists" in err and existing.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(capsys, "import", str(source), "-o", str(source))
    assert code == 1 and "refusing" in err and source.read_bytes() == seed_bytes
    code, _, _ = run(capsys, "import", str(source), "-o", str(existing), "--force")
    assert code == 0 and existing.read_text(encoding="utf-8").startswith("---\n")


def test_notes_go_to_stderr(capsys, tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("جملة أولى طويلة بما يكفي لتكون خبرا. وجملة ثانية.\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source))
    assert code == 0 and err.startswith("midad: note: the text has no headline line")


def test_bad_input_is_one_line_without_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli", "import", str(binary)], capture_output=True, text=True
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "binary" in result.stderr and "Traceback" not in result.stderr
