"""Option values: lists, dates, URLs, language tags, times; parsed here, warned about by
the directives."""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import urlsplit


def one_line(value: str) -> str:
    """Whitespace collapsed: a value written over several lines is one line of text
    (it ends up in link texts, ``objects.inv`` and tooltips)."""
    return " ".join(value.split())


def split_list(value: str | None) -> tuple[str, ...]:
    """Split a ``;``-separated option into stripped, unique, non-empty items."""
    items: dict[str, None] = {}
    for item in (value or "").split(";"):
        cleaned = one_line(item)
        if cleaned:
            items.setdefault(cleaned)
    return tuple(items)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date given as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

    year: int
    month: int | None = None
    day: int | None = None

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


# ASCII digits only: ``\d`` would also accept digits of other scripts.
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def parse_date(value: str) -> PartialDate | None:
    """Parse an ISO 8601 calendar date, possibly reduced; ``None`` when malformed."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = (int(group) if group else None for group in match.groups())
    assert year is not None  # the pattern requires it
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def is_safe_url(value: str) -> bool:
    """Whether ``value`` may become a link: http(s) with a host, or a relative URL.

    Everything else (``javascript:``, ``data:``, ``file:``, ...) is shown as text.
    """
    if any(ch.isspace() or ord(ch) < 32 for ch in value) or not value:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    if parts.scheme:
        return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)
    # A relative URL: no scheme and no network location ("//host" is refused too).
    return not parts.netloc


# BCP 47 language tags, in the simplified form authors write: "en", "ru", "zh-Hans".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def is_language_tag(value: str) -> bool:
    """Whether ``value`` looks like a BCP 47 language tag (``en``, ``pt-BR``)."""
    return bool(_LANGUAGE_TAG.fullmatch(value))


# ``SS``, ``M:SS``, ``MM:SS`` or ``H:MM:SS``, each with an optional ``.fff``.
_TIME = re.compile(r"(?:(?:([0-9]+):)?([0-9]{1,2}):)?([0-9]+)(?:\.([0-9]{1,3}))?")


def parse_time(value: str) -> float | None:
    """An offset into a recording, in seconds; ``None`` when malformed."""
    match = _TIME.fullmatch(value.strip())
    if not match:
        return None
    hours, minutes, seconds, fraction = match.groups()
    # Seconds below 60 once minutes are given; minutes below 60 once hours are.
    if (minutes is not None and int(seconds) > 59) or (
        hours is not None and int(minutes) > 59
    ):
        return None
    if (minutes is not None and len(seconds) != 2) or (
        hours is not None and len(minutes) != 2
    ):
        return None
    total = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds)
    return total + (int(fraction.ljust(3, "0")) / 1000 if fraction else 0)


def format_time(seconds: float) -> str:
    """``H:MM:SS``, with ``.fff`` only when there are milliseconds."""
    millis = round(seconds * 1000)
    whole, fraction = divmod(millis, 1000)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{text}.{fraction:03d}" if fraction else text


def media_type(value: str) -> tuple[str, str]:
    """A recording's kind (``"audio"`` or ``"video"``) and MIME type (``""`` when
    unknown), told by the file type of a file name or URL; unknown types are audio."""
    path = urlsplit(value).path if "://" in value else value
    mime = mimetypes.guess_type(path)[0] or ""
    return ("video" if mime.startswith("video/") else "audio"), mime
