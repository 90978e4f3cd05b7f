"""Profile one sphinx_interview build of a synthetic archive and name its costs.

``python -m benchmarks.profile_build`` writes the archive of
:mod:`benchmarks.generate` (default: 100 interviews x 12 exchanges, 5,000 glossary
entries), runs a full build of the sphinx_interview tree under :mod:`cProfile`
in a fresh subprocess, then an incremental build after editing one interview,
and prints for each

* the total profiled time,
* the time spent in sphinx_interview's own code (``tottime`` of its functions),
* sphinx_interview's entry points (its functions as called from Sphinx or
  docutils) by inclusive time, which includes the Sphinx/docutils work they
  trigger (a directive's ``run`` parses its content: plain Sphinx parses the same
  text, so read directive rows with that in mind; nested entries, e.g. ``answer``
  inside ``interview``, are counted in both),
* the most expensive functions anywhere, for context.

The ``.prof`` files stay in ``benchmarks/_work/profile/`` for ``snakeviz`` or
``python -m pstats``. ``--pyinstrument`` also writes pyinstrument's text report
(statistical, lower overhead) when pyinstrument is installed.

``--ablation`` measures instead (no profiler) the CPU time and peak memory of
the full build with one feature of the extension switched off at a time (the
``interview-topics`` list, the domain index page, "Mentioned in" lists, glossary
links, glossary topics), all of them off, and the plain tree: the differences
say what each feature costs, without a profiler's overhead or bias.
"""

from __future__ import annotations

import argparse
import pstats
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .generate import Settings, Trees, write_trees
from .run import WORK, Build, Extension, Runner, snapshot_extension

#: Runs ``sphinx-build`` under cProfile; argv: stats file, then sphinx-build's.
#: The timer is the process's CPU time, not the wall clock: on a shared machine,
#: time spent waiting for a CPU would otherwise be charged to whichever function
#: happened to run.
CPROFILE_CHILD = """\
import cProfile, sys, time
from sphinx.cmd.build import main
profiler = cProfile.Profile(time.process_time)
status = profiler.runcall(main, sys.argv[2:])
profiler.dump_stats(sys.argv[1])
sys.exit(status)
"""

#: The same under pyinstrument; argv: report file, then sphinx-build's.
PYINSTRUMENT_CHILD = """\
import sys
from pyinstrument import Profiler
from sphinx.cmd.build import main
profiler = Profiler(interval=0.001)
profiler.start()
status = main(sys.argv[2:])
profiler.stop()
with open(sys.argv[1], "w", encoding="utf-8") as stream:
    stream.write(profiler.output_text(unicode=True, color=False, show_all=False))
sys.exit(status)
"""

#: Where a function counts as the extension's.
PACKAGE_MARK = "/sphinx_interview/"

# pstats' table: (file, line, name) -> (primitive calls, calls, tottime, cumtime,
# callers), callers mapping (file, line, name) -> (pc, nc, tottime, cumtime).
Function = tuple[str, int, str]


def profiled_build(
    extension: Extension,
    child: str,
    report: Path,
    source: Path,
    outdir: Path,
    fresh: bool,
) -> None:
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    # -P and the environment: import the snapshot, as run.py's builds do.
    command = [sys.executable, "-P", "-c", child, str(report), "-b", "html", "-q"]
    subprocess.run(
        [*command, str(source), str(outdir)], check=True, env=extension.env()
    )


def ours(function: Function) -> bool:
    return PACKAGE_MARK in function[0]


def label(function: Function) -> str:
    filename, line, name = function
    if ours(function):
        filename = "sphinx_interview/" + filename.split(PACKAGE_MARK, 1)[1]
    elif "site-packages/" in filename:
        filename = filename.split("site-packages/", 1)[1]
    return f"{filename}:{line}({name})"


