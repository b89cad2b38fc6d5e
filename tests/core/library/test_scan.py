"""The library scan."""

from __future__ import annotations


def test_library_scan_cleans_strays_of_killed_saves(tmp_path):
    from editor.core.library.scan import scan_library

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("نص\n", "utf-8")
    stray = tmp_path / "sub" / ".a.md.k3j4h5g6.midad-tmp"
    stray.write_text("نص ناقص", "utf-8")
    files, _folders = scan_library(tmp_path)
    assert list(files) == ["sub/a.md"] and not stray.exists()
