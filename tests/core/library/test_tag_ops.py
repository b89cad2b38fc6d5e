"""Tag rename/merge/remove across a library, byte by byte, and undo."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import TAG_VARIANTS, generate_library  # noqa: E402
from editor.core.article.model import Article  # noqa: E402
from editor.core.library.facade import Library  # noqa: E402
from editor.core.library.tag_ops import (  # noqa: E402
    TagOpError,
    edit_article,
    journal,
    merge_tags,
    remove_tag,
    rename_tag,
    undo_last,
)
from editor.core.library.tags import tag_key  # noqa: E402
from editor.core.markdown.hashtags import extract_hashtags, markdown_hashtag_spans  # noqa: E402


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.md")}


@pytest.fixture
def generated(tmp_path: Path):
    root = tmp_path / "lib"
    manifest = generate_library(root, 40, words_per_article=60, seed=11)
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    return lib, manifest


def _only_tags_changed(old: str, new: str, old_spellings: set[str], new_tag: str) -> None:
    """Every differing line is the front-matter tags line or a body line whose hashtags changed."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    assert len(old_lines) == len(new_lines)
    variants = sorted({s.replace(" ", "_") for s in old_spellings}, key=len, reverse=True)
    old_tag_re = re.compile("#(?:" + "|".join(map(re.escape, variants)) + r")(?![\w\u064b-\u0652\u0640])")
    for a, b in zip(old_lines, new_lines, strict=True):
        if a == b:
            continue
        if a.startswith("tags:"):
            continue
        assert old_tag_re.sub("@@", a) == b.replace("#" + new_tag.replace(" ", "_"), "@@")


def test_rename_changes_only_that_tag_and_leaves_other_files_byte_identical(generated) -> None:
    lib, manifest = generated
    before = _snapshot(lib.root)
    with_tag = {m.rel_path for m in manifest if "الأمن" in m.canonical_tags}
    assert with_tag
    report = rename_tag(lib, "الامن", "الأمن الوطني")
    after = _snapshot(lib.root)
    changed = {c.rel_path for c in report.changed}
    assert changed == with_tag
    for rel in before:
        if rel not in changed:
            assert after[rel] == before[rel], rel
    for rel in changed:
        old_text, new_text = before[rel].decode(), after[rel].decode()
        _only_tags_changed(old_text, new_text, set(TAG_VARIANTS["الأمن"]), "الأمن الوطني")
        article = Article.from_text(new_text)
        assert tag_key("الأمن") not in {tag_key(t) for t in article.tags}
    summaries = {s.key: s for s in lib.tags()}
    assert tag_key("الأمن") not in summaries
    new = summaries[tag_key("الأمن الوطني")]
    assert new.count == len(with_tag) and new.tag in ("الأمن الوطني", "الأمن_الوطني")


def test_merge_two_tags(generated) -> None:
    lib, manifest = generated
    union = {m.rel_path for m in manifest if {"الاقتصاد", "الطاقة"} & m.canonical_tags}
    report = merge_tags(lib, ["الإقتصاد"], "الطاقة")
    assert {c.rel_path for c in report.changed} == {
        m.rel_path for m in manifest if "الاقتصاد" in m.canonical_tags
    }
    summaries = {s.key: s for s in lib.tags()}
    assert tag_key("الاقتصاد") not in summaries
    assert summaries[tag_key("الطاقة")].count == len(union)
    for rel in union:  # merged tag appears once per article
        article = Article.from_text(lib.path_of(rel).read_text("utf-8"))
        assert [tag_key(t) for t in article.tags].count(tag_key("الطاقة")) <= 1


