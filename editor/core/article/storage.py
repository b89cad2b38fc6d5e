"""Reading text files without losing a byte, and saving them atomically.

Reading detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM, legacy Arabic
Windows-1256) and refuses binary files. Saving writes a temporary file in the same folder,
flushes and fsyncs it, checks it, renames it over the target and fsyncs the folder; the old
file stays intact whenever anything fails.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from editor.core.text.messages import msg

UTF8 = "utf-8"
LEGACY_NAMES = {"cp1256": "Windows-1256 (Arabic)", "cp1252": "Windows-1252 (Western)"}
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"SQLite format 3")


class ArticleIOError(OSError):
    """A file problem to show the user: `str(exc)` is one sentence that names the cause."""


class BinaryFileError(ArticleIOError):
    """The file is not text."""


class SaveError(ArticleIOError):
    """Saving failed; the file on disk is as it was before."""


@dataclass(frozen=True)
class DecodedText:
    """Text of a file and how to write it back the same way."""

    text: str
    encoding: str  # "utf-8", "utf-16-le", "utf-16-be", or a legacy codec such as "cp1256"
    bom: bool
    notice: str | None = None  # set when the file was not UTF-8/UTF-16 and was read as a legacy encoding
    digest: str | None = None  # content_digest of the bytes read (set by read_text_file)

    @property
    def is_legacy(self) -> bool:
        return self.encoding not in (UTF8, "utf-16-le", "utf-16-be")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL_BYTES))
    return bool(head) and controls / len(head) > 0.05


def _legacy_decode(data: bytes) -> tuple[str, str]:
    arabic = data.decode("cp1256", errors="replace")
    letters = sum(1 for ch in arabic if "\u0600" <= ch <= "\u06ff")
    high = sum(1 for b in data if b >= 0x80)
    if high and letters >= high * 0.5:
        return arabic, "cp1256"
    return data.decode("cp1252", errors="replace"), "cp1252"


def decode_bytes(data: bytes, name: str = "file") -> DecodedText:
    """Decode a file's bytes; raise BinaryFileError for anything that is not text."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return DecodedText(data[3:].decode(UTF8), UTF8, True)
        except UnicodeDecodeError as exc:
            raise BinaryFileError(msg("{name} starts like UTF-8 but holds invalid bytes", name=name)) from exc
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                return DecodedText(data[2:].decode(encoding), encoding, True)
            except UnicodeDecodeError as exc:
                raise BinaryFileError(msg("{name} is not valid UTF-16 text", name=name)) from exc
    if _looks_binary(data):
        raise BinaryFileError(msg("{name} is a binary file, not a text article", name=name))
    try:
        return DecodedText(data.decode(UTF8), UTF8, False)
    except UnicodeDecodeError:
        pass
    text, encoding = _legacy_decode(data)
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text[:8192]):
        raise BinaryFileError(msg("{name} is a binary file, not a text article", name=name))
    notice = msg(
        "{name} is not UTF-8: it was read as {encoding}. Nothing is changed on disk until you save; saving writes UTF-8.",
        name=name,
        encoding=LEGACY_NAMES[encoding],
    )
    return DecodedText(text, encoding, False, notice)


def encode_text(text: str, encoding: str, bom: bool) -> bytes:
    """Bytes for `text` in `encoding` (legacy encodings are written as UTF-8)."""
    if encoding in ("utf-16-le", "utf-16-be"):
        prefix = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
        return (prefix if bom else b"") + text.encode(encoding, errors="surrogatepass")
    return (codecs.BOM_UTF8 if bom and encoding == UTF8 else b"") + text.encode(UTF8, errors="surrogatepass")


MAX_FILE_BYTES = 50 * 1024 * 1024  # the largest article Midad opens (docs/limits.md)

_KINDS = (
    (stat.S_ISDIR, msg("a folder")),
    (stat.S_ISFIFO, msg("a FIFO (named pipe)")),
    (stat.S_ISCHR, msg("a device")),
    (stat.S_ISBLK, msg("a device")),
    (stat.S_ISSOCK, msg("a socket")),
)


