"""LaTeX: environments from ``sphinxinterview.sty``, with a ``\\label`` per anchor.

Every id becomes a ``\\label`` (docutils puts none on containers), so that
references to questions and answers resolve in the PDF instead of printing "??".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

#: The LaTeX package shipped in ``static/`` and loaded by every LaTeX build.
PACKAGE = "sphinxinterview"


Visitor = Callable[["LaTeXTranslator", nodes.Element], None]


def _environment(name: str) -> tuple[Visitor, Visitor]:
    def visit(self: LaTeXTranslator, node: nodes.Element) -> None:
        labels = self.hypertarget_to(node, anchor=True) if node["ids"] else ""
        self.body.append(f"\n\\begin{{{name}}}{labels}\n")

    def depart(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.body.append(f"\n\\end{{{name}}}\n")

    return visit, depart


INTERVIEW = _environment("sphinxinterview")
EXCHANGE = _environment("sphinxinterviewexchange")
QUESTION = _environment("sphinxinterviewquestion")
ANSWER = _environment("sphinxinterviewanswer")


def visit_header(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\sphinxinterviewheader{")


def depart_header(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}\n")


HEADER = (visit_header, depart_header)


def visit_title(self: LaTeXTranslator, node: nodes.Element) -> None:
    # A rubric's markup, without the rubric's rule that drops "Footnotes".
    self.body.append(r"\subsubsection*{")
    self.context.append("}\n")
    self.in_title = 1


def depart_title(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.in_title = 0
    self.body.append(self.context.pop())


TITLE = (visit_title, depart_title)


def visit_exchange_index(self: LaTeXTranslator, node: nodes.Element) -> None:
    """Sphinx's ``\\index`` entries, each second level given a sort key whose
    numbers are padded: makeindex sorts keys as text, and "Ivanov 2007, Q10"
    would come before "Ivanov 2007, Q2"."""
    start = len(self.body)
    try:
        self.visit_index(node)
    finally:
        self.body[start:] = [_numbered_keys(piece) for piece in self.body[start:]]


#: ``\index{key@text!key@text}``; makeindex quotes ``!`` and ``@`` with ``"``.
_SUBENTRY = re.compile(r'(\\index\{(?:[^!"]|".)*!)((?:[^@"]|".)*)@')


def _numbered_keys(piece: str) -> str:
    return _SUBENTRY.sub(
        lambda found: (
            found[1] + re.sub(r"\d+", lambda number: number[0].zfill(6), found[2]) + "@"
        ),
        piece,
    )


EXCHANGE_INDEX = (visit_exchange_index, None)
