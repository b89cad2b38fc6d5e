"""The hostile corpus: small recipes that generate pathological articles (nothing stored as megabytes).

`CASES` maps a case name to a function returning the file's bytes. `write_corpus(folder)` writes
them all as `<name>.md`. The numbers in names are the issue's cases (issue 14):

1 long letter runs (quadratic regexes), 2 bracket/emphasis/tag floods, 3 deep HTML lists,
4 deep Markdown lists, 5 deep HTML tables, 6 a 5 MB single line, 9 images and links naming files
outside the article's folder; then the extra families the issue names (billion-laughs YAML, deep
quotes, huge tables, long URLs, invisible-character floods, NUL bytes, invalid UTF-8, CR-only line
ends, 10,000 footnotes). `SPECIAL` holds the files that are not made of bytes: 11 a FIFO named
`.md`, and a 60 MB sparse file (over the 50 MB cap, costing no disk). The library's own cases (7 links
out of it, 8 odd names) are built by `tests/hostile/harness.build_tree`.

Run as a script to write the corpus to a folder: `python tests/hostile/corpus.py OUT_DIR`.
"""

from __future__ import annotations

import os
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

AR = "ب"


def _u(text: str) -> bytes:
    return text.encode("utf-8")


def _billion_laughs() -> bytes:
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines += ["title: ضحك", "---", "", "نص المقال."]
    return _u("\n".join(lines) + "\n")


def _huge_table(rows: int = 5000, cols: int = 12) -> bytes:
    head = "| " + " | ".join(f"عمود {c}" for c in range(cols)) + " |"
    rule = "|" + "---|" * cols
    body = "\n".join("| " + " | ".join(f"خلية {r}-{c}" for c in range(cols)) + " |" for r in range(rows))
    return _u(f"{head}\n{rule}\n{body}\n")


def _footnotes(n: int = 10_000) -> bytes:
    refs = " ".join(f"نص[^{i}]" for i in range(n))
    notes = "\n".join(f"[^{i}]: حاشية رقم {i}" for i in range(n))
    return _u(f"{refs}\n\n{notes}\n")


def _images_outside() -> bytes:
    targets = ["/etc/passwd", "~/.ssh/id_rsa", "../../home/secret.md", "file:///etc/hostname", "/dev/zero"]
    lines = [f"![صورة {i}]({t})" for i, t in enumerate(targets)]
    lines += [f'<img src="{t}">' for t in targets]
    lines += ["[رابط](file:///etc/passwd)", "![داخل](inside.png)", "[TOC]", "", "# عنوان", "", "نص."]
    return _u("\n\n".join(lines) + "\n")


