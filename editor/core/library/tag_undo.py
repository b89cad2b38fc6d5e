"""Undo of tag operations, and roll-back of operations that were interrupted (see tag_record).

`undo_last` undoes the newest operation not yet undone whose record reads back; damaged records are
skipped and reported (they never block the undo of older, intact operations). Files are restored by
hash: a file with the hash the operation wrote gets its previous bytes back (written with the checked
save, so a concurrent change is never overwritten); a file with its previous hash was never reached;
any other file was changed since and is left alone, listed in the report.
"""

from __future__ import annotations

import json
from pathlib import Path

from editor.core.article.storage import ArticleIOError, atomic_write_bytes, content_digest, read_file_bytes
from editor.core.library.facade import Library
from editor.core.library.tag_record import PENDING, TagOpError, UndoReport, library_lock, read_journal


def _roll_back(
    library: Library, manifest: dict, report: UndoReport, skip: dict[str, str] | None = None
) -> None:
    folder = Path(manifest["folder"])
    for item in manifest["files"]:
        rel = item["path"]
        if skip and rel in skip:
            report.refused.append((rel, skip[rel]))
            continue
        try:
            path = library.path_of(rel)  # never a file outside the library
            current = content_digest(read_file_bytes(path))
        except FileNotFoundError:
            report.refused.append((rel, "the file was deleted since the operation"))
            continue
        except OSError as exc:
            report.refused.append((rel, f"the file cannot be read: {exc.strerror or exc}"))
            continue
        if current == item["before_hash"]:
            continue  # never changed (an interrupted operation had not reached it)
        if current != item["after_hash"]:
            report.refused.append((rel, "the file was changed since the operation"))
            continue
        try:
            atomic_write_bytes(path, (folder / item["before"]).read_bytes(), expected=item["after_hash"])
        except (OSError, ArticleIOError) as exc:
            report.refused.append((rel, str(exc)))
            continue
        report.restored.append(rel)
    (folder / "undone.json").write_text(json.dumps(report.to_json(), ensure_ascii=False), "utf-8")


def journal(library: Library) -> list[dict]:
    """Recorded operations, newest first (each manifest plus `undone`, `folder`, `broken`, `state`)."""
    return read_journal(library)


def undo_last(library: Library, skip: dict[str, str] | None = None) -> UndoReport:
    """Undo the newest intact operation not yet undone (finishing the roll-back of an interrupted one).

    `skip` maps relative paths to leave alone to the reason (e.g. open with unsaved changes).
    """
    lock = library_lock(library, "tag undo")
    try:
        pending = [m for m in read_journal(library) if not m["undone"]]
        damaged = [m["folder"] for m in pending if m.get("broken")]
        intact = [m for m in pending if not m.get("broken")]
        if not intact:
            if damaged:
                raise TagOpError(
                    f"the only tag operation left to undo has a damaged record ({damaged[0]}); it cannot be undone"
                )
            raise TagOpError("there is no tag operation to undo")
        manifest = intact[0]
        newer_damaged = [d for d in damaged if Path(d).name > Path(manifest["folder"]).name]
        report = UndoReport(
            manifest["id"],
            manifest["operation"],
            interrupted=manifest["state"] == PENDING,
            damaged=newer_damaged,
        )
        _roll_back(library, manifest, report, skip)
    finally:
        lock.release()
    library.refresh()
    return report


def recover_interrupted(library: Library) -> list[UndoReport]:
    """Roll back every operation that was killed half-way (what the window does when it opens a library)."""
    lock = library_lock(library, "recover tag operations", wait=0.0)
    reports = []
    try:
        for manifest in read_journal(library):
            if manifest["undone"] or manifest.get("broken") or manifest["state"] != PENDING:
                continue
            report = UndoReport(manifest["id"], manifest["operation"], interrupted=True)
            _roll_back(library, manifest, report)
            reports.append(report)
    finally:
        lock.release()
    if reports:
        library.refresh()
    return reports
