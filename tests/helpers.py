"""Build small Sphinx projects and read what users see: HTML, warnings, text; and
make the expensive things once per test run."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pickle
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

DEFAULT_CONF = 'extensions = ["sphinx_interview", "myst_parser"]\n'
_WARNING = re.compile(r"^(?P<location>\S*?):?\s?(?P<level>WARNING|ERROR|CRITICAL): ")


class Output:
    """What a build shows a reader: its pages, its other files, its warnings."""

    srcdir: Path

    @property
    def outdir(self) -> Path:
        raise NotImplementedError

    def _warning_text(self) -> str:
        raise NotImplementedError

    def warnings(self) -> list[str]:
        """Warnings of the build, with paths relative to the source directory."""
        text = strip_escape_sequences(self._warning_text())
        prefix = str(self.srcdir) + "/"
        return [
            line.replace(prefix, "")
            for line in text.splitlines()
            if _WARNING.match(line)
        ]

    def html(self, page: str = "index") -> BeautifulSoup:
        path = self.outdir / f"{page}.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def output(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


class Project(Output):
    """A source directory and the builds made from it.

    Every build uses its own app; ``fresh=False`` keeps the environment and the
    output of earlier builds of the same builder (an incremental build). Reading
    (``html``, ``warnings`` ...) reads the last build.
    """

    def __init__(self, base: Path, make_app: Callable[..., SphinxTestApp]) -> None:
        self.srcdir = base / "src"
        self.builddir = base / "build"
        self.make_app = make_app
        self.app: SphinxTestApp | None = None

    @classmethod
    def create(
        cls,
        base: Path,
        make_app: Callable[..., SphinxTestApp],
        roots: Path,
        root: str | None,
        conf: str | None,
    ) -> Project:
        project = cls(base, make_app)
        if root is not None:
            shutil.copytree(roots / f"test-{root}", project.srcdir)
        else:
            project.srcdir.mkdir(parents=True)
        if conf is not None or root is None:
            project.write("conf.py", conf or DEFAULT_CONF)
        return project

    # -- sources -------------------------------------------------------------

    def write(self, name: str, text: str) -> None:
        path = self.srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.srcdir / name).read_text(encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, f"{old!r} not in {name}"
        self.write(name, text.replace(old, new))

    def remove(self, name: str) -> None:
        (self.srcdir / name).unlink()

    # -- builds --------------------------------------------------------------

    def build(
        self,
        builder: str = "html",
        *,
        fresh: bool = True,
        parallel: int = 0,
        builddir: Path | None = None,
        **confoverrides: Any,
    ) -> SphinxTestApp:
        builddir = builddir or self.builddir
        if fresh:
            shutil.rmtree(builddir / builder, ignore_errors=True)
            shutil.rmtree(builddir / "doctrees", ignore_errors=True)
        _retire_last_app()
        app = self.make_app(
            builder,
            srcdir=self.srcdir,
            builddir=builddir,
            freshenv=fresh,
            parallel=parallel,
            confoverrides=confoverrides,
        )
        app.build()
        self.app = app
        _LAST_APP[:] = [app]
        return app

    @property
    def outdir(self) -> Path:
        assert self.app is not None, "build first"
        return Path(self.app.outdir)

    def _warning_text(self) -> str:
        assert self.app is not None, "build first"
        return self.app.warning.getvalue()


class FinishedBuild(Output):
    """A build that is over: its files and its warnings, and no app left alive."""

    def __init__(self, srcdir: Path, outdir: Path, warning_text: str) -> None:
        self.srcdir = srcdir
        self._outdir = outdir
        self._warnings = warning_text

    @property
    def outdir(self) -> Path:
        return self._outdir

    def _warning_text(self) -> str:
        return self._warnings


class SharedBuilds:
    """Fresh builds of the test roots, each made once per test run and then only
    read.

    ``built("full")``, ``built("full", "latex")``,
    ``built("full", interview_link_terms="none")``: the first call builds the
    root (fresh environment, a directory of its own), later calls with the same
    arguments, in any xdist worker, get the same finished build. Tests that edit
    sources or rebuild use the function-scoped ``project`` fixture instead.
    """

    def __init__(self, tmp_path_factory: pytest.TempPathFactory, roots: Path) -> None:
        self._tmp_path_factory = tmp_path_factory
        self._roots = roots
        self._done: dict[str, FinishedBuild] = {}

    def __call__(
        self, root: str, builder: str = "html", **confoverrides: Any
    ) -> FinishedBuild:
        # Override values may be lists (unhashable); their repr is a stable key.
        key = f"{root}-{builder}-{sorted(confoverrides.items())!r}"
        if key not in self._done:
            digest = hashlib.sha256(key.encode()).hexdigest()[:12]

            def build(base: Path) -> FinishedBuild:
                project = Project.create(base, SphinxTestApp, self._roots, root, None)
                try:
                    project.build(builder, **confoverrides)
                    return FinishedBuild(
                        project.srcdir, project.outdir, project._warning_text()
                    )
                finally:
                    # Its registrations must not outlive the build: the next
                    # test may build a project of its own.
                    _retire_last_app()

            self._done[key] = once_per_run(
                self._tmp_path_factory, f"built-{root}-{builder}-{digest}", build
            )
        return self._done[key]


T = TypeVar("T")


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]
) -> T:
    """``make(directory)``, called once per test run; its result for every caller.

    Under pytest-xdist the first worker to ask makes it, in a directory all the
    workers of the run share (the parent of their own temporary directories);
    the others wait for it and get its result back from a pickle. Without
    xdist, the run's temporary directory is used.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    directory = base / name
    result = base / f"{name}.pickle"
    with _locked(base / f"{name}.lock"):
        if not result.is_file():
            shutil.rmtree(directory, ignore_errors=True)  # a failed attempt
            directory.mkdir(parents=True)
            made = make(directory)
            result.write_bytes(pickle.dumps(made))
            return made
    found: T = pickle.loads(result.read_bytes())
    return found


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (pytest-xdist workers are processes)."""
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# Node classes and roles are registered globally while an app lives; the next app
# of the same test must not find the previous one's registrations.
_LAST_APP: list[SphinxTestApp] = []


def _retire_last_app() -> None:
    for app in _LAST_APP:
        app.cleanup()
    _LAST_APP.clear()


class ProjectFactory(Protocol):
    def __call__(self, root: str | None = None, conf: str | None = None) -> Project: ...


def select_one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    """The single element matching ``selector`` (fails when there are 0 or 2+)."""
    found = soup.select(selector)
    assert len(found) == 1, f"{selector!r} matched {len(found)} elements"
    return found[0]


def without_citations(page: BeautifulSoup) -> BeautifulSoup:
    """The page without its Cite disclosures, for tests about the spoken text."""
    for cite in page.select(".sphinx-interview-cite"):
        cite.decompose()
    return page


def text_of(tag: Tag) -> str:
    """Visible text: whitespace collapsed, permalink signs removed."""
    return " ".join(tag.get_text().replace("¶", " ").split())


def index_headings(container: BeautifulSoup | Tag) -> dict[str, list[tuple[str, str]]]:
    """{name: [(link text, href), ...]} of a rendered topic or speaker index."""
    return {
        _heading_name(entry): [(text_of(a), a["href"]) for a in entry.select("a")]
        for entry in container.select("div.sphinx-interview-index-entry")
    }


def index_counts(container: BeautifulSoup | Tag) -> dict[str, str]:
    """{name: "(count)"} of a rendered topic or speaker index."""
    return {
        _heading_name(entry): text_of(select_one(entry, ".sphinx-interview-count"))
        for entry in container.select("div.sphinx-interview-index-entry")
    }


def index_anchors(container: BeautifulSoup | Tag) -> dict[str, str]:
    """{name: anchor} of a rendered topic or speaker index."""
    return {
        _heading_name(entry): str(entry["id"])
        for entry in container.select("div.sphinx-interview-index-entry")
    }


def _heading_name(entry: Tag) -> str:
    name = select_one(entry, ".sphinx-interview-index-name")
    count = select_one(name, ".sphinx-interview-count")
    return text_of(name).removesuffix(text_of(count)).strip()
