"""Links made while writing: one place that knows a target may have no page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from . import nodes as interview_nodes

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .topics import TopicLink


def link_or_text(
    builder: Builder,
    fromdocname: str,
    todocname: str,
    anchor: str,
    contnode: nodes.Element,
    title: str | None = None,
) -> nodes.Element:
    """A reference to ``todocname#anchor``, or just ``contnode`` where the builder
    has no such page (``NoUri``: LaTeX and Texinfo for the topic index page)."""
    try:
        return make_refnode(builder, fromdocname, todocname, anchor, contnode, title)
    except NoUri:
        return contnode


def relative_uri(builder: Builder, fromdocname: str, todocname: str) -> str | None:
    """The URI of ``todocname`` seen from ``fromdocname`` ("" for the same page),
    or None where the builder has no page for it."""
    if fromdocname == todocname:
        return ""
    try:
        return builder.get_relative_uri(fromdocname, todocname)
    except NoUri:
        return None


def exchange_links(
    builder: Builder,
    fromdocname: str,
    links: Sequence[TopicLink],
    *,
    inline: bool,
) -> list[nodes.Node]:
    """Links to exchanges: "a; b; c" (``inline``) or a bullet list with summaries.

    HTML builders get one :class:`~sphinx_interview.nodes.exchange_links` node,
    drawn by ``writers/html.py``; other builders the same content as standard
    nodes, which their writers know.
    """
    if builder.format == "html":
        return [
            interview_nodes.exchange_links(
                links=tuple(links), fromdocname=fromdocname, inline=inline
            )
        ]
    references = [
        link_or_text(
            builder,
            fromdocname,
            link.docname,
            link.anchor,
            nodes.inline(link.text, link.text),
            # In a list the summary follows the link (see writers/html.py).
            (link.summary or None) if inline else None,
        )
        for link in links
    ]
    if inline:
        content: list[nodes.Node] = []
        for index, reference in enumerate(references):
            content += [nodes.Text(" " if index == 0 else "; "), reference]
        return content
    items = nodes.bullet_list()
    for link, reference in zip(links, references, strict=True):
        paragraph = nodes.paragraph("", "", reference, translatable=False)
        if link.summary:
            paragraph += nodes.Text(f" — {link.summary}")
        items += nodes.list_item("", paragraph)
    return [items]


def source_docname(env: BuildEnvironment, node: nodes.Node, default: str) -> str:
    """The document a node was read from.

    When writing, LaTeX and single-page HTML resolve one doctree assembled from
    every document, so the document being written does not tell a node's origin.
    """
    docname = env.path2doc(node.source) if node.source else None
    return docname or default
