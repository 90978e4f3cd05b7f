"""Build time, memory and pages written of an archive's four trees, side by side."""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import platform
import pstats
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from operator import itemgetter, sub
from pathlib import Path
from typing import Any

import psutil

from . import generate
from .generate import FORMS, Archive, Edit, Form, Settings

BENCHMARKS = Path(__file__).resolve().parent
REPO, WORK, RESULTS = BENCHMARKS.parent, BENCHMARKS / "_work", BENCHMARKS / "results"
TOPIC_INDEX = "interview-topics.html"
Sample = dict[str, Any]
Results = dict[str, Any]
#: The incremental builds, by the edit made before each (generate.Archive.edited).
EDITS: dict[str, Edit] = {"incremental": "text", "incremental_term": "term"}
#: The targets, limits of interview / bare, by (interviews, glossary entries).
FULL = {("full", "wall"): 1.10, ("full", "rss"): 1.15, ("parallel", "wall"): 1.10}
#: The trees without links: their pages must carry none.
BASELINES = ("bare", "glossary")
#: How the tables name a tree, where not by its form.
TITLES = {"glossary": "bare + glossary"}


def tree_title(form: str) -> str:
    return TITLES.get(form, form)


TARGETS = {
    (100, 120): {**FULL, ("incremental", "wall"): 1.30},
    (100, 5000): {**FULL, ("full", "wall"): 1.25, ("incremental", "wall"): 1.30},
    (1000, 120): {("incremental", "wall"): 1.50, ("incremental", "rss"): 1.25},
}


class BuildFailed(Exception):
    """A tree did not build, or not with the measured extension."""


