"""Build time and memory of sphinx_interview against plain Sphinx on the same archive.

``python -m benchmarks.run`` (from the repository root) writes the synthetic
archives of :mod:`benchmarks.generate` under ``benchmarks/_work/`` and, for each
scenario and repetition, builds the plain tree and the sphinx_interview tree
alternately (plain, ext, plain, ext, ...), so that drift of the machine (other
load, thermal state, caches) hits both the same. Every build is a fresh
``sphinx-build -b html -q`` subprocess; measured are

* the full build into an empty output directory,
* the incremental build after one interview's text was edited (same output
  directory; the edit is undone afterwards),
* the full build with ``-j N`` into an empty output directory,

each as wall time seen from here, plus the peak resident memory the build
process reports for itself (a tiny wrapper around ``sphinx.cmd.build.main``).
Medians and ext / plain ratios go to stdout as a Markdown table and, with the
machine description and every sample, to ``benchmarks/results/<name>.{json,md}``.
Nothing here asserts on times: the numbers are for people to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .generate import Baseline, Settings, Trees, describe, write_trees

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
WORK = BENCHMARKS / "_work"
RESULTS = BENCHMARKS / "results"

#: Build order within a repetition: the baseline first, then the extension.
VARIANTS = ("plain", "ext")

#: Runs ``sphinx-build`` in this process and reports what only the process itself
#: knows: its peak RSS (``ru_maxrss``; KiB on Linux) and, for ``-j N``, that of its
#: largest worker. RUSAGE_CHILDREN seen from the benchmark would mix up all the
#: builds run so far, so each build reports its own.
CHILD = """\
import json, resource, sys, time
from sphinx.cmd.build import main
report = sys.argv[1]
start = time.perf_counter()
status = main(sys.argv[2:])
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(report, "w", encoding="utf-8") as stream:
    json.dump(
        {
            "status": status,
            "inner_wall": elapsed,
            "maxrss_kib": own.ru_maxrss,
            "workers_maxrss_kib": workers.ru_maxrss,
            "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
        },
        stream,
    )
sys.exit(status)
"""

#: The targets of the project's performance issue, by scenario and measure.
FULL_TARGETS = {"glossary-120": 1.10, "glossary-5000": 1.25}
INCREMENTAL_TARGET = 1.50
MEMORY_TARGET = 1.15


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    settings: Settings
    label: str

    @property
    def targets(self) -> dict[str, float]:
        """Ratio targets (ext / plain) that apply to this scenario."""
        if self.name not in FULL_TARGETS:
            return {}
        return {
            "full": FULL_TARGETS[self.name],
            "incremental": INCREMENTAL_TARGET,
            "full_rss": MEMORY_TARGET,
        }


@dataclass(slots=True)
class Build:
    """One ``sphinx-build`` run."""

    wall: float
    inner_wall: float
    cpu: float
    maxrss_mib: float
    workers_maxrss_mib: float
    warnings: list[str]
    #: HTML pages (re)written by this build.
    pages_written: int
    #: Share of the machine's CPU busy with other work just before the build.
    busy_before: float


@dataclass(slots=True)
class Samples:
    """Every measurement of one variant of one scenario."""

    full: list[Build] = field(default_factory=list)
    incremental: list[Build] = field(default_factory=list)
    parallel: list[Build] = field(default_factory=list)


# -- building ----------------------------------------------------------------------


def _cpu_times() -> tuple[int, int] | None:
    """(idle, total) jiffies of all CPUs, from /proc/stat (Linux)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    values = [int(value) for value in fields]
    return values[3] + values[4], sum(values)


def busy_share(seconds: float = 0.5) -> float:
    """How busy the machine is while we are idle: other users' load."""
    before = _cpu_times()
    time.sleep(seconds)
    after = _cpu_times()
    if before is None or after is None or after[1] == before[1]:
        return 0.0
    return 1 - (after[0] - before[0]) / (after[1] - before[1])


def wait_for_quiet(limit: float, threshold: float = 0.25) -> float:
    """Wait (at most ``limit`` seconds) until other work leaves the CPUs idle.

    Other processes (a test suite, another build) on a 2-core machine slow down
    whichever build they meet; waiting for a quiet moment keeps most samples
    clean, and the share found is recorded with the sample either way.
    """
    deadline = time.monotonic() + limit
    busy = busy_share()
    while busy > threshold and time.monotonic() < deadline:
        time.sleep(2)
        busy = busy_share()
    return busy


