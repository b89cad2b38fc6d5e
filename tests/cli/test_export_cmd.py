"""`midad export`: formats, stdout vs -o, atomic output, clear errors that write nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.text.direction import LRM


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_html_to_stdout_is_the_default(capsys, seed_file: Path) -> None:
    code, out, err = run(capsys, "export", str(seed_file))
    assert code == 0 and err == ""
    assert out.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    assert "<h1" not in out.split("<body", 1)[1]
    assert out.count('<p dir="rtl">') >= 15 and '<p dir="ltr">' not in out
    for needle in ("“عبد اللطيف حموشي”", "03-73", "1373", "2178"):
        assert needle in out


def test_export_fragment_and_text(capsys, seed_file: Path) -> None:
    code, fragment, _ = run(capsys, "export", str(seed_file), "--to", "fragment")
    assert (
        code == 0 and fragment.startswith('<p dir="rtl"><span class="hashtag"') and "<style" not in fragment
    )
    code, text, _ = run(capsys, "export", str(seed_file), "--to", "text")
    assert code == 0 and text.startswith("#الرباط: تأكيد") and "<" not in text and LRM not in text


def test_export_to_file_writes_utf8_and_nothing_on_stdout(capsys, seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "page.html"
    target.parent.mkdir()
    code, out, err = run(capsys, "export", str(seed_file), "--to", "html", "-o", str(target))
    assert code == 0 and out == "" and err == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]  # no temp files left


def test_export_dash_output_means_stdout(capsys, seed_file: Path) -> None:
    code, out, _ = run(capsys, "export", str(seed_file), "--to", "text", "-o", "-")
    assert code == 0 and out.startswith("#الرباط")


def test_crlf_and_bom_article_exports_like_lf(capsys, tmp_path: Path, seed_text: str) -> None:
    lf = tmp_path / "lf.md"
    crlf = tmp_path / "crlf.md"
    lf.write_text(seed_text, encoding="utf-8", newline="\n")
    crlf.write_bytes(b"\xef\xbb\xbf" + seed_text.replace("\n", "\r\n").encode("utf-8"))
    _, out_lf, _ = run(capsys, "export", str(lf), "--to", "fragment")
    _, out_crlf, _ = run(capsys, "export", str(crlf), "--to", "fragment")
    assert out_crlf == out_lf


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.md", "missing.md"),
        (lambda d: d, "folder"),
        (lambda d: (d / "bin.md").write_bytes(b"\x00\x01\x02PNG\x00" * 50) and d / "bin.md", "binary"),
    ],
)
def test_bad_input_is_one_clear_line_and_writes_nothing(capsys, tmp_path: Path, make, message: str) -> None:
    source = make(tmp_path)
    target = tmp_path / "never.html"
    code, out, err = run(capsys, "export", str(source), "-o", str(target))
    assert code == 1 and out == ""
    assert err.startswith("midad: ") and message in err and err.count("\n") == 1
    assert not target.exists()


def test_refuses_to_overwrite_the_article(capsys, seed_file: Path) -> None:
    before = seed_file.read_bytes()
    code, _, err = run(capsys, "export", str(seed_file), "-o", str(seed_file))
    assert code == 1 and "overwrite" in err
    assert seed_file.read_bytes() == before


def test_unwritable_output_is_a_clear_error(capsys, seed_file: Path, tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "export", str(seed_file), "-o", str(tmp_path / "no" / "such" / "dir" / "x.html")
    )
    assert code == 1 and err.startswith("midad: ") and err.count("\n") == 1


def test_unknown_format_is_rejected_by_argparse(seed_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "editor.cli", "export", str(seed_file), "--to", "odt"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr and result.stdout == ""


def test_images_stay_reachable_when_exported_to_another_folder(capsys, tmp_path: Path) -> None:
    article_dir = tmp_path / "articles"
    (article_dir / "img").mkdir(parents=True)
    (article_dir / "img" / "الوفد.png").write_bytes(b"\x89PNG")
    source = article_dir / "a.md"
    source.write_text("![الوفد](img/الوفد.png) ![بعيد](https://x.example/a.png)\n", encoding="utf-8")
    target = tmp_path / "site" / "out.html"
    target.parent.mkdir()
    assert main(["export", str(source), "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    # the standalone page embeds images from the article's folder (it travels alone: issue 14)
    assert 'src="data:image/png;base64,iVBORw=="' in page
    assert "x.example/a.png" in page and 'src="https' not in page
    fragment = tmp_path / "site" / "out-fragment.html"
    assert main(["export", str(source), "--to", "fragment", "-o", str(fragment)]) == 0
    assert 'src="../articles/img/الوفد.png"' in fragment.read_text(encoding="utf-8")
    assert (fragment.parent / "../articles/img/الوفد.png").exists()
    # to stdout the page keeps the article-relative path
    main(["export", str(source), "--to", "fragment"])
    assert 'src="img/الوفد.png"' in capsys.readouterr().out
