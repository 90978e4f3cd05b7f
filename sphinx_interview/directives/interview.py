"""The ``interview`` directive: title, metadata header, and the exchanges inside."""

from __future__ import annotations

from docutils import nodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..locale import __
from ..metadata import build_meta
from ..options import Header
from ..values import one_line
from .base import InterviewDirectiveBase, attach_id, joined, plain
from .context import InterviewContext, current_context, enter, leave, used_interview_ids
from .interview_header import HeaderRows
from .recording import media_url, read_media


class InterviewDirective(InterviewDirectiveBase):
    """``.. interview:: Title``: metadata header, introduction and exchanges."""

    known_options = (
        "name",
        "date",
        "interviewer",
        "interviewee",
        "place",
        "source",
        "language",
        "short",
        "topics",
        "class",
        "media",
    )
    list_options = frozenset({"interviewer", "interviewee", "topics", "class"})

    def run(self) -> list[nodes.Node]:
        header = self.read_header()
        options = header.options
        title = one_line(header.argument)
        if current_context(self) is not None:
            return self.run_nested(header, title)

        node = interview_nodes.interview()
        self.set_source_info(node)
        node["classes"] = ["sphinx-interview", *self.classes(header)]
        label = nodes.fully_normalize_name(options.get("name", ""))
        interview_id = self.claim_interview_id(label, title, header)
        # A section titled like the interview may already hold its id.
        for anchor in (interview_id, f"{interview_id}-interview"):
            if self.id_is_free(anchor):
                attach_id(self.state.document, node, anchor)
                break
        node["interview_id"] = interview_id
        node["labels"] = [label] if label and label != interview_id else []

        if title:
            title_node = interview_nodes.interview_title(
                title,
                "",
                *self.inline(title, "title", self.lineno),
                classes=["sphinx-interview-title"],
            )
            self.set_source_info(title_node)
            node += title_node

        interviewers = self.people(header, "interviewer")
        interviewees = self.people(header, "interviewee")
        interviewer, interviewee = joined(interviewers), joined(interviewees)
        node["interviewers"] = [plain(person) for person in interviewers]
        node["interviewees"] = [plain(person) for person in interviewees]
        node["short"] = one_line(options.get("short", ""))
        node["topics"] = self.topics(header)
        rows = HeaderRows(self, header)
        node["date"], date_text = rows.date()
        node["lang"] = rows.language_tag()
        people = {"interviewer": interviewer, "interviewee": interviewee}
        meta = rows.rows(date_text, people, node["lang"], node["topics"])
        if meta:
            source, line = self.get_source_info()
            node += build_meta(meta, source, line)
        media = read_media(self, header)
        node["media"] = media_url(media) if media is not None else ""
        if media is not None:
            node += media

        enter(self, InterviewContext(interview_id, interviewer, interviewee))
        try:
            has_content = self.parse_body(header, node)
        finally:
            leave(self)
        if not has_content:
            self.warn(__("the interview has no content"), Subtype.EMPTY)
        return [node]

    def run_nested(self, header: Header, title: str) -> list[nodes.Node]:
        """An interview inside an interview: keep its text inside the outer one."""
        self.warn(
            __(
                "an interview cannot contain another interview; its content "
                "is shown as part of the enclosing interview"
            ),
            Subtype.NESTED,
        )
        container = nodes.container(classes=["sphinx-interview-nested"])
        self.set_source_info(container)
        if title:
            paragraph = nodes.paragraph(
                title, "", nodes.strong("", "", *self.inline(title, "title", None))
            )
            self.set_source_info(paragraph)
            container += paragraph
        self.parse_body(header, container)
        return [container]

    def claim_interview_id(self, label: str, title: str, header: Header) -> str:
        """The id the automatic anchors derive from, unique in this document."""
        base = (
            nodes.make_id(label or title)
            or nodes.make_id(f"interview-{self.env.current_document.docname}")
            or "interview"
        )
        used = used_interview_ids(self)
        interview_id, counter = base, 1
        while interview_id in used:
            counter += 1
            interview_id = f"{base}-{counter}"
        if interview_id != base:
            self.warn(
                __(
                    'an interview "%s" already exists in this document; this one is '
                    'named "%s" (set a distinct ":name:")'
                )
                % (base, interview_id),
                Subtype.DUPLICATE_LABEL,
                header.lines.get("name"),
            )
        used.add(interview_id)
        return interview_id