#: Seconds to wait for a quiet machine before each build (``--quiet-wait``).
QUIET_WAIT = 60.0


def sphinx_build(
    source: Path,
    outdir: Path,
    jobs: int = 1,
    fresh: bool = True,
    quiet_wait: float = QUIET_WAIT,
) -> Build:
    """Run one build in a subprocess; ``fresh`` empties the output directory first."""
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    busy = wait_for_quiet(quiet_wait)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    report = outdir.parent / f"{outdir.name}.report.tmp"
    command = [sys.executable, "-c", CHILD, str(report), "-b", "html", "-q"]
    if jobs > 1:
        command += ["-j", str(jobs)]
    command += [str(source), str(outdir)]
    started_ns = time.time_ns()
    start = time.perf_counter()
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(
            f"sphinx-build failed ({process.returncode}) for {source}:\n"
            + process.stderr[-4000:]
        )
    data = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    return Build(
        wall=wall,
        inner_wall=data["inner_wall"],
        cpu=data["cpu"],
        maxrss_mib=data["maxrss_kib"] / 1024,
        workers_maxrss_mib=data["workers_maxrss_kib"] / 1024,
        warnings=[
            line
            for line in process.stderr.splitlines()
            if "WARNING" in line or "ERROR" in line
        ],
        pages_written=sum(
            1
            for page in outdir.rglob("*.html")
            if page.stat().st_mtime_ns >= started_ns
        ),
        busy_before=busy,
    )


def incremental_build(
    trees: Trees, variant: str, outdir: Path, quiet_wait: float = QUIET_WAIT
) -> Build:
    """Edit one interview, rebuild into ``outdir``, then put the text back.

    The edit adds a sentence without glossary terms to an answer, the kind of
    correction an editor makes; the same edit is made in both trees.
    """
    path, edited = trees.interview_text(variant, edited=True)
    original = path.read_text(encoding="utf-8")
    path.write_text(edited, encoding="utf-8")
    try:
        return sphinx_build(
            trees.source(variant), outdir, fresh=False, quiet_wait=quiet_wait
        )
    finally:
        # Later full builds start from empty output directories, so restoring the
        # text (with a new mtime) cannot make them do less work.
        path.write_text(original, encoding="utf-8")


_TERM_LINK = re.compile(r'std-term">([^<]*)<')


def term_links(outdir: Path) -> dict[str, list[str]]:
    """The glossary links of each interview page, in order (for the sanity check)."""
    return {
        page.name: _TERM_LINK.findall(page.read_text(encoding="utf-8"))
        for page in sorted((outdir / "interviews").glob("*.html"))
    }


# -- running -----------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_scenario(
    scenario: Scenario,
    repeat: int,
    jobs: int,
    incremental: bool,
    baseline: Baseline,
    keep: bool,
    quiet_wait: float = QUIET_WAIT,
) -> dict[str, Any]:
    root = WORK / scenario.name
    log(f"[{scenario.name}] generating {scenario.label} ...")
    trees = write_trees(scenario.settings, root, baseline)
    samples = {variant: Samples() for variant in VARIANTS}
    links: dict[str, dict[str, list[str]]] = {}

    def note(variant: str, what: str, build: Build, rep: int) -> None:
        extra = (
            f", {build.pages_written} pages written" if what == "incremental" else ""
        )
        log(
            f"[{scenario.name}] {rep + 1}/{repeat} {variant:5} {what:11} "
            f"{build.wall:7.2f} s (cpu {build.cpu:6.2f} s) {build.maxrss_mib:7.1f} MiB"
            f"{extra}{busy_note(build)}"
        )
        for warning in build.warnings[:5]:
            log(f"    {warning}")

    for rep in range(repeat):
        for variant in VARIANTS:
            outdir = root / f"out-{variant}"
            build = sphinx_build(trees.source(variant), outdir, quiet_wait=quiet_wait)
            samples[variant].full.append(build)
            note(variant, "full", build, rep)
            if rep == 0:
                links[variant] = term_links(outdir)
            if incremental:
                build = incremental_build(trees, variant, outdir, quiet_wait)
                samples[variant].incremental.append(build)
                note(variant, "incremental", build, rep)
        if jobs > 1:
            for variant in VARIANTS:
                outdir = root / f"out-{variant}-j{jobs}"
                build = sphinx_build(
                    trees.source(variant), outdir, jobs=jobs, quiet_wait=quiet_wait
                )
                samples[variant].parallel.append(build)
                note(variant, f"-j {jobs}", build, rep)

    if not keep:
        for variant in VARIANTS:
            for outdir in root.glob(f"out-{variant}*"):
                shutil.rmtree(outdir)
    plain_links, ext_links = links["plain"], links["ext"]
    return {
        "name": scenario.name,
        "label": scenario.label,
        "settings": asdict(scenario.settings),
        "archive": describe(trees.archive),
        "targets": scenario.targets,
        "term_links": {
            "plain": sum(len(found) for found in plain_links.values()),
            "ext": sum(len(found) for found in ext_links.values()),
            "identical": plain_links == ext_links,
        },
        "samples": {variant: asdict(found) for variant, found in samples.items()},
        "medians": medians(samples),
    }


