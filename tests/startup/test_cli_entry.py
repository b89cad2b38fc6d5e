"""`midad WORD`: a command, an article to open, or "unknown command" — never a window by mistake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_gui(monkeypatch):
    opened: list[list[str]] = []
    import editor.app

    monkeypatch.setattr(editor.app, "run_gui", lambda files: opened.append(files) or 0)
    return opened


@pytest.mark.parametrize("word", ["histroy", "import", "lint", "nonsense"])
def test_unknown_command_lists_the_commands(word, capsys, no_gui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    commands = cli._command_names(cli.build_parser())
    if word in commands:
        pytest.skip(f"{word} is a command now")
    assert cli.main([word]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"midad: unknown command '{word}'")
    assert "\n" not in err
    for name in commands:  # every registered command, taken from the parser
        assert name in err
    assert no_gui == []


def test_close_words_get_a_suggestion(capsys, no_gui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["serch"]) == 2
    assert "Did you mean 'search'?" in capsys.readouterr().err


def test_a_command_added_later_is_listed(capsys, no_gui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    class Extra:
        @staticmethod
        def register(subparsers):
            subparsers.add_parser("zzzextra").set_defaults(handler=lambda args: 0)

    modules = cli.command_modules()
    monkeypatch.setattr(cli, "command_modules", lambda: (*modules, Extra))
    assert cli.main(["nonsense"]) == 2
    assert "zzzextra" in capsys.readouterr().err
    assert cli.main(["zzzextra"]) == 0


def test_articles_and_new_names_open_the_window(no_gui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").write_text("x", encoding="utf-8")  # an existing file without a suffix
    for word in ["new-article.md", "draft.txt", "Story.MARKDOWN", "notes", str(tmp_path / "notes")]:
        assert cli.main([word]) == 0
    assert no_gui == [
        ["new-article.md"],
        ["draft.txt"],
        ["Story.MARKDOWN"],
        ["notes"],
        [str(tmp_path / "notes")],
    ]
    assert cli.main([]) == 0 and no_gui[-1] == []


def test_a_folder_is_not_opened(capsys, no_gui, tmp_path):
    assert cli.main([str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert no_gui == []


def test_unknown_command_whole_process_without_display():
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli", "histroy"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb", "HOME": str(ROOT)},
    )
    assert result.returncode == 2
    assert "unknown command 'histroy'" in result.stderr
    assert result.stdout == ""
