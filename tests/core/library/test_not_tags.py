"""Words marked "not a tag" in a library: remembered per library in Midad's data folder, any spelling."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.library.not_tags import MAX_BYTES, not_tags_path, read_not_tags, set_not_a_tag
from editor.core.library.tags import tag_key


def test_a_hidden_tag_is_remembered_per_library_for_every_spelling(tmp_path: Path) -> None:
    lib, other, data = tmp_path / "lib", tmp_path / "other", tmp_path / "data"
    lib.mkdir()
    other.mkdir()
    before = sorted(os.listdir(lib))
    hidden = set_not_a_tag(lib, "#العدالة_اليوم", True, data)
    assert hidden == {tag_key("العدالة اليوم"): "العدالة_اليوم"}
    assert tag_key("العدالةُ اليوم") in read_not_tags(lib, data)  # another spelling: the same tag
    assert read_not_tags(other, data) == {}  # per library
    path = not_tags_path(lib, data)
    assert path.is_file() and path.is_relative_to(data) and oct(path.stat().st_mode & 0o777) == "0o600"
    assert sorted(os.listdir(lib)) == before  # nothing is written in the article folder
    assert set_not_a_tag(lib, "العدالة اليوم", False, data) == {}
    assert read_not_tags(lib, data) == {}


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[1, 2]", b'{"not_tags": "x"}', b'{"not_tags": [1, {"tag": 5}]}', b"[" * 50000],
)
def test_a_damaged_file_counts_as_empty_and_is_replaced_on_the_next_choice(
    tmp_path: Path, content: bytes
) -> None:
    lib, data = tmp_path / "lib", tmp_path / "data"
    lib.mkdir()
    path = not_tags_path(lib, data)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert read_not_tags(lib, data) == {}
    assert list(set_not_a_tag(lib, "وسم", True, data).values()) == ["وسم"]
    path.write_bytes(b'{"not_tags": [{"tag": "x"}]}' + b" " * MAX_BYTES)
    assert read_not_tags(lib, data) == {}  # too large: not read
