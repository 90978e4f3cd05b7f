"""The interview's metadata: short title, localised date, and the header field list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .values import PartialDate


def babel_locale(language: str | None) -> Locale:
    """The babel locale of a Sphinx ``language`` or BCP 47 tag, English if unknown."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def format_partial_date(date: PartialDate, language: str | None) -> str:
    """``May 22, 2007`` / ``May 2007`` / ``2007``, in the build language."""
    locale = babel_locale(language)
    if date.day is not None and date.month is not None:
        return str(
            format_date(dt.date(date.year, date.month, date.day), "long", locale)
        )
    if date.month is not None:
        return str(
            format_skeleton("yMMMM", dt.date(date.year, date.month, 1), locale=locale)
        )
    return str(date.year)


def language_name(tag: str, language: str | None) -> str:
    """The name of the language ``tag`` in the build language (``en`` → English)."""
    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name(
            babel_locale(language)
        )
    except (UnknownLocaleError, ValueError, TypeError):
        return tag
    return str(name) if name else tag


def short_title(
    short: str, interviewees: Sequence[str], date: PartialDate | None, title: str
) -> str:
    """The short title used in link texts and indexes (SPEC §2)."""
    if short:
        return short
    if interviewees and date is not None:
        return f"{', '.join(interviewees)}, {date.year}"
    return title


#: Classes of the header rows whose names are also the default speakers.
META_CLASS = {
    "interviewer": "sphinx-interview-interviewer",
    "interviewee": "sphinx-interview-interviewee",
}


@dataclass
class MetaField:
    """One row of the metadata header; ``translatable`` lets gettext extract it."""

    label: str
    value: list[nodes.Node]
    translatable: bool = True
    classes: list[str] = field(default_factory=list)
    #: The line of the option it shows, for warnings about its value.
    line: int | None = None


def build_meta(
    rows: Sequence[MetaField], source: str | None, line: int | None
) -> nodes.Element:
    """The header as a field list: every builder renders one, compactly."""
    meta = interview_nodes.interview_meta(classes=["sphinx-interview-meta"])
    for row in rows:
        # Field names are generated text: never offered to translators as messages.
        name = nodes.field_name("", row.label, translatable=False)
        paragraph = nodes.paragraph("", "", *row.value)
        paragraph.source, paragraph.line = source, row.line or line
        if not row.translatable:
            paragraph["translatable"] = False
        meta += nodes.field(
            "", name, nodes.field_body("", paragraph), classes=row.classes
        )
    return meta


def topic_links(topics: Sequence[str]) -> list[nodes.Node]:
    """Links to the topics' entries in the topic index, separated by commas.

    Generated, not written by the author: a topic that cannot be linked is shown
    as text without a warning (``refwarn`` False).
    """
    links: list[nodes.Node] = []
    for index, topic in enumerate(topics):
        if index:
            links.append(nodes.Text(", "))
        links.append(topic_reference(topic, warn=False))
    return links


def topic_reference(topic: str, *, warn: bool = True) -> nodes.Element:
    """What ``:interview:topic:`` makes: resolved, or warned about, when writing."""
    return addnodes.pending_xref(
        topic,
        nodes.inline(topic, topic, classes=["xref", "interview", "interview-topic"]),
        refdomain="interview",
        reftype="topic",
        reftarget=topic,
        refexplicit=True,
        refwarn=warn,
    )
