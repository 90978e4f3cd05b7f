"""The topic index: the domain index page, the ``interview-topics`` directive,
general-index entries, and what of it other pages depend on.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Index, IndexEntry

from . import nodes as interview_nodes
from .diagnostics import Subtype, warn
from .directives import InterviewDirectiveBase
from .domain import TOPIC_INDEX_PAGE, interview_domain
from .i18n import _, __
from .links import exchange_links, source_docname
from .options import split_list
from .topics import Topic, by_letter, fold
from .writers.html import PageLinks

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain
    from .lookup import Lookup


class TopicIndex(Index):
    """Every topic and the exchanges about it.

    Entries are flat ("SCO" with "Ivanov 2007, Q3" as extra) because the LaTeX
    writer drops index rows without a link; the HTML page is drawn by
    :func:`render_index_page`, grouped by topic, with an anchor per topic.
    """

    name = "topics"
    localname = _("Topic Index")
    shortname = _("topics")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        lookup = cast("InterviewDomain", self.domain).lookup
        content = [
            (
                letter,
                [
                    IndexEntry(
                        topic.name,
                        0,
                        link.docname,
                        link.anchor,
                        link.text,
                        "",
                        link.summary,
                    )
                    for topic in topics
                    for link in topic.links
                ],
            )
            for letter, topics in by_letter(lookup.topics).items()
        ]
        return content, False


def topic_list(
    topics: Sequence[Topic],
    builder: Builder,
    fromdocname: str,
    *,
    anchors: bool,
) -> nodes.Element:
    """Topics as a definition list: the topic, then links to its exchanges.

    HTML builders get one :class:`~sphinx_interview.nodes.topic_list` node,
    drawn by ``writers/html.py``; other builders standard nodes.
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


