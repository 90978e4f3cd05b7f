"""From a transcript file to an interview source file: read, parse, arrange, write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docutils.nodes import make_id

from .arrange import arrange
from .detect import detect_format
from .model import Transcript
from .ohms import parse_ohms
from .plaintext import parse_plain
from .reading import decode, read_bytes
from .subtitles import parse_srt, parse_webvtt
from .writers import WRITERS

PARSERS: dict[str, Callable[[str], Transcript]] = {
    "numbered": lambda text: parse_plain(text, "numbered"),
    "qa": lambda text: parse_plain(text, "qa"),
    "speakers": lambda text: parse_plain(text, "speakers"),
    "otter": lambda text: parse_plain(text, "otter"),
    "webvtt": parse_webvtt,
    "srt": parse_srt,
    "ohms": parse_ohms,
}


def _people(value: str) -> list[str]:
    return [" ".join(name.split()) for name in value.split(";") if name.strip()]


@dataclass(frozen=True)
class ImportOptions:
    """What the user asked for; ``None`` leaves a value to the transcript."""

    to: str = "rst"
    format: str = "auto"
    encoding: str | None = None
    title: str | None = None
    name: str | None = None
    date: str | None = None
    interviewer: str | None = None
    interviewee: str | None = None
    media: str | None = None


def parse_text(text: str, options: ImportOptions) -> Transcript:
    """The transcript in ``text``, with the user's values filled in."""
    kind = detect_format(text) if options.format == "auto" else options.format
    transcript = PARSERS[kind](text)
    # Names given by the user decide who asks and who answers, so they are set
    # before the roles are decided.
    if options.interviewer is not None:
        transcript.interviewers = _people(options.interviewer)
    if options.interviewee is not None:
        transcript.interviewees = _people(options.interviewee)
    if options.title is not None:
        transcript.title = " ".join(options.title.split())
    if options.date is not None:
        transcript.date = options.date.strip()
    if options.media is not None:
        transcript.media = options.media.strip()
    return transcript


def convert(
    text: str, options: ImportOptions, *, stem: str = "", source: str = ""
) -> str:
    """The interview source file for the transcript ``text``.

    ``stem`` names the interview when ``options.name`` does not (the output
    file's name, which is unique in a project, else the input's).
    """
    interview = arrange(parse_text(text, options))
    name = options.name if options.name is not None else make_id(stem)
    interview.name = " ".join(name.split())
    interview.source_name = source
    return WRITERS[options.to](interview)


def import_file(path: Path, options: ImportOptions, output: Path | None = None) -> str:
    """Read ``path`` and return the interview source file's text.

    Raises :class:`~.model.TranscriptError` with a one-line message for bad input.
    """
    text = decode(read_bytes(path), options.encoding)
    stem = (output or path).stem
    return convert(text, options, stem=stem, source=path.name)
