"""Guards on the shape of the code base and its dependencies."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import editor.core

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_no_qt():
    modules = [f"editor.core.{m.name}" for m in pkgutil.iter_modules(editor.core.__path__)]
    assert modules, "no core modules found"
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "", f"editor.core imported Qt: {result.stdout}"


def test_cli_show_does_not_import_qt(seed_file):
    code = (
        "import sys\nfrom editor.cli import main\n"
        f"main(['show', {str(seed_file)!r}])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip().endswith("NOQT")


def test_resources_are_found():
    from editor.resources import resources_dir

    assert resources_dir().is_dir()
