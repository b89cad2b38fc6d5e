"""Run Midad over the hostile corpus under `strace -f -e trace=openat,connect` and judge what it opened.

The layout under a root folder (`build_tree`):

    ROOT/lib/CASE/CASE.md   one folder per article: "the article's folder" of that case
    ROOT/lib/_links/        the library's own hostile entries (links out, a FIFO, odd names)
    ROOT/out/CASE/          where `midad export -o` writes that case's exports
    ROOT/data, ROOT/cache   XDG_DATA_HOME and the cache folder (MIDAD_CACHE_DIR) the run sets
    ROOT/home               HOME (nothing may be read there: it stands for the user's real files)

`run_traced` starts `tests/hostile/drive.py` under strace, reads its JSON report line by line with a
deadline, and when a step hangs it kills the process and starts a fresh one for the remaining cases.
`access_problems` splits the strace log at the driver's marks (failed opens of `ROOT/.mark/CASE/STEP`)
and lists every open the allow-list does not permit:

- writes (O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND) only inside the current case's article folder,
  its export folder, the data and cache folders, and /dev/null;
- reads, in addition, of the Python installation and Midad's own source tree, and of the system's
  library, font, locale, time-zone and Qt data locations (`SYSTEM_READ`), all read-only;
- the article folders of OTHER cases are outside: a step may read only its own case (the index step
  reads the whole library, never what a link in it points to outside); the window may still read
  (never write) the folders of the articles it opened earlier, whose late work (the copy desk's
  house style of that folder, a render) can finish after the next article is opened;
- an open that succeeded is judged by the path the kernel opened (strace -y), so a link inside the
  folder that leads out counts as outside; a failed open by the path asked for;
- `connect` at all is a problem (Midad never touches the network, nor any socket).
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile.corpus import write_corpus

REPO = Path(__file__).resolve().parents[2]
STRACE = shutil.which("strace")
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")

# Read-only system locations a Qt/Python program legitimately reads: shared libraries and their
# configuration, fonts, locales, time zones, Qt's and X's data. Nothing else under /etc, /home, /root...
SYSTEM_READ = (
    "/usr/lib/",
    "/lib/",
    "/lib64/",
    "/usr/lib64/",
    "/usr/local/lib/",
    "/usr/share/fonts/",
    "/usr/local/share/fonts/",
    "/usr/share/fontconfig/",
    "/etc/fonts/",
    "/var/cache/fontconfig/",
    "/usr/share/locale/",
    "/usr/share/i18n/",
    "/usr/share/zoneinfo/",
    "/usr/share/X11/",
    "/usr/share/icons/",
    "/usr/share/mime/",
    "/usr/share/qt6/",
    "/usr/share/glib-2.0/schemas/",
    "/usr/share/poppler/cMap/",  # font folders in fontconfig's configuration (poppler-data)
    "/etc/ld.so.cache",
    "/etc/ld.so.preload",
    "/etc/locale.alias",
    "/etc/localtime",
    "/etc/timezone",
    "/etc/mime.types",
    "/etc/ssl/openssl.cnf",
    "/proc/self/",
    "/proc/sys/kernel/random/",
    "/sys/devices/system/cpu/",
    "/dev/urandom",
    "/dev/random",
    "/dev/null",
)
# Read-only single files: QLockFile (QSettings' lock) writes the machine's id into the lock file.
# glibc's malloc reads the kernel's overcommit setting.
SYSTEM_READ_EXACT = ("/var/lib/dbus/machine-id", "/etc/machine-id", "/proc/sys/vm/overcommit_memory")
# Per-process information the preview worker's parent watch and multiprocessing read.
PROC_READ_RE = re.compile(r"^/proc/(?:self|thread-self|\d+)/(?:stat|status|fd|fd/\d+|task/\d+/stat)$")
# Writes outside the test's folders that are not files: POSIX semaphores of multiprocessing.
SHM_WRITE_RE = re.compile(r"^/dev/shm/sem\.[\w.-]+$")
# Font locations in HOME (fontconfig looks for a user font cache and fonts there), read-only.
HOME_FONT_DIRS = (".fontconfig/", ".fonts/", ".local/share/fonts/")


def python_read_paths() -> tuple[str, ...]:
    """The interpreter's installation, the virtual environment and Midad's source tree (read-only)."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    paths |= {value for key, value in sysconfig.get_paths().items() if value}
    paths.add(str(Path(sys.executable).resolve().parent))
    paths |= {
        str(REPO / name) for name in ("editor", "resources", "tests/hostile", ".venv", "tests/__pycache__")
    }
    folders = tuple(sorted(p.rstrip("/") + "/" for p in paths))
    # the import system lists the folders on sys.path and reads the driver's package
    files = tuple(str(REPO / name) for name in ("", "tests", "tests/__init__.py", "pyproject.toml"))
    return folders + tuple(f.rstrip("/") for f in files)


