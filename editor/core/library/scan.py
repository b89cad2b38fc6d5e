"""Walking a library folder: every `.md` file below it, with size and modification time.

The library is the folder, nothing outside it (docs/library.md, "Containment"):

- Symbolic links that stay inside the library are followed (a folder reached twice, e.g. through a
  link loop, is visited once). A link whose target lies outside the library — a file
  (`passwd.md → /etc/passwd`) or a folder (`etc → /etc`) — is listed with the problem "points
  outside the library" and never read, walked, indexed or written.
- Article files that are not regular files (a FIFO named `x.md`, a device node, a socket) are
  listed with their problem and never opened (opening a FIFO would wait forever).
- Names that are not valid UTF-8 (or hold lone surrogates) are listed with the problem, under a
  printable form of the name (`\\xff` for the byte 0xFF); a folder with such a name is listed and
  not walked.
- Hidden folders and files (`.git`, `.obsidian`, `.trash`, editor swap files) are skipped.

Only `stat`/`lstat`/`realpath` are called: reading files is the index's job.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from editor.core.article.save_guard import TEMP_SUFFIX, remove_stray_temps
from editor.core.article.storage import file_kind
from editor.core.text.messages import msg

ARTICLE_SUFFIXES = (".md", ".markdown")


class FileStat(NamedTuple):
    """One article file: path relative to the library (with `/`), size in bytes, mtime in ns.

    `problem` is set for an entry that is listed but must never be read (a link out of the
    library, a FIFO or device, a name that is not UTF-8).
    """

    rel_path: str
    size: int
    mtime_ns: int
    problem: str | None = None


def is_article_name(name: str) -> bool:
    """True for a visible Markdown file name."""
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)


def _utf8_name(name: str) -> bool:
    """False for a file name whose bytes are not UTF-8 (the index stores names as UTF-8 text)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    """A file name that is not valid UTF-8, with its odd bytes written `\\xff`."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def is_inside(path: str, root_real: str) -> bool:
    """True when the real (resolved) `path` is `root_real` or below it."""
    return path == root_real or path.startswith(root_real.rstrip(os.sep) + os.sep)


def outside_problem() -> str:
    return msg("points outside the library")


class TooManyFiles(Exception):
    """`scan_library(root, limit)` found more article files than `limit` (and stopped)."""


def scan_library(
    root: str | os.PathLike[str], limit: int | None = None
) -> tuple[dict[str, FileStat], list[str]]:
    """All article files below `root` keyed by relative path, and the folders visited (absolute).

    Entries that must not be read carry a `problem` (see the module docstring). Unreadable
    folders are skipped silently; a missing root gives an empty result. Temporary files left by
    killed saves are cleaned on the way (`save_guard.remove_stray_temps`). With `limit`, raises
    TooManyFiles as soon as more files than that are found (the window then scans elsewhere).
    """
    root_path = Path(root)
    root_real = os.path.realpath(root_path)
    files: dict[str, FileStat] = {}
    folders: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    stray_folders: set[str] = set()
    stack: list[tuple[str, str]] = [(str(root_path), "")]

    def listed(rel: str, info: os.stat_result | None, problem: str) -> None:
        files[rel] = FileStat(rel, info.st_size if info else 0, info.st_mtime_ns if info else 0, problem)

    while stack:
        folder, prefix = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            continue
        seen_dirs.add(key)
        folders.append(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                if name.endswith(TEMP_SUFFIX):
                    stray_folders.add(folder)  # left by a killed save: cleaned below
                continue
            try:
                link = entry.is_symlink()
                is_dir = entry.is_dir()
                article = name.lower().endswith(ARTICLE_SUFFIXES)
                if not (is_dir or article):
                    continue
                own = entry.stat(follow_symlinks=False)
                if not _utf8_name(name):
                    shown = printable_name(name)
                    problem = (
                        msg("the folder name is not valid UTF-8: its articles are not listed")
                        if is_dir
                        else msg("the file name is not valid UTF-8")
                    )
                    listed(prefix + shown + ("/" if is_dir else ""), own, problem)
                    continue
                if link and not is_inside(os.path.realpath(entry.path), root_real):
                    listed(prefix + name + ("/" if is_dir else ""), own, outside_problem())
                    continue
                if is_dir:
                    stack.append((entry.path, f"{prefix}{name}/"))
                    continue
                st = entry.stat()
            except OSError:
                continue
            if limit is not None and len(files) >= limit:
                raise TooManyFiles(limit)
            kind = file_kind(st.st_mode)
            if kind is None:
                files[prefix + name] = FileStat(prefix + name, st.st_size, st.st_mtime_ns)
            else:
                listed(
                    prefix + name,
                    st,
                    msg("{name} is {kind}, not a file Midad can open", name=name, kind=kind),
                )
    for folder in sorted(stray_folders):
        remove_stray_temps(folder)
    return files, folders
