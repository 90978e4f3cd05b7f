"""HTML: generated lists of links to exchanges ("Mentioned in", topics, speakers)
and the topic and speaker index pages, written as HTML directly.

An archive's index lists hold thousands of links; as docutils nodes they cost
more time and memory than the rest of the extension together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..domain import interview_domain
from ..index_pages import SpeakerIndex, TopicIndex
from ..links import INDEX_PAGES, relative_uri
from ..locale import _
from ..mentions import fingerprint
from ..names import by_letter

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from ..archive import ExchangeLink
    from ..names import Heading


def visit_exchange_links(self: HTML5Translator, node: nodes.Element) -> None:
    """The same markup docutils writes for references, at a fraction of the cost."""
    markup = _page_links(self).markup(
        node["fromdocname"], node["links"], node["inline"]
    )
    self.body.append(" " + markup if node["inline"] else markup)
    raise nodes.SkipNode


def visit_index_list(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.extend(
        _page_links(self).index_list(
            node["fromdocname"], node["headings"], node["prefix"], node["level"]
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

    An index lists each exchange under several headings and links to each
    document many times: each link's markup and each document's URI are made
    once per page, and forgotten with the page.
    """

    builder: Builder
    uris: dict[tuple[str, str], str | None] = field(default_factory=dict)
    made: dict[tuple[str, ExchangeLink, bool], str] = field(default_factory=dict)

    def index_list(
        self, fromdocname: str, headings: Sequence[Heading], prefix: str, level: int
    ) -> Iterator[str]:
        """Pieces of an index: letters to jump to, then for each letter its
        headings (name, count) and their links.

        Pieces, not one string: a large glossary's index is megabytes, and the
        caller's own joining is then the only copy.
        """
        groups = by_letter(headings)
        ids = {letter: f"{prefix}letter-{_slug(letter)}" for letter in groups}
        yield '<div class="sphinx-interview-index">\n'
        label = escape(_("Letters"))
        yield f'<nav class="sphinx-interview-letters" aria-label="{label}">'
        yield " ".join(f'<a href="#{ids[g]}">{escape(g)}</a>' for g in groups)
        yield "</nav>\n"
        top, sub = min(level, 6), min(level + 1, 6)
        for letter, group in groups.items():
            yield (
                f'<div class="sphinx-interview-letter-group" id="{ids[letter]}">\n'
                f'<h{top} class="sphinx-interview-letter">{escape(letter)}</h{top}>\n'
            )
            for item in group:
                yield (
                    f'<div class="sphinx-interview-index-entry" '
                    f'id="{escape(prefix + item.anchor)}">\n'
                    f'<h{sub} class="sphinx-interview-index-name">{escape(item.name)}'
                    f' <span class="sphinx-interview-count">({item.count})</span>'
                    f"</h{sub}>\n"
                )
                yield self.markup(fromdocname, item.links, False)
                yield "</div>\n"
            yield "</div>\n"
        yield "</div>\n"

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


def _slug(letter: str) -> str:
    """A letter as part of an id that XHTML (EPUB) accepts too."""
    return letter.lower() if letter.isalnum() else "other"


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
INDEX_LIST = (visit_index_list, None)


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
    interview_domain(app.env).builder_name = app.builder.name
