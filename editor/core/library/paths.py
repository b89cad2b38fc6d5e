"""Where a library and its index live: the default library folder and the cache folder.

No Qt here: the Documents folder comes from `xdg-user-dir DOCUMENTS` (or `~/.config/user-dirs.dirs`),
else `~/Documents`. The cache folder is `$MIDAD_CACHE_DIR`, else `$XDG_CACHE_HOME/midad`, else
`~/.cache/midad`; each library gets its own index file there, named after its resolved path.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

LIBRARY_FOLDER_NAME = "Midad"
CACHE_ENV = "MIDAD_CACHE_DIR"


def _documents_from_user_dirs(home: Path) -> Path | None:
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "user-dirs.dirs"
    try:
        text = config.read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r'^XDG_DOCUMENTS_DIR="?([^"\n]+)"?', text, re.MULTILINE)
    if not match:
        return None
    value = match.group(1).replace("$HOME", str(home))
    return Path(value)


def documents_dir() -> Path:
    """The user's Documents folder (XDG user dirs, else `~/Documents`)."""
    home = Path.home()
    tool = shutil.which("xdg-user-dir")
    if tool:
        try:
            out = subprocess.run([tool, "DOCUMENTS"], capture_output=True, text=True, timeout=2, check=False)
            value = out.stdout.strip()
            if out.returncode == 0 and value and Path(value) != home:
                return Path(value)
        except (OSError, subprocess.SubprocessError):
            pass
    return _documents_from_user_dirs(home) or home / "Documents"


def default_library_dir(create: bool = True) -> Path:
    """`<Documents>/Midad`, created on first use when `create` is true."""
    folder = documents_dir() / LIBRARY_FOLDER_NAME
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Midad's cache folder: `override`, else `$MIDAD_CACHE_DIR`, `$XDG_CACHE_HOME/midad`, `~/.cache/midad`."""
    if override:
        return Path(override)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "midad"


def library_key(library: str | os.PathLike[str]) -> str:
    """A short stable name for a library folder (hash of its resolved path)."""
    resolved = os.path.realpath(library)
    digest = hashlib.sha1(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "_", Path(resolved).name)[:40] or "library"
    return f"{name}-{digest}"


def index_path(library: str | os.PathLike[str], cache: str | os.PathLike[str] | None = None) -> Path:
    """Path of the SQLite index of `library` inside the cache folder."""
    return cache_dir(cache) / "libraries" / f"{library_key(library)}.sqlite3"


def undo_dir(library: str | os.PathLike[str], cache: str | os.PathLike[str] | None = None) -> Path:
    """Folder holding the undo journal of tag operations on `library`."""
    return cache_dir(cache) / "undo" / library_key(library)
