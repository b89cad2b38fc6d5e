"""Walking a library folder: every `.md` file below it, with size and modification time.

Hidden folders and files (`.git`, `.obsidian`, `.trash`, editor swap files) are skipped, and so is any
folder already visited through another path (symlink loops) and any name that is not valid UTF-8. Only `stat` is called: reading
files is the index's job, and only for files whose size or time changed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class FileStat:
    """One article file: path relative to the library (with `/`), size in bytes, mtime in ns."""

    rel_path: str
    size: int
    mtime_ns: int


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


def scan_library(root: str | os.PathLike[str]) -> tuple[dict[str, FileStat], list[str]]:
    """All article files below `root` keyed by relative path, and the folders visited (absolute).

    Unreadable folders are skipped silently; a missing root gives an empty result.
    """
    root_path = Path(root)
    files: dict[str, FileStat] = {}
    folders: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(str(root_path), "")]
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
            if name.startswith(".") or not _utf8_name(name):
                continue
            try:
                if entry.is_dir():
                    stack.append((entry.path, f"{prefix}{name}/"))
                    continue
                if not name.lower().endswith(ARTICLE_SUFFIXES):
                    continue
                st = entry.stat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                files[prefix + name] = FileStat(prefix + name, st.st_size, st.st_mtime_ns)
    return files, folders
