"""The text of a question or answer (the words spoken, without what the
extension adds), and short texts made from long ones: a question's summary
(link titles, lists, the page contents), a definition's first sentence
(tooltips)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes

#: How long the question text in a ``:ref:`` title may grow before it is cut.
SUMMARY_LENGTH = 100
#: How long a tooltip (a definition's first sentence) may grow before it is cut.
TOOLTIP_LENGTH = 200

# A sentence ends at . ? ! … before a space, or at the full-width and Arabic marks,
# which need no space after them.
_SENTENCE_END = re.compile(r"(?<=[.?!…])\s|(?<=[\u3002\uff01\uff1f\u061f])")


def summarize(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut at a word boundary if still too long."""
    text = " ".join(text.split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


#: What a question or answer holds that is not the speaker's words.
_NOT_SPOKEN = (
    interview_nodes.interview_header,
    nodes.system_message,
    nodes.target,
    addnodes.index,
    nodes.comment,
)
_BLANK_LINE = re.compile(r"\n\s*\n")


def _spoken(node: nodes.Element) -> Iterator[str]:
    """The text of each of a question's or answer's own elements."""
    for child in node.children:
        if not isinstance(child, _NOT_SPOKEN):
            yield child.astext()


def body_text(node: nodes.Element) -> str:
    """The text of a question or answer without its generated header, on one
    line (summaries are made from it)."""
    return " ".join(_spoken(node))


def plain_text(node: nodes.Element) -> str:
    """A question's or answer's words with their paragraphs (and other body
    elements) separated by blank lines (the exports)."""
    parts = (
        " ".join(part.split())
        for text in _spoken(node)
        for part in _BLANK_LINE.split(text)
    )
    return "\n\n".join(part for part in parts if part)
