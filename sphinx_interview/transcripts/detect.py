"""Which input format a transcript is in, from its content."""

from __future__ import annotations

import re

from .labels import numbered_question, otter_header, question_or_answer, speaker_turn
from .model import TranscriptError

FORMATS = ("numbered", "qa", "speakers", "otter", "webvtt", "srt", "ohms")

_SRT_TIMING = re.compile(r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")


def detect_format(text: str) -> str:
    """The first format whose signs the text shows, the most specific signs first."""
    start = text.lstrip("\ufeff \t\n")
    if start.startswith("WEBVTT"):
        return "webvtt"
    if start.startswith("<"):
        return "ohms"
    lines = [line.strip() for line in text.split("\n")]
    filled = [line for line in lines if line]
    if len(filled) >= 2 and filled[0].isdecimal() and _SRT_TIMING.match(filled[1]):
        return "srt"
    if any(numbered_question(line) for line in filled):
        return "numbered"
    if sum(1 for line in filled if otter_header(line)) >= 2:
        return "otter"
    names: set[str] = set()
    roles: set[str] = set()
    for line in filled:
        label = speaker_turn(line)
        if label is not None and label.speaker:
            names.add(label.speaker.casefold())
        elif label is not None:
            roles.add(label.role)
    if len(names) >= 2:
        return "speakers"
    qa = {label.role for line in filled if (label := question_or_answer(line))}
    if qa == {"question", "answer"}:
        return "qa"
    if names and roles:
        return "speakers"
    raise TranscriptError(
        "no questions found: not a format this command reads (numbered "
        '"1. Question:", "Q:"/"A:", "NAME: text", Otter, WebVTT, SRT, OHMS XML); '
        "name one with --format"
    )