def busy_note(build: Build) -> str:
    if build.busy_before <= 0.25:
        return ""
    return f" [machine {100 * build.busy_before:.0f} % busy before]"


def medians(samples: dict[str, Samples]) -> dict[str, dict[str, float | None]]:
    """Median of each measure per variant, and the ratio ext / plain."""
    result: dict[str, dict[str, float | None]] = {}
    measures = {
        "full": lambda s: [b.wall for b in s.full],
        "incremental": lambda s: [b.wall for b in s.incremental],
        "parallel": lambda s: [b.wall for b in s.parallel],
        # CPU time (user + sys of the build and its workers) suffers much less
        # than wall time when other processes share the machine.
        "full_cpu": lambda s: [b.cpu for b in s.full],
        "incremental_cpu": lambda s: [b.cpu for b in s.incremental],
        "full_rss": lambda s: [b.maxrss_mib for b in s.full],
        "incremental_rss": lambda s: [b.maxrss_mib for b in s.incremental],
        # With -j N the largest process may be a worker.
        "parallel_rss": lambda s: [
            max(b.maxrss_mib, b.workers_maxrss_mib) for b in s.parallel
        ],
        "incremental_pages": lambda s: [float(b.pages_written) for b in s.incremental],
    }
    for measure, values_of in measures.items():
        row: dict[str, float | None] = {}
        for variant in VARIANTS:
            values = values_of(samples[variant])
            row[variant] = statistics.median(values) if values else None
        plain, ext = row["plain"], row["ext"]
        row["ratio"] = ext / plain if plain and ext is not None else None
        result[measure] = row
    return result


# -- reporting ---------------------------------------------------------------------


