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

The builds import a snapshot of the extension taken when the run starts (the
committed ``HEAD`` by default), not the working tree: the extension is developed
while benchmarks run, and a run must measure one version only.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import hashlib
import io
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from operator import itemgetter
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
            "extension": getattr(sys.modules.get("sphinx_interview"), "__file__", None),
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
    #: Where the build imported sphinx_interview from (None: not imported).
    extension: str | None


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
QUIET_WAIT = 20.0


@dataclass(frozen=True, slots=True)
class Extension:
    """The copy of sphinx_interview the builds import."""

    #: ``head`` (committed), ``worktree`` (as on disk at the start) or
    #: ``installed`` (whatever the environment imports, edits included).
    mode: str
    #: Directory holding the ``sphinx_interview`` snapshot; None for ``installed``.
    path: Path | None
    commit: str
    digest: str

    def remove(self) -> None:
        """Delete the snapshot (at the end of the run)."""
        if self.path is not None and self.path.exists():
            shutil.rmtree(self.path)

    def env(self) -> dict[str, str]:
        """The builds' environment: the snapshot first on the import path."""
        env = dict(os.environ)
        if self.path is not None:
            env["PYTHONPATH"] = os.pathsep.join(
                part for part in (str(self.path), env.get("PYTHONPATH", "")) if part
            )
        return env


def _git(*args: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, check=True
    ).stdout


