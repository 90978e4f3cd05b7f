"""Build small Sphinx projects and read what users see: HTML, warnings, text."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

DEFAULT_CONF = 'extensions = ["sphinx_interview", "myst_parser"]\n'
_WARNING = re.compile(r"^(?P<location>\S*?):?\s?(?P<level>WARNING|ERROR|CRITICAL): ")


class Project:
    """A source directory and the builds made from it.

    Every build uses its own app; ``fresh=False`` keeps the environment and the
    output of earlier builds of the same builder (an incremental build).
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

    def warnings(self) -> list[str]:
        """Warnings of the last build, with paths relative to the source directory."""
        assert self.app is not None, "build first"
        text = strip_escape_sequences(self.app.warning.getvalue())
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


def text_of(tag: Tag) -> str:
    """Visible text: whitespace collapsed, permalink signs removed."""
    return " ".join(tag.get_text().replace("¶", " ").split())
