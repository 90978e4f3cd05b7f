"""The ``interview-topics`` directive: the topic index, or part of it, in any page."""

from __future__ import annotations

from docutils import nodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..locale import __
from ..values import split_list
from .base import InterviewDirectiveBase


class InterviewTopicsDirective(InterviewDirectiveBase):
    """``.. interview-topics::`` — filled in when resolving (``topic_index.py``)."""

    known_options = ("topics", "interview", "class")
    list_options = frozenset({"topics", "interview", "class"})

    def run(self) -> list[nodes.Node]:
        header = self.read_header()
        container = nodes.container(
            classes=["sphinx-interview-topics", *self.classes(header)]
        )
        self.set_source_info(container)
        if header.argument.strip():
            self.warn(
                __("the interview-topics directive takes no argument; shown as text"),
                Subtype.BAD_OPTION,
            )
            paragraph = nodes.paragraph(header.argument, header.argument)
            self.set_source_info(paragraph)
            container += paragraph
        # Content is an optional introduction: parsed, never dropped.
        self.parse_body(header, container)
        placeholder = interview_nodes.interview_topics()
        self.set_source_info(placeholder)
        placeholder["topics"] = list(split_list(header.options.get("topics")))
        placeholder["interviews"] = list(split_list(header.options.get("interview")))
        container += placeholder
        return [container]
