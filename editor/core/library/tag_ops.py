"""Tag operations across a library: rename, merge, remove — with a report and undo.

What changes in each article (every spelling of the tag, compared with `tags.tag_key`):
- front matter `tags`: the tag is replaced by the new one (rename, merge) or dropped (remove);
  a tag that would then appear twice is kept once. Only the `tags` lines change (`Article.with_tags`).
- body hashtags (`hashtags.markdown_hashtag_spans`, so never in code, links or URLs): `#old` becomes
  `#new` (spaces written `_`); on remove only the `#` goes (and `_` become spaces), so the sentence
  keeps its word. Nothing else in the body is touched.
Files are saved with the foundation's lossless atomic save. Files that cannot be saved losslessly
(binary, legacy encoding, read-only, front matter that does not parse while its tags must change)
are skipped and reported, never rewritten.

Undo: before a file is rewritten its previous bytes are stored in the cache folder
(`library_paths.undo_dir`); `undo_last` puts them back, except in files changed since the
operation (their current hash differs from the one written), which are reported and left alone.
The journal keeps the last `JOURNAL_KEEP` operations.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.article.files import load_article, save_article
from editor.core.article.model import Article
from editor.core.article.storage import ArticleIOError, atomic_write_bytes, read_file_bytes
from editor.core.library.facade import Library
from editor.core.library.paths import undo_dir
from editor.core.library.record import content_hash
from editor.core.library.tags import clean_tag_text, hashtag_form, tag_key
from editor.core.markdown.hashtags import HASHTAG_RE, clean_tag, markdown_hashtag_spans

RENAME, MERGE, REMOVE = "rename", "merge", "remove"
JOURNAL_KEEP = 20  # operations whose previous file contents are kept for undo


class TagOpError(ValueError):
    """A tag operation that cannot be done (bad tag, nothing to undo); str() is one sentence."""


@dataclass
class FileChange:
    """One rewritten file: its relative path, tag edits in the front matter, hashtags changed in the body."""

    rel_path: str
    front_matter: list[tuple[str, str | None]] = field(default_factory=list)  # (old, new or None)
    hashtags: int = 0
    before_hash: str = ""
    after_hash: str = ""

    def to_json(self) -> dict:
        return {
            "path": self.rel_path,
            "front_matter": [{"old": old, "new": new} for old, new in self.front_matter],
            "hashtags": self.hashtags,
        }


@dataclass
class TagOpReport:
    """What a tag operation changed and what it had to leave alone."""

    kind: str
    sources: list[str]
    target: str | None
    changed: list[FileChange] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (rel_path, reason)
    op_id: str | None = None
    dry_run: bool = False

    def to_json(self) -> dict:
        return {
            "operation": self.kind,
            "tags": self.sources,
            "target": self.target,
            "dry_run": self.dry_run,
            "id": self.op_id,
            "changed": [c.to_json() for c in self.changed],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
        }


@dataclass
class UndoReport:
    """What `undo_last` restored and what it refused to touch."""

    op_id: str
    kind: str
    restored: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "id": self.op_id,
            "operation": self.kind,
            "restored": self.restored,
            "refused": [{"path": p, "reason": r} for p, r in self.refused],
        }


def validate_tag(tag: str) -> str:
    """The cleaned tag, or TagOpError when it cannot be written as a tag (and a hashtag)."""
    text = clean_tag_text(tag)
    form = hashtag_form(text)
    match = HASHTAG_RE.fullmatch("#" + form)
    if not text or not tag_key(text) or match is None or clean_tag(match.group("tag")) != form:
        raise TagOpError(
            f"{tag!r} is not a valid tag: use letters, digits, `_` or `-`, with at least one letter"
        )
    return text


# --- editing one article ------------------------------------------------------------------------


def _new_front_tags(tags: list[str], keys: set[str], target: str | None) -> tuple[list[str], list]:
    """The front-matter list with `keys` replaced by `target` (or dropped), target kept once."""
    target_key = tag_key(target) if target is not None else None
    out: list[str] = []
    edits: list[tuple[str, str | None]] = []
    target_written = False
    for tag in tags:
        key = tag_key(tag)
        if key in keys:
            edits.append((tag, target))
            if target is not None and not target_written:
                out.append(target)
                target_written = True
        elif key == target_key:
            if target_written:
                edits.append((tag, None))  # the target is already in the list
                continue
            out.append(tag)
            target_written = True
        else:
            out.append(tag)
    return out, edits


def _new_body(body: str, keys: set[str], target: str | None) -> tuple[str, int]:
    pieces: list[str] = []
    pos = count = 0
    for start, end, tag in markdown_hashtag_spans(body):
        if tag_key(tag) not in keys:
            continue
        pieces.append(body[pos:start])
        pieces.append("#" + hashtag_form(target) if target is not None else tag.replace("_", " "))
        pos = end
        count += 1
    pieces.append(body[pos:])
    return "".join(pieces), count


def edit_article(article: Article, keys: set[str], target: str | None) -> tuple[Article, FileChange]:
    """The article with tags of `keys` renamed to `target` (or removed when None), and what changed."""
    change = FileChange(rel_path="")
    result = article
    if any(tag_key(t) in keys for t in article.tags):
        new_tags, change.front_matter = _new_front_tags(article.tags, keys, target)
        if not article.front_matter_ok:
            raise TagOpError("its front matter cannot be read, so its tags cannot be changed safely")
        result = result.with_tags(new_tags)
    new_body, change.hashtags = _new_body(result.body, keys, target)
    if change.hashtags:
        result = result.with_body(new_body)
    return result, change


# --- across the library --------------------------------------------------------------------------


def _journal_root(library: Library) -> Path:
    return undo_dir(library.root, library.cache_dir)


def _prune_journal(root: Path, keep: int = JOURNAL_KEEP) -> None:
    """Forget all but the newest `keep` operations (their saved copies are deleted)."""
    folders = sorted((p for p in root.iterdir() if p.is_dir()), reverse=True)
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _new_op_dir(library: Library) -> tuple[str, Path]:
    root = _journal_root(library)
    root.mkdir(parents=True, exist_ok=True)
    _prune_journal(root, JOURNAL_KEEP - 1)
    # ids sort in creation order: nanoseconds since the epoch, never reused
    existing = [p.name for p in root.iterdir()]
    n = max([time.time_ns(), *(int(name) + 1 for name in existing if name.isdigit())])
    while True:
        op_id = f"{n:020d}"
        folder = root / op_id
        try:
            folder.mkdir()
            return op_id, folder
        except FileExistsError:
            n += 1


def _apply(library: Library, kind: str, sources: list[str], target: str | None, dry_run: bool) -> TagOpReport:
    keys = {tag_key(s) for s in sources if tag_key(s)}
    if not keys:
        raise TagOpError("no tag given")
    report = TagOpReport(kind, sources, target, dry_run=dry_run)
    library.refresh()
    candidates = sorted(library.filter_by_tags(list(sources), "any"))
    op_dir: Path | None = None
    manifest: dict = {"id": None, "operation": kind, "tags": sources, "target": target, "files": []}
    try:
        for rel in candidates:
            try:
                path = library.path_of(rel)  # never a file outside the library
                before = read_file_bytes(path)
                loaded = load_article(path)
            except (OSError, ArticleIOError) as exc:
                report.skipped.append((rel, str(exc)))
                continue
            if loaded.notice:
                report.skipped.append((rel, "not UTF-8 or UTF-16: saving would re-encode it"))
                continue
            if loaded.read_only_reason:
                report.skipped.append((rel, loaded.read_only_reason))
                continue
            try:
                new_article, change = edit_article(loaded.article, keys, target)
            except TagOpError as exc:
                report.skipped.append((rel, str(exc)))
                continue
            if new_article.text == loaded.article.text:
                continue
            change.rel_path = rel
            change.before_hash = content_hash(before)
            if not dry_run:
                if op_dir is None:
                    manifest["id"], op_dir = _new_op_dir(library)
                    report.op_id = manifest["id"]
                saved_copy = op_dir / f"{len(manifest['files']):06d}.before"
                saved_copy.write_bytes(before)
                try:
                    save_article(loaded, new_article)
                except ArticleIOError as exc:
                    saved_copy.unlink(missing_ok=True)
                    report.skipped.append((rel, str(exc)))
                    continue
                change.after_hash = content_hash(path.read_bytes())
                manifest["files"].append(
                    {
                        "path": rel,
                        "before": saved_copy.name,
                        "before_hash": change.before_hash,
                        "after_hash": change.after_hash,
                    }
                )
            report.changed.append(change)
    finally:
        if op_dir is not None:
            manifest["created"] = time.time()
            (op_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    if not dry_run and report.changed:
        library.refresh()
    return report


def rename_tag(library: Library, old: str, new: str, dry_run: bool = False) -> TagOpReport:
    """Rename every spelling of `old` to `new` in every article."""
    return _apply(library, RENAME, [clean_tag_text(old)], validate_tag(new), dry_run)


def merge_tags(library: Library, sources: list[str], target: str, dry_run: bool = False) -> TagOpReport:
    """Replace every spelling of each of `sources` by `target` (which may already exist)."""
    cleaned = [clean_tag_text(s) for s in sources]
    return _apply(library, MERGE, cleaned, validate_tag(target), dry_run)


def remove_tag(library: Library, tag: str, dry_run: bool = False) -> TagOpReport:
    """Remove `tag` (every spelling) from every article; body hashtags keep their word."""
    return _apply(library, REMOVE, [clean_tag_text(tag)], None, dry_run)


# --- undo ----------------------------------------------------------------------------------------


def journal(library: Library) -> list[dict]:
    """Recorded operations, newest first (each manifest plus `undone`)."""
    root = _journal_root(library)
    if not root.is_dir():
        return []
    entries = []
    for folder in sorted(root.iterdir(), reverse=True):
        try:
            manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
            if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
                raise ValueError("not a manifest")
        except (OSError, ValueError):
            manifest = {"id": folder.name, "operation": "?", "files": [], "broken": True}
        manifest["undone"] = (folder / "undone.json").exists()
        manifest["folder"] = str(folder)
        entries.append(manifest)
    return entries


def undo_last(library: Library) -> UndoReport:
    """Undo the newest operation not yet undone; files changed since then are left alone."""
    pending = [m for m in journal(library) if not m["undone"]]
    if not pending:
        raise TagOpError("there is no tag operation to undo")
    manifest = pending[0]
    folder = Path(manifest["folder"])
    if manifest.get("broken"):
        raise TagOpError(
            f"the record of the newest tag operation is damaged ({folder}); it cannot be undone,"
            " and older operations are not undone in its place (delete that folder to undo them)"
        )
    report = UndoReport(manifest["id"], manifest["operation"])
    for item in manifest["files"]:
        rel = item["path"]
        try:
            path = library.path_of(rel)  # never a file outside the library
            current = read_file_bytes(path)
        except FileNotFoundError:
            report.refused.append((rel, "the file was deleted since the operation"))
            continue
        except OSError as exc:
            report.refused.append((rel, f"the file cannot be read: {exc.strerror or exc}"))
            continue
        if content_hash(current) != item["after_hash"]:
            report.refused.append((rel, "the file was changed since the operation"))
            continue
        try:
            atomic_write_bytes(path, (folder / item["before"]).read_bytes())
        except (OSError, ArticleIOError) as exc:
            report.refused.append((rel, str(exc)))
            continue
        report.restored.append(rel)
    (folder / "undone.json").write_text(json.dumps(report.to_json(), ensure_ascii=False), "utf-8")
    library.refresh()
    return report


__all__ = [
    "FileChange",
    "TagOpError",
    "TagOpReport",
    "UndoReport",
    "edit_article",
    "journal",
    "merge_tags",
    "remove_tag",
    "rename_tag",
    "undo_last",
    "validate_tag",
]
