"""Plain-text transcripts: numbered press style, Q:/A:, NAME: turns, Otter exports."""

from __future__ import annotations

from .header import is_field, read_header
from .labels import otter_header, question_or_answer, speaker_turn
from .lines import Matcher, drop_furniture, split_turns
from .model import Transcript

MATCHERS: dict[str, Matcher] = {
    "numbered": question_or_answer,
    "qa": question_or_answer,
    "speakers": speaker_turn,
    "otter": otter_header,
}


def parse_plain(text: str, format_name: str) -> Transcript:
    """Turns at each labelled line; the lines before the first are the header."""
    preamble, turns = split_turns(text, MATCHERS[format_name], is_field)
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