def summarize(path: Path, top: int) -> str:
    """A text report of where the build spent its time, the extension first."""
    stats = pstats.Stats(str(path))
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in table.values())
    own = sum(entry[2] for function, entry in table.items() if ours(function))

    # Inclusive time of the extension's functions when called from outside it.
    entries: list[tuple[float, int, Function]] = []
    for function, (_, _, _, _, callers) in table.items():
        if not ours(function):
            continue
        outside = [value for caller, value in callers.items() if not ours(caller)]
        if outside:
            entries.append(
                (
                    sum(value[3] for value in outside),
                    sum(v[1] for v in outside),
                    function,
                )
            )
    entries.sort(reverse=True)
    own_rows = sorted(
        (
            (entry[2], entry[3], entry[1], function)
            for function, entry in table.items()
            if ours(function)
        ),
        reverse=True,
    )
    anywhere = sorted(
        ((entry[3], entry[2], entry[1], function) for function, entry in table.items()),
        reverse=True,
    )

    def percent(value: float) -> str:
        return f"{100 * value / total:5.1f} %"

    lines = [
        f"profile: {path}",
        f"total profiled time: {total:.2f} s",
        f"own time in sphinx_interview: {own:.2f} s ({percent(own).strip()})",
        "",
        "sphinx_interview entry points (inclusive time, called from Sphinx/docutils):",
    ]
    lines += [
        f"  {seconds:7.2f} s {percent(seconds)} {calls:7d} calls  {label(function)}"
        for seconds, calls, function in entries[:top]
    ]
    lines += ["", "sphinx_interview functions by own time (tottime, cumtime):"]
    lines += [
        f"  {tottime:7.2f} s {percent(tottime)} cum {cumtime:7.2f} s {calls:8d} calls  "
        f"{label(function)}"
        for tottime, cumtime, calls, function in own_rows[:top]
    ]
    lines += ["", "all functions by inclusive time (cumtime, tottime):"]
    lines += [
        f"  {cumtime:7.2f} s {percent(cumtime)} own {tottime:6.2f} s {calls:8d} calls  "
        f"{label(function)}"
        for cumtime, tottime, calls, function in anywhere[:top]
    ]
    return "\n".join(lines)


#: Ablations: name -> (sphinx-build options, whether topics.rst loses its
#: ``interview-topics`` directive).
_OFF = {
    "backrefs": ["-D", "interview_glossary_backrefs=0"],
    "links": ["-D", "interview_link_terms=none"],
    "topics": ["-D", "interview_auto_topics=0"],
    "index": ["-D", "html_domain_indices=0"],
}
ABLATIONS: dict[str, tuple[list[str], bool]] = {
    "all features": ([], False),
    "without the interview-topics list (topics.rst)": ([], True),
    "without the domain index page (html_domain_indices=0)": (_OFF["index"], False),
    'without "Mentioned in" (interview_glossary_backrefs=0)': (
        _OFF["backrefs"],
        False,
    ),
    "without glossary links (interview_link_terms=none)": (_OFF["links"], False),
    "without glossary topics (interview_auto_topics=0)": (_OFF["topics"], False),
    "all of these off": ([option for o in _OFF.values() for option in o], True),
}


