"""Plain-text transcripts: numbered press style, Q:/A:, NAME: turns, Otter exports."""

from __future__ import annotations

from functools import partial

from .header import is_field, read_header
from .labels import label_separator, otter_header, question_or_answer, speaker_turn
from .lines import Matcher, drop_furniture, split_turns
from .model import Transcript


def parse_plain(text: str, format_name: str) -> Transcript:
    """Turns at each labelled line; the lines before the first are the header."""
    match: Matcher
    if format_name in ("numbered", "qa"):
        match = partial(question_or_answer, separator=label_separator(text))
    else:
        match = otter_header if format_name == "otter" else speaker_turn
    preamble, turns = split_turns(text, match, is_field)
    drop_furniture(preamble, turns)
    header = read_header(preamble)
    return Transcript(
        turns=turns,
        introduction=header.introduction,
        title=header.title,
        date=header.date,
        interviewers=header.interviewers,
        interviewees=header.interviewees,
    )
