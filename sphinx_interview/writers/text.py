"""Plain text: answers indented under their question, as in a transcript; the
interview's title marked as a rubric is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.text import TextTranslator


def visit_answer(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state()


def depart_answer(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state()


def visit_title(self: TextTranslator, node: nodes.Element) -> None:
    self.visit_rubric(node)


def depart_title(self: TextTranslator, node: nodes.Element) -> None:
    self.depart_rubric(node)


ANSWER = (visit_answer, depart_answer)
TITLE = (visit_title, depart_title)
