"""What each promise costs a text edit: the interview tree's incremental build with
promises switched off (``switches.py``; one at a time, then together), beside
plain Sphinx's bare tree, all built in turn in one run.

Not a target and not an option of the extension: a price list for deciding what
an archive's incremental build may promise. The promises priced are those whose
cost grows with the archive: labels lent to Sphinx's standard domain, the
inventory entries by which each half of an exchange names the other, and the
interviews' entries in Sphinx's contents.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

from . import generate
from .generate import Form, Settings
from .run import (
    WORK,
    BuildFailed,
    Results,
    Runner,
    Sample,
    add_common_options,
    log,
    machine,
    snapshot,
    write_results,
)

#: What is switched off (``switches.py`` names, comma-separated), by row title.
VARIANTS: dict[str, str] = {
    "every promise kept": "",
    "no `:ref:` to automatic anchors": "automatic-ref",
    "no inventory entries naming the other half of an exchange": "other-half",
    "no interview entries in the contents": "interview-contents",
    "none of the three above": "automatic-ref,other-half,interview-contents",
    "no `interview:` entries in `objects.inv` and the search (standard labels stay)": (
        "domain-objects"
    ),
}
KEPT, BARE = "every promise kept", "plain Sphinx, bare text"
#: The switches that must leave ``objects.inv`` smaller.
SHRINK_INVENTORY = ("automatic-ref", "other-half", "domain-objects")


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser("python -m benchmarks.costs", description=__doc__)
    add = parser.add_argument
    add("--quick", action="store_true", help="smoke run: 20 interviews x 3, 1 round")
    add("--interviews", type=int, default=1000, help="(1000)")
    add("--terms", type=int, default=120, help="glossary entries (120)")
    add("--rounds", type=int, help="text edits per variant (3; --quick: 1)")
    add_common_options(parser)
    add("--name", help="results file name (costs-INTERVIEWS)")
    return parser.parse_args(argv)


def measure(runner: Runner, settings: Settings, rounds: int) -> dict[str, list[Sample]]:
    """Text edits of both trees; the variants in a turning order, so that none is
    always measured first in a round."""
    root = WORK / f"costs-{settings.interviews}"
    archive = generate.build(settings)
    forms: tuple[Form, ...] = ("bare", "interview")
    try:
        for form in forms:
            generate.write(archive, root / form, form)
            log(f"[costs] full build of the {form} tree")
            runner.build(root / form, root / f"out-{form}")
        samples: dict[str, list[Sample]] = {BARE: [], **{name: [] for name in VARIANTS}}
        names = list(VARIANTS)
        # Not counted: the first incremental build after a full one is heavier.
        for form in forms:
            runner.edit(archive, root, form, "text")
        for rep in range(rounds):
            order = names[rep % len(names) :] + names[: rep % len(names)]
            for name in [BARE, *order]:
                tree: Form = "bare" if name == BARE else "interview"
                switched = replace(runner, switched_off=VARIANTS.get(name, ""))
                sample = switched.edit(archive, root, tree, "text")
                out = root / f"out-{tree}"
                sample["inventory_kib"] = (out / "objects.inv").stat().st_size / 1024
                samples[name].append(sample)
                log(
                    f"[costs] {rep + 1}/{rounds} {sample['wall']:6.2f} s "
                    f"{sample['rss_mib']:4.0f} MiB  {name}"
                )
    finally:
        shutil.rmtree(root)
    return samples


def problems(samples: dict[str, list[Sample]]) -> list[str]:
    """Why the price list is void: a switch that changed nothing it must, or
    warnings where every promise is kept."""
    found = [
        f"{name}: {s['warnings'][0]}"
        for name in (BARE, KEPT)
        for s in samples[name]
        if s["warnings"]
    ]
    kept = statistics.median(s["inventory_kib"] for s in samples[KEPT])
    for name, switched in VARIANTS.items():
        size = statistics.median(s["inventory_kib"] for s in samples[name])
        for switch in switched.split(",") if switched else ():
            if any(switch not in s["switched_off"] for s in samples[name]):
                found.append(f"{name}: the build never called {switch}")
            if switch in SHRINK_INVENTORY and size >= kept:
                found.append(f"{name}: objects.inv is not smaller ({switch})")
    return found


def markdown(report: Results) -> str:
    info, commit, settings = report["machine"], report["commit"], report["settings"]
    samples: dict[str, list[Sample]] = report["samples"]

    def median(name: str, key: str) -> float:
        return float(statistics.median(sample[key] for sample in samples[name]))

    kept_wall, kept_rss = median(KEPT, "wall"), median(KEPT, "rss_mib")
    bare_wall, bare_rss = median(BARE, "wall"), median(BARE, "rss_mib")
    lines = [
        f"# sphinx_interview: what each promise costs a text edit, "
        f"{settings['interviews']} interviews x {settings['exchanges']} exchanges, "
        f"{settings['terms']} glossary entries\n",
        f"* Measured: commit {commit['subject']} ({commit['commit']})",
        f"* Machine: {info['cpu']}, {info['cores']} cores; Python {info['python']}, "
        f"Sphinx {info['sphinx']}, docutils {info['docutils']}",
        f"* {info['date']}; {report['rounds']} text edit(s) per row, medians; "
        f"{report['seconds']} s in all\n",
        "Each row switches promises off inside the measured build "
        "(`benchmarks/switches.py`); none of them is an option of the extension.\n",
        "| text edit | time | difference | / bare | peak memory (difference) "
        "| / bare | `objects.inv` |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in [*VARIANTS, BARE]:
        wall, rss = median(name, "wall"), median(name, "rss_mib")
        lines.append(
            f"| {name} | {wall:.2f} s | {wall - kept_wall:+.2f} s | "
            f"{wall / bare_wall:.2f}x | {rss:.0f} MiB ({rss - kept_rss:+.0f}) | "
            f"{rss / bare_rss:.2f}x | {median(name, 'inventory_kib'):.0f} KiB |"
        )
    lines += [f"\n**Void:** {problem}" for problem in problems(samples)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    settings = Settings(args.interviews, 12, args.terms, args.seed)
    if args.quick:
        settings = Settings(20, 3, 20, args.seed)
    rounds = args.rounds or (1 if args.quick else 3)
    name = args.name or f"costs-{settings.interviews}"
    started = time.perf_counter()
    # A terminated run unwinds like an interrupted one: the snapshot and the
    # trees are removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        with snapshot(args.commit) as commit:
            log(f"measuring {commit['subject']}")
            # The price list compares times and memory, not pages written.
            runner = Runner(Path(commit["path"]), args.quiet_wait, count_pages=False)
            samples = measure(runner, settings, rounds)
    except BuildFailed as error:
        sys.exit(f"benchmark: {error}")
    report: Results = {
        "name": name,
        "machine": machine(),
        "commit": {key: commit[key] for key in ("commit", "subject")},
        "settings": asdict(settings),
        "rounds": rounds,
        "seconds": round(time.perf_counter() - started),
        "samples": samples,
    }
    path = write_results(report, render=markdown)
    print(path.read_text(encoding="utf-8"), end="")
    if found := problems(samples):
        sys.exit("benchmark: the price list is void: " + "; ".join(found))


if __name__ == "__main__":
    main()
