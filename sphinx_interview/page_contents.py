"""Interviews and their questions in the page's table of contents.

Questions are not sections (making them sections would renumber the document's
sections, add PDF chapters and break the toctree), so Sphinx's contents
collector does not see them. Each interview's title becomes an entry below the
section holding the interview, and its questions ("Q3. What threats…") entries
below that, as Sphinx itself adds object descriptions: the "On this page" panels
of furo and pydata-sphinx-theme and alabaster's local contents all read these
entries. They skip section numbering.

The interviews' entries are made for every page when writing starts, so that
toctrees show them as deep as their ``:maxdepth:`` allows. A question's entry is
there only while its own page is written (the page's contents and the sidebar's
branch of the page being read): an archive's questions are nine in ten of all
its contents entries, and Sphinx copies a document's whole contents for every
toctree that lists it before cutting them to the toctree's depth, and Python's
garbage collector walks whatever stays alive while the pages are written.
Where one output holds every page (single-page HTML, EPUB's navigation), the
questions' entries are made for all pages at once.

None of this is stored with the environment: Sphinx's contents are complete
when the collector has run (``doctree-read``); only the count of entries, which
decides whether a page shows its contents, is kept then.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters.toctree import document_toc

from .domain import interview_domain
from .links import single_page
from .locale import _
from .summaries import summarize

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .records import DocRecord, ExchangeRecord, InterviewRecord

#: How long a question's entry may grow: the panels are narrow.
ENTRY_LENGTH = 60

_Parent = TypeVar("_Parent", bound=nodes.Element)
_Made = TypeVar("_Made")

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
    """``write-started``: an entry per interview in the contents of every page
    with interviews (any page's toctree may show another's); the questions'
    entries too where one output holds all pages."""
    env = app.env
    every_question = not _per_page(builder)
    for docname, record in interview_domain(env).docs.items():
        toc = env.tocs.get(docname)
        if toc is not None and record.interviews:
            _remove_entries(toc)
            _add_entries(toc, docname, record)
            if every_question:
                _attach(_question_lists(toc, docname, record))


def show_questions(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the page's contents, and the sidebar's toctree
    the theme asks for while drawing it, with the page's questions."""
    env = app.env
    builder = app.builder
    record = interview_domain(env).docs.get(pagename)
    toc = env.tocs.get(pagename)
    if (
        record is None
        or toc is None
        or not _per_page(builder)
        or not record.exchanges
        or "toc" not in context
    ):
        return

    def with_questions(make: Callable[[], _Made]) -> _Made:
        # In Sphinx's contents only for the call: other pages, written next,
        # must not show them (nor a worker process's pages their neighbours').
        # Made anew for each call, not kept for the page: entries that stay
        # alive while the page is drawn outlive the collector's young
        # generations, and with -j the full collections they bring on in a
        # worker touch every object it shares with the main process, which
        # the system then copies (measured: 1.5 s slower and 15 MiB more at
        # 100 interviews with -j 2).
        lists = _question_lists(toc, pagename, record)
        _attach(lists)
        try:
            return make()
        finally:
            _detach(lists)

    assert isinstance(builder, StandaloneHTMLBuilder)  # by _per_page
    context["toc"] = with_questions(
        lambda: builder.render_partial(document_toc(env, pagename, builder.tags))[
            "fragment"
        ]
    )
    toctree = context.get("toctree")
    if callable(toctree):
        context["toctree"] = lambda **options: with_questions(
            partial(toctree, **options)
        )


def _per_page(builder: Builder) -> bool:
    """Whether each page shows its own contents: HTML pages, one per document
    (not single-page HTML, not EPUB, whose navigation is the whole book's)."""
    return (
        isinstance(builder, StandaloneHTMLBuilder)
        and not single_page(builder)
        and not isinstance(builder, Epub3Builder)
    )


def _add_entries(toc: nodes.Element, docname: str, record: DocRecord) -> None:
    placed: dict[int, int] = {}
    for interview in record.interviews:
        item = _entry(docname, interview.anchor, interview.title or interview.short)
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


_Lists = list[tuple[nodes.Element, nodes.bullet_list]]


def _question_lists(toc: nodes.Element, docname: str, record: DocRecord) -> _Lists:
    """Each interview's entry in ``toc`` with the list of its questions'
    entries, made but not attached."""
    items = {
        reference.get("anchorname"): item
        for item in toc.findall(nodes.list_item)
        if item.get(MARK) and (reference := item.next_node(nodes.reference)) is not None
    }
    form = str(_("Q%(number)d. %(summary)s"))
    lists: _Lists = []
    for interview in record.interviews:
        item = items.get(f"#{interview.anchor}")
        entries = [
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
        if item is not None and entries:
            lists.append((item, _adopt(nodes.bullet_list(""), *entries)))
    return lists


def _attach(lists: _Lists) -> None:
    for item, entries in lists:
        _adopt(item, entries)


def _detach(lists: _Lists) -> None:
    for item, entries in lists:
        item.children.remove(entries)
        entries.parent = None


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
