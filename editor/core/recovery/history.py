"""Local history: earlier versions of every article, kept in one SQLite file in Midad's data folder.

Before a save replaces an article, its previous bytes become a version (zlib-compressed, with time,
size, word count and hash; the same bytes twice in a row are kept once). Per article at most `keep`
versions (default 50, `$MIDAD_HISTORY_KEEP`) younger than `days` days (default 90,
`$MIDAD_HISTORY_DAYS`) are kept, so the store stays bounded. Articles are keyed by their absolute,
resolved path; `rename` moves the versions when Midad renames a file. Versions are numbered from 1,
the newest.
"""

from __future__ import annotations

import os
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from editor.core.article.storage import content_digest
from editor.core.recovery.paths import data_dir

DEFAULT_KEEP = 50
DEFAULT_DAYS = 90
SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    time REAL NOT NULL,
    size INTEGER NOT NULL,
    words INTEGER NOT NULL,
    digest TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_article ON versions (article, time);
"""


def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def article_key(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


@dataclass(frozen=True)
class Version:
    """One kept version (without its bytes)."""

    number: int  # 1 = the newest
    time: float
    size: int
    words: int
    digest: str


class HistoryStore:
    """The history database (`<data>/history.sqlite3`), opened per use (thread-safe by design)."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, keep: int | None = None, days: int | None = None
    ):
        self.path = Path(path) if path is not None else data_dir() / "history.sqlite3"
        self.keep = keep or _env_int("MIDAD_HISTORY_KEEP", DEFAULT_KEEP)
        self.days = days or _env_int("MIDAD_HISTORY_DAYS", DEFAULT_DAYS)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def add(
        self, article: str | os.PathLike[str], data: bytes, words: int = 0, when: float | None = None
    ) -> bool:
        """Keep `data` as a version of `article` (False when it equals the newest one). Raises OSError."""
        key = article_key(article)
        digest = content_digest(data)
        try:
            db = self._connect()
            try:
                with db:
                    row = db.execute(
                        "SELECT digest FROM versions WHERE article = ? ORDER BY time DESC, id DESC LIMIT 1",
                        (key,),
                    ).fetchone()
                    if row is not None and row[0] == digest:
                        return False
                    db.execute(
                        "INSERT INTO versions (article, time, size, words, digest, data) VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            key,
                            time.time() if when is None else when,
                            len(data),
                            words,
                            digest,
                            zlib.compress(data, 6),
                        ),
                    )
                    self._prune(db, key)
            finally:
                db.close()
        except sqlite3.Error as exc:
            raise OSError(f"the history store {self.path} cannot be written: {exc}") from exc
        return True

    def _prune(self, db: sqlite3.Connection, key: str) -> None:
        cutoff = time.time() - self.days * 86400
        db.execute("DELETE FROM versions WHERE article = ? AND time < ?", (key, cutoff))
        db.execute(
            "DELETE FROM versions WHERE article = ? AND id NOT IN "
            "(SELECT id FROM versions WHERE article = ? ORDER BY time DESC, id DESC LIMIT ?)",
            (key, key, self.keep),
        )

    def versions(self, article: str | os.PathLike[str]) -> list[Version]:
        """Kept versions of `article`, newest first."""
        if not self.path.exists():
            return []
        try:
            db = self._connect()
            rows = db.execute(
                "SELECT time, size, words, digest FROM versions WHERE article = ? ORDER BY time DESC, id DESC",
                (article_key(article),),
            ).fetchall()
            db.close()
        except sqlite3.Error as exc:
            raise OSError(f"the history store {self.path} cannot be read: {exc}") from exc
        return [Version(n, *row) for n, row in enumerate(rows, start=1)]

    def data(self, article: str | os.PathLike[str], number: int) -> bytes:
        """The bytes of version `number` (1 = newest); KeyError when there is no such version."""
        if number < 1 or not self.path.exists():
            raise KeyError(number)
        try:
            db = self._connect()
            row = db.execute(
                "SELECT data FROM versions WHERE article = ? ORDER BY time DESC, id DESC LIMIT 1 OFFSET ?",
                (article_key(article), number - 1),
            ).fetchone()
            db.close()
        except sqlite3.Error as exc:
            raise OSError(f"the history store {self.path} cannot be read: {exc}") from exc
        if row is None:
            raise KeyError(number)
        return zlib.decompress(row[0])

    def rename(self, old: str | os.PathLike[str], new: str | os.PathLike[str]) -> None:
        """The article was renamed in Midad: its versions follow it."""
        if not self.path.exists():
            return
        try:
            db = self._connect()
            with db:
                db.execute(
                    "UPDATE versions SET article = ? WHERE article = ?", (article_key(new), article_key(old))
                )
            db.close()
        except sqlite3.Error as exc:
            raise OSError(f"the history store {self.path} cannot be written: {exc}") from exc
