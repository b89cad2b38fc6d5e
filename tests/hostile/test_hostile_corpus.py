"""The hostile corpus end to end (issue 14), under `strace -f -e trace=openat,connect`.

For every case of `tests/hostile/corpus.py`:
- the window (one MainWindow process for all cases, opened one after another): the article opens (or
  is refused with a message), the preview is shown, a typed key reaches the editor and the preview
  again, within 10 s; the GUI thread never goes more than 200 ms without turning its event loop;
- the CLI (in one process per run, through `editor.cli.main`): `show` and `export` (`CI_STEPS`; every
  format and standard output for the cases of `CI_FULL_CASES`), each within
  10 s, exit status 0, or 1 with one line on stderr, never a traceback; then `index` of the library
  holding all of them plus links out, a FIFO and an odd name;
- no open outside the case's own article folder, its export folder, the run's data and cache
  folders, or the read-only system/Python locations of `harness.py`; no connect at all.

The whole matrix (every case × every format, timings, median and worst) is
`python benchmarks/bench_hostile.py`. Known failures caused by work other engineers are doing (the
editor widget's layout of very long lines; PDF/Word export speed of megabyte articles) are xfail with
the cause named; `MIDAD_HOSTILE_ALL=1` runs every case and every step here too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import harness
from tests.hostile.corpus import ALL_CASES

pytestmark = pytest.mark.skipif(not harness.STRACE, reason="strace is not installed (CI installs it)")

LIMIT_S = 10.0
BLOCK_LIMIT_MS = 200

EXPORT_SPEED = "PDF/Word export of a megabyte article (s2-render's area: exporter speed)"

# Window: the cases CI drives (one window process, ~40 s): every family of the corpus at a size that
# opens in a few seconds, the refusals, the images. The others (megabyte lines, 50k headings, floods
# of 1 MB…) each block the GUI thread for seconds to minutes today (the editor's layout, see
# WINDOW_BLOCK_XFAIL) and would cost CI minutes: `benchmarks/bench_hostile.py` drives them, and so does
# this test with MIDAD_HOSTILE_ALL=1.
WINDOW_CI = (
    "01-letters-40k",
    "02-brackets-50k",
    "02-underscore-a-30k",
    "02-parens-link-50k",
    "02-lt-50k",
    "03-nested-ul-10k",
    "03-nested-div-10k",
    "04-dashes-10k",
    "04-numbered-10k",
    "05-nested-table-3k",
    "05-nested-table-md-html-mix",
    "yaml-billion-laughs",
    "yaml-deep-nesting",
    "deep-blockquote-10k",
    "nul-bytes",
    "ref-links-10k",
    "09-images-outside",
    "11-fifo",
    "11-oversize-60mb",
)
# Window, GUI thread blocked > 200 ms: measured by benchmarks/bench_hostile.py under strace (s3-huge,
# notes s3-huge.md), two runs at load 7 for the CI cases and one at load 6.6 for the others (04:10-04:16
# UTC), after the editor's open-path work (pieces highlighted once, the direction of a big article
# from its first 100,000 characters, body read once, copy-desk findings capped). Removed then: every
# case at or under ~125 ms in each run. The figures are the blocked ms of each run.
# s4-preview (lists, tables, anchors bounded for Qt; the page cut in the worker), two runs of
# `bench_hostile.py --only window` under strace, 06:04 at load 2.5-7.2 and 06:06 at load 5.5-6.2: removed
# toc-huge (135, 55 ms; typed in 3.2/3.0 s), 01-email-like-100k (115, 55), nul-bytes-late (118, 89),
# attr-list-flood (179, 68), cr-only (76, 168), long-url-1m (117, 115), 04-numbered-10k (92, 51). The
# preview's own steps are now 8-25 ms of GUI-thread CPU each; ref-links-10k passed those two runs (148,
# 55) but not four runs of this test's CI cases at load 6-8 (243-587 ms, in doc_patch steps of 10-25 ms
# of CPU: the thread waited for a core), so it stays. After the page-update steps were bounded (06:48 at
# load 2.4-5.8 and 06:50 at load 5.5-5.7, under strace): footnotes-10k 99, 73 ms: removed; ref-links-10k
# 112, 67, and the CI cases twice at load 5 without a failure: kept for the loaded CI machine; cr-only
# 507 ms once (the editor: soft_lines._token, document._emit_modified), then 82: back, as the editor's.
# s4-huge (big files read in a worker thread, the replaced article freed in slices, a line over 30,000
# characters in pieces loaded lazily, slices put in in one edit block, line directions applied in timed
# batches; notes s4-huge.md), two runs of `bench_hostile.py --only window` under strace, 07:02 at load
# 3.8-4.6 and 07:04 at load 4.3-5.9: removed 01-letters-40k (30, 27 ms), 02-brackets-50k (52, 31),
# 02-backticks-50k (68, 30), 02-parens-link-50k (29, 33), 02-lt-50k (25, 48), 02-stars-50k (37, 36),
# 02-hashtag-1m (66, 55), 03-nested-ul-10k (27, 45), 05-nested-table-md-html-mix (45, 75),
# 06-single-line-5mb (141, 145), number-runs-flood (68, 123), invalid-utf8 (100, 110), 01-letters-100k
# (127, 155), 04-dashes-10k (65, 60), html-comment-open (87, 134), 06-single-word-5mb (60, 88).
LOAD_MARGIN = "under 200 ms in most runs but not all at load 7 under strace (the shared 2-core machine)"
# s5-hostile (a key at the top of a long page replaced the whole page in one turn: 2.6 s for headings-50k;
# now only the changed units, and a page meant for one turn goes on in slices past 50 ms; the render budget
# is the worker's CPU time), four runs of `bench_hostile.py --only window --hang 30` under strace, 09:24
# (load 2.0-4.0), 09:25 (4.0-4.4), 09:52 (4.3-7.2), 09:53 (7.2-6.5), blocked ms: removed fences-unclosed-10k
# (73, 117, 157, 74; and this test with MIDAD_HOSTILE_ALL=1 at 09:56, load 4-7). Several stalls of those runs
# and of this test (255-577 ms) were `text_positions.has_astral` misreading a string with a cached UTF-8
# form, fixed on main by s5-huge (5070088); two more runs after it, 10:18 (load 2.4-7.4) and 10:19
# (7.4-8.0): removed 06-single-word-5mb (173, 172); ref-links-10k (115, 165) kept: this test's CI cases
# failed on it twice at 10:20 (load 6-7: 505 ms at article/model.py:title); the others kept with their
# figures (stalls spread at load 7-8: the recovery keeper's write_now, a doc_patch insert, the read).
_MEASURED = {  # blocked ms per run
    "zero-width-flood": "s5-hostile: 331, 255, 263, 256 (has_astral); after its fix 472 (keeper.write_now), 244",
    "bidi-control-flood": "s5-hostile: 143, 140, 128, 143, 305 (has_astral); after its fix 257, 331",
    "cr-only": "s5-hostile: 36, 39, 62, 55, 266 (has_astral); after its fix 483, 150",
    "entities-flood": "s5-hostile: 90, 91, 128, 89, 324 (has_astral); after its fix 498 (doc_patch), 75",
    "ref-links-10k": "s5-hostile: 62, 97, 83, 57, 115, 165 (bench); this test at load 6-7: 381, 505",
    "headings-50k": (
        "s4-huge: 843 (preview doc_patch); s5-hostile: 122, 95, 524 (no frame of ours: waiting for a core "
        "at load 4-7, or a lock), 142"
    ),
}
WINDOW_BLOCK_XFAIL: dict[str, str] = {c: f"{LOAD_MARGIN} ({m} ms)" for c, m in _MEASURED.items()}
# Window: opened + preview + a key over 10 s, or killed after 30 s without a report: outside WINDOW_CI
# (MIDAD_HOSTILE_ALL=1 and the benchmark only). s3-huge, typed seconds at load ~10 (old open path) /
# 6.6: 06-single-line-5mb 20.5/14.6, 06-single-word-5mb 7.0/9.5, zero-width-flood 11.8/6.4,
# bidi-control-flood 17.6/8.8, entities-flood 20.1/21.5 (still loading), toc-huge hang/6.0. Removed: the
# cases under 7 s in both runs (huge-table, headings-50k, 02-hashtag-1m, long-url-1m, cr-only...);
# s4-typing (direction-marks overlay bounded to the repainted lines), two runs under strace at load 5.5
# and 7.6-8.4: zero-width-flood typed in 5.0/5.1 s (blocked 134/170 ms), bidi-control-flood 4.5/6.3 s.
# s4-preview: toc-huge typed in 3.2/3.0 s (two runs under strace, load 2.5-7): removed; entities-flood still
# loading in the editor (1.4M characters without a space: ~14 ms per 2,000-character slice, 10 s of CPU).
# s4-huge, typed seconds in runs 07:02 and 07:04 under strace (load 3.8-5.9): 06-single-line-5mb 7.3/6.9
# (removed), 06-single-word-5mb 5.2/8.8 and entities-flood 8.1/8.9 (kept: within 10 s, but not by much).
# s5-hostile, typed seconds in the four runs above: 06-single-word-5mb 5.5, 6.8, 5.5, 2.7, then 8.2, 6.9
# (removed); entities-flood 10.2, 10.9, 11.9, 10.8, then 14.0, 10.2 (kept: the editor's load of 1.4M
# characters without a space); headings-50k 12.0, 10.6, 12.1, 10.3 (added: the preview worker's 1.8 s of CPU for the HTML and 1.2 s for
# the counts, directions and outline at nice 10; the preview came before the key in every run).
WINDOW_SLOW_XFAIL: dict[str, str] = {
    "entities-flood": "the editor loads 1.4M characters without a space in slices (10.2-11.9 s)",
    "headings-50k": "the preview worker's CPU at nice 10: 1.8 s for the HTML, 1.2 s for the counts (10.3-12.1 s)",
}
# CLI: (case, step) slower than 10 s because of the exporters' speed (PDF through Qt's text layout,
# Word through python-docx), measured under strace; "hang" = killed after 40 s. First run at load 8
# (before s2-render's export work), second at load 3 after it (PDF now lays out the whole article,
# no longer the preview's first 400,000 characters; Word linear): the union is listed. The Word entries
# (huge-table, headings-50k, toc-huge) were removed by s3-export (Word body written as XML, in parts):
# 4.9 s, 7.2 s, 1.0 s under strace at load 8.6; and the PDF entries of 06-single-word-5mb, long-url-1m,
# number-runs-flood, html-comment-open (paragraphs over 10,000 characters printed in parts): 6.9, 3.0,
# 4.5, 4.0 s under strace at load 7 (`bench_hostile.py --only cli`).
# s4-export removed the PDFs of 02-hashtag-1m (3.4 and 5.4 s), headings-50k (7.4 and 9.6 s) and cr-only
# (1.7 and 1.1 s): two runs of `bench_hostile.py --only cli` under strace at load 5 (2026-12-02).
# s5-export removed the last two, the PDFs of 06-single-line-5mb (5.97 and 5.78 s) and huge-table (4.30 and
# 4.88 s): the PDF is laid out block by block with QTextLayout (no QTextDocument); two runs under strace
# at load 2.5-2.8 (08:50 and 08:51 UTC).
CLI_XFAIL: dict[tuple[str, str], str] = {}

# CI runs `show`, the HTML and text exports for every case, and `index`; every format and standard
# output for these (each family of the corpus; the largest files are the benchmark's).
CI_STEPS = ("show", "export-html", "export-text")
CI_FULL_CASES = (
    "01-letters-40k",
    "02-brackets-50k",
    "03-nested-ul-10k",
    "04-indented-list-1000",
    "05-nested-table-3k",
    "05-nested-table-md-html-mix",
    "yaml-billion-laughs",
    "deep-blockquote-10k",
    "zero-width-flood",
    "nul-bytes",
    "invalid-utf8-mixed",
    "cr-only",
    "footnotes-10k",
    "09-images-outside",
    "11-fifo",
    "11-oversize-60mb",
)

ALL = os.environ.get("MIDAD_HOSTILE_ALL") == "1"
# MIDAD_HOSTILE_CASES=a,b narrows the run to those cases (while working on one of them)
CASES = [c for c in ALL_CASES if c in os.environ.get("MIDAD_HOSTILE_CASES", c).split(",")]


def window_cases() -> list[str]:
    return [case for case in CASES if ALL or case in WINDOW_CI]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    harness.build_tree(root, list(CASES))
    return root


@pytest.fixture(scope="module")
def window_run(tree) -> tuple[harness.Run, dict[str, list[str]]]:
    run = harness.run_traced(tree, "window", window_cases(), hang_s=25.0)
    return run, harness.access_problems(run, tree)


@pytest.fixture(scope="module")
def cli_run(tree) -> tuple[harness.Run, dict[str, list[str]]]:
    from editor.commands.export_cmd import FORMATS

    full = [case for case in CASES if ALL or case in CI_FULL_CASES]
    light = [case for case in CASES if case not in full]
    run = harness.run_traced(tree, "cli", light, steps=",".join(CI_STEPS + ("index",)), hang_s=25.0)
    every = ",".join(["show", "export-stdout"] + [f"export-{fmt}" for fmt in FORMATS])
    extra = harness.run_traced(tree, "cli", full, steps=every, hang_s=25.0)
    run.reports += extra.reports
    run.logs += extra.logs
    run.problems += extra.problems
    run.stderr += extra.stderr
    return run, harness.access_problems(run, tree)


def _window_report(window_run, case: str) -> dict:
    run, _problems = window_run
    reports = run.by_case(case)
    assert reports, f"{case}: no report from the window ({run.problems})"
    return reports[-1]


def _xfail_if(case: str, table: frozenset, reason: str) -> object:
    return pytest.param(case, marks=pytest.mark.xfail(strict=False, reason=reason)) if case in table else case


@pytest.mark.parametrize(
    "case",
    [_xfail_if(c, frozenset(WINDOW_SLOW_XFAIL), WINDOW_SLOW_XFAIL.get(c, "")) for c in window_cases()],
)
def test_window_opens_previews_and_types(window_run, case: str) -> None:
    report = _window_report(window_run, case)
    assert report["status"] in ("ok", "refused"), report
    if report["status"] == "refused":  # a clear sentence instead of the article: NUL bytes, a FIFO...
        assert "Traceback" not in report["refused"] and len(report["refused"]) < 300
        assert case in ("nul-bytes", "11-fifo", "11-oversize-60mb"), report["refused"]
    assert not report["stderr"], report["stderr"]
    assert report["typed_s"] <= LIMIT_S, report  # opened, preview shown, a key typed
    # (and the preview came again after the key: status "ok", not "no preview after typing")
    assert window_run[1].get(case, []) == []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=False, reason=WINDOW_BLOCK_XFAIL[c]))
        if c in WINDOW_BLOCK_XFAIL
        else c
        for c in window_cases()
    ],
)
def test_window_gui_thread_never_blocked(window_run, case: str) -> None:
    report = _window_report(window_run, case)
    assert report["blocked_ms"] <= BLOCK_LIMIT_MS, (
        f"GUI thread blocked {report['blocked_ms']} ms (open {report['open_ms']} ms, "
        f"after {report['after_open_ms']} ms) at {report['stalls']}"
    )


def test_window_process_reads_and_writes_nothing_outside(window_run) -> None:
    run, problems = window_run
    assert problems.get("*", []) == [], "start-up or shutdown of the window"
    assert "Traceback" not in run.stderr and "Fatal Python error" not in run.stderr, run.stderr[-3000:]


@pytest.mark.parametrize("case", CASES)
def test_cli_commands_finish_cleanly(cli_run, case: str) -> None:
    run, problems = cli_run
    reports = run.by_case(case)
    assert reports, f"{case}: no report from the CLI ({run.problems})"
    failures, known = [], []
    for report in reports:
        stderr = report.get("stderr") or ""
        if report["status"] not in (0, 1, "hang") or "Traceback" in stderr:
            failures.append(f"{report['step']}: status {report['status']}: {stderr[-600:]}")
        elif report["status"] == 1 and (stderr.count("\n") != 1 or not stderr.startswith("midad: ")):
            failures.append(f"{report['step']}: not one clear line: {stderr!r}")
        elif report["seconds"] is None or report["seconds"] > LIMIT_S:
            line = f"{report['step']}: {report['seconds'] or 'no end'} s"
            (known if (case, report["step"]) in CLI_XFAIL else failures).append(line)
    assert failures == []
    assert problems.get(case, []) == []
    if known:  # only the exporters' known slowness is left
        pytest.xfail("; ".join(f"{line} ({CLI_XFAIL[(case, line.split(':')[0])]})" for line in known))


def test_index_of_the_hostile_library_stays_inside(cli_run, tree) -> None:
    run, problems = cli_run
    index = [r for r in run.reports if r["step"] == "index"][-1]
    assert index["status"] == 0 and "Traceback" not in index["stderr"], index
    assert index["seconds"] <= LIMIT_S
    assert problems.get("*", []) == []  # start-up and index: never /etc, the FIFO, HOME, /dev/zero
    listing = index["stdout"]
    assert "points outside the library" in listing
    assert "root:x:0:0" not in listing and "سر خارج المكتبة" not in listing


def test_the_real_command_line_under_strace(tree) -> None:
    # the console script's own start (interpreter, argparse, imports) for one case, in real processes
    case = "02-brackets-50k" if "02-brackets-50k" in CASES else CASES[0]
    article = tree / "lib" / case / f"{case}.md"
    env = harness.env_for(tree)
    run = harness.Run()
    for number, args in enumerate(
        (
            ["show", str(article)],
            ["export", str(article), "--to", "html", "-o", str(tree / "out" / case / "r.html")],
        )
    ):
        log = tree / f"strace-real-{number}.log"
        (tree / ".mark").mkdir(exist_ok=True)
        command = [harness.STRACE, "-f", "-qq", "-y", "-e", "trace=openat,connect", "-o", str(log)]
        command += [sys.executable, "-P", "-m", "editor.cli", *args]
        done = subprocess.run(command, cwd=tree / "lib" / case, env=env, capture_output=True, timeout=60)
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr[-2000:]
        # the whole log is this case's: a mark file is not needed, name the segment by hand
        text = log.read_text(encoding="utf-8", errors="replace")
        log.write_text(f'1 openat(AT_FDCWD, "{tree}/.mark/{case}/real", O_RDONLY) = -1 ENOENT\n' + text)
        run.logs.append(log)
    assert harness.access_problems(run, tree) == {}


def test_the_harness_sees_a_read_outside(tmp_path) -> None:
    # the allow-list is not vacuous: reading /etc/passwd, a sibling case or HOME, writing /tmp, are caught
    root = tmp_path
    log = root / "trace.log"
    lines = [
        f'9 openat(AT_FDCWD</x>, "{root}/.mark/a/show", O_RDONLY) = -1 ENOENT (No such file or directory)',
        f'9 openat(AT_FDCWD</x>, "{root}/lib/a/a.md", O_RDONLY|O_CLOEXEC) = 3<{root}/lib/a/a.md>',
        f'9 openat(AT_FDCWD</x>, "{root}/lib/a/passwd.md", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>',
        f'9 openat(AT_FDCWD</x>, "{root}/lib/b/b.md", O_RDONLY|O_CLOEXEC) = 3<{root}/lib/b/b.md>',
        f'9 openat(AT_FDCWD</x>, "{root}/home/.ssh/id_rsa", O_RDONLY) = -1 ENOENT (No such file or directory)',
        '9 openat(AT_FDCWD</x>, "/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0666 <unfinished ...>',
        "9 <... openat resumed>) = 4</tmp/x>",
        '9 openat(AT_FDCWD</x>, "/usr/share/fonts/a.ttf", O_RDWR) = 4</usr/share/fonts/a.ttf>',
        '9 openat(AT_FDCWD</x>, "/usr/share/fonts/b.ttf", O_RDONLY) = 4</usr/share/fonts/b.ttf>',
        "9 connect(5, {sa_family=AF_INET, sin_port=htons(80)}, 16) = -1 ENETUNREACH",
    ]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = harness.access_problems(harness.Run(logs=[log]), root)
    assert sorted(problems["a"]) == sorted(
        [
            "show: read /etc/passwd",
            f"show: read {root}/lib/b/b.md",
            f"show: read {root}/home/.ssh/id_rsa",
            "show: write /tmp/x",
            "show: write /usr/share/fonts/a.ttf",
            "show: connect 5, {sa_family=AF_INET, sin_port=htons(80)}, 16",
        ]
    )


def test_strace_is_in_the_ci_packages() -> None:
    ci = (harness.REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert " strace" in ci and shutil.which("strace")
