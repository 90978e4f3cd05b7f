"""Same sources, same bytes: two fresh builds, and -j 1 against -j 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import Project, ProjectFactory


def output_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def build_into(
    proj: Project, name: str, builder: str, parallel: int
) -> dict[str, bytes]:
    proj.build(builder, builddir=proj.builddir.with_name(name), parallel=parallel)
    assert proj.warnings() == []
    return output_files(proj.outdir)


@pytest.mark.parametrize(
    "builder", ["html", "latex", "text", "interview-json", "interview-tei"]
)
def test_two_fresh_builds_are_identical(project: ProjectFactory, builder: str) -> None:
    proj = project("full")
    first = build_into(proj, "first", builder, parallel=0)
    second = build_into(proj, "second", builder, parallel=0)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_parallel_build_is_identical_to_serial(project: ProjectFactory) -> None:
    proj = project("full")
    # More documents than workers, so that both read and write are split; each
    # with a recording (copied as a download) and times (a chapters track).
    for number in range(6):
        proj.write(f"tape{number}.mp3", f"recording {number}")
        proj.write(
            f"extra{number}.rst",
            f"Extra {number}\n========\n\n.. interview:: Extra talk {number}\n"
            f"   :interviewee: Person {number}\n   :topics: NATO\n"
            f"   :media: tape{number}.mp3\n\n"
            f"   .. question:: Is the SCO like NATO, {number}?\n"
            f"      :time: {number}:05\n\n"
            f"   .. answer:: Not at all; see :answer:`ivanov-2007-q2`.\n",
        )
    proj.replace(
        "index.rst",
        "   topics\n",
        "   topics\n" + "".join(f"   extra{number}\n" for number in range(6)),
    )
    serial = build_into(proj, "serial", "html", parallel=0)
    parallel = build_into(proj, "parallel", "html", parallel=2)
    assert serial.keys() == parallel.keys()
    assert [name for name in serial if serial[name] != parallel[name]] == []
    assert len([name for name in serial if name.endswith(".chapters.vtt")]) == 6
    assert len([name for name in serial if name.endswith(".mp3")]) == 6
    # Each interview's citation files (six extra, two in the project),
    # written while its page is.
    assert len([name for name in serial if name.endswith(".csl.json")]) == 8
    assert len([name for name in serial if name.endswith(".bib")]) == 8
    # The export builders too.
    for builder in ("interview-json", "interview-tei"):
        serial = build_into(proj, "serial", builder, parallel=0)
        parallel = build_into(proj, "parallel", builder, parallel=2)
        assert serial == parallel
        assert len(serial) == (1 if builder == "interview-json" else 8)
