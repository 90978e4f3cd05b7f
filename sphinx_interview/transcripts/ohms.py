"""OHMS XML (Oral History Metadata Synchronizer): record metadata, transcript, index."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from .header import is_field, parse_written_date, read_header
from .labels import speaker_turn
from .lines import clean, drop_furniture, parse_clock, split_turns
from .model import Transcript, TranscriptError, Turn
from .subtitles import one_line


@dataclass(frozen=True)
class IndexPoint:
    """A segment of the OHMS index: where it starts and what it is about."""

    time: float | None
    keywords: list[str]
    partial_transcript: str


def parse_ohms(text: str) -> Transcript:
    record = _record(_parse_xml(text))
    transcript = _text(_child(record, "transcript"))
    if not transcript.strip():
        raise TranscriptError(
            "the OHMS record has no transcript (an index-only record has no "
            "questions and answers to import)"
        )
    transcript, inline_marks = _take_inline_times(transcript)
    preamble, turns = split_turns(transcript, speaker_turn, is_field)
    drop_furniture(preamble, turns)
    marks = sorted(_sync_marks(_text(_child(record, "sync"))) + inline_marks)
    if marks:
        for turn in turns:
            turn.time = turn.time if turn.time is not None else _time_at(marks, turn)
    header = read_header(preamble)
    date_element = _child(record, "date")
    date = (date_element.get("value", "") if date_element is not None else "") or (
        _text(date_element) or _text(_child(record, "date_nonpreferred_format"))
    )
    media = _text(_child(record, "media_url")).strip()
    result = Transcript(
        turns=turns,
        introduction=header.introduction,
        title=clean(_text(_child(record, "title"))) or header.title,
        date=parse_written_date(date) or header.date,
        interviewers=_people(record, "interviewer") or header.interviewers,
        interviewees=_people(record, "interviewee") or header.interviewees,
        media=media if re.fullmatch(r"https?://\S+", media) else "",
    )
    _place_index(result, _index_points(record))
    return result


def _parse_xml(text: str) -> Element:
    try:
        # No DTD at all: entity expansion ("billion laughs") and external
        # entities both need one, and OHMS files never have one.
        return SafeElementTree.fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise TranscriptError(
            "hostile XML refused: it has a DOCTYPE declaration (entity definitions "
            "and external entities are not allowed)"
        ) from None
    except SyntaxError as error:
        # ElementTree's ParseError, of which older defusedxml has its own copy.
        raise TranscriptError(f"malformed XML: {one_line(error)}") from None


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _child(parent: Element, name: str) -> Element | None:
    return next((child for child in parent if _local(child) == name), None)


def _text(element: Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _record(root: Element) -> Element:
    if _local(root) == "record":
        return root
    records = [child for child in root if _local(child) == "record"]
    if _local(root) != "ROOT" or not records:
        raise TranscriptError(
            f"XML but not OHMS XML (root element <{_local(root)}>, no <record>)"
        )
    if len(records) > 1:
        raise TranscriptError(
            f"holds {len(records)} OHMS records; import one interview at a time"
        )
    return records[0]


def _people(record: Element, name: str) -> list[str]:
    return [
        person
        for child in record
        if _local(child) == name
        for person in (clean(part) for part in _text(child).split(";"))
        if person
    ]


# Some transcripts carry the minute marks in the text: "{00:05:00}".
_INLINE_TIME = re.compile(r"\{(\d{1,2}(?::\d{2}){1,2})\}")


def _take_inline_times(text: str) -> tuple[str, list[tuple[int, float]]]:
    marks: list[tuple[int, float]] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        for match in _INLINE_TIME.finditer(line):
            seconds = parse_clock(match[1])
            if seconds is not None:
                marks.append((index, seconds))
        lines[index] = _INLINE_TIME.sub("", line)
    return "\n".join(lines), marks


def _sync_marks(sync: str) -> list[tuple[int, float]]:
    """``<sync>``: "1:12|45|78" — each minute (the chunk size) starts at that line.

    Parenthesised parts ("12(3)") name a word in the line and are ignored.
    """
    size, _, rest = sync.strip().partition(":")
    if not size.strip().isdecimal() or not rest:
        return []
    minutes = int(size)
    lines = [part.strip() for part in re.sub(r"\(.*?\)", "", rest).split("|")]
    numbers = [int(part) for part in lines if part.isdecimal()]
    return [(0, 0.0)] + [
        (line, float(chunk * minutes * 60)) for chunk, line in enumerate(numbers, 1)
    ]


def _time_at(marks: list[tuple[int, float]], turn: Turn) -> float:
    """The time a turn starts, estimated between the marks around its first line."""
    position = bisect_right(marks, (turn.line, float("inf"))) - 1
    if position < 0:
        return 0.0
    line, time = marks[position]
    # Between two marks, or past the last at the pace of the two before it.
    pair = marks[position : position + 2] if position + 1 < len(marks) else []
    pair = pair or (marks[position - 1 : position + 1] if position else [])
    if len(pair) == 2:
        (first_line, first_time), (second_line, second_time) = pair
        if second_line > first_line and second_time > first_time:
            pace = (second_time - first_time) / (second_line - first_line)
            time += (turn.line - line) * pace
    return float(round(time))


def _index_points(record: Element) -> list[IndexPoint]:
    index = _child(record, "index")
    points: list[IndexPoint] = []
    for point in index if index is not None else []:
        if _local(point) != "point":
            continue
        try:
            time: float | None = float(_text(_child(point, "time")).strip())
        except ValueError:
            time = None
        keywords = [clean(word) for word in _text(_child(point, "keywords")).split(";")]
        points.append(
            IndexPoint(
                time,
                [word for word in keywords if word],
                clean(_text(_child(point, "partial_transcript"))),
            )
        )
    return sorted(points, key=lambda point: point.time or 0.0)


def _place_index(transcript: Transcript, points: list[IndexPoint]) -> None:
    """Each segment's keywords go to the turn its opening words are found in.

    Without those words in the transcript, to the turn spoken at the segment's
    time; without times either, to the whole interview.
    """
    turns = transcript.turns
    texts = [" ".join(turn.paragraphs) for turn in turns]
    timed = [
        (turn.time, number)
        for number, turn in enumerate(turns)
        if turn.time is not None
    ]
    for point in points:
        label = speaker_turn(point.partial_transcript)
        opening = (label.rest if label else point.partial_transcript)[:60].strip()
        found = next(
            (
                number
                for number, text in enumerate(texts)
                if opening and opening in text
            ),
            None,
        )
        # An indexer sets a segment's time by ear: better than times estimated
        # from the sync lines, when the segment starts with the turn.
        at_start = found is not None and texts[found].startswith(opening)
        if at_start and found is not None and point.time is not None:
            turns[found].time = point.time
        if found is None and point.time is not None and timed:
            found = max(
                (number for time, number in timed if time <= point.time), default=0
            )
        target = turns[found].topics if found is not None else transcript.topics
        target.extend(word for word in point.keywords if word not in target)