def ablation(trees: Trees, extension: Extension, root: Path, repeat: int) -> str:
    """CPU time and peak memory of the full build per ablation (min of runs)."""
    runner = Runner(extension, quiet_wait=0)
    stripped = root / "ext-without-topic-list"
    if stripped.exists():
        shutil.rmtree(stripped)
    shutil.copytree(trees.ext, stripped)
    text = (stripped / "topics.rst").read_text(encoding="utf-8")
    (stripped / "topics.rst").write_text(
        text.replace(".. interview-topics::", ""), encoding="utf-8"
    )
    rows: list[tuple[str, float, float, float]] = []
    configurations = [
        ("plain Sphinx (plain tree)", trees.plain, []),
        *(
            (name, stripped if strip else trees.ext, options)
            for name, (options, strip) in ABLATIONS.items()
        ),
    ]
    # Round-robin, not one configuration after the other: drift of the machine
    # then spreads over all configurations instead of favouring some.
    builds: dict[str, list[Build]] = {name: [] for name, _, _ in configurations}
    for round_number in range(repeat):
        for name, source, options in configurations:
            build = runner.build(source, root / "out-ablation", options=options)
            builds[name].append(build)
            print(
                f"  {round_number + 1}/{repeat} {name}: {build.cpu:.2f} s CPU, "
                f"{build.maxrss_mib:.0f} MiB",
                flush=True,
            )
    for name, found in builds.items():
        rows.append(
            (
                name,
                min(b.cpu for b in found),
                min(b.maxrss_mib for b in found),
                min(b.wall for b in found),
            )
        )
    full_cpu, full_rss = rows[1][1], rows[1][2]
    lines = [
        "| configuration | CPU time | change | peak memory | change | wall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, cpu, rss, wall in rows:
        lines.append(
            f"| {name} | {cpu:.2f} s | {cpu - full_cpu:+.2f} s | {rss:.0f} MiB | "
            f"{rss - full_rss:+.0f} MiB | {wall:.2f} s |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.profile_build", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--interviews", type=int, default=100)
    parser.add_argument("--exchanges", type=int, default=12)
    parser.add_argument("--terms", type=int, default=5000)
    parser.add_argument("--variant", choices=("ext", "plain"), default="ext")
    parser.add_argument("--top", type=int, default=25, help="rows per table")
    parser.add_argument(
        "--pyinstrument",
        action="store_true",
        help="also write pyinstrument reports (needs pyinstrument)",
    )
    parser.add_argument(
        "--ablation",
        action="store_true",
        help="measure the build with each feature switched off instead of profiling",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per ablation (minimum kept)"
    )
    parser.add_argument(
        "--extension",
        choices=("head", "worktree", "installed"),
        default="head",
        help="which sphinx_interview to profile (as in benchmarks.run)",
    )
    args = parser.parse_args(argv)
    extension = snapshot_extension(args.extension)
    print(f"sphinx_interview: {extension.mode} {extension.commit} {extension.digest}")
    try:
        profile(args, extension)
    finally:
        extension.remove()


def profile(args: argparse.Namespace, extension: Extension) -> None:
    """Write the archive, profile the full and the incremental build, report."""
    root = WORK / "profile"
    settings = Settings(args.interviews, args.exchanges, args.terms)
    trees: Trees = write_trees(settings, root / "src")
    source = trees.source(args.variant)
    outdir = root / f"out-{args.variant}"
    stem = f"{args.variant}-{args.interviews}x{args.exchanges}-{args.terms}"
    if args.ablation:
        print(ablation(trees, extension, root, args.repeat))
        return

    full = root / f"{stem}-full.prof"
    profiled_build(extension, CPROFILE_CHILD, full, source, outdir, fresh=True)
    path, edited = trees.interview_text(args.variant, edited=True)
    original = path.read_text(encoding="utf-8")
    path.write_text(edited, encoding="utf-8")
    incremental = root / f"{stem}-incremental.prof"
    try:
        profiled_build(
            extension, CPROFILE_CHILD, incremental, source, outdir, fresh=False
        )
    finally:
        path.write_text(original, encoding="utf-8")

    for report in (full, incremental):
        print(summarize(report, args.top))
        print()

    if args.pyinstrument:
        for kind in ("full", "incremental"):
            text = root / f"{stem}-{kind}.pyinstrument.txt"
            if kind == "incremental":
                path.write_text(edited, encoding="utf-8")
            try:
                profiled_build(
                    extension,
                    PYINSTRUMENT_CHILD,
                    text,
                    source,
                    outdir,
                    fresh=kind == "full",
                )
            finally:
                path.write_text(original, encoding="utf-8")
            print(f"pyinstrument ({kind}): {text}")


if __name__ == "__main__":
    main()