def file_kind(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO (named pipe)", "a device", …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), msg("not a regular file"))


def read_file_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; ArticleIOError otherwise.

    The file is opened without blocking (a FIFO named `x.md` would wait for a writer forever) and
    checked with `fstat` before a byte is read: FIFOs, devices (`/dev/zero`), sockets and folders
    are refused, and so is a file over `limit` bytes (also one that grows past it while read).
    """
    path = Path(path)
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        kind = file_kind(info.st_mode)
        if kind is not None:
            raise ArticleIOError(msg("{path} is {kind}, not a file Midad can open", path=path, kind=kind))
        if info.st_size > limit:
            raise ArticleIOError(
                msg(
                    "{path} is too large to open ({size} MB; the limit is {limit} MB)",
                    path=path,
                    size=f"{info.st_size / 1048576:,.0f}",
                    limit=f"{limit // 1048576}",
                )
            )
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total) or 1):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ArticleIOError(
                    msg(
                        "{path} grew past the size limit ({limit} MB) while it was read",
                        path=path,
                        limit=f"{limit // 1048576}",
                    )
                )
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text_file(path: str | os.PathLike[str]) -> DecodedText:
    """Read and decode a text file; errors are ArticleIOError with a clear message."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ArticleIOError(msg("{path} is a folder, not a file", path=path))
        data = read_file_bytes(path)
    except ArticleIOError:
        raise
    except FileNotFoundError as exc:
        raise ArticleIOError(msg("{path} does not exist", path=path)) from exc
    except PermissionError as exc:
        raise ArticleIOError(msg("{path} cannot be read: permission denied", path=path)) from exc
    except OSError as exc:
        raise ArticleIOError(
            msg("{path} cannot be read: {cause}", path=path, cause=exc.strerror or str(exc))
        ) from exc
    return replace(decode_bytes(data, str(path)), digest=content_digest(data))


def content_digest(data: bytes) -> str:
    """The hash Midad compares file contents with (BLAKE2b-128, hex)."""
    try:  # hashlib's own BLAKE2b, without `import hashlib` loading OpenSSL before the first frame
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b

    return blake2b(data, digest_size=16).hexdigest()


# --- atomic save --------------------------------------------------------------------------------

_CAUSES = {
    errno.ENOSPC: msg("the disk is full"),
    errno.EDQUOT: msg("the disk quota is exceeded"),
    errno.EACCES: msg("permission denied"),
    errno.EPERM: msg("permission denied"),
    errno.EROFS: msg("the file system is read-only"),
    errno.ENOENT: msg("its folder does not exist any more"),
    errno.ENOTDIR: msg("its folder does not exist any more"),
    errno.EIO: msg("the disk reported an input/output error"),
}


def describe_os_error(exc: OSError) -> str:
    """A short human cause for an OSError."""
    return _CAUSES.get(exc.errno or 0) or (exc.strerror or str(exc))


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd` (os.write may write less; a seam: tests inject ENOSPC here)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (after a rename) to disk; an error from the disk raises OSError."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # platforms that cannot open folders
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):  # folders that cannot be synced
            raise
    finally:
        os.close(fd)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def is_read_only(path: Path, mode: int | None = None) -> bool:
    """True when the file is marked read-only (no write bit at all) or the user may not write it."""
    if mode is None:
        mode = path.stat().st_mode
    return not (mode & 0o222) or not os.access(path, os.W_OK)


class SaveConflict(SaveError):
    """The file on disk is not the one the text was based on (another program changed it)."""

    def __init__(self, text: str, current: str | None) -> None:
        super().__init__(text)
        self.current = current  # content_digest of what is on disk now (None: no file)


ANY = "*"  # `expected` value: overwrite whatever is on disk


def _digest_on_disk(target: Path) -> str | None:
    try:
        with open(target, "rb") as handle:
            return content_digest(handle.read())
    except FileNotFoundError:
        return None


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, expected: str | None = ANY) -> str:
    """Replace `path` with `data` atomically and checked; return the digest written. Raise SaveError.

    The temporary file is written, fsynced and read back; under the folder's save lock the file on
    disk is compared with `expected` (its digest when the text was read, None for "must not exist",
    ANY for no check; a mismatch raises SaveConflict and writes nothing), renamed over it, the folder
    fsynced, and the result read back. A symlink is followed: its target is replaced, the link stays.
    Any error (fsync included) is a failed save; no temporary file is left behind.
    """
    from editor.core.article.save_guard import TEMP_SUFFIX, FolderBusy, folder_lock, remove_stray_temps_locked

    target = Path(os.path.realpath(path))
    folder = target.parent
    if target.is_dir():
        raise SaveError(msg("cannot save {path}: it is a folder", path=path))
    if not folder.is_dir():
        raise SaveError(msg("cannot save {path}: its folder does not exist any more", path=path))
    try:
        old = target.stat()
    except FileNotFoundError:
        old = None
    if old is not None and file_kind(old.st_mode) is not None:  # /dev/full, a FIFO, a socket…
        raise SaveError(
            msg(
                "cannot save {path}: it is {kind}, not a regular file", path=path, kind=file_kind(old.st_mode)
            )
        )
    if old is not None and is_read_only(target, old.st_mode):
        raise SaveError(msg("cannot save {path}: the file is read-only", path=path))
    mode = stat.S_IMODE(old.st_mode) if old else _default_mode()
    digest = content_digest(data)
    tmp_name = None
    try:
        with folder_lock(folder):
            remove_stray_temps_locked(folder, target.name)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
            try:
                write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp_name, mode)
            if old is not None and hasattr(os, "chown"):
                try:
                    os.chown(tmp_name, old.st_uid, old.st_gid)
                except OSError:
                    pass
            with open(tmp_name, "rb") as check:
                if check.read() != data:
                    raise SaveError(
                        msg("cannot save {path}: the written copy did not read back the same", path=path)
                    )
            if expected != ANY:
                current = _digest_on_disk(target)
                if current != expected:
                    raise SaveConflict(
                        msg("cannot save {path}: another program changed the file on disk", path=path),
                        current,
                    )
            os.replace(tmp_name, target)
            tmp_name = None
            fsync_dir(folder)
            if _digest_on_disk(target) != digest:
                raise SaveError(
                    msg("cannot save {path}: the saved file did not read back the same", path=path)
                )
    except SaveError:
        raise
    except FolderBusy as exc:
        raise SaveError(
            msg("cannot save {path}: another Midad process is saving in its folder", path=path)
        ) from exc
    except OSError as exc:
        raise SaveError(msg("cannot save {path}: {cause}", path=path, cause=describe_os_error(exc))) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return digest
