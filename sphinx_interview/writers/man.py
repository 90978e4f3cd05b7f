"""Manual pages: the interview's title set apart as a rubric is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.manpage import ManualPageTranslator


def visit_title(self: ManualPageTranslator, node: nodes.Element) -> None:
    # A rubric's markup, without the rubric's rule that drops "Footnotes".
    self.ensure_eol()
    self.body.append(".sp\n")


def depart_title(self: ManualPageTranslator, node: nodes.Element) -> None:
    self.body.append("\n")


TITLE = (visit_title, depart_title)
