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


def visit_title(self: TexinfoTranslator, node: nodes.Element) -> None:
    # A rubric's markup, without the rubric's rule that drops "Footnotes".
    rubrics = self.rubrics
    self.body.append(f"\n{rubrics[min(self.section_level, len(rubrics) - 1)]} ")
    self.escape_newlines += 1


def depart_title(self: TexinfoTranslator, node: nodes.Element) -> None:
    self.escape_newlines -= 1
    self.body.append("\n\n")


TITLE = (visit_title, depart_title)
