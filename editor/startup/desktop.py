"""`midad --install-desktop` / `--uninstall-desktop`: a freedesktop menu entry for the current user.

Writes `$XDG_DATA_HOME/applications/midad.desktop` (default `~/.local/share`) with the
`text/markdown` MIME type, and the icon as `icons/hicolor/scalable/apps/midad.svg`, so Midad shows
in the application menu and in "Open with" for `.md` files. It does not make Midad the default
for Markdown (that is the user's choice: `xdg-mime default midad.desktop text/markdown`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from editor.resources import resource_path

DESKTOP_NAME = "midad.desktop"
ICON_NAME = "midad"
MIME_TYPES = ("text/markdown", "text/x-markdown")


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_path() -> Path:
    return data_home() / "applications" / DESKTOP_NAME


def icon_path() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"


def _quote(arg: str) -> str:
    """Quote an Exec argument as the Desktop Entry spec asks (only when needed)."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return '"' + escaped.replace("%", "%%") + '"'


def launch_command() -> list[str]:
    """How the menu starts this Midad: the `midad` script that is running, else `python -m editor.cli`."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "midad" and script.is_file():
        return [str(script.resolve())]
    found = shutil.which("midad")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "editor.cli"]


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_quote(part) for part in command) + " %f"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=Midad\n"
        "Name[ar]=مِداد\n"
        "GenericName=Article Editor\n"
        "GenericName[ar]=محرّر مقالات\n"
        "Comment=Write Arabic articles in Markdown, offline\n"
        "Comment[ar]=اكتب مقالاتك بالعربية بصيغة Markdown دون اتصال\n"
        f"Exec={exec_line}\n"
        f"TryExec={command[0]}\n"
        f"Icon={ICON_NAME}\n"
        "Terminal=false\n"
        "StartupNotify=true\n"
        "StartupWMClass=midad\n"
        "Categories=Office;TextEditor;Utility;\n"
        f"MimeType={';'.join(MIME_TYPES)};\n"
        "Keywords=markdown;arabic;article;journalism;editor;مقال;محرر;\n"
    )


def _refresh_caches() -> None:
    """Tell the desktop about the change when the usual tools are there (quietly, never fatal)."""
    for tool, args in (
        ("update-desktop-database", [str(desktop_path().parent)]),
        ("gtk-update-icon-cache", ["-q", "-t", str(data_home() / "icons" / "hicolor")]),
    ):
        path = shutil.which(tool)
        if path:
            try:
                subprocess.run([path, *args], capture_output=True, timeout=20, check=False)
            except (OSError, subprocess.SubprocessError):
                pass


def install_desktop(stream=None) -> int:  # noqa: ANN001 - a text stream
    """Write the entry and the icon for the current user; 0 on success, 1 with a message if not."""
    out = stream or sys.stdout
    entry, icon = desktop_path(), icon_path()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource_path("icons", "midad.svg"), icon)
        tmp = entry.with_name(entry.name + ".tmp")
        tmp.write_text(desktop_entry(launch_command()), encoding="utf-8")
        os.replace(tmp, entry)
    except OSError as exc:
        print(f"midad: cannot install the desktop entry: {exc}", file=sys.stderr)
        return 1
    _refresh_caches()
    print(f"Installed {entry} and {icon}", file=out)
    return 0


def uninstall_desktop(stream=None) -> int:  # noqa: ANN001 - a text stream
    """Remove what `install_desktop` wrote (nothing else); 0 also when nothing was installed."""
    out = stream or sys.stdout
    removed = []
    for path in (desktop_path(), icon_path()):
        try:
            path.unlink()
            removed.append(str(path))
        except FileNotFoundError:
            continue
        except OSError as exc:
            print(f"midad: cannot remove {path}: {exc}", file=sys.stderr)
            return 1
    _refresh_caches()
    print(
        "Removed " + " and ".join(removed) if removed else "Nothing to remove: no desktop entry installed",
        file=out,
    )
    return 0
