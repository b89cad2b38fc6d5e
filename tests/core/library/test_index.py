"""The library index on generated Arabic libraries: counts, variants, incremental updates, corruption."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import TAG_VARIANTS, generate_library  # noqa: E402
from editor.core.article.model import Article  # noqa: E402
from editor.core.library import index as library_index  # noqa: E402
from editor.core.library import record as library_record  # noqa: E402
from editor.core.library.facade import Library  # noqa: E402
from editor.core.library.paths import cache_dir, default_library_dir, index_path  # noqa: E402
from editor.core.library.tags import tag_key  # noqa: E402
from editor.core.text.arabic import count_words  # noqa: E402


@pytest.fixture
def generated(tmp_path: Path):
    root = tmp_path / "lib"
    manifest = generate_library(root, 40, words_per_article=60, seed=7)
    return root, manifest, tmp_path / "cache"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_lists_every_article_with_its_metadata(generated) -> None:
    root, manifest, cache = generated
    lib = Library(root, cache_dir=cache)
    report = lib.refresh()
    assert len(report.added) == 40 and not report.changed
    entries = {e.rel_path: e for e in lib.articles()}
    assert set(entries) == {m.rel_path for m in manifest}
    for truth in manifest:
        entry = entries[truth.rel_path]
        text = (root / truth.rel_path).read_text(encoding="utf-8")
        if truth.has_front_matter:
            assert entry.title == truth.title
            assert entry.date == truth.date
            assert entry.status == truth.status
        else:
            assert entry.title == truth.title  # first heading
            assert entry.date == "" and entry.status == ""
        assert entry.words == count_words(Article.from_text(text).body)
        assert {tag_key(t) for t in entry.tags} == {tag_key(c) for c in truth.canonical_tags}


def test_tag_counts_and_variants_match_the_generated_truth(generated) -> None:
    root, manifest, cache = generated
    lib = Library(root, cache_dir=cache)
    lib.refresh()
    expected = Counter(c for m in manifest for c in m.canonical_tags)
    summaries = {s.key: s for s in lib.tags()}
    assert {k: s.count for k, s in summaries.items()} == {tag_key(c): n for c, n in expected.items()}
    used = {}
    for m in manifest:
        for spelling in [*m.fm_tags, *m.hashtags]:
            used.setdefault(tag_key(spelling), set()).add(spelling)
    for key, summary in summaries.items():
        assert set(summary.variants) == used[key]
        assert summary.tag in summary.variants
    counts = [s.count for s in lib.tags()]
    assert counts == sorted(counts, reverse=True)
    canonical_security = tag_key(TAG_VARIANTS["الأمن"][0])
    assert all(tag_key(v) == canonical_security for v in TAG_VARIANTS["الأمن"])


def test_filter_by_tags_all_and_any(generated) -> None:
    root, manifest, cache = generated
    lib = Library(root, cache_dir=cache)
    lib.refresh()
    a, b = "الأمن", "المغرب"
    with_a = {m.rel_path for m in manifest if a in m.canonical_tags}
    with_b = {m.rel_path for m in manifest if b in m.canonical_tags}
    assert lib.filter_by_tags(["#الامن"], "all") == with_a
    assert lib.filter_by_tags([a, b], "all") == with_a & with_b
    assert lib.filter_by_tags([a, b], "any") == with_a | with_b
    assert lib.filter_by_tags([], "all") == {m.rel_path for m in manifest}
    assert lib.filter_by_tags(["لا_يوجد"], "any") == set()


def test_incremental_update_reads_only_what_changed(generated, monkeypatch) -> None:
    root, manifest, cache = generated
    lib = Library(root, cache_dir=cache)
    lib.refresh()
    reads: list[str] = []
    real = library_record.read_record
    monkeypatch.setattr(library_record, "read_record", lambda r, rel: reads.append(rel) or real(r, rel))

    assert not lib.refresh().any_change and reads == []  # nothing changed: nothing read

    first, second, third = (root / m.rel_path for m in manifest[:3])
    st = first.stat()
    os.utime(first, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touch
    second.write_text(second.read_text("utf-8") + "\nسطر جديد عن الاقتصاد\n", encoding="utf-8")  # edit
    third.unlink()  # delete
    (root / "جديد").mkdir()
    (root / "جديد" / "مقال.md").write_text("---\ntitle: مقال جديد\ntags: [الأمن]\n---\nنص\n", "utf-8")  # add
    renamed_from = manifest[3].rel_path
    renamed_to = renamed_from.replace(".md", "-renamed.md")
    (root / renamed_from).rename(root / renamed_to)  # rename

    report = lib.refresh()
    assert report.touched == [manifest[0].rel_path]
    assert report.changed == [manifest[1].rel_path]
    assert sorted(report.removed) == sorted([manifest[2].rel_path, renamed_from])
    assert sorted(report.added) == sorted(["جديد/مقال.md", renamed_to])
    assert sorted(reads) == sorted([manifest[0].rel_path, manifest[1].rel_path, "جديد/مقال.md", renamed_to])
    assert report.unchanged == 40 - 4
    entry = lib.article("جديد/مقال.md")
    assert entry is not None and entry.title == "مقال جديد"
    assert lib.article(manifest[2].rel_path) is None
    assert lib.search("سطر جديد")[0].rel_path == manifest[1].rel_path
    assert {h.rel_path for h in lib.search("الاقتصاد")} >= {manifest[1].rel_path}


def test_hidden_folders_other_files_and_symlink_loops_are_skipped(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "x.md").write_text("# مخفي\n", "utf-8")
    (root / ".hidden.md").write_text("# مخفي\n", "utf-8")
    (root / "notes.txt").write_text("ليس مقالا\n", "utf-8")
    (root / "sub" / "deeper" / "a.md").write_text("# مقال عميق\n", "utf-8")
    (root / "b.MD").write_text("# مقال\n", "utf-8")
    os.symlink(root, root / "sub" / "loop")
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    assert sorted(e.rel_path for e in lib.articles()) == ["b.MD", "sub/deeper/a.md"]


def test_files_that_cannot_be_parsed_are_listed_with_their_problem_and_never_written(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (root / "bad-yaml.md").write_text("---\ntitle: [غير مغلق\ntags: [الأمن]\n---\nنص عن #الرباط\n", "utf-8")
    (root / "legacy.md").write_bytes("---\ntitle: مقال قديم\n---\nنص عن الأمن\n".encode("cp1256"))
    before = _snapshot(root)
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    entries = {e.rel_path: e for e in lib.articles()}
    assert set(entries) == {"binary.md", "bad-yaml.md", "legacy.md"}
    assert "binary" in entries["binary.md"].problem
    assert "front matter" in entries["bad-yaml.md"].problem
    assert entries["bad-yaml.md"].tags == ["الرباط"]  # body hashtags still count
    assert "Windows-1256" in entries["legacy.md"].problem
    assert entries["legacy.md"].title == "مقال قديم"
    assert [h.rel_path for h in lib.search("قديم")] == ["legacy.md"]
    assert _snapshot(root) == before


def test_corrupt_index_is_rebuilt_silently(generated) -> None:
    root, manifest, cache = generated
    lib = Library(root, cache_dir=cache)
    lib.refresh()
    expected = [(e.rel_path, e.title, e.words) for e in lib.articles()]
    lib.close()
    db = index_path(root, cache)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    lib2 = Library(root, cache_dir=cache)
    report = lib2.refresh()
    assert report.rebuilt and len(report.added) == 40
    assert [(e.rel_path, e.title, e.words) for e in lib2.articles()] == expected


def test_outdated_schema_is_rebuilt(generated) -> None:
    root, _manifest, cache = generated
    Library(root, cache_dir=cache).refresh()
    db = index_path(root, cache)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    lib = Library(root, cache_dir=cache)
    report = lib.refresh()
    assert report.rebuilt and len(report.added) == 40


def test_deleting_the_index_loses_nothing(generated) -> None:
    root, _manifest, cache = generated
    lib = Library(root, cache_dir=cache)
    lib.refresh()
    tags = [s.to_json() for s in lib.tags()]
    lib.close()
    for path in cache.rglob("*.sqlite3*"):
        path.unlink()
    again = Library(root, cache_dir=cache)
    again.refresh()
    assert [s.to_json() for s in again.tags()] == tags


def test_parallel_reading_gives_the_same_index(generated, monkeypatch) -> None:
    root, _manifest, cache = generated
    serial = Library(root, cache_dir=cache / "serial", workers=1)
    serial.refresh()
    monkeypatch.setattr(library_index, "PARALLEL_THRESHOLD", 1)
    parallel = Library(root, cache_dir=cache / "parallel", workers=2)
    parallel.refresh()
    assert parallel.articles() == serial.articles()
    assert [s.to_json() for s in parallel.tags()] == [s.to_json() for s in serial.tags()]


def test_cache_and_default_folders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("MIDAD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    assert cache_dir() == tmp_path / "xdg-cache" / "midad"
    monkeypatch.setenv("MIDAD_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert cache_dir(tmp_path / "explicit") == tmp_path / "explicit"
    folder = default_library_dir()
    assert folder.name == "Midad" and folder.is_dir()
    assert folder.parent.parent == tmp_path
    assert index_path(tmp_path / "a") != index_path(tmp_path / "b")


@pytest.mark.parametrize("parallel", [False, True])
def test_cancelled_update_keeps_what_it_indexed(generated, monkeypatch, parallel: bool) -> None:
    root, manifest, cache = generated
    if parallel:
        monkeypatch.setattr(library_index, "PARALLEL_THRESHOLD", 1)
    lib = Library(root, cache_dir=cache, workers=2 if parallel else 1)

    def progress(done: int, _total: int) -> None:
        if done == 5:
            lib.index.cancel()

    report = lib.index.update(progress)
    assert report.cancelled and len(report.added) == 5
    assert lib.index.update().added and len(lib.refresh().added) == 0
    assert len(lib.articles()) == len(manifest)


def test_unusable_cache_folder_falls_back_to_a_temporary_index(generated) -> None:
    root, manifest, cache = generated
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the cache folder should be", "utf-8")
    lib = Library(root, cache_dir=cache)
    assert lib.notice and "temporary" in lib.notice
    lib.refresh()
    assert len(lib.articles()) == len(manifest)


def test_names_that_are_not_utf8_are_listed_with_their_problem(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "good.md").write_text("# جيد\n", "utf-8")
    os.mkdir(os.path.join(os.fsencode(root), b"bad-\xff-dir"))
    with open(os.path.join(os.fsencode(root), b"bad-\xe9.md"), "wb") as handle:
        handle.write("# اسم غير صالح\n".encode())
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    entries = {e.rel_path: e for e in lib.articles()}
    assert sorted(entries) == ["bad-\\xe9.md", "bad-\\xff-dir/", "good.md"]
    assert entries["good.md"].problem is None
    assert entries["bad-\\xe9.md"].problem == "the file name is not valid UTF-8"
    assert "not valid UTF-8" in entries["bad-\\xff-dir/"].problem


def test_problems_keep_their_translatable_template_through_the_index(tmp_path: Path) -> None:
    from editor.core.text.messages import Text

    root = tmp_path / "lib"
    root.mkdir()
    (root / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (root / "two.md").write_text("---\ntitle: أ\ntitle: ب\nstatus: finished\n---\nنص\n", "utf-8")
    for _round in range(2):  # a fresh index, then the same database opened again
        lib = Library(root, cache_dir=tmp_path / "cache")
        lib.refresh()
        entries = {e.rel_path: e for e in lib.articles()}
        for rel in ("binary.md", "two.md"):
            problem = entries[rel].problem
            assert isinstance(problem, Text), rel
            assert "{" in problem.template and "{" not in str(problem)
        assert entries["two.md"].problem.template == "{first}; {rest}"  # two problems, joined
