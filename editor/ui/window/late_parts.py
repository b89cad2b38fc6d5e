"""The parts of the writing window that its first frame does not show.

The find bar (hidden until Ctrl+F), the Outline and Copy desk tabs, the word-count goal, the
export/import/print menu entries, *Edit Front Matter as Text…* and the copy desk are built here.
At the GUI start they are built right after the first frame (`editor.app` queues
`MainWindow.finish_building` on `FirstFrame`), so their modules are not even imported before the
article is on screen; everywhere else (tests, a second window) `MainWindow()` builds them at once,
in the same order as always, before an article is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.ui.article.front_matter_dialog import install_front_matter_tools
from editor.ui.common.i18n import isolate_menu_shortcuts
from editor.ui.copydesk.desk import CopyDesk
from editor.ui.editor.find_replace import FindReplaceBar
from editor.ui.export.wiring import install_convert
from editor.ui.outline.panel import install_outline
from editor.ui.window.find_wiring import install_find_in_library
from editor.ui.window.writing_goal import install_writing_goal

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


class LateParts:
    """Builds the late parts of `window`; sets `window.find_bar`, `outline`, `copydesk`, `exporter`…"""

    def __init__(self, window: MainWindow) -> None:
        window.find_bar = FindReplaceBar(window.editor, window)
        window.editor_column.addWidget(window.find_bar)
        install_outline(window), install_writing_goal(window)  # the writer's desk
        install_find_in_library(window)
        install_front_matter_tools(window), isolate_menu_shortcuts(window)  # issue 12
        window.copydesk = CopyDesk(window)
        install_convert(window)  # import, export, print, copy for CMS, paste as plain text
        # An article opened before the desk existed is checked at the document's next pause: loading
        # it started the pause timer (PAUSE_MS), which runs out after the first frame.