def render_index_page(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> str | None:
    """``html-page-context``: draw the index page with one anchor per topic.

    The theme's ``page.html`` frames it, so it looks like any other page.
    """
    if pagename != TOPIC_INDEX_PAGE or templatename != "domainindex.html":
        return None
    # Written as HTML directly, not through docutils: for a large archive the
    # page is megabytes, and docutils' writer would hold several copies of it.
    links = PageLinks(app.builder)
    title = str(TopicIndex.localname)
    body = [
        '<div class="sphinx-interview-topic-page docutils container">\n',
        f"<h1>{html.escape(title)}</h1>\n",
    ]
    for letter, topics in by_letter(interview_domain(app.env).lookup.topics).items():
        body.append(
            f'<h2 class="rubric" id="cap-{html.escape(letter)}">'
            f"{html.escape(letter)}</h2>\n"
        )
        body.extend(links.topic_list(pagename, topics, anchors=True))
    body.append("</div>\n")
    context["body"] = "".join(body)
    context["title"] = title
    context.setdefault("display_toc", False)
    return "page.html"


class InterviewTopicsDirective(InterviewDirectiveBase):
    """``.. interview-topics::`` — the topic index, or part of it, in any page."""

    known_options = ("topics", "interview", "class")
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        options = self.read_options()
        container = nodes.container(
            classes=["sphinx-interview-topics", *self.classes(options)]
        )
        self.set_source_info(container)
        # Content is an optional introduction: parsed, never dropped.
        self.state.nested_parse(self.content, self.content_offset, container)
        placeholder = interview_nodes.interview_topics()
        self.set_source_info(placeholder)
        placeholder["topics"] = list(split_list(options.get("topics")))
        placeholder["interviews"] = list(split_list(options.get("interview")))
        container += placeholder
        return [container]


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each ``interview-topics`` shows the current index."""
    lookup = interview_domain(app.env).lookup
    for placeholder in list(doctree.findall(interview_nodes.interview_topics)):
        topics = _select(lookup, placeholder)
        if topics:
            replacement: nodes.Node = topic_list(
                topics, app.builder, docname, anchors=False
            )
        else:
            replacement = nodes.paragraph("", _("No topics yet."), translatable=False)
        placeholder.replace_self(replacement)


def _select(lookup: Lookup, placeholder: nodes.Element) -> list[Topic]:
    """The topics a placeholder's ``:topics:`` and ``:interview:`` filters keep."""
    topics = lookup.topics
    wanted = placeholder["topics"]
    if wanted:
        known = {fold(topic.name) for topic in topics}
        for name in wanted:
            if fold(name) not in known:
                warn(
                    __('unknown topic "%s"') % name, Subtype.UNKNOWN_TOPIC, placeholder
                )
        keys = {fold(name) for name in wanted}
        topics = [topic for topic in topics if fold(topic.name) in keys]
    if placeholder["interviews"]:
        interviews: set[tuple[str, str]] = set()
        for label in placeholder["interviews"]:
            target = lookup.targets.get(nodes.fully_normalize_name(label))
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


def general_index_entries(
    lookup: Lookup,
) -> dict[str, list[tuple[str, str, str, str, None]]]:
    """``single`` index entries "topic; Ivanov 2007, Q3" per document."""
    entries: dict[str, list[tuple[str, str, str, str, None]]] = {}
    for index in lookup.reading_order:
        link = lookup.links[index]
        for topic in lookup.exchange_topics(index):
            entries.setdefault(link.docname, []).append(
                ("single", f"{topic}; {link.text}", link.anchor, "", None)
            )
    return entries


def add_index_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the topics of each question as index nodes.

    The LaTeX writer turns them into ``\\index`` commands, so the PDF's
    back-of-book index lists topics with page numbers. (HTML's general index
    reads the environment instead; see :func:`sync_general_index`.)
    """
    lookup = interview_domain(app.env).lookup
    for question in doctree.findall(interview_nodes.question):
        if not question["ids"] or not question.get("number"):
            continue
        origin = source_docname(app.env, question, docname)
        index = lookup.exchange_at(origin, question["interview_id"], question["number"])
        if index is None:
            continue
        text = lookup.links[index].text
        entries = [
            ("single", f"{topic}; {text}", question["ids"][0], "", None)
            for topic in lookup.exchange_topics(index)
        ]
        if entries:
            question.insert(0, addnodes.index(entries=entries, inline=False))


def sync_general_index(
    env: BuildEnvironment, old: dict[str, object], new: dict[str, object]
) -> None:
    """Replace our entries in the index domain with the current ones.

    Topics found through the glossary are only known once every document is read,
    so the entries cannot come from the doctrees; they are kept in the published
    view under ``genindex:<docname>`` and swapped here.
    """
    index_entries = env.domains.index_domain.entries
    for key in old.keys() | new.keys():
        if not key.startswith("genindex:"):
            continue
        docname = key.removeprefix("genindex:")
        if docname not in env.all_docs:
            continue
        current = index_entries.setdefault(docname, [])
        for entry in cast("tuple[Any, ...]", old.get(key, ())):
            if entry in current:
                current.remove(entry)
        current.extend(cast("tuple[Any, ...]", new.get(key, ())))


def topics_view(env: BuildEnvironment, domain: InterviewDomain) -> dict[str, object]:
    """Published-view keys: the whole index, each topic, each page's index entries."""
    lookup = domain.lookup
    view: dict[str, object] = {
        "topics": tuple(
            (topic.name, topic.anchor, topic.links) for topic in lookup.topics
        )
    }
    view.update({f"topic:{fold(topic.name)}": topic.anchor for topic in lookup.topics})
    view.update(
        {
            f"genindex:{docname}": tuple(entries)
            for docname, entries in general_index_entries(lookup).items()
        }
    )
    return view


def register(app: Sphinx) -> None:
    app.add_index_to_domain("interview", TopicIndex)
    app.add_node(interview_nodes.interview_topics)
    app.add_directive("interview-topics", InterviewTopicsDirective)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("doctree-resolved", add_index_entries)
    app.connect("html-page-context", render_index_page)