def test_remove_keeps_the_word_of_body_hashtags(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    text = "---\ntitle: خبر\ntags: [الأمن, المغرب]\n---\n#الرباط: اجتماع حول #الأمن_الوطني و#الأمن اليوم.\n\n`#الأمن` في الشيفرة\n"
    (root / "a.md").write_text(text, "utf-8")
    (root / "b.md").write_text("---\ntitle: آخر\ntags: [المغرب]\n---\nلا شيء\n", "utf-8")
    b_before = (root / "b.md").read_bytes()
    lib = Library(root, cache_dir=tmp_path / "cache")
    lib.refresh()
    report = remove_tag(lib, "#الامن")
    assert [c.rel_path for c in report.changed] == ["a.md"]
    assert report.changed[0].front_matter == [("الأمن", None)]
    assert report.changed[0].hashtags == 1
    assert (root / "a.md").read_text("utf-8") == text.replace(
        "tags: [الأمن, المغرب]", "tags: [المغرب]"
    ).replace("و#الأمن اليوم", "والأمن اليوم")
    assert (root / "b.md").read_bytes() == b_before
    assert tag_key("الأمن") not in {s.key for s in lib.tags()}


def test_rename_skips_code_and_links(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    text = "نص #المغرب و[رابط #المغرب](http://x.org/#المغرب)\n\n```\n#المغرب\n```\n"
    (root / "a.md").write_text(text, "utf-8")
    lib = Library(root, cache_dir=tmp_path / "cache")
    report = rename_tag(lib, "المغرب", "المملكة_المغربية")
    assert report.changed[0].hashtags == 1
    assert (root / "a.md").read_text("utf-8") == text.replace("نص #المغرب", "نص #المملكة_المغربية", 1)


def test_undo_restores_bytes_and_refuses_files_changed_since(generated) -> None:
    lib, _manifest = generated
    before = _snapshot(lib.root)
    report = rename_tag(lib, "المغرب", "المملكة")
    changed = [c.rel_path for c in report.changed]
    assert len(changed) >= 2
    edited = lib.path_of(changed[0])
    edited.write_text(edited.read_text("utf-8") + "\nتعديل لاحق\n", "utf-8")
    edited_bytes = edited.read_bytes()
    undo = undo_last(lib)
    assert undo.refused == [(changed[0], "the file was changed since the operation")]
    assert sorted(undo.restored) == sorted(changed[1:])
    after = _snapshot(lib.root)
    for rel in before:
        if rel != changed[0]:
            assert after[rel] == before[rel], rel
    assert edited.read_bytes() == edited_bytes
    with pytest.raises(TagOpError):
        undo_last(lib)  # nothing left to undo
    assert journal(lib)[0]["undone"]


def test_dry_run_writes_nothing(generated) -> None:
    lib, _manifest = generated
    before = _snapshot(lib.root)
    report = remove_tag(lib, "مصر", dry_run=True)
    assert report.changed and report.op_id is None
    assert _snapshot(lib.root) == before
    assert journal(lib) == []


def test_invalid_target_and_unparseable_files(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    legacy = "---\ntitle: قديم\ntags: [الأمن]\n---\nنص #الأمن\n".encode("cp1256")
    (root / "legacy.md").write_bytes(legacy)
    bad_yaml = "---\ntitle: [x\ntags: [الأمن]\n---\nنص #الأمن\n".encode()
    (root / "bad.md").write_bytes(bad_yaml)
    lib = Library(root, cache_dir=tmp_path / "cache")
    with pytest.raises(TagOpError):
        rename_tag(lib, "الأمن", "###")
    with pytest.raises(TagOpError):
        rename_tag(lib, "الأمن", "2024")
    report = rename_tag(lib, "الأمن", "السلامة")
    assert [p for p, _ in report.skipped] == ["legacy.md"]
    assert (root / "legacy.md").read_bytes() == legacy
    # the malformed front matter holds no parsed tags: only the body hashtag changes
    assert [c.rel_path for c in report.changed] == ["bad.md"]
    assert (root / "bad.md").read_bytes() == bad_yaml.replace("#الأمن".encode(), "#السلامة".encode())


def test_encoding_bom_and_line_endings_are_kept(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    crlf = "---\r\ntitle: خبر\r\ntags: [المغرب, الأمن]\r\n---\r\nنص عن #المغرب هنا.\r\n"
    (root / "crlf.md").write_bytes(crlf.encode("utf-8"))
    utf16 = "---\ntitle: خبر\ntags: [المغرب]\n---\nنص #المغرب\n"
    (root / "utf16.md").write_bytes(b"\xff\xfe" + utf16.encode("utf-16-le"))
    bom8 = "---\ntitle: خبر\ntags: [المغرب]\n---\nنص\n"
    (root / "bom.md").write_bytes(b"\xef\xbb\xbf" + bom8.encode("utf-8"))
    lib = Library(root, cache_dir=tmp_path / "cache")
    report = rename_tag(lib, "المغرب", "المملكة")
    assert sorted(c.rel_path for c in report.changed) == ["bom.md", "crlf.md", "utf16.md"]
    assert (root / "crlf.md").read_bytes() == crlf.replace("المغرب", "المملكة").encode("utf-8")
    assert (root / "utf16.md").read_bytes() == b"\xff\xfe" + utf16.replace("المغرب", "المملكة").encode(
        "utf-16-le"
    )
    assert (root / "bom.md").read_bytes() == b"\xef\xbb\xbf" + bom8.replace("المغرب", "المملكة").encode(
        "utf-8"
    )
    undo_last(lib)
    assert (root / "crlf.md").read_bytes() == crlf.encode("utf-8")
    assert (root / "utf16.md").read_bytes() == b"\xff\xfe" + utf16.encode("utf-16-le")


def test_rename_to_an_existing_tag_keeps_one(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    text = "---\ntags: [الامن, المغرب, الأمن الوطني]\n---\nنص\n"
    (root / "a.md").write_text(text, "utf-8")
    lib = Library(root, cache_dir=tmp_path / "cache")
    report = rename_tag(lib, "الأمن", "الأمن_الوطني")
    assert report.changed[0].front_matter == [("الامن", "الأمن_الوطني"), ("الأمن الوطني", None)]
    tags = Article.from_text((root / "a.md").read_text("utf-8")).tags
    assert [tag_key(t) for t in tags] == [tag_key("الأمن_الوطني"), tag_key("المغرب")]


def test_journal_keeps_the_last_operations(tmp_path: Path, monkeypatch) -> None:
    import editor.core.library.tag_ops as tag_ops

    monkeypatch.setattr(tag_ops, "JOURNAL_KEEP", 3)
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("نص #أ1\n", "utf-8")
    lib = Library(root, cache_dir=tmp_path / "cache")
    for i in range(1, 6):
        rename_tag(lib, f"أ{i}", f"أ{i + 1}")
    assert [m["target"] for m in journal(lib)] == ["أ6", "أ5", "أ4"]
    undo_last(lib)
    assert (root / "a.md").read_text("utf-8") == "نص #أ5\n"


_POOL = ["الأمن", "الامن", "الأَمن", "المغرب", "مصر", "الأمن الوطني", "كرة_القدم", "السلامة"]


@given(
    fm=st.lists(st.sampled_from(_POOL), max_size=5),
    body_parts=st.lists(
        st.one_of(
            st.sampled_from(["نص", "عن", "الأمن", "\n\n", "، ", "`#الأمن`"]),
            st.sampled_from(_POOL).map(lambda t: "#" + t.replace(" ", "_")),
        ),
        max_size=12,
    ),
    new=st.sampled_from(["السلامة", "الأمن_العام", "مصر"]),
)
@settings(max_examples=150, deadline=None)
def test_edit_article_changes_only_the_tag(fm: list[str], body_parts: list[str], new: str) -> None:
    tags_yaml = "[" + ", ".join(f'"{t}"' for t in fm) + "]"
    body = " ".join(body_parts) + "\n"
    article = Article.from_text(f"---\ntitle: خبر\ntags: {tags_yaml}\n---\n{body}")
    old_key = tag_key("الأمن")
    result, change = edit_article(article, {old_key}, new)
    assert old_key not in {tag_key(t) for t in result.tags}
    assert old_key not in {tag_key(t) for t in extract_hashtags(result.body)}
    # the other tags keep their order (duplicates too); the target is there once
    others = [tag_key(t) for t in article.tags if tag_key(t) not in (old_key, tag_key(new))]
    assert [tag_key(t) for t in result.tags if tag_key(t) != tag_key(new)] == others
    if old_key in {tag_key(t) for t in article.tags}:
        assert [tag_key(t) for t in result.tags].count(tag_key(new)) == 1

    # the body outside hashtags is untouched, and no hashtag appears or disappears
    def without_tags(text: str) -> str:
        spans = list(markdown_hashtag_spans(text))
        out, pos = [], 0
        for start, end, _tag in spans:
            out.append(text[pos:start])
            pos = end
        return "".join(out) + text[pos:]

    assert len(list(markdown_hashtag_spans(result.body))) == len(list(markdown_hashtag_spans(article.body)))
    assert without_tags(result.body) == without_tags(article.body)
    before_lines, after_lines = article.front_matter.splitlines(), result.front_matter.splitlines()
    assert len(before_lines) == len(after_lines) and before_lines[0] == after_lines[0]  # only `tags:` changes
    assert change.hashtags == sum(
        1 for _s, _e, t in markdown_hashtag_spans(article.body) if tag_key(t) == old_key
    )


def test_damaged_newest_record_is_reported_and_never_blocks_older_ones(generated) -> None:
    lib, _manifest = generated
    root = lib.root
    before = _snapshot(root)
    first = rename_tag(lib, "المغرب", "المملكة_المغربية")
    lib.refresh()
    second = rename_tag(lib, "الأمن", "الأمن_الوطني")
    assert first.op_id and second.op_id
    newest = Path(journal(lib)[0]["folder"])
    (newest / "manifest.json").write_text("{bad", encoding="utf-8")
    report = undo_last(lib)
    assert report.op_id == first.op_id and report.damaged == [str(newest)]
    assert (newest / "manifest.json").exists()  # reported, kept
    changed_by_second = {c.rel_path for c in second.changed}
    for rel, data in _snapshot(root).items():
        if rel not in changed_by_second:
            assert data == before[rel]  # the first operation is undone where the second did not touch
    assert set(dict(report.refused)) <= changed_by_second


def test_files_whose_tags_cannot_be_edited_are_skipped_with_a_reason(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    texts = {
        "obsidian.md": "---\ntags: الأمن, الرباط\n---\nنص\n",  # a string: rewriting it needs consent
        "hugo.md": '{\n  "tags": ["الأمن"]\n}\nنص\n',  # JSON front matter is never edited
        "toml.md": '+++\ntags = ["الأمن", "الرباط"]\n+++\nنص\n',  # TOML is edited line by line
    }
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    report = rename_tag(Library(root, cache_dir=tmp_path / "cache"), "الأمن", "السلامة")
    assert sorted(p for p, _ in report.skipped) == ["hugo.md", "obsidian.md"]
    for name in ("hugo.md", "obsidian.md"):
        assert (root / name).read_text(encoding="utf-8") == texts[name]
    assert (root / "toml.md").read_text(encoding="utf-8") == '+++\ntags = ["السلامة", "الرباط"]\n+++\nنص\n'
