"""The session: which article was open at the last clean exit, with its caret and scroll position.

Kept in Midad's data folder (`<data>/session.json`, written atomically); the window writes it when it
closes and reads it at the next start (unless the user turned "Reopen the last article" off).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from editor.core.recovery.paths import data_dir, write_private

FILE_NAME = "session.json"


@dataclass
class Session:
    """What to reopen."""

    path: str
    caret: int = 0
    scroll: int = 0


def session_path(root: Path | None = None) -> Path:
    return (root or data_dir()) / FILE_NAME


def save_session(session: Session | None, root: Path | None = None) -> None:
    """Remember `session` (None: nothing to reopen). Raises OSError when the data folder is unusable."""
    path = session_path(root)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = asdict(session) if session is not None else {}
    write_private(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def load_session(root: Path | None = None) -> Session | None:
    """The remembered session, or None (none, or unreadable: never an error)."""
    try:
        raw = json.loads(session_path(root).read_text("utf-8"))
        if not isinstance(raw, dict) or not isinstance(raw.get("path"), str):
            return None
        return Session(raw["path"], max(0, int(raw.get("caret") or 0)), max(0, int(raw.get("scroll") or 0)))
    except (OSError, ValueError, TypeError):
        return None
