"""The compact index layout: contentless word index, dead rows, compaction, old layouts rebuilt."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.library import index_store
from editor.core.library.facade import Library
from editor.core.library.index_text import TOKEN_RE, fast_normalize, fts_text
from editor.core.library.paths import index_path


def _article(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n{body}\n"


def _library(tmp_path: Path, articles: dict[str, str]) -> Library:
    root = tmp_path / "lib"
    root.mkdir(exist_ok=True)
    for name, text in articles.items():
        (root / name).write_text(text, encoding="utf-8")
    library = Library(root, cache_dir=tmp_path / "cache", workers=1)
    library.refresh()
    return library


def _paths(hits) -> list[str]:
    return sorted(h.rel_path for h in hits)


def _tables(library: Library) -> set[str]:
    return {name for (name,) in library.index.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_the_word_index_keeps_no_copy_of_the_text(tmp_path: Path) -> None:
    lib = _library(tmp_path, {"a.md": _article("تقرير", "عزز البلدان الأمن في المنطقة.")})
    assert "fts" in _tables(lib) and "fts_content" not in _tables(lib)  # contentless FTS5
    hit = lib.search("الامن")[0]
    # the snippet comes from the file, in its original spelling, with the match marked
    assert hit.snippet == "عزز البلدان الأمن في المنطقة."
    assert hit.snippet[slice(*hit.spans[0])] == "الأمن"
    assert hit.snippet_html == "عزز البلدان <mark>الأمن</mark> في المنطقة."


def test_arabic_punctuation_and_invisible_characters_separate_words(tmp_path: Path) -> None:
    lib = _library(
        tmp_path,
        {
            "comma.md": _article("أ", "الأمن،الوطني؛ والاقتصاد؟ «السياسة»"),
            "nbsp.md": _article("ب", "المديرية\u00a0العامة\u200cللأمن"),
        },
    )
    assert _paths(lib.search("الوطني")) == ["comma.md"]
    assert _paths(lib.search("السياسه")) == ["comma.md"]  # ة → ه, inside «»
    assert _paths(lib.search("العامة")) == ["nbsp.md"]
    assert _paths(lib.search("امن")) == ["comma.md", "nbsp.md"]  # للأمن: clitic after a ZWNJ


def test_phrase_search_needs_the_words_together(tmp_path: Path) -> None:
    lib = _library(
        tmp_path,
        {
            "together.md": _article("أ", "قالت مديرية الأمن الوطني إن التعاون مستمر."),
            "apart.md": _article("ب", "الأمن مهم، والتعاون الوطني كذلك."),
        },
    )
    assert _paths(lib.search("الأمن الوطني")) == ["apart.md", "together.md"]
    assert _paths(lib.search('"الامن الوطني"')) == ["together.md"]
    hit = lib.search('"الأمن الوطني"')[0]
    assert hit.snippet[slice(*hit.spans[0])] == "الأمن الوطني"


def test_changed_and_removed_articles_are_never_found_by_their_old_words(tmp_path: Path) -> None:
    lib = _library(
        tmp_path,
        {"a.md": _article("أ", "نص عن الاقتصاد"), "b.md": _article("ب", "نص عن الرياضة")},
    )
    root = lib.root
    (root / "a.md").write_text(_article("أ", "نص عن الثقافة"), encoding="utf-8")
    (root / "b.md").unlink()
    report = lib.refresh()
    assert report.changed == ["a.md"] and report.removed == ["b.md"] and not report.compacted
    assert lib.search("الاقتصاد") == [] and lib.search("الرياضة") == []
    assert _paths(lib.search("الثقافة")) == ["a.md"]
    assert index_store.dead_rows(lib.index._conn()) == (2, 1)  # their words wait for compaction
    # a new article never takes the id of a dead row (it would inherit its words)
    (root / "c.md").write_text(_article("ج", "نص جديد"), encoding="utf-8")
    lib.refresh()
    assert lib.search("الرياضة") == [] and _paths(lib.search("جديد")) == ["c.md"]


def test_compaction_drops_dead_rows_and_keeps_every_search(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(index_store, "COMPACT_MIN_DEAD", 3)
    articles = {f"n{i}.md": _article(f"عنوان {i}", f"كلمة{i} الأمن") for i in range(8)}
    lib = _library(tmp_path, articles)
    root = lib.root
    compacted = []
    for round_ in range(4):
        (root / "n0.md").write_text(_article("عنوان 0", f"نسخة{round_} الأمن"), encoding="utf-8")
        compacted.append(lib.refresh().compacted)
    assert compacted == [False, False, False, True]  # 4 dead rows > max(3, 8 // 4)
    assert index_store.dead_rows(lib.index._conn()) == (0, 8)
    assert "fts_new" not in _tables(lib)
    assert lib.search("نسخة2") == [] and _paths(lib.search("نسخة3")) == ["n0.md"]
    assert len(lib.search("الامن")) == 8
    assert _paths(lib.search("عنوان 5")) == ["n5.md"]
    # a library of more than the minimum: a quarter dead is tolerated
    assert not index_store.needs_compaction(lib.index._conn())


def test_compaction_marks_a_file_changed_meanwhile_for_reading_again(tmp_path: Path) -> None:
    lib = _library(tmp_path, {"a.md": _article("أ", "قديم"), "b.md": _article("ب", "ثابت")})
    conn = lib.index._conn()
    (lib.root / "a.md").write_text(_article("أ", "جديد"), encoding="utf-8")  # not yet seen by the index

    def read(rels: list[str]):
        return lib.index._read_records(rels, {})

    assert index_store.compact(conn, read, lambda: False)
    assert lib.search("قديم") == [] and lib.search("جديد") == []  # neither until it is read again
    report = lib.refresh()
    assert report.changed == ["a.md"]
    assert _paths(lib.search("جديد")) == ["a.md"] and _paths(lib.search("ثابت")) == ["b.md"]


def test_cancelled_compaction_keeps_the_old_word_index(tmp_path: Path) -> None:
    lib = _library(tmp_path, {"a.md": _article("أ", "كلمة")})
    conn = lib.index._conn()
    assert not index_store.compact(conn, lambda rels: lib.index._read_records(rels, {}), lambda: True)
    assert "fts_new" not in _tables(lib)
    assert _paths(lib.search("كلمة")) == ["a.md"]


OLD_SCHEMA_6 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
    status TEXT NOT NULL, words INTEGER NOT NULL, front_matter TEXT, meta TEXT NOT NULL,
    fm_tags TEXT NOT NULL, hashtags TEXT NOT NULL, problem TEXT, encoding TEXT NOT NULL);
CREATE TABLE article_tags(article_id INTEGER NOT NULL, tag TEXT NOT NULL, key TEXT NOT NULL,
    source TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO meta VALUES ('schema_version', '6');
"""


