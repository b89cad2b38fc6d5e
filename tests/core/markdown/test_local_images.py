"""Exports keep images inside the article's folder (issue 14, case 9)."""

from __future__ import annotations

import base64
from pathlib import Path

from editor.core.article.model import Article
from editor.core.markdown.local_images import contain_images
from editor.core.markdown.page import export_fragment, export_html, preview_html

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    article_dir = tmp_path / "article"
    (article_dir / "img").mkdir(parents=True)
    (article_dir / "img" / "in.png").write_bytes(PNG)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "s.png").write_bytes(PNG)
    (article_dir / "img" / "link-out.png").symlink_to(secret / "s.png")
    return article_dir, secret


BODY = "# صور\n\n" + (
    "![داخل](img/in.png) ![مطلق](/etc/passwd) ![منزل](~/.ssh/id_rsa) "
    "![خارج](../secret/s.png) ![رابط](img/link-out.png) ![غائب](img/missing.png)\n"
)


def test_the_page_embeds_inside_images_and_names_no_outside_path(tmp_path: Path) -> None:
    article_dir, secret = _folders(tmp_path)
    page = export_html(Article.from_text(BODY), article_dir)
    assert f"data:image/png;base64,{base64.b64encode(PNG).decode()}" in page
    for leaked in ("/etc/passwd", ".ssh", "secret", "link-out", "missing.png", str(tmp_path)):
        assert leaked not in page, leaked
    assert page.count('class="missing-image"') == 5
    assert "[مطلق]" in page and "[خارج]" in page


def test_the_fragment_and_preview_keep_relative_inside_paths_only(tmp_path: Path) -> None:
    article_dir, _secret = _folders(tmp_path)
    for output in (
        export_fragment(Article.from_text(BODY), article_dir),
        preview_html(Article.from_text(BODY), article_dir),
    ):
        assert 'src="img/in.png"' in output
        for leaked in ("/etc/passwd", ".ssh", "secret", "link-out"):
            assert leaked not in output, leaked


def test_without_a_folder_every_local_image_is_a_placeholder() -> None:
    out = contain_images('<p><img alt="x" src="a.png"><img src="/etc/passwd"></p>', None, embed=True)
    assert "<img" not in out and out.count("missing-image") == 2


def test_a_path_no_file_can_have_is_a_placeholder_at_once(tmp_path: Path) -> None:
    # 200,000 components (hostile corpus `long-image-url`): no resolving, no raw relative name that
    # Qt would try in the current folder
    import time

    article_dir, _secret = _folders(tmp_path)
    for src in ("a/" * 200_000 + "x.png", "b" * 300 + ".png", "img/" + "c" * 256 + ".png"):
        start = time.perf_counter()
        out = contain_images(f'<p><img alt="x" src="{src}"></p>', article_dir, embed=False)
        assert time.perf_counter() - start < 0.5
        assert "<img" not in out and "missing-image" in out
    longest = "img/" + "d" * 251 + ".png"  # a name of 255 characters is still a name
    assert "<img" in contain_images(f'<p><img src="{longest}"></p>', article_dir, embed=False)
