"""Directive option values: accepted leniently, then checked here.

docutils (and MyST) drop a whole directive, text included, when an option is
unknown or its converter raises. We therefore accept every option as a string and
validate in the directive, which warns and keeps rendering.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from docutils.parsers.rst import directives

# docutils types option converters as taking ``str``; ours also accept None.
OptionConverter = Callable[[str], Any]


class LenientOptionSpec(dict[str, OptionConverter]):
    """An ``option_spec`` that hands every option, known or not, to the directive."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__((name, directives.unchanged) for name in names)

    def __missing__(self, key: str) -> OptionConverter:
        return directives.unchanged


def closest_option(name: str, known: Iterable[str]) -> str | None:
    """The valid option an author most likely meant (``topic`` → ``topics``)."""
    matches = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def split_list(value: str | None) -> tuple[str, ...]:
    """Split a ``;``-separated option into stripped, unique, non-empty items."""
    items: dict[str, None] = {}
    for item in (value or "").split(";"):
        cleaned = " ".join(item.split())
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


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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
