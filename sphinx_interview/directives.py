"""The ``interview``, ``question`` and ``answer`` directives: parse, number, emit nodes.

The interview directive parses its content with a context object stored on the
current document; ``question`` and ``answer`` read it to number themselves, to
find their default speakers and to notice that they are out of place. Nothing
here writes cross-document data: the domain collects it from the doctree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from . import nodes as interview_nodes
from .diagnostics import Subtype, warn
from .i18n import _, __
from .metadata import (
    META_CLASS,
    MetaField,
    build_meta,
    format_partial_date,
    language_name,
)
from .options import (
    LenientOptionSpec,
    closest_option,
    is_language_tag,
    is_safe_url,
    parse_date,
    split_list,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_CONTEXT = "sphinx_interview:context"
_INTERVIEW_IDS = "sphinx_interview:interview_ids"


@dataclass
class InterviewContext:
    """What ``question`` and ``answer`` need to know about their interview."""

    interview_id: str
    interviewer: list[nodes.Node] = field(default_factory=list)
    interviewee: list[nodes.Node] = field(default_factory=list)
    questions: int = 0
    current_question: int | None = None
    answers_to_current: int = 0


def current_context(directive: SphinxDirective) -> InterviewContext | None:
    context = directive.env.current_document.get(_CONTEXT)
    return context if isinstance(context, InterviewContext) else None


class _InterviewDirectiveBase(SphinxDirective):
    """Lenient options, located warnings and inline parsing for our directives."""

    known_options: ClassVar[tuple[str, ...]] = ()
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = LenientOptionSpec(cls.known_options)

    def warn(self, message: str, subtype: Subtype) -> None:
        warn(message, subtype, self.get_location())

    def read_options(self) -> dict[str, str]:
        """The known options; each unknown one is warned about with a suggestion."""
        for name in self.options:
            if name in self.known_options:
                continue
            suggestion = closest_option(name, self.known_options)
            if suggestion:
                hint = __('did you mean ":%s:"?') % suggestion
            else:
                hint = __("valid options: %s") % ", ".join(
                    f":{known}:" for known in self.known_options
                )
            self.warn(
                __('unknown option ":%s:" of the "%s" directive; %s')
                % (name, self.name, hint),
                Subtype.UNKNOWN_OPTION,
            )
        return {
            name: (value or "").strip()
            for name, value in self.options.items()
            if name in self.known_options
        }

    def classes(self, options: dict[str, str]) -> list[str]:
        if not options.get("class"):
            return []
        try:
            return list(directives.class_option(options["class"]))
        except ValueError:
            self.warn(
                __('invalid ":class:" value "%s"') % options["class"],
                Subtype.BAD_OPTION,
            )
            return []

    def inline(self, text: str, option: str) -> list[nodes.Node]:
        """Inline markup of an option value; plain text (and a warning) if invalid."""
        reporter = self.state.document.reporter
        level = reporter.report_level
        # Our warning replaces docutils' own, which would have no type to silence.
        # 5 is docutils' "none" level, which its type stubs do not list.
        reporter.report_level = 5  # type: ignore[assignment]
        try:
            parsed, messages = self.parse_inline(text, lineno=self.lineno)
        finally:
            reporter.report_level = level
        if messages or any(needs_target(node) for node in parsed):
            self.warn(
                __('":%s:" value "%s" is not valid inline markup; shown as plain text')
                % (option, text),
                Subtype.BAD_OPTION,
            )
            return [nodes.Text(text)]
        return parsed

    def people(self, value: str, option: str) -> list[list[nodes.Node]]:
        """Each name of a ``;``-separated list, as inline nodes."""
        return [self.inline(name, option) for name in split_list(value)]

    def id_is_free(self, node_id: str) -> bool:
        return bool(node_id) and node_id not in self.state.document.ids


#: Inline markup that needs a definition elsewhere in the document (a target, a
#: substitution, a footnote). In a name or title it is almost always a stray
#: character (``Smith_``, ``|``), and docutils would report it later, untyped.
_NEEDS_TARGET = (
    nodes.substitution_reference,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.target,
    nodes.problematic,
)


def needs_target(node: nodes.Node) -> bool:
    return any(
        isinstance(found, _NEEDS_TARGET)
        or (isinstance(found, nodes.reference) and "refname" in found)
        for found in node.findall()
    )


def joined(people: list[list[nodes.Node]]) -> list[nodes.Node]:
    """Names as one run of inline nodes: "A, B"."""
    result: list[nodes.Node] = []
    for index, person in enumerate(people):
        if index:
            result.append(nodes.Text(", "))
        result.extend(person)
    return result


def plain(person: list[nodes.Node]) -> str:
    return "".join(node.astext() for node in person)


def attach_id(document: nodes.document, node: nodes.Element, node_id: str) -> None:
    node["ids"].append(node_id)
    document.ids[node_id] = node


class InterviewDirective(_InterviewDirectiveBase):
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

        context = InterviewContext(interview_id, interviewer, interviewee)
        self.env.current_document[_CONTEXT] = context
        try:
            self.state.nested_parse(self.content, self.content_offset, node)
        finally:
            del self.env.current_document[_CONTEXT]
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
        used = self.env.current_document.get(_INTERVIEW_IDS)
        if not isinstance(used, set):
            used = set()
            self.env.current_document[_INTERVIEW_IDS] = used
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
    result: list[nodes.Node] = []
    for index, topic in enumerate(topics):
        if index:
            result.append(nodes.Text(", "))
        result.append(
            addnodes.pending_xref(
                topic,
                nodes.inline(
                    topic, topic, classes=["xref", "interview", "interview-topic"]
                ),
                refdomain="interview",
                reftype="topic",
                reftarget=topic,
                refexplicit=True,
                refwarn=True,
            )
        )
    return result


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


class _ExchangeBlockDirective(_InterviewDirectiveBase):
    """Shared body of ``question`` and ``answer``."""

    kind: ClassVar[str]
    node_class: ClassVar[type[nodes.Element]]

    def run(self) -> list[nodes.Node]:
        options = self.read_options()
        context = current_context(self)
        node = self.node_class()
        self.set_source_info(node)
        node["classes"] = [f"sphinx-interview-{self.kind}", *self.classes(options)]
        if context is None:
            self.warn(
                __("%s outside an interview; put it inside an interview directive")
                % self.name,
                Subtype.OUTSIDE_INTERVIEW,
            )
            anchor = ""
        else:
            anchor = self.place(node, context)

        role = "interviewer" if self.kind == "question" else "interviewee"
        default_from = ""
        if options.get("speaker"):
            speaker = self.inline(options["speaker"], "speaker")
        elif context is not None:
            default = getattr(context, role)
            speaker = [child.deepcopy() for child in default]
            default_from = role if speaker else ""
        else:
            speaker = []
        header = make_header(self.kind, node.get("number"), speaker)
        if default_from:
            header["speaker_from"] = default_from
        node += header
        node["topics"] = list(split_list(options.get("topics")))

        if not self.parse_body(node):
            self.warn(__("the %s is empty") % self.kind, Subtype.EMPTY)
        self.attach_labels(node, anchor, options.get("name", ""))
        return [node]

    def place(self, node: nodes.Element, context: InterviewContext) -> str:
        """Number ``node`` within its interview and return its automatic anchor."""
        raise NotImplementedError

    def parse_body(self, node: nodes.Element) -> bool:
        """Parse the argument (short form) and the content; whether there was any."""
        if self.arguments:
            text = self.arguments[0]
            inline, messages = self.parse_inline(text, lineno=self.lineno)
            paragraph = nodes.paragraph(text, "", *inline)
            self.set_source_info(paragraph)
            node += paragraph
            node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return bool(self.arguments) or bool("".join(self.content).strip())

    def attach_labels(self, node: nodes.Element, anchor: str, name: str) -> None:
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
        label = nodes.fully_normalize_name(name)
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
            )


class QuestionDirective(_ExchangeBlockDirective):
    """``.. question::`` — numbered; its speaker defaults to the interviewer."""

    kind = "question"
    node_class = interview_nodes.question
    known_options = ("name", "speaker", "topics", "class")

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
    known_options = ("name", "speaker", "topics", "class")

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


def make_header(
    kind: str, number: int | None, speaker: list[nodes.Node]
) -> nodes.Element:
    """The "Question 3 — RIA Novosti" line; generated, so never a gettext message."""
    header = interview_nodes.interview_header(
        "", "", classes=["sphinx-interview-header"], translatable=False
    )
    word = _("Question") if kind == "question" else _("Answer")
    header += nodes.inline("", word, classes=["sphinx-interview-kind"])
    if kind == "question" and number:
        header += nodes.Text(" ")
        header += nodes.inline("", str(number), classes=["sphinx-interview-number"])
    if speaker:
        header += nodes.Text(" — ")
        header += nodes.inline("", "", *speaker, classes=["sphinx-interview-speaker"])
    return header


class TranslatedSpeakers(SphinxTransform):
    """Default speakers in headers follow the metadata header's translation.

    Headers are generated text, never offered to translators; a name translated in
    the interviewer or interviewee field (``RIA Novosti`` → ``РИА Новости``) is
    copied into the headers that took it by default.
    """

    # After sphinx.transforms.i18n.Locale (20), which translates the field.
    default_priority = 25

    def apply(self, **kwargs: Any) -> None:
        for interview in self.document.findall(interview_nodes.interview):
            fields = {
                role: next(iter(field.findall(nodes.paragraph)), None)
                for field in interview.findall(nodes.field)
                for role, cls in META_CLASS.items()
                if cls in field["classes"]
            }
            for header in interview.findall(interview_nodes.interview_header):
                source = fields.get(header.get("speaker_from", ""))
                speaker = next(
                    (
                        child
                        for child in header.children
                        if isinstance(child, nodes.inline)
                        and "sphinx-interview-speaker" in child["classes"]
                    ),
                    None,
                )
                if source is not None and speaker is not None:
                    speaker.children = []
                    speaker.extend(child.deepcopy() for child in source.children)


def register(app: Sphinx) -> None:
    app.add_transform(TranslatedSpeakers)
    app.add_directive("interview", InterviewDirective)
    app.add_directive("question", QuestionDirective)
    app.add_directive("answer", AnswerDirective)
