"""Images in exports stay inside the article's folder (issue 14, case 9).

An article may name any local path as an image (`![](/etc/passwd)`, `![](~/.ssh/id_rsa)`,
`![](../other/x.png)`). A browser opening an exported page would read those files, and a page
sent to a colleague would name the author's folders. So, after sanitising:

- an image inside the article's folder (resolved, links followed) is **embedded** as a `data:`
  URI in the standalone page (`embed=True`: the page travels alone), or kept as its relative path
  in the fragment, the preview and the PDF (`embed=False`);
- every other local image — an absolute path, `~`, a path leading out of the folder, a link
  pointing out, a missing or non-regular file when embedding, or any image when the folder is
  unknown — becomes a placeholder `<span class="missing-image">[alt]</span>` that names no path.

No path outside the article folder is ever written into the output, and no file outside it is
read. Embedded images are at most `MAX_EMBEDDED_BYTES` each.
"""

from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path
from urllib.parse import unquote

from editor.core.article.storage import ArticleIOError, read_file_bytes

MAX_EMBEDDED_BYTES = 10 * 1024 * 1024
# No file has a longer path or name (Linux PATH_MAX, NAME_MAX): such a src is a placeholder at once,
# without resolving 200,000 path components (took 10 s) and without Qt, which cannot make a URL of
# it, trying the raw name in the current folder.
MAX_PATH_CHARS = 4096
MAX_NAME_CHARS = 255
MIME_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".bmp": "image/bmp",
    ".svg": "image/svg+xml",
}

_IMG_RE = re.compile(r"<img\b[^<>]*+>", re.IGNORECASE)
_ATTR_RE = re.compile(r'\s([a-zA-Z-]+)="([^"]*+)"')
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SRC_RE = re.compile(r'\ssrc="[^"]*+"')


def _inside(base_dir: Path | None, src: str) -> Path | None:
    """The file `src` names when it lies inside `base_dir` (links followed), else None."""
    if base_dir is None or not src or src.startswith(("/", "\\", "~")) or _SCHEME_RE.match(src):
        return None
    relative = unquote(src.split("#", 1)[0].split("?", 1)[0])
    if not relative or "\0" in relative or len(relative) > MAX_PATH_CHARS:
        return None
    if any(len(part) > MAX_NAME_CHARS for part in relative.split("/")):
        return None
    base = os.path.realpath(base_dir)
    target = os.path.realpath(os.path.join(base, relative))
    if target != base and target.startswith(base.rstrip(os.sep) + os.sep):
        return Path(target)
    return None


def _placeholder(attrs: dict[str, str]) -> str:
    alt = attrs.get("alt") or attrs.get("title") or ""
    extra = "".join(f' {k}="{html.escape(attrs[k])}"' for k in ("dir", "lang") if k in attrs)
    return f'<span class="missing-image"{extra}>[{html.escape(alt)}]</span>'


def _data_uri(path: Path) -> str | None:
    mime = MIME_TYPES.get(path.suffix.lower())
    if mime is None:
        return None
    try:
        data = read_file_bytes(path, limit=MAX_EMBEDDED_BYTES)  # regular files only, size-capped
    except (ArticleIOError, OSError):
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def contain_images(fragment: str, base_dir: Path | None, *, embed: bool) -> str:
    """`fragment` with its local images embedded or kept (inside the folder) or replaced (outside)."""
    if "<img" not in fragment and "<IMG" not in fragment:
        return fragment

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = {k.lower(): html.unescape(v) for k, v in _ATTR_RE.findall(tag)}
        src = attrs.get("src", "")
        if src.startswith("data:") and not embed:
            return _placeholder(attrs)
        path = _inside(base_dir, src)
        if path is None:
            return _placeholder(attrs)
        if not embed:
            return tag
        uri = _data_uri(path)
        if uri is None:
            return _placeholder(attrs)
        return _SRC_RE.sub(lambda _m: f' src="{uri}"', tag, count=1)

    return _IMG_RE.sub(replace, fragment)
