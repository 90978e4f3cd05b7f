"""Files the extension writes beside the pages: the stylesheet and script for
HTML builders, the LaTeX package for LaTeX builders, and (``write_if_changed``)
the files made from the interviews."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

from .writers.latex import PACKAGE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "sphinx-interview.css"
#: Plays the recording from a time link (``writers/html_media.py``).
SCRIPT = "sphinx-interview.js"


def copy_assets(app: Sphinx) -> None:
    """``builder-inited``: put our file where the builder will pick it up.

    Copied now rather than when the build finishes: the EPUB builder lists the
    files of its output directory in the package before ``build-finished``.
    """
    outdir = Path(app.builder.outdir)
    if app.builder.format == "html":
        _copy(STATIC_DIR / STYLESHEET, outdir / "_static" / STYLESHEET)
        if not app.builder.name.startswith("epub"):
            _copy(STATIC_DIR / SCRIPT, outdir / "_static" / SCRIPT)
    elif app.builder.format == "latex":
        _copy(STATIC_DIR / f"{PACKAGE}.sty", outdir / f"{PACKAGE}.sty")


def add_page_script(builder: Builder, filename: str, **attributes: str) -> None:
    """A script for the page being written alone (at ``html-page-context``).

    Given to the builder, which forgets it after the page, and not through
    ``app.add_js_file``: that also keeps it in the registry every later build
    of the same application starts from, so a second build gave every page the
    scripts of all the pages of the first.
    """
    add = getattr(builder, "add_js_file", None)
    if add is not None:
        add(filename, priority=500, **attributes)


def _copy(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    copy_asset_file(source, destination, force=True)


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it (an incremental build
    then leaves the files of unchanged interviews alone); whether it wrote."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
