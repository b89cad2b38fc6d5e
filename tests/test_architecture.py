"""Guards on the shape of the code base and its dependencies.

The core is grouped into rooms (sub-packages of `editor.core`); a room may import only the rooms listed
for it in `ALLOWED` (and itself). `docs/rooms.md` explains the map to a newcomer.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import editor.core

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "editor" / "core"
UI = ROOT / "editor" / "ui"

# room -> the other rooms of the core it may import. `text` is the floor every room stands on.
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "system": set(),
    "article": {"text"},
    "markdown": {"text", "article"},
    "library": {"text", "article", "markdown", "recovery", "system"},
    "recovery": {"text", "article"},
    "copydesk": {"text", "article", "markdown"},
    "convert": {"text", "article", "markdown"},
}
MAX_LINES = 400


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(editor.core.__path__, prefix="editor.core.")]
    return sorted(names)


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every absolute module name a file imports (relative imports resolved against its package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def room_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] != ["editor", "core"] or len(parts) < 3:
        return None
    return parts[2]


def test_core_is_grouped_into_rooms_with_no_loose_modules():
    loose = sorted(p.name for p in CORE.glob("*.py") if p.name != "__init__.py")
    assert loose == []
    rooms = sorted(p.name for p in CORE.iterdir() if (p / "__init__.py").is_file())
    assert set(rooms) <= set(ALLOWED), f"a new room needs its place in ALLOWED: {rooms}"
    assert len(rooms) >= 4


def test_ui_is_grouped_into_rooms_with_no_loose_modules():
    loose = sorted(p.name for p in UI.glob("*.py") if p.name != "__init__.py")
    assert loose == []
    assert len([p for p in UI.iterdir() if (p / "__init__.py").is_file()]) >= 4


def test_walk_finds_modules_in_every_room():
    modules = core_modules()
    rooms = {room_of(m) for m in modules}
    assert {"text", "article", "markdown", "library"} <= rooms
    assert "editor.core.library.index" in modules
    assert "editor.core.text.direction" in modules


def test_core_imports_no_qt():
    modules = core_modules()
    assert len(modules) > 25, modules
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


def direction_violations(root: Path) -> list[str]:
    """Imports in `root/editor/core` that run upward or sideways against `ALLOWED`."""
    core = root / "editor" / "core"
    wrong = []
    for path in sorted(core.rglob("*.py")):
        parts = path.relative_to(core).parts
        own = parts[0] if len(parts) > 1 else None
        for module in imported_modules(path, root):
            if module.startswith(("editor.ui", "editor.commands", "editor.cli", "editor.app", "PySide6")):
                wrong.append(f"{path.relative_to(root)} imports {module}")
                continue
            target = room_of(module)
            if target is None or own is None or target == own:
                continue
            if target not in ALLOWED.get(own, set()):
                wrong.append(f"{path.relative_to(root)} ({own}) imports {module} ({target})")
    return wrong


def test_rooms_import_only_downward():
    wrong = direction_violations(ROOT)
    assert not wrong, "\n".join(wrong)


def test_the_direction_check_sees_wrong_imports(tmp_path):
    # The checker must notice what it guards against, or the test above could never fail.
    text = tmp_path / "editor" / "core" / "text"
    text.mkdir(parents=True)
    (text / "probe.py").write_text("from editor.core.library.tags import tag_key\n", encoding="utf-8")
    (text / "relative.py").write_text("from ..markdown import render\n", encoding="utf-8")
    (text / "qt.py").write_text("from PySide6.QtCore import Qt\n", encoding="utf-8")
    (text / "fine.py").write_text(
        "from editor.core.text import arabic\nfrom . import direction\n", encoding="utf-8"
    )
    wrong = direction_violations(tmp_path)
    files = {w.split(" ")[0].rsplit("/", 1)[-1] for w in wrong}
    assert files == {"probe.py", "relative.py", "qt.py"}, wrong


def test_no_module_over_the_line_limit():
    long = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in sorted((ROOT / "editor").rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, long


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
