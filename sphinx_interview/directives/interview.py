"""The ``interview`` directive: title, metadata header, and the exchanges inside."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..locale import _, __
from ..metadata import (
    META_CLASS,
    MetaField,
    build_meta,
    format_partial_date,
    language_name,
)
from ..options import Header
from ..values import is_language_tag, is_safe_url, one_line, parse_date, split_list
from .base import InterviewDirectiveBase, attach_id, joined, plain
from .context import InterviewContext, current_context, enter, leave, used_interview_ids


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

        interviewer = joined(self.people(header, "interviewer"))
        interviewees = self.people(header, "interviewee")
        interviewee = joined(interviewees)
        node["interviewees"] = [plain(person) for person in interviewees]
        node["short"] = one_line(options.get("short", ""))
        node["topics"] = list(split_list(options.get("topics")))
        node["date"], date_text = self.date(header)
        node["lang"] = self.language(header)
        meta = self.meta_rows(header, date_text, interviewer, interviewee, node["lang"])
        if meta:
            source, line = self.get_source_info()
            node += build_meta(meta, source, line)

        enter(self, InterviewContext(interview_id, interviewer, interviewee))
        try:
            has_content = self.parse_body(header, node)
        finally:
            leave(self)
        if not has_content:
            self.warn(__("the interview has no content"), Subtype.EMPTY)
        group_exchanges(node)
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

    def date(self, header: Header) -> tuple[str, str]:
        """The ISO date stored on the node and the text shown in the header."""
        value = one_line(header.options.get("date", ""))
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
                Subtype.BAD_OPTION,
                header.lines.get("date"),
            )
            return "", value
        return date.isoformat(), format_partial_date(date, self.config.language)

    def language(self, header: Header) -> str:
        value = one_line(header.options.get("language", ""))
        if value and not is_language_tag(value):
            self.warn(
                __(
                    'invalid ":language:" value "%s" (expected a language tag such '
                    'as "en" or "pt-BR"); ignored'
                )
                % value,
                Subtype.BAD_OPTION,
                header.lines.get("language"),
            )
            return ""
        return value

    def meta_rows(
        self,
        header: Header,
        date_text: str,
        interviewer: list[nodes.Node],
        interviewee: list[nodes.Node],
        language: str,
    ) -> list[MetaField]:
        options = header.options
        rows: list[MetaField] = []
        if date_text:
            rows.append(
                MetaField(_("Date"), [nodes.Text(date_text)], translatable=False)
            )
        place = one_line(options.get("place", ""))
        line = header.lines.get("place")
        if place:
            value = self.inline(place, "place", line)
            rows.append(MetaField(_("Place"), value, line=line))
        for role, people in (
            ("interviewer", interviewer),
            ("interviewee", interviewee),
        ):
            if people:
                label = _("Interviewer") if role == "interviewer" else _("Interviewee")
                classes = [META_CLASS[role]]
                line = header.lines.get(role)
                rows.append(MetaField(label, people, classes=classes, line=line))
        if language:
            rows.append(
                MetaField(
                    _("Language"),
                    [nodes.Text(language_name(language, self.config.language))],
                    translatable=False,
                )
            )
        source = one_line(options.get("source", ""))
        if source:
            rows.append(MetaField(_("Source"), self.source(source, header), False))
        topics = split_list(options.get("topics"))
        if topics:
            rows.append(MetaField(_("Topics"), topic_links(topics), translatable=False))
        return rows

    def source(self, source: str, header: Header) -> list[nodes.Node]:
        if is_safe_url(source):
            return [nodes.reference(source, source, refuri=source)]
        self.warn(
            __(
                '":source:" value "%s" is not an http(s) or relative URL; '
                "shown as text, not as a link"
            )
            % source,
            Subtype.BAD_OPTION,
            header.lines.get("source"),
        )
        return [nodes.Text(source)]


def topic_links(topics: tuple[str, ...]) -> list[nodes.Node]:
    """Links to the topics' entries in the topic index, separated by commas.

    Generated, not written by the author: a topic that cannot be linked is shown
    as text without a warning (``refwarn`` False).
    """
    return joined([[topic_reference(topic, warn=False)] for topic in topics])


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


def group_exchanges(interview: nodes.Element) -> None:
    """Wrap each question and the blocks after it, up to the next question.

    Only direct children are grouped; a question nested in another block keeps its
    place. The wrapper lets HTML highlight and LaTeX keep a whole exchange. Targets
    written just before a question (``.. _label:``, ``(label)=``) go into its
    exchange, so that docutils hands their names to the question itself.
    """
    children = list(interview.children)
    interview.children = []
    container: nodes.Element = interview
    for child in children:
        if isinstance(child, interview_nodes.question):
            targets: list[nodes.Node] = []
            while container.children and _is_pending_target(container.children[-1]):
                targets.insert(0, container.pop())
            container = interview_nodes.interview_exchange(
                classes=["sphinx-interview-exchange"]
            )
            container.source, container.line = child.source, child.line
            container.extend(targets)
            interview += container
        container.append(child)


def _is_pending_target(node: nodes.Node) -> bool:
    """A target that names the next element (not a link to somewhere else)."""
    return (
        isinstance(node, nodes.target)
        and not node.children
        and "refuri" not in node
        and "refid" not in node
        and "refname" not in node
    )
