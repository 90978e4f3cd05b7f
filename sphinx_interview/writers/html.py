"""HTML (and EPUB): semantic ``div``/``p`` markup, ``lang``, and ¶ permalinks."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes

from .. import nodes as interview_nodes
from ..i18n import _
from ..links import relative_uri

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


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
    """The same markup docutils writes for references, at a fraction of the cost.

    (``html.escape`` rather than the translator's ``encode``: the same safety,
    a third of the time over thousands of links.)
    """
    builder = self.builder
    uris: dict[str, str | None] = {}
    rendered: list[str] = []
    for link in node["links"]:
        if link.docname not in uris:
            uri = relative_uri(builder, node["fromdocname"], link.docname)
            # Single-page HTML answers "index.html#document-x"; the anchor
            # replaces that fragment (as Sphinx's own fix_refuris does).
            uris[link.docname] = uri.split("#", 1)[0] if uri is not None else None
        text = f"<span>{escape(link.text)}</span>"
        uri = uris[link.docname]
        if uri is not None:
            href = f"{uri}#{link.anchor}" if link.anchor else uri
            title = f' title="{escape(link.summary)}"' if link.summary else ""
            text = (
                f'<a class="reference internal" href="{escape(href)}"{title}>{text}</a>'
            )
        if not node["inline"]:
            summary = f" — {escape(link.summary)}" if link.summary else ""
            text = f"<li><p>{text}{summary}</p></li>\n"
        rendered.append(text)
    if node["inline"]:
        self.body.append(" " + "; ".join(rendered))
    else:
        self.body.append('<ul class="simple">\n' + "".join(rendered) + "</ul>\n")
    raise nodes.SkipNode


BLOCK = (visit_block, depart_block)
HEADER = (visit_header, depart_header)
TITLE = (visit_title, depart_title)
EXCHANGE_LINKS = (visit_exchange_links, None)
