"""Plain text cut into turns at labelled lines, and the clean-up all formats share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..values import parse_time
from .model import Role, Turn


@dataclass(frozen=True)
class Label:
    """What starts a turn at the beginning of a line."""

    speaker: str = ""
    role: Role = ""
    time: float | None = None
    #: The text after the label on the same line.
    rest: str = ""


Matcher = Callable[[str], "Label | None"]


def clean(text: str) -> str:
    """One paragraph: whitespace runs made single spaces, control characters removed.

    Line breaks inside a paragraph are where a transcriber's editor wrapped it.
    """
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        text = "".join(
            " " if ch.isspace() else ch
            for ch in text
            if ch.isspace() or unicodedata.category(ch) != "Cc"
        )
    return " ".join(text.split())


def split_turns(
    text: str, match: Matcher, is_field: Callable[[str], bool] | None = None
) -> tuple[list[str], list[Turn]]:
    """Paragraphs before the first label, and one turn per labelled line.

    Blank lines separate paragraphs; a labelled line starts a turn even without a
    blank line before it. Before the first turn, a line for which ``is_field`` is
    true ("Interviewer: Jane Doe") is a paragraph of its own, for the header.
    """
    preamble: list[str] = []
    turns: list[Turn] = []
    lines: list[str] = []

    def flush() -> None:
        paragraph = clean(" ".join(lines))
        lines.clear()
        if paragraph:
            (turns[-1].paragraphs if turns else preamble).append(paragraph)

    for index, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not turns and is_field is not None and is_field(stripped):
            flush()
            lines.append(stripped)
            flush()
            continue
        label = match(stripped) if stripped else None
        if label is not None:
            flush()
            turns.append(
                Turn(
                    [],
                    speaker=clean(label.speaker),
                    role=label.role,
                    time=label.time,
                    line=index,
                )
            )
            lines.append(label.rest)
        elif stripped:
            lines.append(stripped)
        else:
            flush()
    flush()
    return preamble, [turn for turn in turns if turn.paragraphs]


def parse_clock(text: str) -> float | None:
    """Seconds of a clock time in a transcript: ``M:SS`` or ``H:MM:SS``, with an
    optional ``.fff`` or ``,fff`` (subtitles write a comma)."""
    text = text.strip()
    if ":" not in text:
        return None
    return parse_time(text.replace(",", "."))


# Page furniture after the last answer: a web page's "No comments:" or "Share
# this:", a label with nothing after it, and the footer of Otter exports.
_FURNITURE = re.compile(r".{1,40}:|Transcribed by https?://otter\.ai/?", re.IGNORECASE)


def drop_furniture(preamble: list[str], turns: list[Turn]) -> None:
    """Remove a trailing paragraph that is page furniture, not speech."""
    last = turns[-1].paragraphs if turns else preamble
    if len(last) > 1 and _FURNITURE.fullmatch(last[-1]):
        last.pop()
