"""The index's tables and how rows are written: a compact, contentless full-text index.

Layout (schema 8): `articles` (metadata), `article_tags`, and `fts`, an FTS5 table that is
**contentless** (`content=''`): it keeps the word index (positions included, `detail=full`, so
phrase search stays exact) but not the text itself. Snippets are cut from the article file, which
search reads anyway to show the original spelling. The index is about a quarter of the library's
text instead of one and a half times.

The text given to FTS5 is the matching form (`fast_normalize`) with every non-word character
outside ASCII made a space (`fts_text`), tokenized by FTS5's `ascii` tokenizer, which splits on
ASCII non-alphanumerics and keeps every other character. So its tokens are exactly the query's
tokens (`index_text.TOKEN_RE`: runs of `[^\\W_]`), and tokenizing is about 2.5× faster than
`unicode61`.

A contentless table cannot forget a row without being given the row's old text, which the index
does not keep. So a changed or removed article leaves its old words behind as a **dead row**:
its `articles` row is gone and search joins on `articles`, so dead rows are never found. Ids are
never reused (`next_id`). When dead rows outnumber a quarter of the live ones (and at least
`COMPACT_MIN_DEAD`), `LibraryIndex` rebuilds the word index from the files (`compact`) and frees
the space (`auto_vacuum = incremental`).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from editor.core.library.index_text import index_form
from editor.core.library.tags import article_tags, clean_tag_text, tag_key
from editor.core.text.messages import dump_text

if TYPE_CHECKING:
    from editor.core.library.record import ArticleRecord

# 6: links out of the library, FIFOs and odd names listed, never read; 7: problems stored as messages;
# 8: contentless FTS5 (ascii tokenizer on prepared text), dead rows compacted; 9: listing JSON per row;
# 10: where the body starts (search reads snippets without parsing front matter)
SCHEMA_VERSION = 10
TAG_SEPARATOR = "\x1f"  # joins an article's tags in one column (a tag never holds it)
COMPACT_MIN_DEAD = 200  # never compact for fewer dead rows than this
COMPACT_RATIO = 4  # compact when dead rows > live rows / COMPACT_RATIO

_FTS_COLUMNS = "title, body, content='', detail=full, tokenize='ascii'"

SCHEMA = f"""
PRAGMA auto_vacuum = INCREMENTAL;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    status TEXT NOT NULL,
    words INTEGER NOT NULL,
    front_matter TEXT,
    meta TEXT NOT NULL,
    fm_tags TEXT NOT NULL,
    hashtags TEXT NOT NULL,
    problem TEXT,
    encoding TEXT NOT NULL,
    listing TEXT NOT NULL,
    body_at INTEGER NOT NULL
);
CREATE TABLE article_tags(
    article_id INTEGER NOT NULL,
    tag TEXT NOT NULL,
    key TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX article_tags_key ON article_tags(key);
CREATE INDEX article_tags_article ON article_tags(article_id);
CREATE VIRTUAL TABLE fts USING fts5({_FTS_COLUMNS});
"""


# words kept in memory before FTS5 writes a segment (default 1 MB): fewer merges. 64 MB: at 100,000
# articles −14 % of the writer's CPU and a 5 % smaller index against 8 MB, for ~84 MB more memory
FTS_HASH_BYTES = 64 << 20


def tune_fts(conn: sqlite3.Connection, table: str) -> None:
    """Let FTS5 gather more words in memory before it writes them (a cold index: ~30 % less work)."""
    try:
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (FTS_HASH_BYTES,))
    except sqlite3.OperationalError:  # an SQLite without the option: the default works too
        pass


def join_tags(tags: Iterable[str]) -> str:
    return TAG_SEPARATOR.join(t.replace(TAG_SEPARATOR, " ") for t in tags)


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(text.split(TAG_SEPARATOR)) if text else ()


def entry_json(
    rel_path: str, title: str, date: str, status: str, tags: list[str], words: int, problem: str | None
) -> dict:
    """What `midad index --json` says about one article (`ArticleEntry.to_json`)."""
    return {
        "path": rel_path,
        "title": title,
        "date": date,
        "status": status,
        "tags": tags,
        "words": words,
        "problem": problem,
    }


_encode_json = json.JSONEncoder(ensure_ascii=False).encode
_encode_meta = json.JSONEncoder(ensure_ascii=False, default=str).encode  # = json.dumps(…, default=str)


def next_id(conn: sqlite3.Connection) -> int:
    """The first id never used by a live or a dead row."""
    live = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    dead = conn.execute("SELECT coalesce(max(id), 0) FROM fts_docsize").fetchone()[0]
    return int(max(live, dead)) + 1


def dead_rows(conn: sqlite3.Connection) -> tuple[int, int]:
    """`(dead, live)`: word-index rows whose article is gone or changed, and articles."""
    indexed = conn.execute("SELECT count(*) FROM fts_docsize").fetchone()[0]
    live = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return max(0, indexed - live), live


def needs_compaction(conn: sqlite3.Connection) -> bool:
    dead, live = dead_rows(conn)
    return dead > max(COMPACT_MIN_DEAD, live // COMPACT_RATIO)


class Prepared(NamedTuple):
    """A record made ready for the index by the process that read the file (a reader process):
    the writer only gives it an id. Small to pickle (a tuple of strings and numbers)."""

    rel_path: str
    size: int
    mtime_ns: int
    content_hash: str
    columns: tuple  # the `articles` row after its id
    tags: tuple[tuple[str, str, str], ...]  # (spelling, key, source) of each tag
    fts_title: str
    fts_body: bytes  # UTF-8: FTS5 reads a blob's bytes as the text; the writer neither decodes nor encodes


def prepare(r: ArticleRecord) -> Prepared:
    """Everything the index writes about one record (JSON texts, tag keys), but its id."""
    fm_tags, hashtags = join_tags(r.fm_tags), join_tags(r.hashtags)
    tags = article_tags(split_tags(fm_tags), split_tags(hashtags))
    listing = entry_json(r.rel_path, r.title, r.date, r.status, tags, r.words, r.problem)
    columns = (
        r.rel_path,
        r.size,
        r.mtime_ns,
        r.content_hash,
        r.title,
        r.date,
        r.status,
        r.words,
        r.front_matter,
        _encode_meta(r.meta) if r.meta else "{}",
        fm_tags,
        hashtags,
        dump_text(r.problem),  # template + values: the UI shows it in its own language
        r.encoding,
        _encode_json(listing),  # the article's line of `midad index --json`, ready to print
        r.body_at,
    )  # fmt: skip
    tag_rows = []
    for source, spellings in (("front", r.fm_tags), ("body", r.hashtags)):
        for tag in spellings:
            key = tag_key(tag)
            if key:
                tag_rows.append((clean_tag_text(tag), key, source))
    return Prepared(
        r.rel_path,
        r.size,
        r.mtime_ns,
        r.content_hash,
        columns,
        tuple(tag_rows),
        r.fts_title,
        r.fts_body,
    )


class InsertBatch:
    """Collects prepared records and writes them with a few `executemany` calls (ids assigned here)."""

    SIZE = 500

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_id = next_id(conn)
        self.articles: list[tuple] = []
        self.tags: list[tuple] = []
        self.texts: list[tuple] = []

    def add(self, p: Prepared) -> None:
        rowid = self.next_id
        self.next_id += 1
        self.articles.append((rowid, *p.columns))
        for tag in p.tags:
            self.tags.append((rowid, *tag))
        self.texts.append((rowid, p.fts_title, p.fts_body))
        if len(self.articles) >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        if self.articles:
            self.conn.executemany(
                "INSERT INTO articles(id, path, size, mtime_ns, hash, title, date, status, words,"
                " front_matter, meta, fm_tags, hashtags, problem, encoding, listing, body_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                self.articles,
            )
            self.conn.executemany("INSERT INTO article_tags VALUES (?,?,?,?)", self.tags)
            self.conn.executemany("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", self.texts)
        self.articles, self.tags, self.texts = [], [], []


def scan_signature(files: dict) -> str:
    """A digest of a scan (every path, size, time and listed problem, in scan order).

    When it equals the one stored by the last complete update, nothing changed: a warm update of
    a big library then skips loading and comparing every row (a different order only costs that).
    """
    rows = [(rel, st.size, st.mtime_ns, st.problem and str(st.problem)) for rel, st in files.items()]
    return hashlib.blake2b(pickle.dumps(rows, protocol=4), digest_size=16).hexdigest()


def stored_signature(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key='scan'").fetchone()
    return row[0] if row else None


def store_signature(conn: sqlite3.Connection, signature: str | None) -> None:
    """Remember the scan the index now matches (None: forget it, the next update compares rows)."""
    conn.execute("DELETE FROM meta WHERE key='scan'")
    if signature is not None:
        conn.execute("INSERT INTO meta VALUES ('scan', ?)", (signature,))


def change_serial(conn: sqlite3.Connection) -> int:
    """How many updates have changed the articles so far (lets a reader know whether it saw them all)."""
    row = conn.execute("SELECT value FROM meta WHERE key='changes'").fetchone()
    return int(row[0]) if row else 0


def bump_serial(conn: sqlite3.Connection, serial: int) -> None:
    conn.execute("DELETE FROM meta WHERE key='changes'")
    conn.execute("INSERT INTO meta VALUES ('changes', ?)", (str(serial),))


def delete_article(conn: sqlite3.Connection, rowid: int) -> None:
    """Forget an article; its words stay in `fts` as a dead row until the next compaction."""
    conn.execute("DELETE FROM articles WHERE id=?", (rowid,))
    conn.execute("DELETE FROM article_tags WHERE article_id=?", (rowid,))


def compact(
    conn: sqlite3.Connection,
    read: Callable[[list[str]], Iterator[Prepared]],
    cancelled: Callable[[], bool],
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Rebuild the word index from the live articles' files, dropping dead rows; False if cancelled.

    Searches keep using the old word index until the new one replaces it in one transaction. A
    file whose content changed since it was indexed keeps only its title words and is marked for
    re-reading (its stored time is cleared), so the next update indexes it again.
    """
    store_signature(conn, None)  # rows may be marked for reading again below
    conn.commit()
    conn.execute("DROP TABLE IF EXISTS fts_new")
    conn.execute(f"CREATE VIRTUAL TABLE fts_new USING fts5({_FTS_COLUMNS})")
    tune_fts(conn, "fts_new")
    rows = conn.execute("SELECT id, path, hash, title FROM articles").fetchall()
    by_path = {path: (rowid, digest, title) for rowid, path, digest, title in rows}
    readable = [path for path, (_id, digest, _t) in by_path.items() if digest]
    stale: list[int] = []
    texts = []
    done = 0
    for rowid, digest, title in by_path.values():
        if not digest:  # listed with a problem, never read: its title (the file name) only
            texts.append((rowid, index_form(title), ""))
    records = read(readable)
    for record in records:
        if cancelled():
            records.close()  # type: ignore[attr-defined] - a generator: stops the readers
            conn.rollback()
            conn.execute("DROP TABLE IF EXISTS fts_new")
            return False
        rowid, digest, title = by_path[record.rel_path]
        if record.content_hash == digest:
            texts.append((rowid, record.fts_title, record.fts_body))
        else:
            texts.append((rowid, index_form(title), ""))
            stale.append(rowid)
        done += 1
        if progress is not None:
            progress(done, len(readable))
        if len(texts) >= InsertBatch.SIZE:
            conn.executemany("INSERT INTO fts_new(rowid, title, body) VALUES (?,?,?)", texts)
            texts = []
    conn.executemany("INSERT INTO fts_new(rowid, title, body) VALUES (?,?,?)", texts)
    conn.executemany("UPDATE articles SET mtime_ns=-1 WHERE id=?", [(rowid,) for rowid in stale])
    conn.commit()
    conn.execute("BEGIN")
    conn.execute("DROP TABLE fts")
    conn.execute("ALTER TABLE fts_new RENAME TO fts")
    conn.commit()
    conn.execute("PRAGMA incremental_vacuum")
    return True
