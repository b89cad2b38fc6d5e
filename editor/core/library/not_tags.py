"""Words the user marked "not a tag" in one library: hidden from tag suggestions, remembered.

A pasted article's `#العدالة اليوم` (a web site's name) is a hashtag by the rule, but the user can say it
is not a tag: the tag panel stops listing it, tag completion and the article's "hashtags in the text"
offers leave it out. The choice is per library and kept in Midad's data folder,
`<data>/libraries/<library key>/not-tags.json` (the key is the index's: the folder's name and a hash of
its resolved path) — never in the article folder, which Midad changes only when the user edits an
article. Tags are compared by the core's `tag_key`, so every spelling of the tag is hidden together.
Nothing in the articles changes; showing the tag again undoes it.

The file is small and Midad's own: it is written atomically (mode 600); one that cannot be read or is
damaged counts as empty (hiding is a convenience and never stops the library), and it is bounded
(at most `MAX_ENTRIES` tags, `MAX_BYTES` read).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from editor.core.library.paths import library_key
from editor.core.library.tags import clean_tag_text, tag_key
from editor.core.recovery.paths import data_dir, write_private
from editor.core.text.messages import msg

FILE_NAME = "not-tags.json"
MAX_ENTRIES = 5000
MAX_BYTES = 1 << 20


def not_tags_path(library: str | os.PathLike[str], data: str | os.PathLike[str] | None = None) -> Path:
    """Where the "not a tag" choices of `library` are kept (in Midad's data folder)."""
    return Path(data or data_dir()) / "libraries" / library_key(library) / FILE_NAME


def read_not_tags(
    library: str | os.PathLike[str], data: str | os.PathLike[str] | None = None
) -> dict[str, str]:
    """`{tag key: spelling the user hid}` for `library`; empty when there is none or it cannot be read."""
    path = not_tags_path(library, data)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return {}
        stored = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    items = stored.get("not_tags") if isinstance(stored, dict) else None
    hidden: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        tag = item.get("tag") if isinstance(item, dict) else None
        key = tag_key(tag) if isinstance(tag, str) else ""
        if key and len(hidden) < MAX_ENTRIES:
            hidden.setdefault(key, clean_tag_text(tag))
    return hidden


def set_not_a_tag(
    library: str | os.PathLike[str], tag: str, hidden: bool, data: str | os.PathLike[str] | None = None
) -> dict[str, str]:
    """Mark `tag` (any spelling) as not a tag (`hidden`) or as a tag again; returns the new choices.

    Raises OSError when the choice cannot be written (the caller tells the user); ValueError when the
    library already hides `MAX_ENTRIES` tags.
    """
    current = read_not_tags(library, data)
    key = tag_key(tag)
    if not key:
        return current
    if hidden:
        if key not in current and len(current) >= MAX_ENTRIES:
            raise ValueError(msg("at most {count} tags can be hidden in one library", count=MAX_ENTRIES))
        current[key] = clean_tag_text(tag)
    elif current.pop(key, None) is None:
        return current
    path = not_tags_path(library, data)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    document = {
        "library": os.path.realpath(library),
        "not_tags": [{"tag": spelling} for spelling in sorted(current.values())],
    }
    write_private(path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return current
