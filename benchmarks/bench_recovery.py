"""Cost of never losing a word: journal writes, checked saves, and typing while the journal writes.

Run by hand (not a test):  QT_QPA_PLATFORM=offscreen python benchmarks/bench_recovery.py
Prints median and worst (ms) of
- a journal write (whole article as JSON, temp file + fsync + rename + folder fsync),
- a checked save (temp + fsync + read back + folder lock + hash compare + rename + folder fsync + read back)
  against a plain write (open, write, close) of the same bytes,
for a 10 KB and a 1 MB article; then keystroke latency (median and p99) in a 1 MB article with the
journal writing every 50 ms in the background, against the same with the journal switched off.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"


def article_of_size(size: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    text = seed
    while len(text.encode()) < size:
        text += "\n\n" + seed
    return text.encode()[:size].decode("utf-8", "ignore")


def timed(function, runs: int) -> list[float]:  # noqa: ANN001
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def show(label: str, samples: list[float]) -> None:
    print(f"  {label:<34} median {statistics.median(samples):8.2f} ms   worst {max(samples):8.2f} ms")


def bench_files(folder: Path) -> None:
    from editor.core.article.storage import atomic_write_bytes, content_digest
    from editor.core.recovery.journal import Journal, JournalEntry, new_entry_id

    journal = Journal(folder / "journal")
    for size, runs in ((10_000, 60), (1_000_000, 20)):
        text = article_of_size(size)
        data = text.encode()
        print(f"{size // 1000} KB article:")
        entry = JournalEntry(id=new_entry_id(), text=text, base_path=str(folder / "a.md"))
        show("journal write", timed(lambda entry=entry: journal.write(entry), runs))
        target = folder / f"a{size}.md"
        target.write_bytes(data)

        def checked(target=target, data=data) -> None:  # noqa: ANN001
            atomic_write_bytes(target, data, expected=content_digest(target.read_bytes()))

        show("checked save (incl. hash of old)", timed(checked, runs))
        plain = folder / f"plain{size}.md"

        def plain_write(plain=plain, data=data) -> None:  # noqa: ANN001
            with open(plain, "wb") as handle:
                handle.write(data)

        show("plain write (no fsync)", timed(plain_write, runs))


def bench_typing(folder: Path, keys: int = 300) -> None:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent, QTextCursor

    from editor.app import create_app
    from editor.ui.common.settings import Settings
    from editor.ui.window.main_window import MainWindow

    app = create_app()
    path = folder / "big.md"
    path.write_text(article_of_size(1_000_000), "utf-8")
    print("typing in a 1 MB article (ms per keystroke, key press to repaint):")
    for label, journal_on in (("journal off", False), ("journal writing every 50 ms", True)):
        window = MainWindow(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
        window.show()
        window.open_file(str(path))
        keeper = window.recovery.keeper
        if journal_on:
            keeper._pause.setInterval(50)  # noqa: SLF001 - write far more often than in use
            keeper._max.setInterval(50)  # noqa: SLF001
        else:
            keeper._pause.setInterval(10**8)  # noqa: SLF001
            keeper._max.setInterval(10**8)  # noqa: SLF001
        editor = window.editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        app.processEvents()
        samples = []
        for _i in range(keys):
            start = time.perf_counter()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(
                    editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "ب")
                )
            editor.viewport().repaint()
            app.processEvents()
            samples.append((time.perf_counter() - start) * 1000)
            time.sleep(0.02)  # a fast typist: 50 keys a second, so the timers fire between keys
            app.processEvents()
        samples.sort()
        p99 = samples[int(len(samples) * 0.99) - 1]
        print(f"  {label:<34} median {statistics.median(samples):8.2f} ms   p99 {p99:8.2f} ms")
        window.document.editor.document().setModified(False)
        window.close()


def main() -> None:
    print(f"load: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["MIDAD_DATA_DIR"] = str(folder / "data")
        bench_files(folder)
        bench_typing(folder)


if __name__ == "__main__":
    main()
