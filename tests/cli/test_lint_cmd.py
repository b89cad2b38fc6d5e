"""`midad lint` on the real seed article: the done-when of the copy desk."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editor.cli import main

LRM = "\u200e"


def lint_json(path: Path, capsys, *extra: str) -> tuple[int, list[dict]]:
    code = main(["lint", str(path), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w\u064b-\u065f]+", text)


def test_seed_findings(seed_file: Path, capsys) -> None:
    code, findings = lint_json(seed_file, capsys)
    assert code == 0
    by_rule: dict[str, list[dict]] = {}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f)
    lines = seed_file.read_text(encoding="utf-8").split("\n")

    def at(f: dict) -> str:
        return lines[f["line"] - 1][f["column"] - 1 : f["column"] - 1 + f["length"]]

    inverted = [f for f in by_rule["quotes"] if f["message"].startswith("Inverted")]
    assert {(f["line"], f["fixes"][0]) for f in inverted} >= {(1, "«"), (9, "«")}  # ”الإمارات” and ل”دولة
    assert any(at(f) == "،" and f["line"] == 21 and f["fixes"] == ["، "] for f in by_rule["punct-space"])
    assert [at(f) for f in by_rule["number-order"]] == ["03-73"]
    assert len(by_rule["odd-spaces"]) == 3
    assert [at(f) for f in by_rule["boilerplate"]] == ["اترك رد", "لن يتم نشر عنوان بريدك الإلكتروني."]
    hamza = {at(f): f for f in by_rule["hamza"]}
    assert hamza["الامني"]["fixes"][0] == "الأمني" and hamza["ايضا"]["fixes"][0] == "أيضا"
    assert all(f["severity"] == "suggestion" for f in by_rule["hamza"])
    assert all(f["message_ar"] for f in findings)


def test_seed_fix_then_nothing_auto_left(seed_file: Path, capsys) -> None:
    before = seed_file.read_text(encoding="utf-8")
    assert main(["lint", str(seed_file), "--fix", "--no-spelling"]) == 0
    out = capsys.readouterr().out
    assert "fixes applied" in out and "[number-order]" in out
    after = seed_file.read_text(encoding="utf-8")
    assert "«الإمارات»" in after and "المباحثات، حسب" in after and f"«{LRM}03-73»" in after
    assert "\u00a0" not in after and "“" not in after and "”" not in after
    assert _words(after.replace(LRM, "")) == _words(before)  # the words are unchanged
    assert "ايضا" in after and "اترك رد" in after  # suggestions and boilerplate are never auto-applied
    code, findings = lint_json(seed_file, capsys, "--no-spelling")
    assert code == 0 and not [f for f in findings if f["auto"]]
    assert main(["lint", str(seed_file), "--fix", "--no-spelling"]) == 0
    assert "nothing to fix" in capsys.readouterr().out
    assert seed_file.read_text(encoding="utf-8") == after


def test_text_output_and_rules_filter(seed_file: Path, capsys) -> None:
    assert main(["lint", str(seed_file), "--rules", "punct-space,7"]) == 0
    out = capsys.readouterr().out.strip().split("\n")
    assert len(out) == 2 and "[number-order]" in out[0] and "[punct-space]" in out[1]
    assert out[1].startswith(f"{seed_file}:21:20: warning")


def test_errors_give_exit_status_1_until_fixed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.md"
    path.write_text("# عنوان\n\nنص\u202eمخفي #وسم\n", encoding="utf-8")
    assert main(["lint", str(path), "--no-spelling"]) == 1
    assert "[invisible]" in capsys.readouterr().out
    assert main(["lint", str(path), "--fix", "--no-spelling"]) == 0
    assert path.read_text(encoding="utf-8") == "# عنوان\n\nنصمخفي #وسم\n"


def test_bad_input_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["lint", str(tmp_path / "missing.md")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
    path = tmp_path / "a.md"
    path.write_text("نص", encoding="utf-8")
    assert main(["lint", str(path), "--rules", "nope"]) == 1
    assert "unknown rule nope" in capsys.readouterr().err
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["lint", str(path)]) == 1
    assert capsys.readouterr().err.startswith("midad: ")


def test_fix_keeps_encoding_and_bom(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\xff\xfe" + "# ع\n\nالرباط, المغرب #و\n".encode("utf-16-le"))
    assert main(["lint", str(path), "--fix", "--no-spelling"]) == 0
    data = path.read_bytes()
    assert data.startswith(b"\xff\xfe") and data[2:].decode("utf-16-le") == "# ع\n\nالرباط، المغرب #و\n"


def test_house_style_file_is_used(tmp_path: Path, capsys) -> None:
    (tmp_path / ".midad").mkdir()
    (tmp_path / ".midad" / "house-style.json").write_text('{"quotes": "“”"}', encoding="utf-8")
    path = tmp_path / "a.md"
    path.write_text("# ع\n\nقال «نعم» #و\n", encoding="utf-8")
    code, findings = lint_json(path, capsys, "--rules", "quotes")
    assert [f["fixes"] for f in findings] == [["“"], ["”"]]


@pytest.mark.parametrize("content", ["", "\n\n", "---\n---\n"])
def test_empty_files(tmp_path: Path, capsys, content: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(content, encoding="utf-8")
    assert main(["lint", str(path), "--no-spelling"]) == 0


def test_fix_of_a_legacy_file_says_it_becomes_utf8(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("# ع\n\nالرباط, المغرب #و\n".encode("cp1256"))
    assert main(["lint", str(path), "--fix", "--no-spelling"]) == 0
    assert "UTF-8" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "# ع\n\nالرباط، المغرب #و\n"


def test_read_only_file_is_not_fixed(tmp_path: Path, capsys) -> None:
    import os

    path = tmp_path / "a.md"
    path.write_text("# ع\n\nالرباط, المغرب #و\n", encoding="utf-8")
    os.chmod(path, 0o444)
    code = main(["lint", str(path), "--fix", "--no-spelling"])
    err = capsys.readouterr().err
    assert code == 1 and "read-only" in err and err.count("\n") == 1  # (even as root)
    assert path.read_text(encoding="utf-8") == "# ع\n\nالرباط, المغرب #و\n"
