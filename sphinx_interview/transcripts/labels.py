"""The labels that start turns: "Q:", "1. Question:", "NAME:", Otter headers."""

from __future__ import annotations

import re

from .lines import Label, parse_clock
from .model import Role

# Labels are looked for in a line's first characters only: a long line cannot
# make the patterns slow, and no real label is longer.
_HEAD = 120

_QUESTION = re.compile(
    r"(?:(?P<number>\d+)\s*[.)]\s*)?(?:Question|QUESTION|Q)(?:\s*(?P<n2>\d+))?"
    r"\s*(?P<separator>:|\.(?=\s))\s*"
)
_ANSWER = re.compile(r"(?:Answer|ANSWER|A)\s*(?P<separator>:|\.(?=\s))\s*")
_ROLES = {
    "q": "question",
    "question": "question",
    "a": "answer",
    "answer": "answer",
}

_NAMED = re.compile(
    r"(?:[\[(]?(?P<time>\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)[\])]?\s+)?"
    r"(?P<name>[^\W\d_][^:]{0,59}?)\s*:(?:\s+|$)"
)
_OTTER = re.compile(r"(?P<name>[^\W\d_].{0,59}?)\s+(?P<time>\d{1,3}(?::\d{2}){1,2})")

# Lowercase words that belong inside names ("Ludwig van Beethoven").
_PARTICLES = frozenset(
    {"al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du"}
    | {"el", "ibn", "la", "le", "st", "van", "von", "y", "zu"}
)
# Labels that introduce a note, not a speaker.
NOT_SPEAKERS = frozenset(
    {"date", "editor's", "interview", "keywords", "location", "note", "notes"}
    | {"place", "ps", "p.s.", "re", "source", "subject", "summary", "tags", "time"}
    | {"title", "topic", "topics", "transcript", "translation", "update", "warning"}
)
# Characters of names besides letters and digits; "\u2019" is the typographic
# apostrophe (O\u2019Brien).
_NAME_PUNCTUATION = ".'\u2019-"


def is_name(text: str) -> bool:
    """Whether ``text`` reads as a speaker's name: one to five capitalised words."""
    words = text.split()
    if not 1 <= len(words) <= 5 or text.casefold() in NOT_SPEAKERS:
        return False
    for position, word in enumerate(words):
        if not all(ch.isalnum() or ch in _NAME_PUNCTUATION for ch in word):
            return False
        if not (
            word[0].isupper()
            or (position and (word[0].isdecimal() or word in _PARTICLES))
        ):
            return False
    return True


def question_or_answer(line: str, separator: str = "") -> Label | None:
    """``1. Question: …``, ``Q: …``, ``Q. …``, ``Answer: …``, ``A: …``.

    With ``separator``, only labels ending in it count: in a transcript labelled
    "A:", a paragraph that starts "A. Lincoln said" is not an answer.
    """
    head = line[:_HEAD]
    roles: tuple[tuple[Role, re.Pattern[str]], ...] = (
        ("question", _QUESTION),
        ("answer", _ANSWER),
    )
    for role, pattern in roles:
        match = pattern.match(head)
        if match and separator in ("", match["separator"]):
            return Label(role=role, rest=line[match.end() :])
    return None


def label_separator(text: str) -> str:
    """ ":" or ".", whichever ends the transcript's first question label."""
    for line in text.split("\n"):
        match = _QUESTION.match(line.strip()[:_HEAD])
        if match:
            return match["separator"]
    return ""


def numbered_question(line: str) -> bool:
    match = _QUESTION.match(line[:_HEAD])
    return bool(match and (match["number"] or match["n2"]))


def speaker_turn(line: str) -> Label | None:
    """``NAME: text``, optionally after a time (``[0:01:23] NAME: text``).

    ``Q:`` and ``A:`` are roles, not names.
    """
    match = _NAMED.match(line[:_HEAD])
    if not match:
        return None
    name = " ".join(match["name"].split())
    rest = line[match.end() :]
    time = parse_clock(match["time"]) if match["time"] else None
    role = _ROLES.get(name.casefold())
    if role == "question":
        return Label(role="question", time=time, rest=rest)
    if role == "answer":
        return Label(role="answer", time=time, rest=rest)
    if not is_name(name):
        return None
    return Label(speaker=name, time=time, rest=rest)


def otter_header(line: str) -> Label | None:
    """``Name  0:01:23`` alone on a line; the turn's text follows on the next lines."""
    match = _OTTER.fullmatch(line[:_HEAD])
    if not match or not is_name(match["name"]):
        return None
    return Label(speaker=match["name"], time=parse_clock(match["time"]))
