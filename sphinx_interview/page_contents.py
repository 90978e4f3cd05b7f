"""Interviews and their questions in the page's table of contents.

Questions are not sections (making them sections would renumber the document's
sections, add PDF chapters and break the toctree), so Sphinx's contents
collector does not see them. Each interview's title becomes an entry below the
section holding the interview, and its questions ("Q3. What threats…") entries
below that, as Sphinx itself adds object descriptions: the "On this page" panels
of furo and pydata-sphinx-theme and alabaster's local contents all read these
entries. They skip section numbering, and a toctree shows them only as deep as
its ``:maxdepth:`` allows (questions are two levels below their section).

The entries are made from the records when writing starts, not stored with the
environment: an archive's questions are nine in ten of the nodes of all its
pages' contents, and every build would load them, and Python's garbage
collector walk them again and again, for the few pages it writes. Sphinx's
contents are complete when the collector has run (``doctree-read``); only the
count of entries, which decides whether a page shows its contents, is kept then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from sphinx import addnodes

from .domain import interview_domain
from .locale import _
from .summaries import summarize

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .records import DocRecord, ExchangeRecord, InterviewRecord

#: How long a question's entry may grow: the panels are narrow.
ENTRY_LENGTH = 60

_Parent = TypeVar("_Parent", bound=nodes.Element)

#: Marks the entries added here, so that adding them again replaces them.
MARK = "interview_entry"


def count_entries(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: count the entries a page will have (see above)."""
    env = app.env
    record = interview_domain(env).docs.get(env.docname)
    if record is None or not record.interviews or env.docname not in env.tocs:
        return
    added = sum(1 + len(_questions(record, i)) for i in record.interviews)
    env.toc_num_entries[env.docname] = env.toc_num_entries.get(env.docname, 0) + added


def add_entries(app: Sphinx, builder: Builder) -> None:
    """``write-started``: an entry per interview and per question, in the
    contents of every page with interviews (any page may show another's)."""
    env = app.env
    for docname, record in interview_domain(env).docs.items():
        toc = env.tocs.get(docname)
        if toc is not None and record.interviews:
            _remove_entries(toc)
            _add_entries(toc, docname, record)


def _add_entries(toc: nodes.Element, docname: str, record: DocRecord) -> None:
    placed: dict[int, int] = {}
    for interview in record.interviews:
        item = _interview_entry(docname, interview, record)
        item[MARK] = True
        entries = _entries_below(toc, interview.section)
        # Before the subsections' entries: a section's own content comes
        # before its subsections.
        position = placed.get(id(entries), _first_section(entries))
        entries.insert(position, item)
        placed[id(entries)] = position + 1


def _remove_entries(toc: nodes.Element) -> None:
    """Take out entries added before (an environment kept in memory or stored
    after writing): the records may have changed since."""
    for item in list(toc.findall(nodes.list_item)):
        if item.get(MARK) and item.parent is not None:
            entries = item.parent
            entries.remove(item)
            if entries.get(MARK) and not entries.children and entries.parent:
                entries.parent.remove(entries)


def _interview_entry(
    docname: str, interview: InterviewRecord, record: DocRecord
) -> nodes.list_item:
    form = str(_("Q%(number)d. %(summary)s"))
    questions = [
        _entry(
            docname,
            exchange.anchor,
            form
            % {
                "number": exchange.number,
                "summary": summarize(exchange.summary, ENTRY_LENGTH),
            },
        )
        for exchange in _questions(record, interview)
    ]
    item = _entry(docname, interview.anchor, interview.title or interview.short)
    if questions:
        _adopt(item, _adopt(nodes.bullet_list(""), *questions))
    return item


def _questions(record: DocRecord, interview: InterviewRecord) -> list[ExchangeRecord]:
    """The exchanges of ``interview`` that have an entry: those with an anchor."""
    return [
        exchange
        for exchange in record.exchanges
        if exchange.interview_id == interview.interview_id and exchange.anchor
    ]


def _entry(docname: str, anchor: str, text: str) -> nodes.list_item:
    reference = nodes.reference("", "", internal=True, refuri=docname)
    reference["anchorname"] = f"#{anchor}"
    paragraph = addnodes.compact_paragraph("", "", skip_section_number=True)
    return _adopt(
        nodes.list_item(""), _adopt(paragraph, _adopt(reference, nodes.Text(text)))
    )


def _adopt(parent: _Parent, *children: nodes.Node) -> _Parent:
    """``parent`` with ``children`` appended, without docutils' ``setup_child``,
    which looks up the tree for a document, and a contents tree has none (an
    exception caught per node, for thousands of entries per build). Sphinx
    copies contents trees the same way."""
    for child in children:
        parent.children.append(child)
        child.parent = parent
    return parent


def _entries_below(toc: nodes.Element, section: str) -> nodes.Element:
    """The list of entries below a section's entry (made if it has none); the
    top level for an interview outside any section."""
    item = _section_item(toc, section) if section else None
    if item is None:
        return toc
    if not isinstance(item[-1], nodes.bullet_list):
        item += nodes.bullet_list("", **{MARK: True})
    return item[-1]  # type: ignore[return-value]


def _section_item(toc: nodes.Element, section: str) -> nodes.list_item | None:
    """The entry of a section: ``#id``, or, for the document's first section,
    no anchor (Sphinx links the page itself)."""
    first = None
    for paragraph in toc.findall(addnodes.compact_paragraph):
        reference = paragraph.next_node(nodes.reference)
        if reference is None or not isinstance(paragraph.parent, nodes.list_item):
            continue
        anchor = reference.get("anchorname")
        if anchor == f"#{section}":
            return paragraph.parent
        if anchor == "" and first is None:
            first = paragraph.parent
    return first


def _first_section(entries: nodes.Element) -> int:
    """Where the entries of subsections start (toctrees and objects come first)."""
    for index, child in enumerate(entries.children):
        if (
            isinstance(child, nodes.list_item)
            and child.children
            and isinstance(child[0], addnodes.compact_paragraph)
            and "skip_section_number" not in child[0]
        ):
            return index
    return len(entries.children)
