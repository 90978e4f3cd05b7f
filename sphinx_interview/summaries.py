"""Short texts made from long ones: a question's summary (link titles, lists,
the page contents), a definition's first sentence (tooltips)."""

from __future__ import annotations

import re

from docutils import nodes

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


def body_text(node: nodes.Element) -> str:
    """The text of a question or answer without its generated header."""
    return " ".join(
        child.astext()
        for child in node.children
        if not isinstance(
            child, (interview_nodes.interview_header, nodes.system_message)
        )
    )
