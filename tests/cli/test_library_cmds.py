"""`midad index|tags|search|tag` end to end through the CLI entry point."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402
from editor.cli import main  # noqa: E402
from editor.core.library.tags import tag_key  # noqa: E402


@pytest.fixture
def library(tmp_path: Path, monkeypatch):
    root = tmp_path / "lib"
    manifest = generate_library(root, 25, words_per_article=50, seed=3)
    monkeypatch.setenv("MIDAD_CACHE_DIR", str(tmp_path / "cache"))
    return root, manifest


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_json(library, capsys) -> None:
    root, manifest = library
    code, out, _ = _run(capsys, "index", str(root), "--json")
    assert code == 0
    entries = json.loads(out)
    assert {e["path"] for e in entries} == {m.rel_path for m in manifest}
    assert set(entries[0]) >= {"path", "title", "date", "status", "tags", "words"}
    assert "\\u" not in out  # ensure_ascii=False: Arabic is readable
    code, text, _ = _run(capsys, "index", str(root))
    assert code == 0 and manifest[0].rel_path in text


def test_tags_json_most_used_first(library, capsys) -> None:
    root, manifest = library
    code, out, _ = _run(capsys, "tags", str(root), "--json")
    tags = json.loads(out)
    assert code == 0
    counts = [t["count"] for t in tags]
    assert counts == sorted(counts, reverse=True)
    truth: dict[str, int] = {}
    for m in manifest:
        for canon in m.canonical_tags:
            truth[tag_key(canon)] = truth.get(tag_key(canon), 0) + 1
    assert {tag_key(t["tag"]): t["count"] for t in tags} == truth
    assert all(t["tag"] in t["variants"] for t in tags)


def test_search(library, capsys, tmp_path) -> None:
    root, _ = library
    (root / "x.md").write_text("---\ntitle: خاص\n---\nاجتماع والأمنُ القومي\n", "utf-8")
    code, out, _ = _run(capsys, "search", str(root), "أمن", "--json", "--limit", "200")
    hits = json.loads(out)
    assert code == 0 and "x.md" in [h["path"] for h in hits]
    hit = next(h for h in hits if h["path"] == "x.md")
    start, end = hit["spans"][0]
    assert hit["snippet"][start:end] == "والأمنُ"
    assert "<mark>والأمنُ</mark>" in hit["snippet_html"]
    code, out, _ = _run(capsys, "search", str(root), "القومي")
    assert code == 0 and "x.md" in out and "[القومي]" in out
    code, out, err = _run(capsys, "search", str(root), "غيرموجود")
    assert code == 0 and out == "" and "no match" in err


def test_tag_rename_and_undo(library, capsys) -> None:
    root, _ = library
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    code, out, _ = _run(capsys, "tag", "rename", str(root), "مصر", "جمهورية_مصر", "--json")
    report = json.loads(out)
    assert code == 0 and report["changed"] and report["operation"] == "rename"
    code, out, _ = _run(capsys, "tags", str(root), "--json")
    assert "مصر" not in [t["tag"] for t in json.loads(out)]
    code, out, _ = _run(capsys, "tag", "undo", str(root))
    assert code == 0 and "restored" in out
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before


def test_tag_merge_and_remove_dry_run(library, capsys) -> None:
    root, _ = library
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    code, out, _ = _run(capsys, "tag", "merge", str(root), "الرياضة", "الثقافة", "المجتمع", "--dry-run")
    assert code == 0 and "would change" in out
    code, out, _ = _run(capsys, "tag", "remove", str(root), "المناخ", "--dry-run")
    assert code == 0 and "would change" in out
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before


def test_errors_are_one_line_and_write_nothing(library, capsys, tmp_path) -> None:
    root, _ = library
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    code, out, err = _run(capsys, "index", str(tmp_path / "missing"))
    assert code == 1 and err.startswith("midad: ") and "does not exist" in err and out == ""
    code, _, err = _run(capsys, "tag", "rename", str(root), "مصر", "#")
    assert code == 1 and "not a valid tag" in err
    code, _, err = _run(capsys, "tag", "undo", str(root))
    assert code == 1 and "no tag operation to undo" in err
    code, _, err = _run(capsys, "search", str(root), "  ")
    assert code == 1 and "empty" in err
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before


def test_search_limit_out_of_range_is_one_line(tmp_path, capsys):
    from editor.cli import main as cli_main

    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.md").write_text("نص عن الأمن\n", encoding="utf-8")
    code = cli_main(
        [
            "search",
            str(tmp_path / "lib"),
            "امن",
            "--limit",
            "999999999999999999999",
            "--cache-dir",
            str(tmp_path / "c"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "--limit" in err and err.count("\n") == 1


def test_tag_operation_with_unwritable_cache_changes_nothing(tmp_path, capsys):
    from editor.cli import main as cli_main

    lib = tmp_path / "lib"
    lib.mkdir()
    article = lib / "a.md"
    data = "---\ntags: [أمن]\n---\nنص\n".encode()
    article.write_bytes(data)
    not_a_folder = tmp_path / "cache-file"
    not_a_folder.write_text("x", encoding="utf-8")
    code = cli_main(["tag", "rename", str(lib), "أمن", "أمان", "--cache-dir", str(not_a_folder)])
    err = capsys.readouterr().err
    assert code == 1 and err.splitlines()[-1].startswith("midad: tag operation not done")
    assert article.read_bytes() == data