def git(*args: str) -> str:
    command = ["git", "-C", str(REPO), *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@contextlib.contextmanager
def snapshot(commit: str) -> Iterator[dict[str, str]]:
    """A detached worktree of ``commit`` for the builds to import the extension
    from: edits made while a run goes on never mix two versions in its numbers."""
    path = WORK / f"snapshot-{os.getpid()}"
    sha = git("rev-parse", "--verify", f"{commit}^{{commit}}").strip()
    git("worktree", "add", "--detach", str(path), sha)
    try:
        compileall.compile_dir(path / "sphinx_interview", quiet=1)  # not in a build
        subject = git("log", "-1", "--format=%h %s", sha).strip()
        yield {"path": str(path), "commit": sha, "subject": subject}
    finally:
        git("worktree", "remove", "--force", str(path))


def wait_for_quiet(limit: float) -> float | None:
    """Wait up to ``limit`` s for idle CPUs; the % of CPU time others used. (On 2
    cores, a test run slows whichever build it meets: each sample records it.)"""
    busy, deadline = None, time.monotonic() + limit
    while limit > 0 and (busy is None or (busy > 25 and time.monotonic() < deadline)):
        busy = psutil.cpu_percent(interval=0.5)
    return busy


def pages(out: Path) -> dict[str, tuple[int, bytes]]:
    """Each HTML page of an output directory: modification time, content digest."""
    found = {str(path.relative_to(out)): path for path in out.rglob("*.html")}
    return {
        n: (p.stat().st_mtime_ns, hashlib.blake2b(p.read_bytes()).digest())
        for n, p in found.items()
    }


@dataclass(frozen=True)
class Runner:
    extension: Path
    quiet_wait: float
    profile: str = ""  # where to write a cProfile of each build
    switched_off: str = ""  # promises switched off in the build (switches.py)
    #: Whether an incremental build reports the pages it wrote (hashing every
    #: page before and after it, outside the timed part).
    count_pages: bool = True

    def build(
        self, source: Path, out: Path, jobs: int = 1, fresh: bool = True
    ) -> Sample:
        """One build in a new process; ``fresh``: into an empty output directory."""
        if fresh:
            shutil.rmtree(out, ignore_errors=True)
        counted = self.count_pages and not fresh
        before = pages(out) if counted else {}
        busy = wait_for_quiet(self.quiet_wait)
        report = out.with_name(f"{out.name}.json")
        # -P keeps the current directory off sys.path: the snapshot, first on
        # PYTHONPATH, is the sphinx_interview imported.
        command = [sys.executable, "-P", str(BENCHMARKS / "build_process.py")]
        command += [str(report), "-bhtml", "-q", f"-j{jobs}", str(source), str(out)]
        env = {**os.environ, "PYTHONPATH": str(self.extension)}
        env["BENCHMARK_PROFILE"] = self.profile
        env["BENCHMARK_SWITCH_OFF"] = self.switched_off
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.run(command, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - start
        # The children's CPU time now includes this build's and its workers'.
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
        messages = process.stderr.splitlines()  # -q: warnings and errors only
        if process.returncode:
            raise BuildFailed(f"{source} failed:\n" + "\n".join(messages[-30:]))
        child = json.loads(report.read_text(encoding="utf-8"))
        report.unlink()
        imported = child["extension"]
        if imported and not Path(imported).is_relative_to(self.extension):
            raise BuildFailed(f"{source} imported {imported}, not the snapshot")
        sample: Sample = {"wall": wall, "cpu": cpu, "busy": busy}
        sample |= {"rss_mib": child["rss_kib"] / 1024, "warnings": messages}
        if self.switched_off:  # those whose replacement ran (switches.py)
            sample["switched_off"] = child["switched_off"]
        if jobs > 1:
            sample["workers"] = [kib / 1024 for kib in child["workers_rss_kib"]]  # MiB
        if counted:
            # Written: the file's time changed (Sphinx writes each page it
            # handles, changed or not); changed: its content did.
            after = pages(out)
            written = sorted(p for p in after if before.get(p, (0,))[0] != after[p][0])
            changed = [p for p in written if before.get(p, (0, b""))[1] != after[p][1]]
            sample |= {"written": written, "changed": changed}
        return sample

    def edit(self, archive: Archive, root: Path, form: Form, edit: Edit) -> Sample:
        """Edit the middle interview, rebuild into the last output, undo the edit."""
        writer = generate.Writer(archive, form)
        original = archive.interviews[len(archive.interviews) // 2]
        path = root / form / f"{original.docname}.rst"
        path.write_text(writer.interview(archive.edited(edit)), encoding="utf-8")
        try:
            return self.build(root / form, root / f"out-{form}", fresh=False)
        finally:
            path.write_text(writer.interview(original), encoding="utf-8")


def term_links(out: Path) -> list[str]:
    """The glossary links of the interview pages, in order (the extension's links
    have the markup of ``:term:``)."""
    pages = [p.read_text("utf-8") for p in sorted((out / "interviews").glob("*.html"))]
    return [t.split("<")[0] for page in pages for t in page.split('std-term">')[1:]]


@dataclass(frozen=True)
class Scenario:
    name: str
    settings: Settings
    parallel: bool = True


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_scenario(runner: Runner, scenario: Scenario, repeat: int, jobs: int) -> Results:
    """Every measure ``repeat`` times, each of the four trees in turn."""
    root, name = WORK / scenario.name, scenario.name
    log(f"[{name}] writing {scenario.settings}")
    archive = generate.build(scenario.settings)
    for form in FORMS:
        generate.write(archive, root / form, form)
    parallel = scenario.parallel and jobs > 1
    kinds = ["full", *EDITS] + ["parallel"] * parallel
    samples: dict[Form, dict[str, list[Sample]]] = {
        form: {kind: [] for kind in kinds} for form in FORMS
    }
    links: dict[Form, list[str]] = {}

    def keep(rep: int, form: Form, kind: str, sample: Sample) -> None:
        samples[form][kind].append(sample)
        pages = f", {len(sample['written'])} written" if "written" in sample else ""
        log(
            f"[{name}] {rep + 1}/{repeat} {form:9} {kind:16} {sample['wall']:7.2f} s, "
            f"cpu {sample['cpu']:7.2f} s, {sample['rss_mib']:5.0f} MiB{pages}"
        )

    for rep in range(repeat):
        turn = rep % len(FORMS)  # no tree always first
        order = FORMS[turn:] + FORMS[:turn]
        for form in order:
            keep(rep, form, "full", runner.build(root / form, root / f"out-{form}"))
            links.setdefault(form, term_links(root / f"out-{form}"))
        for kind, edit in EDITS.items():
            for form in order:
                keep(rep, form, kind, runner.edit(archive, root, form, edit))
        for form in order if parallel else ():
            out = root / f"out-{form}-j{jobs}"
            keep(rep, form, "parallel", runner.build(root / form, out, jobs))
    return {
        "name": name,
        "settings": asdict(scenario.settings),
        "term_links": {form: len(links[form]) for form in FORMS},
        "links_identical": links["interview"] == links["linked"],
        "samples": samples,
    }


def problems(scenario: Results) -> list[str]:
    """Why a scenario's comparison is void: warnings, or the trees link unlike."""
    found = {
        f"{f} tree: {s['warnings'][0]}"
        for f, s in samples_of(scenario)
        if s["warnings"]
    }
    if not scenario["links_identical"]:
        found.add("interview and linked glossary links differ")
    found |= {
        f"the {form} tree has glossary links"
        for form in BASELINES
        if scenario["term_links"].get(form)
    }
    return [f"{scenario['name']}: {problem}" for problem in sorted(found)]


def samples_of(scenario: Results) -> Iterator[tuple[str, Sample]]:
    for form, kinds in scenario["samples"].items():
        yield from ((form, sample) for samples in kinds.values() for sample in samples)


# -- results ---------------------------------------------------------------------

#: What a row shows of a sample: title, unit ("" for counts), value.
VALUES: dict[str, tuple[str, str, Callable[[Sample], float]]] = {
    "wall": ("time", "s", itemgetter("wall")),
    "cpu": ("CPU time", "s", itemgetter("cpu")),
    "rss": ("peak memory", "MiB", itemgetter("rss_mib")),
    "pages": ("pages written", "", lambda s: len(s["written"])),
    "worker": ("largest worker's peak", "MiB", lambda s: max(s["workers"] or [0])),
    "workers": ("worker processes", "", lambda s: len(s["workers"])),
}
#: The rows of a scenario's table: per kind of build, its title and values.
ROWS = {
    "full": ("full build", ("wall", "cpu", "rss")),
    "incremental": ("text edit", ("wall", "cpu", "rss", "pages")),
    "incremental_term": ("term edit", ("wall", "rss", "pages")),
    "parallel": ("-j {jobs} full build", ("wall", "cpu", "rss", "worker", "workers")),
}
GROWTH = [("full", "wall"), ("full", "cpu"), ("full", "rss")]  # the scaling table's
GROWTH += [("incremental", "wall"), ("incremental", "rss")]


def forms(scenario: Results) -> list[Form]:
    """The trees a scenario measured (results written before the bare +
    glossary tree was added have three)."""
    return [form for form in FORMS if form in scenario["samples"]]


def medians(scenario: Results) -> dict[tuple[str, str], dict[str, float]]:
    """Per row (kind of build, value) and tree: the median of the samples."""
    samples = scenario["samples"]
    return {
        (kind, value): {
            form: statistics.median(map(VALUES[value][2], samples[form][kind]))
            for form in forms(scenario)
        }
        for kind, (_, values) in ROWS.items()
        if kind in samples["bare"]
        for value in values
    }


def number(value: float, unit: str) -> str:
    return f"{value:.2f} s" if unit == "s" else f"{value:.0f} {unit}".strip()


def compared(value: float, base: float, unit: str) -> str:
    return f"{value / base:.2f}x" if unit else f"{value - base:+.0f}"  # counts: +n


def verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def scenario_table(scenario: Results, jobs: int) -> list[str]:
    """The scenario's measures, the pages its incremental builds wrote, its links."""
    settings, samples = scenario["settings"], scenario["samples"]
    size = settings["interviews"], settings["terms"]
    targets = TARGETS.get(size, {}) if settings["exchanges"] == 12 else {}
    links, trees = scenario["term_links"], forms(scenario)
    alike = "identical" if scenario["links_identical"] else "**different**"
    bases = [form for form in trees if form != "interview"]
    counts = [f"interview {links['interview']:,}", f"linked {links['linked']:,}"]
    counts[-1] += f" ({alike})"
    counts += [f"{tree_title(f)} {links[f]:,}" for f in trees if f in BASELINES]
    columns = [
        *(tree_title(form) for form in trees),
        *(f"interview / {tree_title(base)}" for base in bases),
    ]
    lines = [
        f"## {size[0]} interviews x {settings['exchanges']} exchanges, {size[1]} "
        f"glossary entries\n\nGlossary links on the interview pages: "
        f"{', '.join(counts)}.\n",
        f"| measure | {' | '.join(columns)} | target (against bare) |\n|---|"
        + "---:|" * len(columns)
        + "---|",
    ]
    for (kind, value), row in medians(scenario).items():
        bare, interview = row["bare"], row["interview"]
        title, unit, _ = VALUES[value]
        target = ""
        if limit := targets.get((kind, value)):
            target = f"≤ {limit:.2f}x {verdict(interview / bare <= limit)}"
        if (kind, value) == ("incremental", "pages"):  # the same pages, plus nothing
            written = {
                f: {p for s in samples[f][kind] for p in s["written"]} for f in trees
            }
            extra = " ".join(sorted(written["interview"] - written["bare"]))
            target = f"bare's pages only: {verdict(not extra)} {extra}"
        cells = [number(row[form], unit) for form in trees]
        cells += [compared(interview, row[base], unit) for base in bases]
        measure = ROWS[kind][0].format(jobs=jobs) + ": " + title
        lines.append(f"| {measure} | {' | '.join(cells)} | {target} |")
    edits = [s for kind in EDITS for s in samples["interview"][kind]]
    same = [s for s in edits if TOPIC_INDEX in set(s["written"]) - set(s["changed"])]
    before, after = "| " * trees.index("interview"), "| " * len(bases)
    lines += [
        f"| topic index page rewritten unchanged {before}| {len(same)} of "
        f"{len(edits)} builds {after}| only when changed: {verdict(not same)} |",
        "\nPages written by the first run's incremental builds (*same*: rewritten "
        "with the same content):\n",
    ]
    for kind, edit in EDITS.items():
        for form in trees:
            s = samples[form][kind][0]
            names = [p + " *same*" * (p not in s["changed"]) for p in s["written"]]
            lines.append(f"* {edit} edit, {tree_title(form)}: {', '.join(names)}")
    return [*lines, ""]


def scaling_table(scenarios: list[Results]) -> list[str]:
    """Each measure against the archive's size, for the scenarios that differ from
    the first in size alone."""
    like = {k: v for k, v in scenarios[0]["settings"].items() if k != "interviews"}
    series = [s for s in scenarios if like.items() <= s["settings"].items()]
    series.sort(key=lambda s: s["settings"]["interviews"])
    sizes = [s["settings"]["interviews"] for s in series]
    if len(set(sizes)) < 2:
        return []
    lines = [
        "## Growth with the archive\n\nGrowth: the exponent *k* of value ∝ "
        "interviews^*k* fitted over the series; 1 is linear. *own cost*: interview "
        "minus bare. Plain Sphinx grows faster than linearly by itself: each page's "
        "sidebar lists every interview.\n",
        f"| measure | tree | {' | '.join(f'{n:,}' for n in sizes)} | growth | target |",
        "|---|---|" + "---:|" * len(sizes) + "---:|---|",
    ]
    table, trees = [medians(s) for s in series], forms(series[0])
    for kind, value in GROWTH:
        title, unit, _ = VALUES[value]
        rows: dict[str, list[float]] = {
            form: [row[kind, value][form] for row in table] for form in trees
        }
        rows["own cost"] = list(map(sub, rows["interview"], rows["bare"]))
        for tree, found in rows.items():
            growth, target = "—", ""
            if min(found) > 0:
                logs = [math.log(size) for size in sizes], [math.log(v) for v in found]
                slope = statistics.linear_regression(*logs).slope
                growth = f"{slope:.2f}"
                target = f"≤ 1.00 {verdict(slope <= 1)}" if tree == "own cost" else ""
            values = [number(v, unit) for v in found]
            cells = " | ".join([tree_title(tree), *values, growth])
            lines.append(f"| {ROWS[kind][0]}: {title} | {cells} | {target} |")
    return [*lines, ""]


GLOSSARY_TREE = (
    "*bare + glossary*: the same with the glossary written with Sphinx's "
    "`glossary` directive, as the extension's users write theirs (a target, a "
    "general index entry and an inventory entry per name; not a target of the "
    "issue, shown to tell Sphinx's glossary from the extension's own cost); "
)


def markdown(report: Results) -> str:
    """The results file's tables, from its samples alone."""
    info, options, commit = report["machine"], report["options"], report["commit"]
    samples = [sample for r in report["scenarios"] for _, sample in samples_of(r)]
    busy = sum(1 for sample in samples if (sample["busy"] or 0) > 25)
    lines = [
        f"# sphinx_interview benchmark: {report['name']}\n",
        f"* Measured: commit {commit['subject']} ({commit['commit']})",
        f"* Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; "
        f"{info['platform']}; Python {info['python']}, Sphinx {info['sphinx']}, "
        f"docutils {info['docutils']}",
        f"* {info['date']}; {options['repeat']} run(s) per measure, medians; the "
        f"trees build in turn; {options['seconds']} s in all"
        + ("" if options["complete"] else " (**incomplete run**)"),
        f"* {busy} build(s) started on a machine over 25 % busy" if busy else "",
        "\n*bare*: the text alone in plain Sphinx; "
        + GLOSSARY_TREE * any("glossary" in forms(s) for s in report["scenarios"])
        + "*linked*: the bare text with labels, rubrics, `:term:` links and index "
        "entries written by hand; *interview*: sphinx_interview. The text edit adds "
        "a sentence without glossary terms to one interview; the term edit adds one "
        "that uses an entry new to it.\n",
    ]
    for scenario in report["scenarios"]:
        lines += scenario_table(scenario, options["jobs"])
    lines += scaling_table(report["scenarios"])
    lines += [f"**Void:** {p}" for s in report["scenarios"] for p in problems(s)]
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip() + "\n"


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    models = [line.split(":")[1] for line in cpuinfo if line.startswith("model name")]
    return {
        "cpu": models[0].strip() if models else platform.machine(),
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sphinx": metadata.version("sphinx"),
        "docutils": metadata.version("docutils"),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def write_results(
    report: Results,
    directory: Path = RESULTS,
    render: Callable[[Results], str] = markdown,
) -> Path:
    """``NAME.json`` (every sample) and ``NAME.md`` (the tables ``render`` makes
    from it)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{report['name']}.json"
    path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    path.with_suffix(".md").write_text(render(report), encoding="utf-8")
    return path.with_suffix(".md")


def profile(runner: Runner, settings: Settings, top: int = 30) -> None:
    """cProfile a full build of the interview tree; print where its time went."""
    root, stats = WORK / "profile", str(WORK / "profile.prof")
    generate.write(generate.build(settings), root, "interview")
    replace(runner, profile=stats).build(root, WORK / "profile-out")
    found = pstats.Stats(stats).sort_stats("cumulative")
    found.print_stats(r"sphinx_interview[/\\]", top)  # the extension's functions
    found.sort_stats("tottime").print_stats(top)  # the costliest anywhere


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser("python -m benchmarks.run", description=__doc__)
    add = parser.add_argument
    add("--quick", action="store_true", help="smoke run: 5x3, 20 terms, 1 run")
    add("--scales", help="the scaling series instead, e.g. 100,300,1000")
    add("--render", type=Path, metavar="JSON", help="no builds: rewrite its .md")
    add("--profile", action="store_true", help="cProfile one interview tree build")
    add("--interviews", type=int, help="one scenario of this size (100)")
    add("--exchanges", type=int, default=12, help="per interview (12)")
    add("--terms", type=int, help="glossary entries (120)")
    add("--repeat", type=int, help="runs per measure (3; --quick: 1)")
    add("--jobs", type=int, default=2, help="-j of the parallel build; 1: none (2)")
    add_common_options(parser)
    add("--name", help="results file name")
    add("--keep", action="store_true", help="keep the trees and outputs")
    return parser.parse_args(argv)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """What is measured, how quietly, and the archive's seed: the options of
    every benchmark (``run.py``, ``costs.py``)."""
    add = parser.add_argument
    add("--commit", default="HEAD", help="the commit to measure (HEAD)")
    add("--quiet-wait", type=float, default=20, help="seconds to wait for idle CPUs")
    add("--seed", type=int, default=generate.SEED)


def scenarios(args: argparse.Namespace) -> tuple[str, list[Scenario]]:
    """The results' name and the scenarios the options select."""
    base = Settings(
        args.interviews or 100, args.exchanges, args.terms or 120, args.seed
    )
    if args.quick:
        return args.name or "quick", [Scenario("quick", Settings(5, 3, 20, args.seed))]
    if args.scales:  # no -j builds: the series is about size
        sizes = [int(n) for n in args.scales.split(",")]
        series = [
            Scenario(f"scale-{n}", replace(base, interviews=n), False) for n in sizes
        ]
        return args.name or f"scaling-{max(sizes)}", series
    if args.interviews or args.terms:
        name = f"custom-{base.interviews}x{base.exchanges}-{base.terms}"
        return args.name or name, [Scenario(name, base)]
    default = [Scenario(f"glossary-{n}", replace(base, terms=n)) for n in (120, 5000)]
    return args.name or "default", default


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    if args.render:
        report = json.loads(args.render.read_text(encoding="utf-8"))
        print(write_results(report, args.render.parent).read_text(), end="")
        return
    name, chosen = scenarios(args)
    repeat = args.repeat or (1 if args.quick else 3)
    # A terminated run unwinds like an interrupted one: the build in progress is
    # killed and the snapshot removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started, results = time.perf_counter(), list[Results]()
    try:
        with snapshot(args.commit) as commit:
            log(f"measuring {commit['subject']}")
            runner = Runner(Path(commit["path"]), args.quiet_wait)
            if args.profile:
                profile(runner, chosen[0].settings)
                return
            report = {"name": name, "machine": machine(), "scenarios": results}
            report["commit"] = {key: commit[key] for key in ("commit", "subject")}
            report["options"] = {"repeat": repeat, "jobs": args.jobs, "seed": args.seed}
            for scenario in chosen:
                results.append(run_scenario(runner, scenario, repeat, args.jobs))
                # Written after each scenario: a stopped long run keeps its numbers.
                report["options"]["seconds"] = round(time.perf_counter() - started)
                report["options"]["complete"] = len(results) == len(chosen)
                path = write_results(report)
                if not args.keep:
                    shutil.rmtree(WORK / scenario.name)
    except BuildFailed as error:
        sys.exit(f"benchmark: {error}")
    print(path.read_text(encoding="utf-8"), end="")
    log(f"written: {path.relative_to(REPO)} and .json")
    if found := [problem for scenario in results for problem in problems(scenario)]:
        sys.exit("benchmark: the comparison is void: " + "; ".join(found))


if __name__ == "__main__":
    main()
