"""Refresh `midad_ar.ts` from the `tr("…")` strings in editor/ui and compile it to `midad_ar.qm`.

Existing translations are kept; new strings are added as unfinished for a translator (Qt Linguist
opens the .ts file); strings no longer used are marked obsolete. Run from the repository root:

    python resources/translations/update_translations.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONTEXT = "Midad"
# UI strings (`tr("…")` in editor/ui) and the core's user-facing sentences (`msg("…", …)` in editor/core)
LITERAL_RE = re.compile(r"\b(?:tr|msg)\(\s*\"((?:[^\"\\]|\\.)*)\"\s*[,)]")


def ui_strings() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "editor").rglob("*.py")):
        for match in LITERAL_RE.finditer(path.read_text(encoding="utf-8")):
            text = match.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            if text not in found:
                found.append(text)
    if "Midad" not in found:
        found.append("Midad")
    return found


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    done = {}
    for message in ET.parse(path).iter("message"):
        translation = message.find("translation")
        if (
            translation is not None
            and translation.text
            and translation.get("type") not in ("unfinished", "obsolete")
        ):
            done[message.findtext("source") or ""] = translation.text
    return done


def write_ts(path: Path, language: str, translations: dict[str, str], strings: list[str]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for text in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if translations.get(text):
            translation.text = translations[text]
        else:
            translation.set("type", "unfinished")
    for text, value in translations.items():
        if text not in strings:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", type="obsolete").text = value
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def lrelease() -> str | None:
    for candidate in (
        Path(sys.executable).parent / "pyside6-lrelease",
        shutil.which("pyside6-lrelease"),
        shutil.which("lrelease"),
    ):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def main() -> int:
    strings = ui_strings()
    ts = HERE / "midad_ar.ts"
    translations = read_ts(ts)
    write_ts(ts, "ar", translations, strings)
    missing = [s for s in strings if not translations.get(s)]
    tool = lrelease()
    if tool is None:
        print("pyside6-lrelease not found: midad_ar.qm not rebuilt", file=sys.stderr)
        return 1
    subprocess.run([tool, str(ts), "-qm", str(HERE / "midad_ar.qm")], check=True)
    print(f"{len(strings)} strings, {len(missing)} untranslated" + (f": {missing}" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
