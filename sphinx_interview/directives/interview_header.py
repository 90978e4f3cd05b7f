"""The metadata header of an interview: one row per option, each value checked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import Subtype
from ..locale import _, __
from ..metadata import (
    META_CLASS,
    MetaField,
    format_partial_date,
    language_name,
    topic_links,
)
from ..values import is_language_tag, is_safe_url, one_line, parse_date

if TYPE_CHECKING:
    from ..options import Header
    from .base import InterviewDirectiveBase


class HeaderRows:
    """Reads the metadata options of ``directive``, warning about bad values."""

    def __init__(self, directive: InterviewDirectiveBase, header: Header) -> None:
        self.directive = directive
        self.header = header
        self.language = directive.config.language

    def value(self, option: str) -> str:
        return one_line(self.header.options.get(option, ""))

    def warn(self, message: str, option: str) -> None:
        self.directive.warn(message, Subtype.BAD_OPTION, self.header.lines.get(option))

    def date(self) -> tuple[str, str]:
        """The ISO date stored on the node and the text shown in the header."""
        value = self.value("date")
        if not value:
            return "", ""
        date = parse_date(value)
        if date is None:
            self.warn(
                __(
                    'invalid ":date:" value "%s" (expected YYYY-MM-DD, YYYY-MM or '
                    "YYYY); shown as written"
                )
                % value,
                "date",
            )
            return "", value
        return date.isoformat(), format_partial_date(date, self.language)

    def language_tag(self) -> str:
        value = self.value("language")
        if value and not is_language_tag(value):
            self.warn(
                __(
                    'invalid ":language:" value "%s" (expected a language tag such '
                    'as "en" or "pt-BR"); ignored'
                )
                % value,
                "language",
            )
            return ""
        return value

    def source(self) -> list[nodes.Node]:
        source = self.value("source")
        if is_safe_url(source):
            return [nodes.reference(source, source, refuri=source)]
        self.warn(
            __(
                '":source:" value "%s" is not an http(s) or relative URL; '
                "shown as text, not as a link"
            )
            % source,
            "source",
        )
        return [nodes.Text(source)]

    def rows(
        self,
        date_text: str,
        people: dict[str, list[nodes.Node]],
        language: str,
        topics: Sequence[str],
    ) -> list[MetaField]:
        """The header's rows; ``people`` by role (interviewer, interviewee)."""
        lines = self.header.lines
        rows: list[MetaField] = []
        if date_text:
            rows.append(MetaField(_("Date"), [nodes.Text(date_text)], False))
        place = self.value("place")
        if place:
            value = self.directive.inline(place, "place", lines.get("place"))
            rows.append(MetaField(_("Place"), value, line=lines.get("place")))
        for role, label in (
            ("interviewer", _("Interviewer")),
            ("interviewee", _("Interviewee")),
        ):
            if people[role]:
                classes = [META_CLASS[role]]
                line = lines.get(role)
                rows.append(MetaField(label, people[role], classes=classes, line=line))
        if language:
            name = language_name(language, self.language)
            rows.append(MetaField(_("Language"), [nodes.Text(name)], False))
        if self.value("source"):
            rows.append(MetaField(_("Source"), self.source(), False))
        if topics:
            rows.append(MetaField(_("Topics"), topic_links(topics), False))
        return rows
