"""HTML: generated lists of links to exchanges (topic lists, "Mentioned in") and the
topic index page, written as HTML directly.

An archive's topic lists hold thousands of links; as docutils nodes they cost more
time and memory than the rest of the extension together.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..domain import interview_domain
from ..links import TOPIC_INDEX_PAGE, relative_uri
from ..mentions import fingerprint
from ..topic_index import TopicIndex
from ..topics import by_letter

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from ..archive import ExchangeLink
    from ..topics import Topic


def visit_exchange_links(self: HTML5Translator, node: nodes.Element) -> None:
    """The same markup docutils writes for references, at a fraction of the cost."""
    markup = _page_links(self).markup(
        node["fromdocname"], node["links"], node["inline"]
    )
    self.body.append(" " + markup if node["inline"] else markup)
    raise nodes.SkipNode


def visit_topic_list(self: HTML5Translator, node: nodes.Element) -> None:
    """The definition list docutils would write for the topics and their links."""
    self.body.extend(
        _page_links(self).topic_list(
            node["fromdocname"], node["topics"], node["anchors"]
        )
    )
    raise nodes.SkipNode


def _page_links(self: HTML5Translator) -> PageLinks:
    """The page's links, kept on the translator: Sphinx makes one per page."""
    links: PageLinks | None = self.__dict__.get("_sphinx_interview_links")
    if links is None:
        links = self.__dict__["_sphinx_interview_links"] = PageLinks(self.builder)
    return links


@dataclass
class PageLinks:
    """The generated links of one written page, as HTML.

    A topic index lists each exchange under several topics and links to each
    document many times: each link's markup and each document's URI are made
    once per page, and forgotten with the page.
    """

    builder: Builder
    uris: dict[tuple[str, str], str | None] = field(default_factory=dict)
    made: dict[tuple[str, ExchangeLink, bool], str] = field(default_factory=dict)

    def topic_list(
        self, fromdocname: str, topics: Sequence[Topic], anchors: bool
    ) -> list[str]:
        """Pieces of a definition list: each topic, then links to its exchanges.

        Pieces, not one string: a large glossary's list is megabytes, and the
        caller's own joining is then the only copy.
        """
        pieces = ['<dl class="simple sphinx-interview-topic-index">\n']
        for topic in topics:
            anchor = f' id="{escape(topic.anchor)}"' if anchors else ""
            pieces.append(f"<dt{anchor}>{escape(topic.name)}</dt><dd>")
            pieces.append(self.markup(fromdocname, topic.links, False))
            pieces.append("</dd>\n")
        pieces.append("</dl>\n")
        return pieces

    def markup(
        self, fromdocname: str, links: Sequence[ExchangeLink], inline: bool
    ) -> str:
        """Links to exchanges: "a; b; c" (``inline``) or a bullet list."""
        rendered = [self._link(fromdocname, link, inline) for link in links]
        if inline:
            return "; ".join(rendered)
        return '<ul class="simple">\n' + "".join(rendered) + "</ul>\n"

    def _link(self, fromdocname: str, link: ExchangeLink, inline: bool) -> str:
        key = (fromdocname, link, inline)
        if key not in self.made:
            self.made[key] = _link_markup(
                link, self._uri(fromdocname, link.docname), inline
            )
        return self.made[key]

    def _uri(self, fromdocname: str, docname: str) -> str | None:
        key = (fromdocname, docname)
        if key not in self.uris:
            uri = relative_uri(self.builder, fromdocname, docname)
            # Single-page HTML answers "index.html#document-x"; the anchor
            # replaces that fragment (as Sphinx's own fix_refuris does).
            self.uris[key] = uri.split("#", 1)[0] if uri is not None else None
        return self.uris[key]