def build_tree(root: Path, cases: list[str]) -> None:
    """Write the corpus as one folder per case, plus the library's links out, a FIFO and odd names."""
    for name in ("data", "cache", "home", "out", "lib"):
        (root / name).mkdir(parents=True, exist_ok=True)
    for case in cases:
        write_corpus(root / "lib" / case, [case])
        (root / "out" / case).mkdir(exist_ok=True)
    links = root / "lib" / "_links"
    links.mkdir(exist_ok=True)
    secret = root / "home" / "secret.md"
    secret.write_text("---\ntitle: سر خارج المكتبة\n---\n\nلا يقرأ.\n", encoding="utf-8")
    (root / "home" / "outside").mkdir(exist_ok=True)
    (root / "home" / "outside" / "far.md").write_text("# بعيد\n", encoding="utf-8")
    for name, target in (("passwd.md", "/etc/passwd"), ("secret.md", secret), ("zero.md", "/dev/zero")):
        os.symlink(target, links / name)
    os.symlink(root / "home" / "outside", links / "outside-folder")
    os.symlink("/etc", links / "etc")
    os.mkfifo(links / "fifo.md")
    (links / "inside.md").write_text("# داخل المكتبة\n", encoding="utf-8")
    os.symlink(links / "inside.md", links / "link-inside.md")
    (links / os.fsdecode(b"bad-\xff.md")).write_text("# اسم غير صالح\n", encoding="utf-8")


