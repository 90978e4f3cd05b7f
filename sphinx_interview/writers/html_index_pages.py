"""HTML: the topic and speaker index pages, drawn with ``html_lists.PageLinks``
without going through docutils, and left as they are on disk when unchanged.

An archive's topic index is its largest page, and Sphinx writes every domain
index page in every build.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..digests import fingerprint
from ..domain import interview_domain
from ..index_pages import SpeakerIndex, TopicIndex
from ..links import INDEX_PAGES
from .html_lists import PageLinks

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def render_index_page(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> str | None:
    """``html-page-context``: draw the topic and speaker index pages, with an
    anchor per heading.

    The theme's ``page.html`` frames them, so they look like any other page.
    """
    if pagename not in INDEX_PAGES or templatename != "domainindex.html":
        return None
    # Written as HTML directly, not through docutils: for a large archive the
    # page is megabytes, and docutils' writer would hold several copies of it.
    index = TopicIndex if pagename == INDEX_PAGES[0] else SpeakerIndex
    title = index.localname
    headings = index.headings(interview_domain(app.env).tables)
    links = PageLinks(app.builder)
    body = [
        f"<!-- {_MARK}{page_digest(app, pagename)} -->\n",
        f'<div class="{index.css_class} docutils container">\n',
        f"<h1>{escape(title)}</h1>\n",
        *links.index_list(pagename, headings, "", 2),
        "</div>\n",
    ]
    context["body"] = "".join(body)
    context["title"] = title
    context.setdefault("display_toc", False)
    return "page.html"


#: The comment at the start of an index page's body, with its digest.
_MARK = "sphinx-interview index "


def page_digest(app: Sphinx, pagename: str) -> str:
    """What an index page shows (its headings, as the published view has them)
    and how it is written (builder, configuration, tags, version)."""
    from .. import __version__

    info = getattr(app.builder, "build_info", None)
    published = interview_domain(app.env).data["published"]
    return fingerprint(
        (
            published.get(pagename.removeprefix("interview-")),
            app.builder.name,
            getattr(info, "config_hash", None),
            getattr(info, "tags_hash", None),
            __version__,
        )
    )


def skip_unchanged_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: leave an index page as it is on disk when it would be
    written the same.

    Sphinx writes every domain index page in every build, and an archive's topic
    index is its largest page. After ``prepare_writing`` (which gave every page
    its navigation links, these pages' included), taking a page out of the
    builder's ``domain_indices`` leaves it unwritten. Only for ``html`` and
    ``dirhtml``, whose pages the digest in the page's body stands for.
    """
    builder = app.builder
    domain = interview_domain(app.env)
    if domain.pages_checked or builder.name not in {"html", "dirhtml"}:
        return
    domain.pages_checked = True
    indices: list[Any] = getattr(builder, "domain_indices", [])
    # get_output_path since Sphinx 9; get_outfilename before.
    output_path = getattr(builder, "get_output_path", None) or builder.get_outfilename  # type: ignore[attr-defined]
    for entry in list(indices):
        if entry[0] not in INDEX_PAGES:
            continue
        mark = f"{_MARK}{page_digest(app, entry[0])}"
        try:
            with Path(output_path(entry[0])).open(encoding="utf-8") as page:
                written = any(mark in line for line in page)
        except OSError:
            continue
        if written:
            indices.remove(entry)
            domain.pages_kept.add(entry[0])


def note_builder(app: Sphinx) -> None:
    """``builder-inited``: the builder the indexes are made for."""
    interview_domain(app.env).builder = app.builder
