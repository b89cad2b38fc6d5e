"""`python main.py [FILE]` opens Midad's writing window."""

import sys

from editor.app import run_gui

if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1:2]))
