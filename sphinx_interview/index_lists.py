"""The lists of topics or speakers, each with links to its exchanges: drawn on
the index pages, and placed in pages by the ``interview-topics`` and
``interview-speakers`` directives (filled in at ``doctree-resolved``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes

from . import nodes as interview_nodes
from .diagnostics import Subtype, warn
from .domain import interview_domain
from .labels import label_key
from .links import exchange_links
from .locale import _, __
from .names import Heading, by_letter, fold, heading

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def index_list(
    headings: Sequence[Heading],
    builder: Builder,
    fromdocname: str,
    *,
    prefix: str,
    level: int,
) -> nodes.Element:
    """Headings, each with links to its exchanges, grouped by letter.

    HTML builders get one :class:`~sphinx_interview.nodes.index_list` node,
    drawn by ``writers/html_lists.py``; other builders standard nodes.
    """
    if builder.format == "html":
        return interview_nodes.index_list(
            "",
            *(nodes.Text(f"{item.name}\n") for item in headings),
            headings=tuple(headings),
            fromdocname=fromdocname,
            prefix=prefix,
            level=level,
        )
    container = nodes.container(classes=["sphinx-interview-index"])
    for letter, group in by_letter(headings).items():
        container += nodes.rubric(letter, letter)
        definitions = nodes.definition_list(classes=["simple"])
        for item in group:
            term = nodes.term("", item.name, nodes.Text(f" ({item.count})"))
            definition = nodes.definition(
                "", *exchange_links(builder, fromdocname, item.links, inline=False)
            )
            definitions += nodes.definition_list_item("", term, definition)
        container += definitions
    return container


class _Lists:
    """The lists ``interview-topics`` and ``interview-speakers`` placed in a page."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app = app
        self.docname = docname
        self.tables = interview_domain(app.env).tables
        self.count = 0

    def fill(self, placeholder: nodes.Element) -> None:
        kind = (
            "speakers"
            if isinstance(placeholder, interview_nodes.interview_speakers)
            else "topics"
        )
        headings = self.select(placeholder, kind)
        if not headings:
            text = _("No topics yet.") if kind == "topics" else _("No speakers yet.")
            placeholder.replace_self(nodes.paragraph("", text, translatable=False))
            return
        self.count += 1
        level = _section_depth(placeholder) + 1
        placeholder.replace_self(
            index_list(
                headings,
                self.app.builder,
                self.docname,
                prefix=f"{kind}-{self.count}-",
                level=level,
            )
        )

    def select(self, placeholder: nodes.Element, kind: str) -> list[Heading]:
        """The headings a placeholder's filters keep."""
        if kind == "speakers":
            headings, find = self.tables.speakers.speakers, self.tables.speakers.find
            message, subtype = __('unknown speaker "%s"'), Subtype.UNKNOWN_SPEAKER
        else:
            headings, find = self.tables.topics.topics, self.tables.topics.find
            message, subtype = __('unknown topic "%s"'), Subtype.UNKNOWN_TOPIC
        wanted = placeholder["selected"]
        if wanted:
            for name in wanted:
                if find(name) is None:
                    warn(message % name, subtype, placeholder)
            keys = {fold(name) for name in wanted}
            headings = [item for item in headings if fold(item.name) in keys]
        if placeholder["interviews"]:
            interviews = self.interviews(placeholder)
            headings = [
                heading(item.name, item.anchor, links)
                for item in headings
                if (
                    links := [
                        link
                        for link in item.links
                        if (link.docname, link.interview_id) in interviews
                    ]
                )
            ]
        return headings

    def interviews(self, placeholder: nodes.Element) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for label in placeholder["interviews"]:
            target = self.tables.labels.targets.get(label_key(label))
            if target is None or target.kind != "interview":
                warn(
                    __('unknown interview "%s"') % label,
                    Subtype.UNKNOWN_LABEL,
                    placeholder,
                )
                continue
            found.add((target.docname, target.interview_id))
        return found


def _section_depth(node: nodes.Node) -> int:
    depth = 0
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            depth += 1
        parent = parent.parent
    return max(depth, 1)


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each ``interview-topics`` and ``interview-speakers``
    shows the current index."""
    domain = interview_domain(app.env)
    if domain.lacks(
        app.builder,
        docname,
        lambda record: bool({"topics", "speakers"} & record.depends),
    ):
        return
    lists = _Lists(app, docname)
    for placeholder in list(doctree.findall(interview_nodes.interview_topics)):
        lists.fill(placeholder)
