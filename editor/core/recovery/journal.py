"""The recovery journal: unsaved text of every open document, kept in Midad's data folder.

One JSON file per open document (`<data>/journal/<id>.json`), replaced atomically at each write, holding
the whole article text (front matter and body), the file it came from (path and the hash of its bytes
when opened), the caret, and who wrote it (pid, host, process start). It is removed after a clean save
or a clean exit, so whatever is left at the next start was lost by a crash, a kill or a power cut.

`scan()` sorts what is left: entries whose writer still runs belong to another Midad and are left
alone; entries that do not read back (truncated, damaged, checksum wrong) are reported, never deleted.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from editor.core.recovery.paths import data_dir, sub_dir, write_private
from editor.core.recovery.process import me, owner_alive
from editor.core.text.messages import msg

FORMAT = "midad-journal"
VERSION = 1
SUFFIX = ".json"
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a bigger file is not one of ours


class JournalError(ValueError):
    """An entry that cannot be read back; str() names the file and the cause."""


def text_checksum(text: str) -> str:
    """A short hash of the text (detects a damaged entry)."""
    import hashlib  # imported when used: not on the window's start path

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def new_entry_id() -> str:
    """A fresh, unique entry id (sorts by creation time)."""
    return f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(4).hex()}"  # 8 random hex digits


@dataclass
class JournalEntry:
    """The unsaved state of one document."""

    id: str
    text: str
    base_path: str | None = None  # the file the text belongs to (None: never saved)
    base_hash: str | None = None  # hash of that file's bytes when it was opened or last saved
    caret: int = 0
    scroll: int = 0
    title: str = ""
    time: float = 0.0
    pid: int = 0
    host: str = ""
    start: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What to call it for the user: the file name, else the title."""
        return Path(self.base_path).name if self.base_path else self.title

    def to_bytes(self) -> bytes:
        data = asdict(self)
        data.update(format=FORMAT, version=VERSION, checksum=text_checksum(self.text))
        return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")

    @classmethod
    def from_bytes(cls, data: bytes, where: str = "entry") -> JournalEntry:
        try:
            raw = json.loads(data.decode("utf-8", "surrogatepass"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise JournalError(msg("{path} is damaged or truncated", path=where)) from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise JournalError(msg("{path} is not a Midad journal entry", path=where))
        try:
            entry = cls(
                id=str(raw["id"]),
                text=str(raw["text"]),
                base_path=raw.get("base_path") if isinstance(raw.get("base_path"), str) else None,
                base_hash=raw.get("base_hash") if isinstance(raw.get("base_hash"), str) else None,
                caret=int(raw.get("caret") or 0),
                scroll=int(raw.get("scroll") or 0),
                title=str(raw.get("title") or ""),
                time=float(raw.get("time") or 0),
                pid=int(raw.get("pid") or 0),
                host=str(raw.get("host") or ""),
                start=str(raw.get("start") or ""),
                extra=raw.get("extra") if isinstance(raw.get("extra"), dict) else {},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise JournalError(msg("{path} is damaged or truncated", path=where)) from exc
        if raw.get("checksum") != text_checksum(entry.text):
            raise JournalError(msg("{path} is damaged: its text does not match its checksum", path=where))
        return entry


@dataclass
class ScanResult:
    """What the journal holds at start-up."""

    recoverable: list[JournalEntry] = field(default_factory=list)  # writer gone: offer these
    busy: list[JournalEntry] = field(default_factory=list)  # writer still running: leave alone
    damaged: list[tuple[Path, str]] = field(default_factory=list)  # (file, reason): reported, kept


class Journal:
    """The journal folder (`<data>/journal`)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self._folder = Path(folder) if folder is not None else None

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else data_dir() / "journal"

    def path_of(self, entry_id: str) -> Path:
        return self.folder / f"{entry_id}{SUFFIX}"

    def write(self, entry: JournalEntry) -> Path:
        """Write (replace) an entry atomically, stamped with this process. Raises OSError."""
        stamp = me()
        entry.pid, entry.host, entry.start = stamp["pid"], stamp["host"], stamp["start"]
        entry.time = time.time()
        folder = sub_dir(self.folder.name, self.folder.parent)
        path = folder / f"{entry.id}{SUFFIX}"
        write_private(path, entry.to_bytes())
        return path

    def remove(self, entry_id: str) -> None:
        """Forget an entry (after a clean save or exit, or when the user discards it)."""
        try:
            self.path_of(entry_id).unlink()
        except FileNotFoundError:
            pass

    def read(self, path: Path) -> JournalEntry:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_ENTRY_BYTES + 1)
        except OSError as exc:
            raise JournalError(msg("{path} cannot be read: {cause}", path=path, cause=exc.strerror)) from exc
        if len(data) > MAX_ENTRY_BYTES:
            raise JournalError(msg("{path} is too large to be a journal entry", path=path))
        return JournalEntry.from_bytes(data, str(path))

    def scan(self) -> ScanResult:
        """Every entry, sorted into recoverable, busy (another Midad runs) and damaged."""
        result = ScanResult()
        try:
            paths = sorted(
                p for p in self.folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")
            )
        except OSError:
            return result
        for path in paths:
            try:
                entry = self.read(path)
            except JournalError as exc:
                result.damaged.append((path, str(exc)))
                continue
            if entry.id != path.stem:
                result.damaged.append((path, str(msg("{path} is damaged or truncated", path=path))))
            elif owner_alive(entry.pid, entry.host, entry.start):
                result.busy.append(entry)
            else:
                result.recoverable.append(entry)
        result.recoverable.sort(key=lambda e: e.time, reverse=True)
        return result
