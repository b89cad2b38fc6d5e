"""`midad show|set|new`: the headless commands over one article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from editor import __version__
from editor.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version():
    result = subprocess.run([sys.executable, "-m", "editor.cli", "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"midad {__version__}"


def test_show_seed_json(capsys, seed_file):
    code, out, err = run(capsys, "show", str(seed_file), "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert data["words"] == 437
    assert data["reading_minutes"] == 3
    assert data["title"].startswith("الرباط: تأكيد")
    assert data["path"] == str(seed_file)
    assert data["warnings"] == []
    assert data["tags"] == []


def test_show_human(capsys, seed_file):
    code, out, _ = run(capsys, "show", str(seed_file))
    assert code == 0
    assert "words: 437" in out.splitlines()


def test_show_reports_malformed_front_matter(capsys, tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: ok\nstatus: finished\ntags: أمن\n---\nنص من ثلاث كلمات\n", encoding="utf-8")
    code, out, _ = run(capsys, "show", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["words"] == 4
    assert any("line 3" in w and "status" in w for w in data["warnings"])
    assert any("line 4" in w and "tags" in w for w in data["warnings"])
    assert data["status"] == "finished" and data["title"] == "ok"


def test_show_with_custom_reading_rate(capsys, seed_file):
    _, out, _ = run(capsys, "show", str(seed_file), "--json", "--wpm", "100")
    assert json.loads(out)["reading_minutes"] == 5


def test_set_is_surgical(capsys, tmp_path):
    original = (
        "---\ntitle: 'خبر'  # عنوان\nstatus: draft\ntags: [أمن]\nx-custom: no\n---\nالنص\u00a0كما هو\r\n"
    )
    path = tmp_path / "a.md"
    path.write_bytes(original.encode())
    code, _, err = run(capsys, "set", str(path), "status=ready", "--add-tag", "الرباط", "--add-tag", "أَمن")
    assert (code, err) == (0, "")
    expected = original.replace("status: draft", "status: ready").replace(
        "tags: [أمن]", "tags: [أمن, الرباط]"
    )
    assert path.read_bytes() == expected.encode()


def test_set_remove_tag_ignores_tashkeel(capsys, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntags:\n  - الرباط\n  - أمن\n---\nx\n", encoding="utf-8")
    assert run(capsys, "set", str(path), "--remove-tag", "#الرِّباط")[0] == 0
    assert path.read_text(encoding="utf-8") == "---\ntags:\n  - أمن\n---\nx\n"


def test_set_on_file_without_front_matter_adds_it(capsys, seed_file, seed_text):
    assert run(capsys, "set", str(seed_file), "status=review", "title=لقاء أمني")[0] == 0
    assert seed_file.read_text(encoding="utf-8") == "---\nstatus: review\ntitle: لقاء أمني\n---\n" + seed_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status=finished"], "status must be one of"),
        (["date=12/05/2024"], "ISO 8601"),
        (["dir=up"], "dir must be"),
        (["novalue"], "not KEY=VALUE"),
        ([], "nothing to change"),
    ],
)
def test_set_errors_write_nothing(capsys, tmp_path, args, message):
    path = tmp_path / "a.md"
    data = b"---\ntitle: x\n---\nbody\n"
    path.write_bytes(data)
    code, out, err = run(capsys, "set", str(path), *args)
    assert code == 1
    assert message in err and err.startswith("midad: ") and err.count("\n") == 1
    assert path.read_bytes() == data


def test_set_refuses_malformed_yaml(capsys, tmp_path):
    path = tmp_path / "a.md"
    data = "---\ntitle: [broken\n---\nالنص\n".encode()
    path.write_bytes(data)
    code, _, err = run(capsys, "set", str(path), "status=ready")
    assert code == 1 and "front matter has an error" in err
    assert path.read_bytes() == data


def test_set_refuses_legacy_encoding(capsys, tmp_path):
    path = tmp_path / "old.md"
    data = "مقال قديم\n".encode("cp1256")
    path.write_bytes(data)
    code, _, err = run(capsys, "set", str(path), "status=ready")
    assert code == 1 and "Windows-1256" in err
    assert path.read_bytes() == data


def test_set_missing_and_binary_files(capsys, tmp_path):
    assert "does not exist" in run(capsys, "set", str(tmp_path / "nope.md"), "a=b")[2]
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01\x02")
    assert "binary" in run(capsys, "show", str(binary))[2]


def test_new_article(capsys, tmp_path):
    path = tmp_path / "2024" / "rabat"
    code, out, _ = run(
        capsys, "new", str(path), "--title", "لقاء أمني", "--author", "سلمى", "--location", "الرباط، المغرب",
        "--tag", "أمن", "--tag", "#الرباط", "--tag", "أَمن",
    )  # fmt: skip
    created = tmp_path / "2024" / "rabat.md"
    assert code == 0 and out.strip() == str(created)
    text = created.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: لقاء أمني\nauthor: سلمى\ndate: ")
    assert "location: الرباط، المغرب\ntags:\n  - أمن\n  - الرباط\nstatus: draft\nlang: ar\n---\n" in text
    _, shown, _ = run(capsys, "show", str(created), "--json")
    data = json.loads(shown)
    assert data["warnings"] == [] and data["tags"] == ["أمن", "الرباط"]


def test_new_refuses_existing_file(capsys, seed_file, seed_bytes):
    code, _, err = run(capsys, "new", str(seed_file), "--title", "x")
    assert code == 1 and "already exists" in err
    assert seed_file.read_bytes() == seed_bytes


@pytest.mark.parametrize("target", ["", ".", "/", "folder/"])
def test_new_refuses_folder_paths(capsys, tmp_path, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", target, "--title", "x")
    assert code == 1 and "is a folder" in err and err.count("\n") == 1