def test_an_index_of_the_old_layout_is_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text(_article("تقرير", "عزز البلدان الأَمْنَ"), encoding="utf-8")
    db = index_path(root, tmp_path / "cache")
    db.parent.mkdir(parents=True)
    old = sqlite3.connect(db)
    old.executescript(OLD_SCHEMA_6)
    old.execute(
        "INSERT INTO articles VALUES (1, 'a.md', 1, 1, 'x', 'قديم', '', '', 1, NULL, '{}', '', '', NULL, 'utf-8')"
    )
    old.execute("INSERT INTO fts(rowid, title, body) VALUES (1, 'قديم', 'قديم')")
    old.commit()
    old.close()
    lib = Library(root, cache_dir=tmp_path / "cache")
    report = lib.refresh()
    assert report.rebuilt and report.added == ["a.md"]
    assert [e.title for e in lib.articles()] == ["تقرير"]
    assert lib.search("قديم") == [] and _paths(lib.search("الامن")) == ["a.md"]
    assert "fts_content" not in _tables(lib)


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى")
        + list("ًٌٍَُِّْـ٠١٢٣")
        + list("،؛؟«»…—\u00a0\u200c\u200f\u2066")
        + list("abcXYZ019_-.,'\"#*()[] \n\té")
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_the_word_index_holds_exactly_the_query_tokens(text: str) -> None:
    """FTS5 (ascii tokenizer on `fts_text`) and `TOKEN_RE` (the query side) see the same words."""
    norm = fast_normalize(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='ascii')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (fts_text(norm),))
    indexed = [term for (term,) in conn.execute("SELECT term FROM v ORDER BY offset")]
    assert indexed == TOKEN_RE.findall(norm)


def test_the_stored_listing_is_each_entrys_json(tmp_path: Path) -> None:
    """`midad index --json` prints the JSON made at indexing time: it equals `ArticleEntry.to_json()`."""
    lib = _library(
        tmp_path,
        {
            "tags.md": "---\ntitle: وسوم\ndate: 2024-05-01\nstatus: ready\ntags: [الأمن, 'الامن', رياضة]\n---\n#الأمن و#ثقافة\n",
            "broken.md": "---\ntitle: [غير مغلق\n---\nنص\n",
            "bare.md": "نص بلا بيانات\n",
        },
    )
    (lib.root / "binary.md").write_bytes(b"\x00\x01\x02" * 50)
    lib.refresh()
    stored = [json.loads(line) for line in lib.articles_json()]
    assert stored == [e.to_json() for e in lib.articles()]
    by_path = {item["path"]: item for item in stored}
    assert by_path["tags.md"]["tags"] == ["الأمن", "رياضة", "ثقافة"]
    assert by_path["broken.md"]["problem"] and by_path["binary.md"]["problem"]


