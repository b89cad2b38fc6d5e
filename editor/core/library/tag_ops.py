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

Crash safety (`tag_record`): one operation at a time per library (a lock with pid and host); before
the first file changes, every file's previous bytes and its before/after hashes are recorded and
fsynced (write-ahead), so a full disk or unwritable cache stops the operation before any article is
touched, and an operation killed half-way is rolled back by `tag_undo.undo_last` (or
`recover_interrupted`, which the window runs when it opens the library). Each file is written with
the checked save against its hash when read, so a file changed meanwhile is skipped, never overwritten.
The journal keeps the last `JOURNAL_KEEP` operations.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field

from editor.core.article.files import article_bytes, load_article
from editor.core.article.model import Article
from editor.core.article.storage import (
    ArticleIOError,
    SaveConflict,
    atomic_write_bytes,
    content_digest,
    read_file_bytes,
)
from editor.core.library import tag_record
from editor.core.library.facade import Library
from editor.core.library.tag_record import DONE, JOURNAL_KEEP, TagOpError, UndoReport
from editor.core.library.tag_undo import journal, recover_interrupted, undo_last
from editor.core.library.tags import clean_tag_text, hashtag_form, tag_key
from editor.core.markdown.hashtags import HASHTAG_RE, clean_tag, markdown_hashtag_spans

RENAME, MERGE, REMOVE = "rename", "merge", "remove"


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
        try:
            result = result.with_tags(new_tags)
        except ValueError as exc:  # tags written as one string, JSON front matter, a multi-line TOML list
            raise TagOpError(str(exc)) from exc
    new_body, change.hashtags = _new_body(result.body, keys, target)
    if change.hashtags:
        result = result.with_body(new_body)
    return result, change


# --- across the library --------------------------------------------------------------------------


def _plan(library: Library, report: TagOpReport, keys: set[str], target: str | None) -> list[tuple]:
    """(path, bytes before, bytes after, change) of every file to rewrite; skipped files reported."""
    plan = []
    for rel in sorted(library.filter_by_tags(list(report.sources), "any")):
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
        change.before_hash = content_digest(before)
        after = article_bytes(new_article, loaded.encoding, loaded.bom)
        change.after_hash = content_digest(after)
        plan.append((path, before, after, change))
    return plan


def _apply(library: Library, kind: str, sources: list[str], target: str | None, dry_run: bool) -> TagOpReport:
    keys = {tag_key(s) for s in sources if tag_key(s)}
    if not keys:
        raise TagOpError("no tag given")
    report = TagOpReport(kind, sources, target, dry_run=dry_run)
    lock = None if dry_run else tag_record.library_lock(library, f"tag {kind}")
    try:
        library.refresh()
        plan = _plan(library, report, keys, target)
        if dry_run or not plan:
            report.changed = [change for *_data, change in plan]
            return report
        report.op_id, folder = tag_record.new_op_dir(library, JOURNAL_KEEP)
        manifest: dict = {
            "id": report.op_id,
            "operation": kind,
            "tags": sources,
            "target": target,
            "files": [
                {
                    "path": c.rel_path,
                    "before": f"{n:06d}.before",
                    "before_hash": c.before_hash,
                    "after_hash": c.after_hash,
                }
                for n, (*_data, c) in enumerate(plan)
            ],
        }
        try:
            tag_record.write_ahead(folder, manifest, [before for _p, before, _a, _c in plan])
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            raise  # nothing was changed yet
        for path, _before, after, change in plan:
            try:
                atomic_write_bytes(path, after, expected=change.before_hash)
            except SaveConflict:
                report.skipped.append((change.rel_path, "the file was changed while the operation ran"))
                continue
            except ArticleIOError as exc:
                report.skipped.append((change.rel_path, str(exc)))
                continue
            report.changed.append(change)
        done = {c.rel_path for c in report.changed}
        manifest["files"] = [item for item in manifest["files"] if item["path"] in done]
        tag_record.write_manifest(folder, dict(manifest, state=DONE, created=time.time()))
    finally:
        if lock is not None:
            lock.release()
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


__all__ = [
    "JOURNAL_KEEP",
    "FileChange",
    "TagOpError",
    "TagOpReport",
    "UndoReport",
    "edit_article",
    "journal",
    "merge_tags",
    "recover_interrupted",
    "remove_tag",
    "rename_tag",
    "undo_last",
    "validate_tag",
]
