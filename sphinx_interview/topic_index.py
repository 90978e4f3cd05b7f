"""The topic index: the domain index page, the lists that ``interview-topics``
places in pages, and the topics' back-of-book index entries in the PDF."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Index, IndexEntry

from . import nodes as interview_nodes
from .diagnostics import Subtype, warn
from .domain import interview_domain
from .labels import label_key
from .links import exchange_links, source_docname
from .locale import _, __
from .names import fold
from .topics import Topic, by_letter

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .domain import InterviewDomain
    from .tables import Tables


class _Translated:
    """A class attribute read as the translated string, never as a lazy proxy:
    Sphinx puts an index's names into page contexts, which the json and pickle
    builders serialise."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return str(self.message)


class TopicIndex(Index):
    """Every topic and the exchanges about it.

    Entries are flat ("SCO" with "Ivanov 2007, Q3" as extra) because the LaTeX
    writer drops index rows without a link; the HTML page is drawn by
    ``writers/html_lists.py``, grouped by topic, with an anchor per topic.
    """

    name = "topics"
    localname = _Translated(_("Topic Index"))
    shortname = _Translated(_("topics"))

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """The topics; with ``docnames``, only their exchanges in those documents.

        Where the page is drawn from the topics themselves (``writers/
        html_lists.py``), Sphinx only needs to know that there is one: thousands
        of entries would be made and kept through the whole writing phase for
        nothing.
        """
        domain = cast("InterviewDomain", self.domain)
        topics = domain.tables.topics.topics
        if domain.topic_page_drawn and topics:
            first = topics[0]
            return [
                (first.letter, [IndexEntry(first.name, 0, "", "", "", "", "")])
            ], False
        wanted = set(docnames) if docnames is not None else None
        content = []
        for letter, group in by_letter(topics).items():
            entries = [
                IndexEntry(
                    topic.name,
                    0,
                    link.docname,
                    link.anchor,
                    link.text,
                    "",
                    link.summary,
                )
                for topic in group
                for link in topic.links
                if wanted is None or link.docname in wanted
            ]
            if entries:
                content.append((letter, entries))
        return content, False


def topic_list(
    topics: Sequence[Topic], builder: Builder, fromdocname: str, *, anchors: bool
) -> nodes.Element:
    """Topics as a definition list: the topic, then links to its exchanges.

    HTML builders get one :class:`~sphinx_interview.nodes.topic_list` node,
    drawn by ``writers/html_lists.py``; other builders standard nodes.
    """
    if builder.format == "html":
        return interview_nodes.topic_list(
            "",
            *(nodes.Text(f"{topic.name}\n") for topic in topics),
            topics=tuple(topics),
            fromdocname=fromdocname,
            anchors=anchors,
        )
    # "simple" as docutils sets it on compact lists, which this one is.
    definitions = nodes.definition_list(
        classes=["simple", "sphinx-interview-topic-index"]
    )
    for topic in topics:
        term = nodes.term("", topic.name)
        if anchors:
            term["ids"].append(topic.anchor)
        definition = nodes.definition(
            "", *exchange_links(builder, fromdocname, topic.links, inline=False)
        )
        definitions += nodes.definition_list_item("", term, definition)
    return definitions


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each ``interview-topics`` shows the current index."""
    domain = interview_domain(app.env)
    if domain.lacks(app.builder, docname, lambda record: "topics" in record.depends):
        return
    tables = domain.tables
    for placeholder in list(doctree.findall(interview_nodes.interview_topics)):
        topics = _select(tables, placeholder)
        if topics:
            replacement: nodes.Node = topic_list(
                topics, app.builder, docname, anchors=False
            )
        else:
            replacement = nodes.paragraph("", _("No topics yet."), translatable=False)
        placeholder.replace_self(replacement)


def _select(tables: Tables, placeholder: nodes.Element) -> list[Topic]:
    """The topics a placeholder's ``:topics:`` and ``:interview:`` filters keep."""
    topics = tables.topics.topics
    wanted = placeholder["topics"]
    if wanted:
        for name in wanted:
            if tables.topics.find(name) is None:
                warn(
                    __('unknown topic "%s"') % name, Subtype.UNKNOWN_TOPIC, placeholder
                )
        keys = {fold(name) for name in wanted}
        topics = [topic for topic in topics if fold(topic.name) in keys]
    if placeholder["interviews"]:
        interviews: set[tuple[str, str]] = set()
        for label in placeholder["interviews"]:
            target = tables.labels.targets.get(label_key(label))
            if target is None or target.kind != "interview":
                warn(
                    __('unknown interview "%s"') % label,
                    Subtype.UNKNOWN_LABEL,
                    placeholder,
                )
                continue
            interviews.add((target.docname, target.interview_id))
        topics = [
            Topic(topic.name, topic.anchor, links)
            for topic in topics
            if (
                links := tuple(
                    link
                    for link in topic.links
                    if (link.docname, link.interview_id) in interviews
                )
            )
        ]
    return topics


def add_index_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the topics of each question as index nodes, where
    writers look for them: LaTeX's ``\\index``, the HTML search index. (HTML's
    general index reads the index domain: see ``publish.py``.)

    They go into the question's header line: LaTeX then writes them from inside a
    macro's argument, as it writes a glossary term's entry, so that makeindex sees
    one spelling of a name ("Mission\\sphinxhyphen {}2007") and lists it once.
    """
    domain = interview_domain(app.env)
    if domain.lacks(app.builder, docname, lambda record: bool(record.exchanges)):
        return
    entries = domain.tables.index_entries
    for question in doctree.findall(interview_nodes.question):
        if not question["ids"] or not question.get("number"):
            continue
        origin = source_docname(app.env, question, docname)
        anchor = question["ids"][0]
        own = [entry for entry in entries.get(origin, []) if entry[2] == anchor]
        if not own:
            continue
        index = addnodes.index(entries=own, inline=False)
        header = next(iter(question.findall(interview_nodes.interview_header)), None)
        if header is not None:
            header += index
        else:
            question.insert(0, index)
