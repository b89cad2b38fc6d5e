"""Locks between processes: exclusive, who holds it, a dead holder's lock taken over."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from editor.core.recovery.locks import LockHeld, PidLock


def test_second_process_is_told_who_holds_the_lock(tmp_path):
    path = tmp_path / "lib.lock"
    lock = PidLock(path, "tag rename")
    lock.acquire()
    code = textwrap.dedent(f"""
        from editor.core.recovery.locks import PidLock, LockHeld
        try:
            PidLock({str(path)!r}, "other").acquire(timeout=0.2)
            print("GOT")
        except LockHeld as exc:
            print("HELD", exc.holder["pid"], exc)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("HELD") and "tag rename" in out
    lock.release()
    assert not path.exists()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("GOT")


def test_lock_of_a_killed_process_is_taken_over(tmp_path):
    path = tmp_path / "lib.lock"
    code = f"from editor.core.recovery.locks import PidLock; PidLock({str(path)!r}, 'x').acquire(); import os; os._exit(0)"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert path.exists()  # left behind
    lock = PidLock(path, "mine")
    assert lock.holder() is None
    lock.acquire()
    assert lock.holder()["purpose"] == "mine"
    with pytest.raises(LockHeld):
        PidLock(path).acquire(timeout=0.05)
    lock.release()