def _link_markup(link: ExchangeLink, uri: str | None, inline: bool) -> str:
    """One link (``uri`` None: the builder has no such page, so only its text).

    The question's first sentence is the link's tooltip in a line of links, and
    follows the link in a list, where a tooltip would only repeat it (screen
    readers would read it twice, and a large topic index would double in size).
    ``html.escape`` rather than the translator's ``encode``: the same safety,
    a third of the time over thousands of links.
    """
    text = f"<span>{escape(link.text)}</span>"
    if uri is not None:
        href = f"{uri}#{link.anchor}" if link.anchor else uri
        title = f' title="{escape(link.summary)}"' if inline and link.summary else ""
        text = f'<a class="reference internal" href="{escape(href)}"{title}>{text}</a>'
    if inline:
        return text
    summary = f" — {escape(link.summary)}" if link.summary else ""
    return f"<li><p>{text}{summary}</p></li>\n"


EXCHANGE_LINKS = (visit_exchange_links, None)
TOPIC_LIST = (visit_topic_list, None)


def render_index_page(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> str | None:
    """``html-page-context``: draw the index page with one anchor per topic.

    The theme's ``page.html`` frames it, so it looks like any other page.
    """
    if pagename != TOPIC_INDEX_PAGE or templatename != "domainindex.html":
        return None
    # Written as HTML directly, not through docutils: for a large archive the
    # page is megabytes, and docutils' writer would hold several copies of it.
    links = PageLinks(app.builder)
    title = TopicIndex.localname
    body = [
        f"<!-- {_MARK}{page_digest(app)} -->\n",
        '<div class="sphinx-interview-topic-page docutils container">\n',
        f"<h1>{html.escape(title)}</h1>\n",
    ]
    topics = interview_domain(app.env).tables.topics.topics
    for letter, group in by_letter(topics).items():
        body.append(
            f'<h2 class="rubric" id="cap-{html.escape(letter)}">'
            f"{html.escape(letter)}</h2>\n"
        )
        body.extend(links.topic_list(pagename, group, anchors=True))
    body.append("</div>\n")
    context["body"] = "".join(body)
    context["title"] = title
    context.setdefault("display_toc", False)
    return "page.html"


#: The comment at the start of the topic index page's body, with its digest.
_MARK = "sphinx-interview topic index "


def page_digest(app: Sphinx) -> str:
    """What the topic index page shows (its topics, as the published view has
    them) and how it is written (builder, configuration, tags, version)."""
    from .. import __version__

    info = getattr(app.builder, "build_info", None)
    return fingerprint(
        (
            interview_domain(app.env).data["published"].get("topics"),
            app.builder.name,
            getattr(info, "config_hash", None),
            getattr(info, "tags_hash", None),
            __version__,
        )
    )


def skip_unchanged_page(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: leave the topic index page as it is on disk when it
    would be written the same.

    Sphinx writes every domain index page in every build, and an archive's topic
    index is its largest page. After ``prepare_writing`` (which gave every page
    its navigation links, this page's included), taking the page out of the
    builder's ``domain_indices`` leaves it unwritten. Only for ``html`` and
    ``dirhtml``, whose pages the digest in the page's body stands for.
    """
    builder = app.builder
    indices: list[Any] = getattr(builder, "domain_indices", [])
    entry = next((e for e in indices if e[0] == TOPIC_INDEX_PAGE), None)
    domain = interview_domain(app.env)
    if (
        entry is None
        or builder.name not in {"html", "dirhtml"}
        or domain.topic_page_checked
    ):
        return
    domain.topic_page_checked = True
    # get_output_path since Sphinx 9; get_outfilename before.
    output_path = getattr(builder, "get_output_path", None) or builder.get_outfilename  # type: ignore[attr-defined]
    path = Path(output_path(TOPIC_INDEX_PAGE))
    try:
        with path.open(encoding="utf-8") as page:
            written = any(f"{_MARK}{page_digest(app)}" in line for line in page)
    except OSError:
        return
    if written:
        indices.remove(entry)
        domain.topic_page_kept = True


#: Builders whose topic index page ``render_index_page`` draws (the json and
#: pickle builders store the index's entries as data, and keep them).
DRAWING_BUILDERS = frozenset({"html", "dirhtml", "epub"})


def note_builder(app: Sphinx) -> None:
    """``builder-inited``: whether this build draws the topic index page."""
    interview_domain(app.env).topic_page_drawn = app.builder.name in DRAWING_BUILDERS