def test_snippets_start_at_the_stored_body_offset_as_if_the_front_matter_were_parsed(tmp_path: Path) -> None:
    """Search cuts snippets at the body offset the index stored; it equals parsing the front matter."""
    from editor.core.library import search as library_search

    files = {
        "yaml.md": "---\ntitle: أ\n---\nنص الأمن هنا\n".encode(),
        "bom.md": "\ufeff---\ntitle: ب\n---\nالأمن مع علامة\n".encode(),
        "crlf.md": "---\r\ntitle: ج\r\n---\r\nالأمن\r\nسطر\r\n".encode(),
        "toml.md": '+++\ntitle = "د"\n+++\nالأمن في تومل\n'.encode(),
        "bare.md": "الأمن بلا بيانات\n".encode(),
        "unclosed.md": "---\ntitle: هـ\nالأمن بلا إغلاق\n".encode(),
        "utf16.md": "\ufeff---\ntitle: و\n---\nالأمن بترميز آخر\n".encode("utf-16-le"),
    }
    root = tmp_path / "lib"
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    lib = Library(root, cache_dir=tmp_path / "cache", workers=1)
    lib.refresh()
    rows = lib.index.execute("SELECT path, encoding, body_at FROM articles")
    assert len(rows) == len(files)
    for path, encoding, body_at in rows:
        assert body_at >= 0, path  # search never needed the front-matter parser here
        stored = library_search._read_body(root / path, encoding, body_at)
        parsed = library_search._read_body(root / path, encoding, -1)
        assert stored == parsed, path
    assert {h.rel_path for h in lib.search("الامن")} == set(files)
    assert lib.search("الامن بلا بيانات")[0].snippet == "الأمن بلا بيانات"


def test_an_unchanged_library_is_recognised_by_its_scan_signature(tmp_path: Path, monkeypatch) -> None:
    lib = _library(tmp_path, {f"a{i}.md": _article(f"ع {i}", "نص") for i in range(5)})
    conn = lib.index._conn()
    assert index_store.stored_signature(conn) is not None
    before = index_store.stored_signature(conn)
    report = lib.refresh()
    assert report.unchanged == 5 and not report.any_change
    assert index_store.stored_signature(conn) == before
    # any change (a touch, an edit, a new file) is still seen, and a new signature stored
    path = lib.root / "a1.md"
    path.write_text(_article("ع 1", "نص جديد"), encoding="utf-8")
    assert lib.refresh().changed == ["a1.md"]
    assert index_store.stored_signature(conn) not in (None, before)


def test_a_cancelled_update_leaves_no_signature(tmp_path: Path) -> None:
    lib = _library(tmp_path, {"a.md": _article("أ", "نص")})
    for i in range(3):
        (lib.root / f"n{i}.md").write_text(_article(f"ن {i}", "جديد"), encoding="utf-8")
    lib.index.update(progress=lambda done, total: lib.index.cancel())
    assert index_store.stored_signature(lib.index._conn()) is None
    report = lib.refresh()  # the next update compares every row and reads what is missing
    assert len(report.added) >= 2 and len(lib.articles()) == 4
    assert index_store.stored_signature(lib.index._conn()) is not None


def test_readers_started_from_the_window_yield_the_cpu() -> None:
    """The reader-process initializer used when the program has other threads lowers the priority."""
    from concurrent.futures import ProcessPoolExecutor

    from editor.core.library import index as library_index
    from editor.core.system.priority import background_priority

    with ProcessPoolExecutor(1, initializer=library_index._lower_priority) as pool:
        inside = pool.submit(background_priority).result()
    assert inside in ("idle", "nice 19")
    assert background_priority() != "idle"


def test_the_word_index_gathers_64_mb_of_words_before_writing(tmp_path: Path) -> None:
    """FTS5's `hashsize` is set in every word index made (stored in its config), and in a
    compacted one: fewer, bigger segments when a big library is indexed."""
    library = _library(tmp_path, {"a.md": _article("أ", "نص")})
    config = "SELECT v FROM fts_config WHERE k='hashsize'"
    assert library.index.execute(config) == [(index_store.FTS_HASH_BYTES,)] == [(64 << 20,)]
    conn = library.index._conn()
    assert index_store.compact(conn, lambda rels: iter(()), lambda: False)
    assert library.index.execute(config) == [(64 << 20,)]
