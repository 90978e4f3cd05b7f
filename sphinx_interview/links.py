"""Links made while writing: one place that knows a target may have no page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


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


def source_docname(env: BuildEnvironment, node: nodes.Node, default: str) -> str:
    """The document a node was read from.

    When writing, LaTeX and single-page HTML resolve one doctree assembled from
    every document, so the document being written does not tell a node's origin.
    """
    docname = env.path2doc(node.source) if node.source else None
    return docname or default
