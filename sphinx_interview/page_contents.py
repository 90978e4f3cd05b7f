"""Interviews and their questions in the page's table of contents.

Questions are not sections (making them sections would renumber the document's
sections, add PDF chapters and break the toctree), so Sphinx's contents
collector does not see them. After it, at ``doctree-read``, each interview's
title becomes an entry below the section holding the interview, and its
questions ("Q3. What threats…") entries below that, as Sphinx itself adds
object descriptions: the "On this page" panels of furo and
pydata-sphinx-theme and alabaster's local contents all read these entries.

The entries skip section numbering, and a toctree shows them only as deep as
its ``:maxdepth:`` allows (questions are two levels below their section).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .domain import interview_domain
from .locale import _
from .summaries import summarize

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .records import DocRecord, InterviewRecord

#: How long a question's entry may grow: the panels are narrow.
ENTRY_LENGTH = 60

#: Sphinx's contents collector runs at the default priority (500).
PRIORITY = 600


def add_entries(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: an entry per interview and per question."""
    env = app.env
    docname = env.docname
    record = interview_domain(env).docs.get(docname)
    if record is None or not record.interviews:
        return
    toc = env.tocs.get(docname)
    if toc is None:
        return
    added = 0
    placed: dict[int, int] = {}
    for interview in record.interviews:
        item = _interview_entry(docname, interview, record)
        added += len(list(item.findall(nodes.list_item)))
        entries = _entries_below(toc, interview.section)
        # Before the subsections' entries: a section's own content comes
        # before its subsections.
        position = placed.get(id(entries), _first_section(entries))
        entries.insert(position, item)
        placed[id(entries)] = position + 1
    env.tocs[docname] = toc
    env.toc_num_entries[docname] = env.toc_num_entries.get(docname, 0) + added


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
        for exchange in record.exchanges
        if exchange.interview_id == interview.interview_id and exchange.anchor
    ]
    item = _entry(docname, interview.anchor, interview.title or interview.short)
    if questions:
        item += nodes.bullet_list("", *questions)
    return item


def _entry(docname: str, anchor: str, text: str) -> nodes.list_item:
    reference = nodes.reference(
        "",
        "",
        nodes.Text(text),
        internal=True,
        refuri=docname,
        anchorname=f"#{anchor}",
    )
    paragraph = addnodes.compact_paragraph("", "", reference, skip_section_number=True)
    return nodes.list_item("", paragraph)


def _entries_below(toc: nodes.Element, section: str) -> nodes.Element:
    """The list of entries below a section's entry (made if it has none); the
    top level for an interview outside any section."""
    item = _section_item(toc, section) if section else None
    if item is None:
        return toc
    if not isinstance(item[-1], nodes.bullet_list):
        item += nodes.bullet_list("")
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
