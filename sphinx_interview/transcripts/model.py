"""A parsed transcript (turns: speaker, text, time; metadata) and what is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: What a label in the transcript says a turn is ("Q:", "Answer:"); "" when unlabelled.
Role = Literal["question", "answer", ""]


class TranscriptError(Exception):
    """Input that cannot be imported; the message is one line for the user."""


@dataclass
class Turn:
    """One stretch of speech by one speaker, as found in the transcript."""

    paragraphs: list[str]
    speaker: str = ""
    role: Role = ""
    #: Offset into the recording, in seconds.
    time: float | None = None
    topics: list[str] = field(default_factory=list)
    #: Index of the source line the turn starts on (OHMS sync points count lines).
    line: int = 0


@dataclass
class Transcript:
    """Everything read from an input file, before roles are decided."""

    turns: list[Turn]
    introduction: list[str] = field(default_factory=list)
    title: str = ""
    date: str = ""
    interviewers: list[str] = field(default_factory=list)
    interviewees: list[str] = field(default_factory=list)
    media: str = ""
    #: Topics that could not be placed on one exchange.
    topics: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A question or an answer as it will be written."""

    kind: Literal["question", "answer"]
    paragraphs: list[str]
    #: Written as ``:speaker:``; empty when the interview's default speaker spoke.
    speaker: str = ""
    time: float | None = None
    topics: list[str] = field(default_factory=list)


@dataclass
class Interview:
    """The interview to write: options, introduction and blocks."""

    blocks: list[Block]
    introduction: list[str] = field(default_factory=list)
    title: str = ""
    name: str = ""
    date: str = ""
    interviewers: list[str] = field(default_factory=list)
    interviewees: list[str] = field(default_factory=list)
    media: str = ""
    topics: list[str] = field(default_factory=list)
    #: The input file's name, for a comment at the top of the output.
    source_name: str = ""
