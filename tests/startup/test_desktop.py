"""`midad --install-desktop` / `--uninstall-desktop` write and remove a freedesktop entry for this user."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from editor.startup import desktop

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    return subprocess.run(
        [sys.executable, "-m", "editor.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def test_install_writes_a_valid_entry_with_icon_and_markdown_mime(tmp_path):
    data = tmp_path / "share"
    result = _run("--install-desktop", data=data)
    assert result.returncode == 0, result.stderr
    entry = data / "applications" / "midad.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "midad.svg"
    assert entry.is_file() and icon.is_file()
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "midad.svg").read_bytes()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Icon"] == "midad"
    assert "text/markdown" in section["MimeType"].split(";")
    assert section["Exec"].endswith(" %f")
    assert section["Name[ar]"] == "مِداد"
    # Exec starts this very Midad: the interpreter with the module (the test runs `python -m editor.cli`)
    assert section["Exec"].startswith(sys.executable) or section["Exec"].split()[0].endswith("midad")
    tool = subprocess.run(["which", "desktop-file-validate"], capture_output=True, text=True)
    if tool.returncode == 0:
        check = subprocess.run([tool.stdout.strip(), str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    # installing twice is fine, uninstall removes exactly what was written
    assert _run("--install-desktop", data=data).returncode == 0
    (data / "applications" / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    result = _run("--uninstall-desktop", data=data)
    assert result.returncode == 0
    assert not entry.exists() and not icon.exists()
    assert (data / "applications" / "other.desktop").exists()
    assert "Nothing to remove" in _run("--uninstall-desktop", data=data).stdout


def test_exec_quotes_paths_with_spaces():
    entry = desktop.desktop_entry(["/opt/my apps/midad"])
    assert 'Exec="/opt/my apps/midad" %f' in entry


def test_install_reports_an_unwritable_folder(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert desktop.install_desktop() == 1
    assert capsys.readouterr().err.startswith("midad: cannot install the desktop entry")
