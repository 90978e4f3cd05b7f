"""HTML (and EPUB): semantic ``div``/``p`` markup, ``lang``, and ¶ permalinks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from docutils import nodes

from .. import nodes as interview_nodes
from ..i18n import _
from ..links import relative_uri

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from ..topics import TopicLink


def visit_block(self: HTML5Translator, node: nodes.Element) -> None:
    # Classes (sphinx-interview-*) and ids come from the node itself.
    attributes = {"lang": node["lang"]} if node.get("lang") else {}
    self.body.append(self.starttag(node, "div", "", **attributes))


def depart_block(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_header(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "p", ""))


def depart_header(self: HTML5Translator, node: nodes.Element) -> None:
    block = node.parent
    if isinstance(block, interview_nodes.question):
        self.add_permalink_ref(block, _("Link to this question"))
    elif isinstance(block, interview_nodes.answer):
        self.add_permalink_ref(block, _("Link to this answer"))
    self.body.append("</p>\n")


def visit_title(self: HTML5Translator, node: nodes.rubric) -> None:
    self.visit_rubric(node)


def depart_title(self: HTML5Translator, node: nodes.rubric) -> None:
    if isinstance(node.parent, interview_nodes.interview):
        self.add_permalink_ref(node.parent, _("Link to this interview"))
    self.depart_rubric(node)


def visit_exchange_links(self: HTML5Translator, node: nodes.Element) -> None:
    """The same markup docutils writes for references, at a fraction of the cost."""
    markup = _links_markup(self, node["fromdocname"], node["links"], node["inline"])
    self.body.append(" " + markup if node["inline"] else markup)
    raise nodes.SkipNode


def visit_topic_list(self: HTML5Translator, node: nodes.Element) -> None:
    """The definition list docutils would write for the topics and their links."""
    # Appended piece by piece, as docutils' own visitors do: the list of a large
    # glossary is megabytes, and joining it here would hold it twice.
    self.body.append('<dl class="simple sphinx-interview-topic-index">\n')
    for topic in node["topics"]:
        anchor = f' id="{escape(topic.anchor)}"' if node["anchors"] else ""
        self.body.append(f"<dt{anchor}>{escape(topic.name)}</dt><dd>")
        self.body.append(_links_markup(self, node["fromdocname"], topic.links, False))
        self.body.append("</dd>\n")
    self.body.append("</dl>\n")
    raise nodes.SkipNode


def _links_markup(
    self: HTML5Translator,
    fromdocname: str,
    links: Sequence[TopicLink],
    inline: bool,
) -> str:
    """Links to exchanges: "a; b; c" (``inline``) or a bullet list."""
    page: _PageLinks = self.__dict__.setdefault("_sphinx_interview_links", _PageLinks())
    rendered = [page.markup(self, fromdocname, link, inline) for link in links]
    if inline:
        return "; ".join(rendered)
    return '<ul class="simple">\n' + "".join(rendered) + "</ul>\n"


@dataclass
class _PageLinks:
    """The links one translator (one written page) has made so far.

    A topic index lists each exchange under several topics and links to each
    document many times: each link's markup and each document's URI are made
    once per page, and forgotten with the page.
    """

    uris: dict[tuple[str, str], str | None] = field(default_factory=dict)
    made: dict[tuple[str, TopicLink, bool], str] = field(default_factory=dict)

    def markup(
        self, writer: HTML5Translator, fromdocname: str, link: TopicLink, inline: bool
    ) -> str:
        key = (fromdocname, link, inline)
        if key not in self.made:
            self.made[key] = _link_markup(
                link, self.uri(writer, fromdocname, link.docname), inline
            )
        return self.made[key]

    def uri(
        self, writer: HTML5Translator, fromdocname: str, docname: str
    ) -> str | None:
        key = (fromdocname, docname)
        if key not in self.uris:
            uri = relative_uri(writer.builder, fromdocname, docname)
            # Single-page HTML answers "index.html#document-x"; the anchor
            # replaces that fragment (as Sphinx's own fix_refuris does).
            self.uris[key] = uri.split("#", 1)[0] if uri is not None else None
        return self.uris[key]


def _link_markup(link: TopicLink, uri: str | None, inline: bool) -> str:
    """One link (``uri`` None: the builder has no such page, so only its text).

    ``html.escape`` rather than the translator's ``encode``: the same safety,
    a third of the time over thousands of links.
    """
    text = f"<span>{escape(link.text)}</span>"
    if uri is not None:
        href = f"{uri}#{link.anchor}" if link.anchor else uri
        title = f' title="{escape(link.summary)}"' if link.summary else ""
        text = f'<a class="reference internal" href="{escape(href)}"{title}>{text}</a>'
    if inline:
        return text
    summary = f" — {escape(link.summary)}" if link.summary else ""
    return f"<li><p>{text}{summary}</p></li>\n"


BLOCK = (visit_block, depart_block)
HEADER = (visit_header, depart_header)
TITLE = (visit_title, depart_title)
EXCHANGE_LINKS = (visit_exchange_links, None)
TOPIC_LIST = (visit_topic_list, None)
