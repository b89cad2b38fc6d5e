"""Front matter written by `midad new`/`set` reads back the same in PyYAML (YAML 1.1) and ruamel (YAML 1.2),
and other tools' formats (`+++` TOML, tags as one string) are edited without a second block."""

from __future__ import annotations

import io

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from editor.cli import main
from editor.core.article.frontmatter import format_scalar

TRICKY = [
    "081",
    "0612345678",
    "0o17",
    "1e3",
    "-.5",
    "+1",
    "0x1F",
    "1_000",
    ".nan",
    "12:30",
    "1:20:30",
    "yes",
    "no",
    "on",
    "Off",
    "null",
    "~",
    "true",
    "2024-05-12",
    "2024-05-12T09:30:00+01:00",
    "a: b",
    "key:value",
    "#وسم",
    "وسم #تعليق",
    "قال: «نعم»",
    "'مقتبس'",
    '"مقتبس"',
    "it's",
    "- بند",
    "[أ, ب]",
    "{a: 1}",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "@user",
    "`code`",
    "| literal",
    "> folded",
    "?",
    "-",
    "القانون رقم 03-73",
    " leading space",
    "trailing space ",
    "tab\there",
    "سطر\nسطر آخر",
    "back\\slash",
    "\u200fرمز",
    "emoji 📰",
]


def _yaml12(text: str) -> dict:
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    return reader.load(io.StringIO(text))


def _block(path) -> str:
    return path.read_text(encoding="utf-8").split("---\n")[1]


def _as_text(value: object) -> object:
    """What a reader gives for a date-like value, as text (readers type dates; that is expected)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_tricky_values_written_by_midad_read_back_the_same_in_yaml_1_1_and_1_2(tmp_path, capsys) -> None:
    path = tmp_path / "a.md"
    assert main(["new", str(path), "--title", "081", "--tag", "0o17", "--tag", "أمن"]) == 0
    keys = {f"k{i}": value for i, value in enumerate(TRICKY)}
    for key, value in keys.items():
        assert main(["set", str(path), f"{key}={value}"]) == 0, value
    assert main(["set", str(path), "summary=سطر أول: مهم\nسطر ثان #وسم", "date=2024-05-12"]) == 0
    capsys.readouterr()
    block = _block(path)
    for reader in (yaml.safe_load, _yaml12):
        data = reader(block)
        assert data["title"] == "081"
        assert data["tags"] == ["0o17", "أمن"]
        assert data["summary"] == "سطر أول: مهم\nسطر ثان #وسم"
        assert _as_text(data["date"]) == "2024-05-12"
        for key, value in keys.items():
            assert data[key] == value, (reader, key, value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="0123456789oxXbeEnaifNIF+-._:~#' \"abنص", min_size=1, max_size=8))
def test_a_plain_scalar_is_only_written_when_both_yaml_versions_read_it_as_that_string(value: str) -> None:
    written = format_scalar(value, "k")
    if written[:1] in ("'", '"'):
        return
    block = f"k: {written}\n"
    assert yaml.safe_load(block)["k"] == value
    assert _yaml12(block)["k"] == value


def test_set_split_tags(tmp_path, capsys) -> None:
    path = tmp_path / "o.md"
    path.write_text("---\ntags: أمن, الرباط  # أوبسيديان\n---\nنص\n", encoding="utf-8")
    assert main(["set", str(path), "--add-tag", "وسم"]) == 1
    assert "--split-tags" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").startswith("---\ntags: أمن, الرباط  # أوبسيديان\n")
    assert main(["set", str(path), "--add-tag", "وسم", "--split-tags"]) == 0
    assert path.read_text(encoding="utf-8") == "---\ntags: [أمن, الرباط, وسم]  # أوبسيديان\n---\nنص\n"


def test_set_on_toml_front_matter_edits_it_in_place(tmp_path, capsys) -> None:
    path = tmp_path / "t.md"
    path.write_text('+++\ntitle = "x"\n+++\nbody\n', encoding="utf-8")
    assert main(["set", str(path), "status=ready"]) == 0
    assert path.read_text(encoding="utf-8") == '+++\ntitle = "x"\nstatus = "ready"\n+++\nbody\n'
    assert main(["show", str(path), "--json"]) == 0
    assert '"title": "x"' in capsys.readouterr().out


@pytest.mark.parametrize(("title", "lang"), [("The budget vote", None), ("تصويت الميزانية", "ar")])
def test_new_article_final_newline_and_lang(tmp_path, capsys, title: str, lang: str | None) -> None:
    path = tmp_path / "n.md"
    assert main(["new", str(path), "--title", title]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert yaml.safe_load(text.split("---\n")[1]).get("lang") == lang
