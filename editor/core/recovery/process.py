"""Who wrote a journal entry or holds a lock: pid, host, and whether that process still runs.

A pid is recycled by the system, so the process's start time (Linux: `/proc/PID/stat`, field 22) is
recorded with it where available: a live pid with another start time is another program.
"""

from __future__ import annotations

import os


def host_name() -> str:
    """This machine's name."""
    if hasattr(os, "uname"):
        return os.uname().nodename  # what gethostname() reads, without importing socket at start-up
    import socket

    return socket.gethostname()


def process_start(pid: int) -> str:
    """An opaque start-time id of `pid` ("" where the system does not tell or the pid is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def pid_alive(pid: int) -> bool:
    """True when a process with this pid exists on this machine."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    except OSError:
        return False
    return True


def owner_alive(pid: int, host: str, start: str = "") -> bool:
    """True when the recorded owner may still be running (another host always counts as running)."""
    if host != host_name():
        return True
    if not pid_alive(pid):
        return False
    if start:
        current = process_start(pid)
        return not current or current == start
    return True


def me() -> dict:
    """This process as recorded in journal entries and locks."""
    pid = os.getpid()
    return {"pid": pid, "host": host_name(), "start": process_start(pid)}
