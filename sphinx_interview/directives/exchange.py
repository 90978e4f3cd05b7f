"""The ``question`` and ``answer`` directives, their headers and anchors."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..locale import __
from ..options import Header
from .base import InterviewDirectiveBase, attach_id, joined, plain
from .context import InterviewContext, current_context
from .recording import read_time


class _ExchangeBlockDirective(InterviewDirectiveBase):
    """Shared body of ``question`` and ``answer``."""

    kind: ClassVar[str]
    node_class: ClassVar[type[nodes.Element]]
    known_options = ("name", "speaker", "topics", "class", "time")
    list_options = frozenset({"topics", "class", "speaker"})

    def run(self) -> list[nodes.Node]:
        header = self.read_header()
        context = current_context(self)
        node = self.node_class()
        self.set_source_info(node)
        node["classes"] = [f"sphinx-interview-{self.kind}", *self.classes(header)]
        if context is None:
            self.warn(
                __("%s outside an interview; put it inside an interview directive")
                % self.name,
                Subtype.OUTSIDE_INTERVIEW,
            )
            anchor = ""
        else:
            anchor = self.place(node, context)

        # The header line ("Question 3 — RIA Novosti") is made when writing
        # (layout.py); a speaker the author gave waits in a placeholder.
        speakers = self.people(header, "speaker")
        if speakers:
            node["speakers"] = [plain(person) for person in speakers]
            node += interview_nodes.interview_header(
                "", "", *joined(speakers), translatable=False
            )
        elif context is not None:
            node["speaker_from"] = (
                "interviewer" if self.kind == "question" else "interviewee"
            )
        node["topics"] = self.topics(header)
        time = read_time(self, header)
        if time is not None:
            node["time"] = time

        if not self.parse_short_form(header, node) | self.parse_body(header, node):
            self.warn(__("the %s is empty") % self.kind, Subtype.EMPTY)
        self.attach_labels(node, anchor, header)
        return [node]

    def place(self, node: nodes.Element, context: InterviewContext) -> str:
        """Number ``node`` within its interview and return its automatic anchor."""
        raise NotImplementedError

    def parse_short_form(self, header: Header, node: nodes.Element) -> bool:
        """The text on the directive's line (``.. question:: Why?``), if any."""
        text = header.argument.strip()
        if not text:
            return False
        inline, messages = self.parse_inline(text, lineno=self.lineno)
        paragraph = nodes.paragraph(text, "", *inline)
        self.set_source_info(paragraph)
        node += paragraph
        node += messages
        return True

    def attach_labels(self, node: nodes.Element, anchor: str, header: Header) -> None:
        document = self.state.document
        node["auto_label"] = ""
        node["labels"] = []
        if anchor:
            if self.id_is_free(anchor):
                attach_id(document, node, anchor)
                node["auto_label"] = anchor
            else:
                self.warn(
                    __('the anchor "%s" is already used in this document') % anchor,
                    Subtype.DUPLICATE_LABEL,
                )
        label = nodes.fully_normalize_name(header.options.get("name", ""))
        if not label:
            return
        serial = self.env.current_document.new_serial_number("sphinx_interview")
        label_id = nodes.make_id(label) or f"{anchor or self.kind}-label-{serial}"
        if label_id == node["auto_label"]:
            node["labels"] = [label]
        elif self.id_is_free(label_id):
            attach_id(document, node, label_id)
            node["labels"] = [label]
        else:
            self.warn(
                __('duplicate label "%s" in this document') % label,
                Subtype.DUPLICATE_LABEL,
                header.lines.get("name"),
            )


class QuestionDirective(_ExchangeBlockDirective):
    """``.. question::`` — numbered; its speaker defaults to the interviewer."""

    kind = "question"
    node_class = interview_nodes.question

    def place(self, node: nodes.Element, context: InterviewContext) -> str:
        context.questions += 1
        context.current_question = context.questions
        context.answers_to_current = 0
        node["interview_id"] = context.interview_id
        node["number"] = context.questions
        return f"{context.interview_id}-q{context.questions}"


class AnswerDirective(_ExchangeBlockDirective):
    """``.. answer::`` — belongs to the question before it."""

    kind = "answer"
    node_class = interview_nodes.answer

    def place(self, node: nodes.Element, context: InterviewContext) -> str:
        if context.current_question is None:
            self.warn(
                __("answer without a question before it in the interview"),
                Subtype.ORPHAN_ANSWER,
            )
            return ""
        context.answers_to_current += 1
        index = context.answers_to_current
        node["interview_id"] = context.interview_id
        node["number"] = context.current_question
        node["answer_index"] = index
        suffix = "" if index == 1 else f"-{index}"
        return f"{context.interview_id}-q{context.current_question}-answer{suffix}"
