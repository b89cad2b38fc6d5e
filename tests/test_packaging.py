"""The wheel carries the package, its resources and the `midad` entry point; dependencies avoid broken pairs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_pyside_dependency_excludes_the_leaking_pair():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pyside = [d for d in deps if d.startswith("PySide6")]
    assert any("!=6.12.0" in d and "python_version < '3.12'" in d for d in pyside)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("midad-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_ships_resources(wheel):
    names = set(wheel.namelist())
    in_repo = [
        p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()
    ]
    assert in_repo
    missing = [n for n in in_repo if f"editor/resources/{n}" not in names]
    assert not missing, f"resources missing from the wheel: {missing}"
    assert "editor/core/article/model.py" in names


def test_wheel_declares_midad_command(wheel):
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "midad = editor.cli:main" in wheel.read(entry_points).decode()
