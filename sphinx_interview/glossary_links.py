"""Glossary terms in interviews, when writing: links with tooltips, and the
"Mentioned in" lists below the glossary's definitions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache, partial
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .domain import interview_domain
from .glossary import glossary_entries, walk
from .links import (
    drawn_by_html_writer,
    exchange_links,
    relative_uri,
    source_docname,
)
from .locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .archive import ExchangeLink
    from .mentions import Mentions
    from .records import TermRecord
    from .terms import TermMatcher


def term_reference(
    uri_of: Callable[[str], str | None],
    term: TermRecord,
    name_index: int,
    text: str,
    *,
    drawn: bool = False,
) -> nodes.Element:
    """A link to a glossary entry, marked up exactly as ``:term:`` makes it (the
    text alone where the builder has no page for it). ``uri_of``: a document's
    URI from the page (see :func:`link_page`).

    ``drawn``: the HTML writer draws the markup (``writers/html.py``), and the
    link holds its text without the ``inline`` around it: one element fewer for
    each of an archive's thousands of links, kept until the page is written.
    """
    uri = uri_of(term.docname)
    if uri is None:
        return _term_text(text)
    content = nodes.Text(text) if drawn else _term_text(text)
    link = interview_nodes.term_link("", "", content, internal=True)
    anchor = term.anchors[name_index]
    if uri == "":
        link["refid"] = anchor
    else:
        link["refuri"] = f"{uri}#{anchor}"
    if term.summary:
        link["reftitle"] = term.summary
    return link


def _term_text(text: str) -> nodes.inline:
    """The text of a link to a glossary entry, as ``:term:`` marks it up."""
    return nodes.inline(text, text, classes=["xref", "std", "std-term"])


def exchange_blocks(document: nodes.Node) -> Iterator[tuple[object, nodes.Element]]:
    """Questions and answers in document order, with the key of their exchange."""
    for node in document.findall(nodes.container):
        if not isinstance(node, (interview_nodes.question, interview_nodes.answer)):
            continue
        if node.get("interview_id") and node.get("number"):
            yield (node["interview_id"], node["number"]), node
        else:
            yield id(node), node


def link_terms(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: link glossary names, for every builder but HTML's,
    which links them as it writes the page (:func:`link_page`).

    Why HTML waits: with ``-j``, Sphinx resolves every page in the main process
    and writes it in a worker, and the resolved pages of the running workers
    stay alive in the main process, so their links (thousands in an archive)
    were more objects for its garbage collector to walk again and again, and
    for each worker forked after it to copy as the worker's own collections
    touched them. A page's writer makes them and drops them with the page.
    """
    if not drawn_by_html_writer(app.builder):
        link_page(app.builder, doctree, docname)


def link_page(
    builder: Builder, doctree: nodes.document, docname: str, *, drawn: bool = False
) -> None:
    """Link glossary names in the questions and answers of a page.

    ``interview_link_terms`` says which uses: the first of each entry per exchange
    (whichever of its names comes first, a ``:term:`` the author wrote included),
    all, or none. The author's own ``:term:`` links get the same tooltip.
    ``drawn``: see :func:`term_reference`.
    """
    domain = interview_domain(builder.env)
    if domain.lacks(builder, docname, lambda record: bool(record.blocks)):
        return
    mode = builder.config.interview_link_terms
    mentions = domain.tables.mentions
    if not mentions.terms:
        return
    used_by_exchange: dict[object, set[int]] = {}
    # A page's links lead to a few glossaries: each URI is worked out once.
    uri_of = cache(partial(relative_uri, builder, docname))
    for key, block in exchange_blocks(doctree):
        used = used_by_exchange.setdefault(key, set())
        for node in list(walk(block)):
            if not isinstance(node, nodes.Text):
                _note_term_link(node, mentions, used)
            elif mode != "none":
                _link_text(uri_of, node, mentions.matcher, used, mode, drawn)


def _note_term_link(node: nodes.Node, mentions: Mentions, used: set[int]) -> None:
    """An author's ``:term:`` link: a use of its entry, given the entry's tooltip."""
    if not isinstance(node, nodes.reference):
        return  # left unresolved: Sphinx has warned
    anchor = node.get("refid") or str(node.get("refuri", "")).rpartition("#")[2]
    entry = mentions.entry_with_anchor(anchor)
    if entry is None:
        return
    used.add(entry)
    summary = mentions.terms[entry].summary
    if summary and not node.get("reftitle"):
        node["reftitle"] = summary


def _link_text(
    uri_of: Callable[[str], str | None],
    text_node: nodes.Text,
    matcher: TermMatcher,
    used: set[int],
    mode: str,
    drawn: bool,
) -> None:
    text = text_node.astext()
    pieces = _linked(text, matcher, used, mode == "first")
    if pieces is None:
        return
    replacement = [
        nodes.Text(text[start:end])
        if term is None
        else term_reference(
            uri_of, matcher.terms[term], name, text[start:end], drawn=drawn
        )
        for start, end, term, name in pieces
    ]
    parent = text_node.parent
    assert parent is not None
    index = parent.index(text_node)
    parent[index : index + 1] = replacement


def _linked(
    text: str, matcher: TermMatcher, used: set[int], first_only: bool
) -> list[tuple[int, int, int | None, int]] | None:
    """``text`` cut into plain runs (term None) and links; None if nothing to link."""
    pieces: list[tuple[int, int, int | None, int]] = []
    position = 0
    for match in matcher.matches(text):
        if first_only and match.term in used:
            continue
        used.add(match.term)
        if match.start > position:
            pieces.append((position, match.start, None, 0))
        pieces.append((match.start, match.end, match.term, match.name))
        position = match.end
    if not pieces:
        return None
    if position < len(text):
        pieces.append((position, len(text), None, 0))
    return pieces


def add_backrefs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: "Mentioned in:" below each glossary definition used
    in interviews (``interview_glossary_backrefs``)."""
    domain = interview_domain(app.env)
    if not app.config.interview_glossary_backrefs or domain.lacks(
        app.builder, docname, lambda record: bool(record.terms)
    ):
        return
    mentions = domain.tables.mentions
    for glossary in doctree.findall(addnodes.glossary):
        origin = source_docname(app.env, glossary, docname)
        for terms, definition in glossary_entries(glossary):
            if definition is None or not terms[0]["ids"]:
                continue
            entry = mentions.entry_at(origin, terms[0]["ids"][0])
            links = mentions.users(entry) if entry is not None else []
            if links:
                definition += _backrefs(app.builder, docname, links)


def _backrefs(
    builder: Builder, docname: str, links: Sequence[ExchangeLink]
) -> nodes.Element:
    paragraph = nodes.paragraph(
        "", "", classes=["sphinx-interview-backrefs"], translatable=False
    )
    paragraph += nodes.strong("", _("Mentioned in:"))
    paragraph.extend(exchange_links(builder, docname, links, inline=True))
    return paragraph