def env_for(root: Path) -> dict[str, str]:
    """The environment of a traced run: every folder Midad writes to points under ROOT."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MIDAD_", "XDG_", "DBUS_"))}
    env.update(
        HOME=str(root / "home"),
        XDG_DATA_HOME=str(root / "data"),
        XDG_CACHE_HOME=str(root / "cache"),
        XDG_CONFIG_HOME=str(root / "data" / "config"),
        XDG_RUNTIME_DIR=str(root / "data" / "runtime"),
        MIDAD_CACHE_DIR=str(root / "cache" / "midad"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(REPO),
    )
    (root / "data" / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


@dataclass
class Run:
    """What one traced drive reported: its JSON lines, hangs, crashes, the strace logs and stderr."""

    reports: list[dict] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    stderr: str = ""
    problems: list[str] = field(default_factory=list)  # hangs and crashes, one line each

    def by_case(self, case: str) -> list[dict]:
        return [r for r in self.reports if r["case"] == case]


def run_traced(root: Path, mode: str, cases: list[str], steps: str = "all", hang_s: float = 40.0) -> Run:
    """Drive `cases` in `mode` ("cli" or "window") under strace.

    A step that reports nothing for `hang_s` seconds (or a process that dies) is recorded as a hang
    (or a crash) of its case, and a fresh process goes on with the cases after it.
    """
    run = Run()
    remaining = list(cases)
    attempt = 0
    while True:
        log = root / f"strace-{mode}-{attempt}.log"
        argv = [sys.executable, "-P", "-m", "tests.hostile.drive", mode, str(root)]
        argv += ([steps] if mode == "cli" else []) + remaining
        if STRACE:
            argv = [
                STRACE,
                "-f",
                "-qq",
                "-y",
                "--seccomp-bpf",
                "-e",
                "trace=openat,connect",
                "-o",
                str(log),
            ] + argv
        run.logs.append(log)
        errfile = root / f"stderr-{mode}-{attempt}.txt"
        attempt += 1
        with open(errfile, "wb") as err:
            proc = subprocess.Popen(
                argv, cwd=root, env=env_for(root), stdout=subprocess.PIPE, stderr=err, start_new_session=True
            )
            try:
                hung, started = _collect(proc, run, hang_s)
            except BaseException:  # interrupted (Ctrl-C in the benchmark): the driver goes too
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise
        run.stderr += errfile.read_text(encoding="utf-8", errors="replace")
        if not hung and proc.returncode == 0 and started == ("*", "end"):
            return run
        case, step = started or (remaining[0] if remaining else "*", mode)
        what = f"no report for {hang_s:.0f} s (killed)" if hung else f"exit status {proc.returncode}"
        run.problems.append(f"{case}: {step}: {what}")
        run.reports.append(
            {"case": case, "step": step, "status": "hang" if hung else "crash", "seconds": None}
        )
        remaining = remaining[remaining.index(case) + 1 :] if case in remaining else []
        if not remaining:
            return run


def _collect(proc: subprocess.Popen, run: Run, hang_s: float) -> tuple[bool, tuple[str, str] | None]:
    """Read the JSON lines of `proc` into `run`; (whether it went `hang_s` without a line and was
    killed, the last step it started)."""
    assert proc.stdout is not None
    buffer = b""
    last = time.monotonic()
    started = None
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                proc.wait()
                return False, started
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                if not line.strip():
                    continue
                report = json.loads(line)
                last = time.monotonic()
                if report.get("event") == "start":
                    started = (report["case"], report["step"])
                else:
                    run.reports.append(report)
        elif time.monotonic() - last > hang_s:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return True, started


_CALL_RE = re.compile(r"^(?P<pid>\d+)\s+(?P<call>openat|connect)\((?P<rest>.*)$")
_RESUMED_RE = re.compile(r"^(?P<pid>\d+)\s+<\.\.\. (?P<call>openat|connect) resumed>.*?\)\s+=\s+(?P<ret>.*)$")
_OPENAT_RE = re.compile(
    r'^[^,]*?(?:<(?P<dir>[^>]*)>)?, "(?P<path>(?:[^"\\]|\\.)*)"(?:\.\.\.)?, (?P<flags>[A-Z_|]+)'
)
_RET_FD_RE = re.compile(r"^\d+<(?P<path>.*?)>(?:\(deleted\))?$")


@dataclass
class Access:
    segment: tuple[str, str]  # (case, step) of the driver mark before it; ("*", "start") before any
    call: str
    path: str  # the path opened (strace -y) or, for a failed open, the path asked for
    write: bool
    line: str


def _unescape(text: str) -> str:
    return (
        text.encode("latin-1", "backslashreplace")
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8", "surrogateescape")
    )


def parse_log(log: Path, root: Path) -> list[Access]:
    """Every openat and connect of the log, tagged with the driver step it happened in.

    A call another thread interrupted (`<unfinished ...>`) is completed by its `<... resumed>` line.
    """
    marks = str(root / ".mark") + "/"
    segment = ("*", "start")
    accesses: list[Access] = []
    pending: dict[str, tuple[tuple[str, str], str, str, str]] = {}  # pid -> (segment, asked, flags, line)
    if not log.exists():
        return accesses
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        resumed = _RESUMED_RE.match(line)
        if resumed:
            if resumed["call"] == "openat" and resumed["pid"] in pending:
                seg, asked, flags, first = pending.pop(resumed["pid"])
                accesses.append(_open_access(seg, asked, flags, resumed["ret"], first + " ... " + line))
            continue
        match = _CALL_RE.match(line)
        if not match:
            continue
        if match["call"] == "connect":
            accesses.append(
                Access(segment, "connect", match["rest"].rpartition(") = ")[0][:200], False, line)
            )
            continue
        args = _OPENAT_RE.match(match["rest"])
        if not args:
            continue
        asked = _unescape(args["path"])
        if not asked.startswith("/"):
            asked = os.path.join(args["dir"] or str(root), asked)
        asked = os.path.normpath(asked)
        if asked.startswith(marks):
            case, _, step = asked[len(marks) :].partition("/")
            segment = (case, step)
            continue
        if line.endswith("<unfinished ...>"):
            pending[match["pid"]] = (segment, asked, args["flags"], line)
            continue
        ret = match["rest"].rpartition(" = ")[2]
        accesses.append(_open_access(segment, asked, args["flags"], ret, line))
    return accesses


def _open_access(segment: tuple[str, str], asked: str, flags: str, ret: str, line: str) -> Access:
    """An open judged by the path the kernel opened (strace -y), or by the path asked when it failed."""
    opened = _RET_FD_RE.match(ret.strip())
    path = os.path.normpath(_unescape(opened["path"])) if opened else asked
    write = any(flag in flags.split("|") for flag in WRITE_FLAGS)
    return Access(segment, "openat", path, write, line)


def _inside(path: str, entries: list[str]) -> bool:
    """True when `path` is one of `entries` or inside one of those ending in "/" (folders)."""
    for entry in entries:
        if path == entry.rstrip("/") or (entry.endswith("/") and path.startswith(entry)):
            return True
    return False


def access_problems(run: Run, root: Path) -> dict[str, list[str]]:
    """Per case ("*" for start-up and the index), the opens and connects outside the allow-list."""
    # the driver's standard output (what a shell redirection would write), the run's data and cache
    shared = [f"{root}/data/", f"{root}/cache/", "/dev/null", f"{root}/out/stdout.txt"]
    system = list(SYSTEM_READ) + list(python_read_paths()) + [f"{root}/home/{d}" for d in HOME_FONT_DIRS]
    qt_probe = str(root / ":/non-existent")  # Qt's failed relative open of a resource name, in the cwd
    problems: dict[str, list[str]] = {}
    for log in run.logs:
        opened_before: list[str] = []  # the window's earlier articles: late work for them may still read
        for access in parse_log(log, root):
            case, step = access.segment
            if access.call == "connect":
                problems.setdefault(case, []).append(f"{step}: connect {access.path}")
                continue
            if case == "*":
                own = [f"{root}/lib/"] if step == "index" else []
            else:
                own = [f"{root}/lib/{case}/", f"{root}/out/{case}/"]
                if step == "window" and f"{root}/lib/{case}/" not in opened_before:
                    opened_before.append(f"{root}/lib/{case}/")
            if not access.write and step == "window" and _inside(access.path, opened_before):
                continue
            allowed = own + shared
            if _inside(access.path, allowed) or (access.write and SHM_WRITE_RE.match(access.path)):
                continue
            if not access.write and (
                _inside(access.path, system)
                or access.path in SYSTEM_READ_EXACT
                or PROC_READ_RE.match(access.path)
                or access.path == qt_probe
            ):
                continue
            kind = "write" if access.write else "read"
            problems.setdefault(case, []).append(f"{step}: {kind} {access.path}")
    return problems
