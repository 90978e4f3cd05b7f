"""Subtitles (WebVTT, SRT): cues grouped into turns by voice or "NAME:" label."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from .labels import speaker_turn
from .lines import clean
from .model import Role, Transcript, TranscriptError, Turn


@dataclass(frozen=True)
class _Line:
    """One line of a cue: its cue's start, the voice named on it, its text."""

    time: float
    text: str
    voice: str = ""


def parse_webvtt(text: str) -> Transcript:
    try:
        captions = webvtt.WebVTT.from_string(text, strict=True).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        raise TranscriptError(f"malformed WebVTT: {one_line(error)}") from None
    voice_span = webvtt.models.Caption.VOICE_SPAN_PATTERN
    lines: list[_Line] = []
    for caption in captions:
        start = caption.start_time.in_milliseconds() / 1000
        # Cue ids name cues, not speakers: they are not part of the text. Each
        # line may open its own voice span (two speakers in one cue).
        for raw, plain in zip(caption.lines, caption.text.split("\n"), strict=True):
            voice = voice_span.match(raw)
            name = clean(html.unescape(voice[1])) if voice else ""
            lines.append(_Line(start, html.unescape(plain), name))
    return _transcript(lines, "WebVTT")


# Formatting that SRT players understand: <i>, <b>, <u>, <font …> and {\an8}.
_SRT_FORMATTING = re.compile(r"</?(?:[ibu]|font)(?:\s[^<>]*)?>|\{\\[^{}]*\}", re.I)


def parse_srt(text: str) -> Transcript:
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        raise TranscriptError(f"malformed SRT: {one_line(error)}") from None
    except ValueError as error:
        raise TranscriptError(f"malformed SRT: {one_line(error)}") from None
    lines = [
        _Line(subtitle.start.total_seconds(), _SRT_FORMATTING.sub("", line))
        for subtitle in subtitles
        for line in subtitle.content.split("\n")
    ]
    return _transcript(lines, "SRT")


def _transcript(lines: Iterable[_Line], kind: str) -> Transcript:
    """Consecutive lines of one speaker form one turn of one paragraph.

    The speaker is the line's voice, else its "NAME:" label, else the speaker of
    the line before: services name a speaker when the speaker changes.
    """
    turns: list[Turn] = []
    speaker, named = "", False
    role: Role = ""
    for line in lines:
        text = clean(line.text)
        label = speaker_turn(text) if text and not line.voice else None
        if line.voice:
            speaker, role = line.voice, ""
        elif label is not None:
            speaker, role, text = label.speaker, label.role, clean(label.rest)
        named = named or bool(line.voice) or label is not None
        if not text:
            continue
        if turns and (turns[-1].speaker, turns[-1].role) == (speaker, role):
            turns[-1].paragraphs[0] += " " + text
        else:
            turns.append(Turn([text], speaker=speaker, role=role, time=line.time))
    if not turns:
        raise TranscriptError(f"the {kind} file holds no cues with text")
    if not named:
        raise TranscriptError(
            f"the {kind} cues name no speakers (no <v Name> voices, no 'NAME:' "
            "labels), so questions cannot be told from answers"
        )
    return Transcript(turns=turns)


def one_line(error: BaseException) -> str:
    """A library's error message, on one line and not too long."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"
