"""HTML: generated lists of links to exchanges ("Mentioned in", topics, speakers),
written as HTML directly (the index pages drawn from them: ``html_index_pages.py``).

An archive's index lists hold thousands of links; as docutils nodes they cost
more time and memory than the rest of the extension together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from docutils import nodes

from ..links import relative_uri
from ..locale import _
from ..names import by_letter

if TYPE_CHECKING:
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
            # "" within the page, single-page HTML's documents included.
            self.uris[key] = relative_uri(self.builder, fromdocname, docname)
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
