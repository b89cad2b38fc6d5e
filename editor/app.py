"""Start Midad's GUI: the QApplication, its names, translations and layout direction, then the window."""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from editor import __version__
from editor.resources import resource_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QLocale, QTranslator

    from editor.ui.common.settings import Settings

# (Qt's namespace and QLocale are imported where they are used: PySide builds the Python enums of the
# whole Qt namespace, ~115 of them, on its first use; the GUI start does that after the window's map.)

APP_NAME = "Midad"


def ui_language(choice: str, locale: QLocale | None = None) -> str:
    """`ar` or `en`: the preference if set, else Arabic when the system locale is Arabic."""
    if choice in ("ar", "en"):
        return choice
    from PySide6.QtCore import QLocale

    locale = locale or QLocale.system()
    return "ar" if locale.language() == QLocale.Language.Arabic else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Install Midad's and Qt's own (`qtbase_xx`) translations for `language`; mirror the layout for Arabic."""
    from PySide6.QtCore import QLibraryInfo, Qt, QTranslator

    translators: list[QTranslator] = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"qtbase_{language}", qt_dir),
            (f"midad_{language}", str(resource_path("translations"))),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                translators.append(translator)
    direction = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    return translators


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Midad's names (reused if one exists, as in tests); Python's garbage
    collector then runs on its thread only (`editor.ui.common.garbage`)."""
    from editor.ui.common.garbage import collect_on_gui_thread

    without_x11_shared_memory()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    collect_on_gui_thread(app)  # Qt objects in garbage cycles die on the GUI thread, between events
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("مِداد Midad")
    icon = resource_path("icons", "midad.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def without_x11_shared_memory() -> None:
    """On X11, send repaints to the X server over the socket, not through shared memory (issue 13).

    With shared memory, Qt's backing store waits for a round trip to the X server before painting
    over a region it sent in the previous frame (`QXcbBackingStoreImage::preparePaint` calls
    `connection()->sync()`), and every keystroke repaints its paragraph: each key waited for the
    server (typing benchmark under Xvfb, load 4.7: key delivered → paint starts p99 50.7 ms, 12 of
    600 keys held 100-170 ms; without: 6.8 ms, none). The cost is a copy through the socket:
    ~1.7 ms more X server CPU per whole-window repaint (1400×900), rare next to keystrokes. Read
    when Qt opens its connection, so before the QApplication; `MIDAD_X11_SHM=1` keeps Qt's
    default, and a value the user set stays (Qt only asks whether the variable is set).
    """
    if os.environ.get("MIDAD_X11_SHM") != "1":
        os.environ.setdefault("QT_XCB_NO_MITSHM", "1")


def close_on_interrupt(window: QWidget) -> QTimer:
    """Ctrl+C in the terminal closes the window like its close button (asking to save first).

    Qt's event loop keeps Python from seeing signals; a short idle timer lets it look.
    """
    signal.signal(signal.SIGINT, lambda *_args: window.close())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(300)
    return timer


def _release_renderers() -> None:
    from editor.ui.copydesk.desk import CopyDesk
    from editor.ui.preview.pane import PreviewRenderer

    PreviewRenderer.start_held = CopyDesk.start_held = False
    for widget in QApplication.topLevelWidgets():
        for name, kind in (("renderer", PreviewRenderer), ("copydesk", CopyDesk)):
            held = getattr(widget, name, None)
            if isinstance(held, kind):
                held.release()


def _stop_workers() -> None:
    """When the event loop ends: stop the worker processes now, so Python's exit never waits for them."""
    from editor.ui.copydesk import worker
    from editor.ui.preview import pause_work

    pause_work.stop_now()
    worker.stop_now()


def _start_library(window) -> None:  # noqa: ANN001 - MainWindow
    from editor.ui.library.sidebar import LibrarySidebar

    window.library_sidebar = LibrarySidebar(window)


def _complete_window(window, files: list[str], shown) -> None:  # noqa: ANN001 - MainWindow, ShownArticle
    """Right after the first frame: the window's working parts, then its article as an open does."""
    from editor.ui.preview.pane import PreviewRenderer
    from editor.ui.window.startup import start_recovery

    # the preview's worker process starts after the first frame, not before it (the copy desk,
    # built after that frame, starts its own then)
    PreviewRenderer.start_held = True
    window.build_parts()
    if shown is not None:
        window.files.adopt(shown)  # the article the first frame showed, and anything typed since
    elif not (files and window.open_file(files[0])):
        window.files.new()  # the new-article template only when no file is opened
    start_recovery(window)  # SIGTERM/SIGHUP journal and quit; SIGINT closes; offer crashed text


GIL_SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
# Python's default (700, 10, 10) runs a young collection every 700 new objects; the library's
# indexing allocates millions. Fewer young collections, each still short (the middle generation
# collects up to 2000 × 5 objects: ≤ 5 ms CPU measured; 5000 × 20 took up to 19 ms), and a full
# collection only after 100 middle ones (with 20 it came twice while a 20,000-article library was
# indexed, 22–27 ms each, holding the GIL); see docs/editor.md.
GC_THRESHOLDS = (2000, 5, 100)


def keep_typing_responsive() -> None:
    """Let the GUI thread take Python's lock back within 0.5 ms (Python's default: 5 ms), repaint
    at the next turn of the event loop, and collect garbage in fewer, shorter passes.

    Background threads of the window (the library index update, searches, journal writes) run
    Python code; a keystroke enters Python several times (key handler, highlighter, paint), and
    each time waited up to the switch interval for a busy thread to let go.
    """
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    # Where Qt paces repaints with its default update timer (5 ms; offscreen and other platforms
    # without their own frame pacing, not xcb), each keystroke's repaint waited for it (offscreen:
    # key delivered → paint 7.6 → 4.1 ms median). 0 = the next turn of the event loop; updates within
    # one turn are still painted together. Read by Qt at the first repaint, so this runs before the
    # window is shown; a value set by the user stays.
    os.environ.setdefault("QT_QPA_UPDATE_IDLE_TIME", "0")
    import gc

    gc.set_threshold(*GC_THRESHOLDS)


def settle_garbage_collector() -> None:
    """After start-up: keep the objects alive now (modules, classes, the window's widgets) out of
    every later collection (`gc.freeze`), so a full collection — which holds the GIL in whatever
    thread triggers it, the library's indexing thread included — scans only what came later."""
    import gc

    gc.freeze()


def map_then_translate(app: QApplication, settings: Settings) -> Callable[[QWidget], None]:
    """The GUI start's first step on the bare window (`MainWindow`'s `before_building`): show it and
    send its map request (`early_map.map_window_first`), then install the translations and the
    layout direction, before anything with a text or a side is built in the window."""

    def before_building(window: QWidget) -> None:
        from editor.ui.window.early_map import map_window_first

        map_window_first(window)  # type: ignore[arg-type]
        app._midad_translators = install_translations(app, ui_language(settings.language()))  # type: ignore[attr-defined]

    return before_building


def run_gui(files: list[str]) -> int:
    """Open the writing window (with `files[0]` if given) and run the event loop.

    When Qt cannot open a window here (no display, a missing system library), one line says what
    is missing and how to install it, and the exit status is 1 (Qt itself would abort).
    """
    from editor.startup.qt_platform import FatalMessageGuard, startup_problem

    problem = startup_problem()
    if problem is not None:
        print(f"midad: {problem}", file=sys.stderr)
        return 1
    with FatalMessageGuard():
        app = create_app()
    keep_typing_responsive()
    from editor.ui.common.settings import Settings
    from editor.ui.window.main_window import MainWindow

    settings = Settings()
    # The first frame is the window's outline with the article in the editor; everything else (the
    # document and file commands, preview, menu entries, find bar, copy desk, library…) is built
    # right after it (`editor.ui.window.shell`, `parts`, `late_parts`). The bare window is shown and
    # its map request sent to the X server before the translations, that outline and the article
    # (`map_then_translate`); no event is processed until the article is in, so its first paint has it.
    window = MainWindow(settings, first_frame_only=True, before_building=map_then_translate(app, settings))
    from editor.ui.window.shell import show_window_first

    shown = show_window_first(window, files[0] if files else None)
    from editor.ui.window.first_frame import FirstFrame

    window.first_frame = FirstFrame(window.editor, window)  # type: ignore[attr-defined]
    app.aboutToQuit.connect(_stop_workers)
    window.first_frame.add(lambda: _complete_window(window, files, shown))  # type: ignore[attr-defined]
    window.first_frame.add(window.finish_building)  # type: ignore[attr-defined]
    window.first_frame.add(_release_renderers)  # type: ignore[attr-defined]
    window.first_frame.add(lambda: _start_library(window))  # type: ignore[attr-defined]
    window.first_frame.add(settle_garbage_collector)  # type: ignore[attr-defined]
    return app.exec()
