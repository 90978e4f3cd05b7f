"""Texinfo: an ``@anchor`` for every id, so cross-references have somewhere to go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.texinfo import TexinfoTranslator


def visit_block(self: TexinfoTranslator, node: nodes.Element) -> None:
    for node_id in node["ids"]:
        self.add_anchor(node_id, node)


def depart_block(self: TexinfoTranslator, node: nodes.Element) -> None:
    pass


BLOCK = (visit_block, depart_block)
