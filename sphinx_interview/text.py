"""Plain-text helpers: the short summaries used in link titles and tooltips."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.?!…])\s")


def summarize(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut at a word boundary if still too long."""
    text = " ".join(text.split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
