"""The ``interview-topics`` and ``interview-speakers`` directives: an index, or part
of it, in any page."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..locale import __
from ..values import split_list
from .base import InterviewDirectiveBase


class _IndexListDirective(InterviewDirectiveBase):
    """A placeholder, filled in when resolving (``index_lists.py``)."""

    #: The option naming the entries to show (``:topics:``, ``:speakers:``).
    select: ClassVar[str]
    placeholder: ClassVar[type[nodes.Element]]

    def run(self) -> list[nodes.Node]:
        header = self.read_header()
        container = nodes.container(
            classes=[f"sphinx-interview-{self.select}", *self.classes(header)]
        )
        self.set_source_info(container)
        if header.argument.strip():
            self.warn(
                __("the %s directive takes no argument; shown as text") % self.name,
                Subtype.BAD_OPTION,
            )
            paragraph = nodes.paragraph(header.argument, header.argument)
            self.set_source_info(paragraph)
            container += paragraph
        # Content is an optional introduction: parsed, never dropped.
        self.parse_body(header, container)
        placeholder = self.placeholder()
        self.set_source_info(placeholder)
        placeholder["selected"] = list(split_list(header.options.get(self.select)))
        placeholder["interviews"] = list(split_list(header.options.get("interview")))
        container += placeholder
        return [container]


class InterviewTopicsDirective(_IndexListDirective):
    """``.. interview-topics::`` — the topic index, or part of it."""

    known_options = ("topics", "interview", "class")
    list_options = frozenset({"topics", "interview", "class"})
    select = "topics"
    placeholder = interview_nodes.interview_topics


class InterviewSpeakersDirective(_IndexListDirective):
    """``.. interview-speakers::`` — the speaker index, or part of it."""

    known_options = ("speakers", "interview", "class")
    list_options = frozenset({"speakers", "interview", "class"})
    select = "speakers"
    placeholder = interview_nodes.interview_speakers