def _png() -> bytes:
    """A valid 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0"))
        + chunk(b"IEND", b"")
    )


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _oversize(path: Path) -> None:
    with open(path, "wb") as sparse:
        sparse.truncate(60 * 1024 * 1024)  # over the 50 MB cap; a hole, no disk used


SPECIAL: dict[str, Callable[[Path], None]] = {"11-fifo": _fifo, "11-oversize-60mb": _oversize}

CASES: dict[str, Callable[[], bytes]] = {
    "01-letters-40k": lambda: _u("a" * 40_000),
    "01-letters-100k": lambda: _u("a" * 100_000),
    "01-arabic-letters-100k": lambda: _u(AR * 100_000),
    "01-email-like-100k": lambda: _u("a." * 50_000 + "@"),
    "02-brackets-50k": lambda: _u("[" * 50_000),
    "02-underscore-a-30k": lambda: _u("_a" * 30_000),
    "02-hashtag-1m": lambda: _u("#" + AR * 1_000_000),
    "02-stars-50k": lambda: _u("*a" * 50_000),
    "02-backticks-50k": lambda: _u("`a" * 50_000),
    "02-parens-link-50k": lambda: _u("[a](" * 25_000),
    "02-lt-50k": lambda: _u("<a " * 30_000),
    "03-nested-ul-10k": lambda: _u("<ul><li>" * 10_000 + "x"),
    "03-nested-div-10k": lambda: _u("<div>" * 10_000 + "x"),
    "04-indented-list-1000": lambda: _u("\n".join("    " * i + "- بند" for i in range(1000)) + "\n"),
    "04-dashes-10k": lambda: _u("- " * 10_000 + "x\n"),
    "04-numbered-10k": lambda: _u("1. " * 10_000 + "x\n"),
    "05-nested-table-3k": lambda: _u("<table><tr><td>" * 3000 + "x"),
    "05-nested-table-md-html-mix": lambda: _u(("<table><tr><td>\n\n" * 500) + "x\n"),
    "06-single-line-5mb": lambda: _u(("كلمة عربية word " * 330_000)[:5_000_000]),
    "06-single-word-5mb": lambda: _u(AR * 2_500_000),
    "yaml-billion-laughs": _billion_laughs,
    "yaml-deep-nesting": lambda: _u("---\nx: " + "[" * 10_000 + "]" * 10_000 + "\n---\n\nنص\n"),
    "deep-blockquote-10k": lambda: _u(">" * 10_000 + " نص\n"),
    "deep-blockquote-lines-2k": lambda: _u("\n".join(">" * i + " نص" for i in range(1, 2000)) + "\n"),
    "huge-table": _huge_table,
    "long-url-1m": lambda: _u("انظر https://example.com/" + "a" * 1_000_000 + " هنا\n"),
    "long-image-url": lambda: _u("![صورة](" + "a/" * 200_000 + "x.png)\n"),
    "zero-width-flood": lambda: _u("\u200b\u200c\u200d\ufeff" * 250_000),
    "bidi-control-flood": lambda: _u("\u202e\u2067\u202b\u200f\u061c" * 200_000),
    "nul-bytes": lambda: b"\x00" * 100_000 + _u("نص"),
    "nul-bytes-late": lambda: _u("نص عادي\n" * 2000) + b"\x00" * 1000,
    "invalid-utf8": lambda: b"\xff\xfe\xc3\x28\xa0\xa1" * 100_000,
    "invalid-utf8-mixed": lambda: _u("نص\n") + b"\xc3\x28\xe2\x82" * 50_000,
    "cr-only": lambda: _u("---\rtitle: سطر\r---\r\r" + "سطر عربي\r" * 50_000),
    "footnotes-10k": _footnotes,
    "headings-50k": lambda: _u("".join(f"# عنوان {i}\n" for i in range(50_000))),
    "toc-huge": lambda: _u("[TOC]\n\n" + "".join("## عنوان\n\nنص\n\n" for _ in range(5000))),
    "entities-flood": lambda: _u("&#1576;" * 200_000),
    "number-runs-flood": lambda: _u("بيت " + "03-73-" * 200_000 + "1"),
    "attr-list-flood": lambda: _u("نص {" * 100_000),
    "html-comment-open": lambda: _u("<!--" + " نص" * 300_000),
    "fences-unclosed-10k": lambda: _u("```\n" * 10_000),
    "09-images-outside": _images_outside,
    "ref-links-10k": lambda: _u(
        " ".join(f"[ن{i}][r{i}]" for i in range(10_000))
        + "\n\n"
        + "\n".join(f"[r{i}]: /a{i}" for i in range(10_000))
        + "\n"
    ),
}


ALL_CASES: list[str] = list(CASES) + list(SPECIAL)


def write_corpus(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Write the corpus (or the named cases) to `folder` as `<name>.md`; return the paths.

    `09-images-outside` gets its one inside image, `inside.png`, next to it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or ALL_CASES:
        path = folder / f"{name}.md"
        if name in SPECIAL:
            SPECIAL[name](path)
        else:
            path.write_bytes(CASES[name]())
        if name == "09-images-outside":
            (folder / "inside.png").write_bytes(_png())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_corpus(Path(sys.argv[1])):
        print(written)