def extension_digest() -> str:
    """A hash of the extension's sources, to notice edits made during a run."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "sphinx_interview").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", "-C", str(REPO), *args],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sphinx": version("sphinx"),
        "docutils": version("docutils"),
        "sphinx_interview": version("sphinx-interview"),
        "commit": git("rev-parse", "--short", "HEAD"),
        # Uncommitted changes to the extension make the commit alone ambiguous.
        "extension_modified": bool(git("status", "--porcelain", "sphinx_interview")),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


_MEASURES = (
    ("full", "full build", "s"),
    ("incremental", "incremental build (1 interview edited)", "s"),
    ("parallel", "full build -j {jobs}", "s"),
    ("full_cpu", "CPU time, full build", "s"),
    ("incremental_cpu", "CPU time, incremental build", "s"),
    ("full_rss", "peak memory, full build", "MiB"),
    ("incremental_rss", "peak memory, incremental build", "MiB"),
    ("parallel_rss", "peak memory of a process, -j {jobs}", "MiB"),
    ("incremental_pages", "pages written by the incremental build", ""),
)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.0f}"


def markdown(report: dict[str, Any]) -> str:
    info, options = report["machine"], report["options"]
    lines = [
        f"# sphinx_interview benchmark: {report['name']}",
        "",
        f"* Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; "
        f"{info['platform']}",
        f"* Python {info['python']}, Sphinx {info['sphinx']}, docutils "
        f"{info['docutils']}, sphinx_interview {info['sphinx_interview']} "
        f"(commit {info['commit'] or '?'}"
        f"{', extension modified' if info['extension_modified'] else ''})",
        f"* {info['date']}; median of {options['repeat']} run(s) per measure; "
        f"plain baseline: {options['baseline']}; {options['seconds']:.0f} s in all",
        *(
            ["* **The extension's sources changed during the run: repeat it.**"]
            if report["extension_changed_during_run"]
            else []
        ),
        "",
        "| scenario | measure | plain | sphinx_interview | ratio | target |",
        "|---|---|---:|---:|---:|---|",
    ]
    for scenario in report["scenarios"]:
        for measure, title, unit in _MEASURES:
            row = scenario["medians"][measure]
            if row["plain"] is None and row["ext"] is None:
                continue
            target = scenario["targets"].get(measure)
            verdict = ""
            if target is not None and row["ratio"] is not None:
                verdict = f"≤ {target:.2f}x " + (
                    "met" if row["ratio"] <= target else "**missed**"
                )
            ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else "—"
            lines.append(
                f"| {scenario['label']} | {title.format(jobs=options['jobs'])} | "
                f"{_number(row['plain'], unit)} | {_number(row['ext'], unit)} | "
                f"{ratio} | {verdict} |"
            )
    busy = [
        build
        for scenario in report["scenarios"]
        for variant in VARIANTS
        for builds in scenario["samples"][variant].values()
        for build in builds
        if build["busy_before"] > 0.25
    ]
    if busy:
        lines += [
            "",
            f"Note: {len(busy)} build(s) started while other processes kept the "
            "machine more than 25 % busy; compare the CPU-time rows.",
        ]
    lines += ["", *scaling_table(report)]
    lines += ["", "Sanity check (glossary links on the interview pages):", ""]
    for scenario in report["scenarios"]:
        check = scenario["term_links"]
        same = "identical" if check["identical"] else "**DIFFERENT**"
        warnings = scenario["warnings"]
        lines.append(
            f"* {scenario['label']}: plain {check['plain']}, sphinx_interview "
            f"{check['ext']} ({same}); build warnings: plain {warnings['plain']}, "
            f"sphinx_interview {warnings['ext']}"
        )
    return "\n".join(lines) + "\n"


def scaling_table(report: dict[str, Any]) -> list[str]:
    """Full-build time against archive size, relative to the smallest archive."""
    series = sorted(
        (
            s
            for s in report["scenarios"]
            if s["name"].startswith("scale-") or s["name"] == "glossary-120"
        ),
        key=lambda s: s["settings"]["interviews"],
    )
    if len(series) < 2:
        return []
    base = series[0]
    lines = [
        "Scaling (full build, same exchanges per interview and glossary; growth is "
        "time(N) / time(smallest) divided by N / smallest, 1.00 = linear):",
        "",
        "| interviews | plain | sphinx_interview | ratio | plain growth | "
        "sphinx_interview growth |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    size0 = base["settings"]["interviews"]
    for scenario in series:
        size = scenario["settings"]["interviews"]
        row, row0 = scenario["medians"]["full"], base["medians"]["full"]
        growth = {
            variant: (row[variant] / row0[variant]) / (size / size0)
            for variant in VARIANTS
        }
        lines.append(
            f"| {size} | {row['plain']:.2f} s | {row['ext']:.2f} s | "
            f"{row['ratio']:.2f}x | {growth['plain']:.2f} | {growth['ext']:.2f} |"
        )
    return lines


def write_results(report: dict[str, Any], table: str) -> tuple[Path, Path]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, text in (
        ("json", json.dumps(report, indent=1, ensure_ascii=False) + "\n"),
        ("md", table),
    ):
        path = RESULTS / f"{report['name']}.{suffix}"
        # Written aside and renamed, so an interrupted run never leaves half a file.
        temporary = path.with_suffix(f".{suffix}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
        paths.append(path)
    return paths[0], paths[1]


# -- command line ------------------------------------------------------------------


def scenarios(args: argparse.Namespace) -> list[Scenario]:
    def make(name: str, interviews: int, exchanges: int, terms: int) -> Scenario:
        return Scenario(
            name,
            Settings(interviews, exchanges, terms, args.seed),
            f"{interviews}x{exchanges}, {terms} terms",
        )

    if args.quick:
        return [make("quick", 5, 3, 20)]
    custom = (args.interviews, args.exchanges, args.terms)
    if any(value is not None for value in custom):
        return [
            make(
                "custom",
                args.interviews or 100,
                args.exchanges or 12,
                args.terms if args.terms is not None else 120,
            )
        ]
    wanted = set(args.scenarios.split(","))
    result = []
    if "glossary-120" in wanted:
        result.append(make("glossary-120", 100, 12, 120))
    if "glossary-5000" in wanted:
        result.append(make("glossary-5000", 100, 12, 5000))
    if "scaling" in wanted:
        for size in args.scales:
            # 100 interviews is the glossary-120 scenario: measured once.
            if size == 100 and "glossary-120" in wanted:
                continue
            result.append(make(f"scale-{size}", size, 12, 120))
    return result


def parse_scales(value: str) -> list[int]:
    if value.strip().lower() in ("", "none"):
        return []
    return [int(part) for part in value.split(",")]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Build time and memory of sphinx_interview vs plain Sphinx.",
    )
    parser.add_argument(
        "--interviews", type=int, help="run one custom scenario of this size"
    )
    parser.add_argument("--exchanges", type=int, help="exchanges per interview (12)")
    parser.add_argument("--terms", type=int, help="glossary entries (120)")
    parser.add_argument("--repeat", type=int, help="runs per measure (3; quick: 1)")
    parser.add_argument(
        "--scales",
        type=parse_scales,
        default=[100, 300],
        help="interview counts of the scaling series, e.g. 100,300,1000 (or none)",
    )
    parser.add_argument(
        "--scenarios",
        default="glossary-120,glossary-5000,scaling",
        help="default scenarios to run (comma-separated: glossary-120, "
        "glossary-5000, scaling)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 5 interviews x 3 exchanges"
    )
    parser.add_argument("--jobs", type=int, default=2, help="-j of the parallel build")
    parser.add_argument("--no-parallel", action="store_true", help="skip the -j build")
    parser.add_argument(
        "--no-incremental", action="store_true", help="skip the incremental build"
    )
    parser.add_argument(
        "--baseline",
        choices=("basic", "mirror"),
        default="basic",
        help="plain tree without (basic) or with (mirror) hand-written copies of "
        "the topic list and 'Mentioned in' lines; see generate.py",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=QUIET_WAIT,
        help="seconds to wait, before each build, for other load to go (60)",
    )
    parser.add_argument("--seed", type=int, default=Settings.seed)
    parser.add_argument("--name", help="results file name (default: the mode)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the output directories in _work/"
    )
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    jobs = 1 if args.no_parallel else args.jobs
    chosen = scenarios(args)
    name = args.name or (
        "quick" if args.quick else chosen[0].name if len(chosen) == 1 else "default"
    )

    results = []
    started = time.perf_counter()
    digest = extension_digest()
    info = machine()
    for scenario in chosen:
        result = run_scenario(
            scenario,
            repeat,
            jobs,
            incremental=not args.no_incremental,
            baseline=args.baseline,
            keep=args.keep,
            quiet_wait=args.quiet_wait,
        )
        result["warnings"] = {
            variant: sum(
                len(b["warnings"])
                for builds in result["samples"][variant].values()
                for b in builds
            )
            for variant in VARIANTS
        }
        results.append(result)
    report = {
        "name": name,
        "machine": info,
        "extension_digest": digest,
        # The extension is developed while benchmarks run: a run whose sources
        # changed half-way measured two versions and should be repeated.
        "extension_changed_during_run": extension_digest() != digest,
        "options": {
            "repeat": repeat,
            "jobs": jobs,
            "baseline": args.baseline,
            "seed": args.seed,
            "seconds": round(time.perf_counter() - started, 1),
        },
        "scenarios": results,
    }
    table = markdown(report)
    json_path, md_path = write_results(report, table)
    print(table)
    log(f"written: {json_path.relative_to(REPO)}, {md_path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
