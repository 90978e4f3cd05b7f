"""The shape of ``interviews.json``, version 1: what every export is made of.

``interviews.schema.json`` beside this module describes the same for readers
of the file; a test keeps the two in agreement.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

#: The version of the format, ``"version"`` in ``interviews.json``.
FORMAT_VERSION = 1


class Block(TypedDict):
    speaker: str
    speakers: list[str]
    text: str
    anchor: str
    url: str
    time: NotRequired[float]
    timecode: NotRequired[str]


class Exchange(TypedDict):
    number: int
    anchor: str
    url: str
    summary: str
    topics: list[str]
    terms: list[str]
    question: Block
    answers: list[Block]


class Interview(TypedDict):
    id: str
    title: str
    short: str
    date: str | None
    interviewer: str | None
    interviewers: list[str]
    interviewee: str | None
    interviewees: list[str]
    docname: str
    anchor: str
    url: str
    language: str | None
    media: str | None
    topics: list[str]
    exchanges: list[Exchange]


def as_json_value(interviews: list[Interview]) -> dict[str, Any]:
    return {"version": FORMAT_VERSION, "interviews": interviews}


def all_topics(interview: Interview) -> list[str]:
    """The interview's topics and its exchanges', each once, in order."""
    topics = [*interview["topics"]]
    for exchange in interview["exchanges"]:
        topics += exchange["topics"]
    return list(dict.fromkeys(topics))
