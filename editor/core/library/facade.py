"""A library: a folder of Markdown articles, its index, its tags, search and filters.

    lib = Library(folder, cache_dir=None)   # opens (or silently rebuilds) the index
    lib.refresh()                           # incremental update, returns an UpdateReport
    lib.articles()                          # ArticleEntry list (title, date, status, words, tags)
    lib.tags()                              # TagSummary list, most used first
    lib.filter_by_tags(["الأمن"], "all")    # relative paths of the matching articles
    lib.search("الامن")                     # SearchHit list, best first

The article list and the tag table are kept in memory after each refresh so that filtering and
sorting never touch the disk. Only `refresh()` writes (to the index, never to articles). Each load
of the list gets a version and remembers which articles it changed (`changes_since`), so that a
window can update only their rows.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from editor.core.library import index_store
from editor.core.library.index import ArticleEntry, LibraryIndex, UpdateReport
from editor.core.library.paths import index_path
from editor.core.library.scan import is_inside
from editor.core.library.search import DEFAULT_LIMIT, SearchHit, search
from editor.core.library.tag_tally import TagTally
from editor.core.library.tags import TagSummary, tag_key
from editor.core.text.messages import msg

MATCH_ALL = "all"
KEPT_CHANGES = 8  # loads whose changed articles are remembered for `changes_since`
INCREMENTAL_LOAD = 2000  # an update that touched more articles than this reloads the whole lists


class OutsideLibraryError(PermissionError):
    """A library path that leads out of the library (a link): never opened or written from it."""


MATCH_ANY = "any"


class Library:
    """One library folder and its index (see module docstring)."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        cache_dir: str | os.PathLike[str] | None = None,
        workers: int | None = None,
    ) -> None:
        self.root = Path(root).expanduser()
        if not self.root.is_dir():
            raise NotADirectoryError(f"{self.root} is not a folder")
        self.cache_dir = cache_dir
        self.notice: str | None = None  # set when the index could not live in the cache folder
        wanted = index_path(self.root, cache_dir)
        try:
            self.index = LibraryIndex(self.root, wanted, workers=workers)
        except (OSError, sqlite3.Error) as exc:
            # the index is only a cache: keep working with a private temporary one
            import tempfile

            fallback = Path(tempfile.mkdtemp(prefix="midad-index-")) / wanted.name
            self.index = LibraryIndex(self.root, fallback, workers=workers)
            self.notice = f"the index cannot be kept in {wanted.parent} ({exc}); a temporary one is used"
        self._lock = threading.Lock()
        self._entries: dict[str, ArticleEntry] = {}
        self._serial = -1  # the index's change serial the lists in memory show (-1: unknown)
        self._tally = TagTally()  # tags per article and articles per tag (changed under `_lock`)
        self._summaries: list[TagSummary] = []
        self._loaded = False  # the article list is in memory
        self._version = 0  # of the article list in memory (bumped by each load)
        self._changes: list[
            tuple[int, list[ArticleEntry], list[str]]
        ] = []  # (base version, changed, removed)
        self._statuses: list[str] = []
        self._load_lock = threading.Lock()  # one load at a time: each one's changes follow the last
        self._tags_loaded = False  # the tag table is in memory

    # --- keeping up to date --------------------------------------------------------------------
    def refresh(self, progress: Callable[[int, int], None] | None = None, load: bool = True) -> UpdateReport:
        """Update the index from the folder and reload the in-memory lists.

        `progress(done, total)` is called for each file read (from the calling thread). With
        `load=False` the lists are only marked stale and loaded when first asked for (a command
        line search never needs them); the window's worker thread loads them here, off the GUI
        thread.
        """
        report = self.index.update(progress)
        if report.any_change or report.rebuilt or not self._loaded:
            if load:  # the old lists stay in use until the new ones replace them
                paths: list[str] | None = [*report.added, *report.changed, *report.removed, *report.touched]
                seen_all = report.serial_before == self._serial >= 0 and not report.rebuilt
                if not (seen_all and self._loaded and self._tags_loaded) or len(paths) > INCREMENTAL_LOAD:
                    paths = None  # read the whole lists again
                    report.serial = index_store.change_serial(self.index._conn())  # (before reading)
                self._load_entries(paths)
                self._load_tags(paths)
                self._serial = report.serial
            else:
                with self._lock:
                    self._loaded = self._tags_loaded = False
                self._serial = -1
        return report

    def _load_entries(self, paths: list[str] | None = None) -> None:
        """Load the article list: whole, or only the articles at `paths` (the others kept)."""
        with self._load_lock:
            old = self._entries
            if paths is None:
                entries = {e.rel_path: e for e in self.index.entries()}
                changed = [e for rel, e in entries.items() if old.get(rel) != e]
                removed = [rel for rel in old if rel not in entries]
            else:
                fresh = {e.rel_path: e for e in self.index.entries(paths)}
                changed = [e for rel, e in fresh.items() if old.get(rel) != e]
                removed = [rel for rel in paths if rel in old and rel not in fresh]
                entries = dict(old)
                for rel in removed:
                    del entries[rel]
                entries.update(fresh)
                if any(rel not in old for rel in fresh):  # keep path order
                    entries = {rel: entries[rel] for rel in sorted(entries)}
            statuses = sorted({e.status for e in entries.values() if e.status})
            with self._lock:
                self._changes = [*self._changes[1 - KEPT_CHANGES :], (self._version, changed, removed)]
                self._version += 1
                self._entries, self._statuses = entries, statuses
                self._loaded = True

    def _load_tags(self, paths: list[str] | None = None) -> None:
        """Load the tag table: whole, or only the tags of the articles at `paths`."""
        if paths is None:
            tally = TagTally(self.index.tag_rows())
            summaries = tally.summaries()
            with self._lock:
                self._tally, self._summaries = tally, summaries
                self._tags_loaded = True
            return
        pairs: dict[str, list[tuple[str, str]]] = {rel: [] for rel in paths}
        for rel, spelling, key in self.index.tag_rows(paths):
            pairs[rel].append((spelling, key))
        with self._lock:  # (a few articles: quick)
            for rel, found in pairs.items():
                self._tally.set_article(rel, found)
            self._summaries = self._tally.summaries()

    def _ensure_loaded(self, tags: bool = False) -> None:
        if not self._loaded:
            self._load_entries()
        if tags and not self._tags_loaded:
            self._load_tags()

    # --- reading ---------------------------------------------------------------------------
    def path_of(self, rel_path: str) -> Path:
        """Absolute path of an article given its path relative to the library.

        Raises OutsideLibraryError when that path leads out of the library (through a link): the
        library never opens or writes such a file (docs/library.md, "Containment").
        """
        path = self.root / rel_path
        root_real = os.path.realpath(self.root)
        if not is_inside(os.path.realpath(path), root_real):
            raise OutsideLibraryError(msg("{path} points outside the library", path=rel_path))
        return path

    def relative(self, path: str | os.PathLike[str]) -> str:
        """Path relative to the library, with `/` (as the index stores it)."""
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()

    def articles(self) -> list[ArticleEntry]:
        """Every article, in path order."""
        self._ensure_loaded()
        with self._lock:
            return list(self._entries.values())

    def articles_json(self) -> list[str]:
        """Every article's JSON (`ArticleEntry.to_json()`), in path order, straight from the index."""
        return self.index.listing_json()

    @property
    def loaded(self) -> bool:
        """The article list and the tag table are in memory (asking for them reads nothing)."""
        with self._lock:
            return self._loaded and self._tags_loaded

    @property
    def version(self) -> int:
        """Version of the article list `articles()` returns (bumped by each load)."""
        with self._lock:
            return self._version

    def changes_since(self, version: int) -> tuple[int, list[ArticleEntry], list[str]] | None:
        """`(current version, changed or added entries, removed paths)` since list `version`, or
        None when that version is too old (or unknown): then take the whole list."""
        self._ensure_loaded()
        with self._lock:
            current, records = self._version, list(self._changes)
        bases = [base for base, _c, _r in records]
        if version == current:
            return current, [], []
        if version not in bases:
            return None
        changed: dict[str, ArticleEntry] = {}
        removed: set[str] = set()
        for _base, entries, gone in records[bases.index(version) :]:
            for entry in entries:
                removed.discard(entry.rel_path)
                changed[entry.rel_path] = entry
            for rel in gone:
                changed.pop(rel, None)
                removed.add(rel)
        return current, list(changed.values()), sorted(removed)

    def article(self, rel_path: str) -> ArticleEntry | None:
        self._ensure_loaded()
        with self._lock:
            return self._entries.get(rel_path)

    def tags(self) -> list[TagSummary]:
        """Every tag with its article count and spellings, most used first."""
        self._ensure_loaded(tags=True)
        with self._lock:
            return list(self._summaries)

    def statuses(self) -> list[str]:
        """The distinct statuses used in the library (empty status left out), sorted."""
        self._ensure_loaded()
        with self._lock:
            return list(self._statuses)

    def filter_by_tags(self, tags: list[str], mode: str = MATCH_ALL) -> set[str]:
        """Relative paths of articles having all (or any) of `tags` (any spelling of each)."""
        self._ensure_loaded(tags=True)
        keys = [k for k in (tag_key(t) for t in tags) if k]
        if not keys:
            with self._lock:
                return set(self._entries)
        with self._lock:
            sets = [self._tally.paths.get(k, set()) for k in keys]
            if mode == MATCH_ANY:  # (under the lock: a refresh changes these sets in place)
                return set().union(*sets)
            if mode != MATCH_ALL:
                raise ValueError(f"unknown tag match mode {mode!r}: use 'all' or 'any'")
            sets.sort(key=len)
            result = set(sets[0])
            for other in sets[1:]:
                result &= other
            return result

    def search(self, query: str, limit: int = DEFAULT_LIMIT, prefix_last: bool = False) -> list[SearchHit]:
        """Full-text search (see `library_search`)."""
        return search(self.index, query, limit=limit, prefix_last=prefix_last)

    def close(self) -> None:
        self.index.close()
