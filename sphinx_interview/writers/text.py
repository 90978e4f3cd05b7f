"""Plain text: answers are indented under their question, as in a transcript."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.text import TextTranslator


def visit_answer(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state()


def depart_answer(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state()


ANSWER = (visit_answer, depart_answer)
