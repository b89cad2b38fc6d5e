"""One-line errors and a non-zero exit for hostile inputs and outputs (issue 14, cases 10–13)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.library.index import LibraryIndex

MIDAD = [sys.executable, "-m", "editor.cli"]


def _run(*argv: str, stdout=subprocess.PIPE, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MIDAD, *argv], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout, check=False
    )


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("command", [["show"], ["set", "--add-tag", "t"], ["export", "--to", "text"]])
def test_a_fifo_article_is_refused_in_one_line(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "x.md"
    os.mkfifo(fifo)
    argv = [command[0], str(fifo), *command[1:]]
    result = _run(*argv)
    assert result.returncode == 1
    assert "FIFO" in _one_line(result.stderr)


def test_dev_zero_is_refused_in_one_line() -> None:
    result = _run("show", "/dev/zero")
    assert result.returncode == 1 and "device" in _one_line(result.stderr)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_export_to_a_device_is_refused_and_the_device_stays(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# عنوان\n", "utf-8")
    result = _run("export", str(article), "-o", "/dev/full")
    assert result.returncode == 1 and "device" in _one_line(result.stderr)
    assert Path("/dev/full").is_char_device()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", [["export"], ["show"], ["export", "--to", "text"]])
def test_standard_output_on_a_full_device_is_one_line(tmp_path: Path, command: list[str]) -> None:
    article = tmp_path / "a.md"
    article.write_text("# عنوان\n\n" + "نص " * 5000, "utf-8")
    with open("/dev/full", "w") as full:
        result = _run(command[0], str(article), *command[1:], stdout=full)
    assert result.returncode == 1
    assert "disk is full" in _one_line(result.stderr)


@pytest.mark.parametrize("command", ["index", "tags", "search"])
def test_a_full_disk_under_the_cache_is_one_line(tmp_path: Path, monkeypatch, capsys, command) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# أ\n#وسم\n", "utf-8")

    def full(self, progress=None):  # noqa: ANN001, ANN202
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(LibraryIndex, "update", full)
    argv = [command, str(root), "--cache-dir", str(tmp_path / "cache")]
    if command == "search":
        argv.append("وسم")
    assert main(argv) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("midad: the library index cannot be used (database or disk is full)")


def test_a_read_only_cache_folder_still_lists_the_library(tmp_path: Path, capsys) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# أ\n", "utf-8")
    cache = tmp_path / "cache"
    cache.write_text("not a folder", "utf-8")  # unusable even for root
    assert main(["index", str(root), "--cache-dir", str(cache)]) == 0
    captured = capsys.readouterr()
    assert "a.md" in captured.out and "temporary" in captured.err and "Traceback" not in captured.err


def test_renaming_a_tag_keeps_the_items_comment(tmp_path: Path, capsys) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    article = root / "a.md"
    article.write_text(
        "---\ntitle: ت\ntags:\n  - الرباط   # مدينة\n  - 'أخرى'  # تعليق\n---\n\nنص #الرباط\n", "utf-8"
    )
    assert (
        main(["tag", "rename", str(root), "الرباط", "الرباط_المغرب", "--cache-dir", str(tmp_path / "c")]) == 0
    )
    text = article.read_text("utf-8")
    assert "  - الرباط_المغرب   # مدينة\n  - 'أخرى'  # تعليق\n" in text
    assert "نص #الرباط_المغرب" in text
    assert main(["tag", "rename", str(root), "أخرى", "ثانية", "--cache-dir", str(tmp_path / "c")]) == 0
    assert "  - 'ثانية'  # تعليق\n" in article.read_text("utf-8")
