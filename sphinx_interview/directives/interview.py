"""The ``interview`` directive: title, metadata header, and the exchanges inside."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..i18n import _, __
from ..metadata import (
    META_CLASS,
    MetaField,
    build_meta,
    format_partial_date,
    language_name,
)
from ..options import is_language_tag, is_safe_url, parse_date, split_list
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

    def run(self) -> list[nodes.Node]:
        options = self.read_options()
        title = " ".join(self.arguments[0].split()) if self.arguments else ""
        if current_context(self) is not None:
            return self.run_nested(title)

        node = interview_nodes.interview()
        self.set_source_info(node)
        node["classes"] = ["sphinx-interview", *self.classes(options)]
        label = nodes.fully_normalize_name(options.get("name", ""))
        interview_id = self.claim_interview_id(label, title)
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
                *self.inline(title, "title"),
                classes=["sphinx-interview-title"],
            )
            self.set_source_info(title_node)
            node += title_node

        interviewer = joined(self.people(options.get("interviewer", ""), "interviewer"))
        interviewees = self.people(options.get("interviewee", ""), "interviewee")
        interviewee = joined(interviewees)
        node["interviewees"] = [plain(person) for person in interviewees]
        node["short"] = options.get("short", "")
        node["topics"] = list(split_list(options.get("topics")))
        node["date"], date_text = self.date(options.get("date", ""))
        node["lang"] = self.language(options.get("language", ""))
        meta = self.meta_rows(
            options, date_text, interviewer, interviewee, node["lang"]
        )
        if meta:
            source, line = self.get_source_info()
            node += build_meta(meta, source, line)

        enter(self, InterviewContext(interview_id, interviewer, interviewee))
        try:
            self.state.nested_parse(self.content, self.content_offset, node)
        finally:
            leave(self)
        if not "".join(self.content).strip():
            self.warn(__("the interview has no content"), Subtype.EMPTY)
        group_exchanges(node)
        return [node]

    def run_nested(self, title: str) -> list[nodes.Node]:
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
                title, "", nodes.strong("", "", *self.inline(title, "title"))
            )
            self.set_source_info(paragraph)
            container += paragraph
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]

    def claim_interview_id(self, label: str, title: str) -> str:
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
            )
        used.add(interview_id)
        return interview_id

    def date(self, value: str) -> tuple[str, str]:
        """The ISO date stored on the node and the text shown in the header."""
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
            )
            return "", value
        return date.isoformat(), format_partial_date(date, self.config.language)

    def language(self, value: str) -> str:
        if value and not is_language_tag(value):
            self.warn(
                __(
                    'invalid ":language:" value "%s" (expected a language tag such '
                    'as "en" or "pt-BR"); ignored'
                )
                % value,
                Subtype.BAD_OPTION,
            )
            return ""
        return value

    def meta_rows(
        self,
        options: dict[str, str],
        date_text: str,
        interviewer: list[nodes.Node],
        interviewee: list[nodes.Node],
        language: str,
    ) -> list[MetaField]:
        rows: list[MetaField] = []
        if date_text:
            rows.append(
                MetaField(_("Date"), [nodes.Text(date_text)], translatable=False)
            )
        if options.get("place"):
            rows.append(MetaField(_("Place"), self.inline(options["place"], "place")))
        if interviewer:
            rows.append(
                MetaField(
                    _("Interviewer"), interviewer, classes=[META_CLASS["interviewer"]]
                )
            )
        if interviewee:
            rows.append(
                MetaField(
                    _("Interviewee"), interviewee, classes=[META_CLASS["interviewee"]]
                )
            )
        if language:
            rows.append(
                MetaField(
                    _("Language"),
                    [nodes.Text(language_name(language, self.config.language))],
                    translatable=False,
                )
            )
        source = options.get("source", "")
        if source:
            if is_safe_url(source):
                value: list[nodes.Node] = [
                    nodes.reference(source, source, refuri=source)
                ]
            else:
                self.warn(
                    __(
                        '":source:" value "%s" is not an http(s) or relative URL; '
                        "shown as text, not as a link"
                    )
                    % source,
                    Subtype.BAD_OPTION,
                )
                value = [nodes.Text(source)]
            rows.append(MetaField(_("Source"), value, translatable=False))
        topics = split_list(options.get("topics"))
        if topics:
            rows.append(MetaField(_("Topics"), topic_links(topics), translatable=False))
        return rows


def topic_links(topics: tuple[str, ...]) -> list[nodes.Node]:
    """Links to the topics' entries in the topic index, separated by commas."""
    return joined([[topic_reference(topic)] for topic in topics])


def topic_reference(topic: str) -> nodes.Element:
    """What ``:interview:topic:`` makes: resolved, or warned about, when writing."""
    return addnodes.pending_xref(
        topic,
        nodes.inline(topic, topic, classes=["xref", "interview", "interview-topic"]),
        refdomain="interview",
        reftype="topic",
        reftarget=topic,
        refexplicit=True,
        refwarn=True,
    )


def group_exchanges(interview: nodes.Element) -> None:
    """Wrap each question and the blocks after it, up to the next question.

    Only direct children are grouped; a question nested in another block keeps its
    place. The wrapper lets HTML highlight and LaTeX keep a whole exchange.
    """
    children = list(interview.children)
    interview.children = []
    exchange: nodes.Element | None = None
    for child in children:
        if isinstance(child, interview_nodes.question):
            exchange = interview_nodes.interview_exchange(
                classes=["sphinx-interview-exchange"]
            )
            exchange.source, exchange.line = child.source, child.line
            interview += exchange
        (exchange if exchange is not None else interview).append(child)