def package_digest(root: Path) -> str:
    """A hash of a ``sphinx_interview`` package's files."""
    digest = hashlib.sha1()
    for path in sorted((root / "sphinx_interview").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def snapshot_extension(mode: str) -> Extension:
    """Freeze the extension for this run (see the module docstring)."""
    try:
        commit = _git("rev-parse", "--short", "HEAD").decode().strip()
    except (OSError, subprocess.CalledProcessError):
        commit = ""
    if mode == "installed":
        return Extension(mode, None, commit, package_digest(REPO))
    # One directory per process: runs (and profile_build) may overlap.
    target = WORK / "extension" / f"{mode}-{os.getpid()}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if mode == "head":
        # ``git archive`` of the resolved commit; only regular files are written,
        # each checked to stay inside the target.
        data = _git("archive", "--format=tar", commit, "sphinx_interview")
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            for member in archive.getmembers():
                destination = (target / member.name).resolve()
                if not member.isfile() or target.resolve() not in destination.parents:
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                content = archive.extractfile(member)
                assert content is not None
                destination.write_bytes(content.read())
    else:
        shutil.copytree(
            REPO / "sphinx_interview",
            target / "sphinx_interview",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    # Compiled now, so that the first measured build does not pay for it.
    compileall.compile_dir(target, quiet=1)
    return Extension(mode, target, commit, package_digest(target))


@dataclass(frozen=True, slots=True)
class Runner:
    """Runs builds: which extension they import, how long to wait for quiet."""

    extension: Extension
    quiet_wait: float = QUIET_WAIT

    def build(
        self,
        source: Path,
        outdir: Path,
        jobs: int = 1,
        fresh: bool = True,
        options: Sequence[str] = (),
    ) -> Build:
        """One build in a subprocess; ``fresh`` empties the output directory first.

        ``options`` are extra ``sphinx-build`` arguments (``-D name=value``).
        """
        if fresh and outdir.exists():
            shutil.rmtree(outdir)
        busy = wait_for_quiet(self.quiet_wait)
        outdir.parent.mkdir(parents=True, exist_ok=True)
        report = outdir.parent / f"{outdir.name}.report.tmp"
        # -P: no current directory on the import path, which from the repository
        # root would import the working tree instead of the snapshot.
        command = [sys.executable, "-P", "-c", CHILD, str(report), "-b", "html", "-q"]
        if jobs > 1:
            command += ["-j", str(jobs)]
        command += [*options, str(source), str(outdir)]
        started_ns = time.time_ns()
        start = time.perf_counter()
        process = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            env=self.extension.env(),
        )
        wall = time.perf_counter() - start
        if process.returncode != 0:
            raise RuntimeError(
                f"sphinx-build failed ({process.returncode}) for {source}:\n"
                + process.stderr[-4000:]
            )
        data = json.loads(report.read_text(encoding="utf-8"))
        report.unlink()
        build = Build(
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
            extension=data["extension"],
        )
        snapshot = self.extension.path
        if (
            build.extension
            and snapshot
            and snapshot.resolve() not in (Path(build.extension).resolve().parents)
        ):
            # Not a measurement problem but a setup one: the numbers would
            # belong to another version of the extension.
            raise RuntimeError(
                f"the build imported {build.extension}, not the snapshot {snapshot}"
            )
        return build

    def incremental(self, trees: Trees, variant: str, outdir: Path) -> Build:
        """Edit one interview, rebuild into ``outdir``, then put the text back.

        The edit adds a sentence without glossary terms to an answer, the kind of
        correction an editor makes; the same edit is made in both trees.
        """
        path, edited = trees.interview_text(variant, edited=True)
        original = path.read_text(encoding="utf-8")
        path.write_text(edited, encoding="utf-8")
        try:
            return self.build(trees.source(variant), outdir, fresh=False)
        finally:
            # Later full builds start from empty output directories, so restoring
            # the text (with a new mtime) cannot make them do less work.
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
    runner: Runner,
    scenario: Scenario,
    repeat: int,
    jobs: int,
    incremental: bool,
    baseline: Baseline,
    keep: bool,
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
            build = runner.build(trees.source(variant), outdir)
            samples[variant].full.append(build)
            note(variant, "full", build, rep)
            if rep == 0:
                links[variant] = term_links(outdir)
            if incremental:
                build = runner.incremental(trees, variant, outdir)
                samples[variant].incremental.append(build)
                note(variant, "incremental", build, rep)
        if jobs > 1:
            for variant in VARIANTS:
                outdir = root / f"out-{variant}-j{jobs}"
                build = runner.build(trees.source(variant), outdir, jobs=jobs)
                samples[variant].parallel.append(build)
                note(variant, f"-j {jobs}", build, rep)

    if not keep:
        for variant in VARIANTS:
            for outdir in root.glob(f"out-{variant}*"):
                shutil.rmtree(outdir)
    plain_links, ext_links = links["plain"], links["ext"]
    result: dict[str, Any] = {
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
    }
    result["samples"] = {variant: asdict(found) for variant, found in samples.items()}
    result["medians"] = medians(result["samples"])
    return result


def busy_note(build: Build) -> str:
    if build.busy_before <= 0.25:
        return ""
    return f" [machine {100 * build.busy_before:.0f} % busy before]"


def _largest_process(build: dict[str, Any]) -> float:
    # With -j N the largest process may be a worker.
    return max(build["maxrss_mib"], build["workers_maxrss_mib"])


#: measure -> (kind of build, value of one build), on the JSON form of builds.
MEASURES: dict[str, tuple[str, Callable[[dict[str, Any]], float]]] = {
    "full": ("full", itemgetter("wall")),
    "incremental": ("incremental", itemgetter("wall")),
    "parallel": ("parallel", itemgetter("wall")),
    # CPU time (user + sys of the build and its workers) suffers much less than
    # wall time when other processes share the machine.
    "full_cpu": ("full", itemgetter("cpu")),
    "incremental_cpu": ("incremental", itemgetter("cpu")),
    "full_rss": ("full", itemgetter("maxrss_mib")),
    "incremental_rss": ("incremental", itemgetter("maxrss_mib")),
    "parallel_rss": ("parallel", _largest_process),
    "incremental_pages": ("incremental", itemgetter("pages_written")),
}


def medians(samples: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """Per measure: median and minimum per variant, and their ratios ext / plain.

    The median is the headline; the ratio of the minima is a second opinion
    that ignores samples slowed down by other load (noise only ever adds time).
    """
    result: dict[str, dict[str, float | None]] = {}
    for measure, (kind, value_of) in MEASURES.items():
        row: dict[str, float | None] = {}
        for variant in VARIANTS:
            values = [float(value_of(build)) for build in samples[variant][kind]]
            row[variant] = statistics.median(values) if values else None
            row[f"{variant}_min"] = min(values) if values else None
        for suffix in ("", "_min"):
            plain, ext = row[f"plain{suffix}"], row[f"ext{suffix}"]
            row[f"ratio{suffix}"] = ext / plain if plain and ext is not None else None
        result[measure] = row
    return result


# -- reporting ---------------------------------------------------------------------


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

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sphinx": version("sphinx"),
        "docutils": version("docutils"),
        "sphinx_interview": version("sphinx-interview"),
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
    info, options, extension = report["machine"], report["options"], report["extension"]
    lines = [
        f"# sphinx_interview benchmark: {report['name']}",
        "",
        f"* Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; "
        f"{info['platform']}",
        f"* Python {info['python']}, Sphinx {info['sphinx']}, docutils "
        f"{info['docutils']}, sphinx_interview {info['sphinx_interview']} "
        f"({extension_text(extension)})",
        f"* {info['date']}; median of {options['repeat']} run(s) per measure; "
        f"plain baseline: {options['baseline']}; {options['seconds']:.0f} s in all"
        + ("" if options.get("complete", True) else " (**incomplete run**)"),
        *(
            ["* **The extension's sources changed during the run: repeat it.**"]
            if extension["changed_during_run"]
            else []
        ),
        "",
        "| scenario | measure | plain | sphinx_interview | ratio | ratio of minima "
        "| target |",
        "|---|---|---:|---:|---:|---:|---|",
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
            ratios = [
                f"{row[key]:.2f}x" if row[key] is not None else "—"
                for key in ("ratio", "ratio_min")
            ]
            lines.append(
                f"| {scenario['label']} | {title.format(jobs=options['jobs'])} | "
                f"{_number(row['plain'], unit)} | {_number(row['ext'], unit)} | "
                f"{ratios[0]} | {ratios[1]} | {verdict} |"
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
    scaling = scaling_table(report)
    if scaling:
        lines += ["", *scaling]
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


def extension_text(extension: dict[str, Any]) -> str:
    commit = extension["commit"] or "?"
    if extension["mode"] == "head":
        return f"commit {commit}, sources {extension['digest']}"
    if extension["mode"] == "worktree":
        return f"working tree on {commit}, sources {extension['digest']}"
    return f"installed, on {commit}, sources {extension['digest']} at the start"


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
        "Scaling of the full build (12 exchanges per interview, 120 glossary "
        "entries). Growth = (time at N / time at the smallest N) / (N / smallest "
        "N): 1.00 is linear, start-up costs push it below 1. Wall time (CPU time).",
        "",
        "| interviews | plain | sphinx_interview | ratio | plain growth | "
        "sphinx_interview growth |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    size0 = base["settings"]["interviews"]
    for scenario in series:
        size = scenario["settings"]["interviews"]
        cells = {}
        for measure in ("full", "full_cpu"):
            row, row0 = scenario["medians"][measure], base["medians"][measure]
            cells[measure] = {
                variant: (row[variant] / row0[variant]) / (size / size0)
                for variant in VARIANTS
            }
        wall, cpu = scenario["medians"]["full"], scenario["medians"]["full_cpu"]
        lines.append(
            f"| {size} | {wall['plain']:.1f} s ({cpu['plain']:.1f} s) | "
            f"{wall['ext']:.1f} s ({cpu['ext']:.1f} s) | "
            f"{wall['ratio']:.2f}x ({cpu['ratio']:.2f}x) | "
            f"{cells['full']['plain']:.2f} ({cells['full_cpu']['plain']:.2f}) | "
            f"{cells['full']['ext']:.2f} ({cells['full_cpu']['ext']:.2f}) |"
        )
    return lines


def render(path: Path) -> None:
    """Recompute the statistics of a results file from its samples; rewrite both."""
    report = json.loads(path.read_text(encoding="utf-8"))
    for scenario in report["scenarios"]:
        scenario["medians"] = medians(scenario["samples"])
    table = markdown(report)
    write_results(report, table, path.parent)
    print(table)


def write_results(
    report: dict[str, Any], table: str, directory: Path = RESULTS
) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, text in (
        ("json", json.dumps(report, indent=1, ensure_ascii=False) + "\n"),
        ("md", table),
    ):
        path = directory / f"{report['name']}.{suffix}"
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
        help="seconds to wait, before each build, for other load to go (20)",
    )
    parser.add_argument(
        "--extension",
        choices=("head", "worktree", "installed"),
        default="head",
        help="which sphinx_interview to build with: a snapshot of the last commit "
        "(default), a snapshot of the working tree, or the installed package live",
    )
    parser.add_argument("--seed", type=int, default=Settings.seed)
    parser.add_argument("--name", help="results file name (default: the mode)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the output directories in _work/"
    )
    parser.add_argument(
        "--render",
        type=Path,
        metavar="JSON",
        help="only rewrite the Markdown of an earlier results file (no builds)",
    )
    args = parser.parse_args(argv)
    if args.render:
        render(args.render)
        return
    repeat = args.repeat or (1 if args.quick else 3)
    jobs = 1 if args.no_parallel else args.jobs
    chosen = scenarios(args)
    if not chosen:
        parser.error("no scenario selected (see --scenarios and --scales)")
    name = args.name or (
        "quick" if args.quick else chosen[0].name if len(chosen) == 1 else "default"
    )

    # A terminated run ends like an interrupted one: subprocess.run then kills
    # the build in progress instead of leaving it running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    extension = snapshot_extension(args.extension)
    try:
        results, table, json_path, md_path = run_all(
            args, chosen, name, extension, repeat, jobs
        )
    finally:
        extension.remove()
    print(table)
    log(f"written: {json_path.relative_to(REPO)}, {md_path.relative_to(REPO)}")
    failed = sanity_problems(results)
    if failed:
        # The comparison is only fair if both trees build cleanly and link alike.
        sys.exit("benchmark sanity check failed: " + "; ".join(failed))


def sanity_problems(results: list[dict[str, Any]]) -> list[str]:
    """Scenarios whose trees linked glossary terms differently or warned."""
    problems: list[str] = []
    for scenario in results:
        if not scenario["term_links"]["identical"]:
            problems.append(f"{scenario['label']}: glossary links differ")
        for variant, count in scenario["warnings"].items():
            if count:
                problems.append(f"{scenario['label']}: {count} {variant} warning(s)")
    return problems


def run_all(
    args: argparse.Namespace,
    chosen: list[Scenario],
    name: str,
    extension: Extension,
    repeat: int,
    jobs: int,
) -> tuple[list[dict[str, Any]], str, Path, Path]:
    """Run every chosen scenario; the report is rewritten after each one.

    Returns each scenario's results, the Markdown report and the files written.
    """
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    runner = Runner(extension, args.quiet_wait)
    info = machine()
    about = {
        "mode": extension.mode,
        "commit": extension.commit,
        "digest": extension.digest,
    }
    log(f"sphinx_interview: {extension_text(about)}")
    table, json_path, md_path = "", RESULTS, RESULTS
    for scenario in chosen:
        result = run_scenario(
            runner,
            scenario,
            repeat,
            jobs,
            incremental=not args.no_incremental,
            baseline=args.baseline,
            keep=args.keep,
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
        # Written after every scenario: a long run that is stopped keeps what it
        # measured ("complete" says whether it got to the end).
        report = {
            "name": name,
            "machine": info,
            "extension": {
                **about,
                # Only the live ``installed`` mode can see the sources change; a
                # run that did measured two versions and should be repeated.
                "changed_during_run": extension.mode == "installed"
                and package_digest(REPO) != extension.digest,
            },
            "options": {
                "repeat": repeat,
                "jobs": jobs,
                "baseline": args.baseline,
                "seed": args.seed,
                "seconds": round(time.perf_counter() - started, 1),
                "complete": len(results) == len(chosen),
            },
            "scenarios": results,
        }
        table = markdown(report)
        json_path, md_path = write_results(report, table)
    return results, table, json_path, md_path


if __name__ == "__main__":
    main()
