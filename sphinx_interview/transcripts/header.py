"""The lines before the first question: title, date, names, and the introduction."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .labels import is_name

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH_FIRST = re.compile(
    _WEEKDAY + r"(?P<month>[a-z]+)\.?\s+(?:(?P<day>\d{1,2}),?\s+)?(?P<year>\d{4})",
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})\.?\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")


def parse_written_date(text: str) -> str | None:
    """``May 22, 2007``, ``22 May 2007``, ``May 2007`` or ISO, as an ISO date."""
    text = text.strip()
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        match = pattern.fullmatch(text)
        if not match:
            continue
        month_text = match["month"].casefold()
        month = int(month_text) if month_text.isdecimal() else _MONTHS.get(month_text)
        if month is None:
            return None
        year, day = int(match["year"]), match["day"]
        try:
            dt.date(year, month, int(day) if day else 1)
        except ValueError:
            return None
        iso = f"{year:04d}-{month:02d}"
        return f"{iso}-{int(day):02d}" if day else iso
    return None


_FIELD = re.compile(
    r"(?P<key>title|date|interviewers?|interviewees?|narrators?)\s*:\s*(?P<value>.+)",
    re.IGNORECASE,
)
_PEOPLE_SEPARATOR = re.compile(r"\s*(?:;|&|\band\b)\s*")


def _people(value: str) -> list[str] | None:
    """Names separated by ``;``, ``&`` or "and"; None unless each reads as a name."""
    names = [name for name in _PEOPLE_SEPARATOR.split(value.strip()) if name]
    parts = [part.strip() for name in names for part in name.split(",")]
    if names and all(is_name(part) for part in parts if part):
        return names
    return None


def is_field(line: str) -> bool:
    """Whether ``line`` is a header field such as "Interviewer: Jane Doe".

    "INTERVIEWER: Where were you born?" is a turn, not a field: the value of a
    people field must read as names.
    """
    match = _FIELD.fullmatch(line)
    if not match:
        return False
    key = match["key"].casefold()
    if key == "date":
        return parse_written_date(match["value"]) is not None
    return key == "title" or _people(match["value"]) is not None


@dataclass
class Header:
    title: str = ""
    date: str = ""
    interviewers: list[str] = field(default_factory=list)
    interviewees: list[str] = field(default_factory=list)
    introduction: list[str] = field(default_factory=list)


_INTERVIEWEE_IN_TITLE = re.compile(
    r"(?:.*\b)?interview\s*(?::|\bwith\b|\bof\b)\s*(?P<name>[^,;:(\[\u2013\u2014]+?)"
    r"\s*(?:[,;:(\[\u2013\u2014]|\s-\s|$)",
    re.IGNORECASE,
)


def tidy_title(text: str) -> str:
    """English spacing: "Interview : A ,B" becomes "Interview: A, B"."""
    return re.sub(r"\s+([,:;])\s*", r"\1 ", text).strip()


def read_header(paragraphs: list[str]) -> Header:
    """Fields, a date line and a title line; other paragraphs are the introduction.

    The title is the first paragraph other than a field or a date, when it is one
    short line that does not end like a sentence.
    """
    header = Header()
    title_checked = False
    for paragraph in paragraphs:
        match = _FIELD.fullmatch(paragraph)
        if match and is_field(paragraph):
            key, value = match["key"].casefold().rstrip("s"), match["value"].strip()
            if key == "title":
                header.title = header.title or value
            elif key == "date":
                header.date = header.date or parse_written_date(value) or ""
            elif key == "interviewer":
                header.interviewers += _people(value) or []
            else:
                header.interviewees += _people(value) or []
            continue
        date = parse_written_date(paragraph)
        if date and not header.date:
            header.date = date
            continue
        if not title_checked:
            title_checked = True
            short = len(paragraph) <= 150 and paragraph[-1] not in ".?!"
            if short and not header.title:
                header.title = tidy_title(paragraph)
                continue
        header.introduction.append(paragraph)
    if header.title and not header.interviewees:
        match = _INTERVIEWEE_IN_TITLE.match(header.title)
        if match and is_name(match["name"]):
            header.interviewees = [match["name"]]
    return header
