"""Glossaries as Sphinx writes them (and the records of their entries), and the
text of an exchange glossary names are looked for in.

Reading (to find the entries an exchange mentions) and writing (to link them) walk
the same nodes in the same order, so "first use" means the same in both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .records import TermRecord
from .summaries import TOOLTIP_LENGTH, summarize

#: Subtrees never linked: code, math, existing links, titles, generated headers.
UNLINKABLE = (
    nodes.FixedTextElement,
    nodes.Invisible,
    nodes.literal,
    nodes.math,
    nodes.raw,
    nodes.reference,
    nodes.title,
    nodes.rubric,
    nodes.term,
    nodes.image,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.system_message,
    addnodes.pending_xref,
    addnodes.index,
    interview_nodes.interview_header,
    interview_nodes.interview_title,
)

#: Separates text nodes so that no match runs from one node into the next: not a
#: space, not a word character, and never part of a glossary name.
NODE_SEPARATOR = "\x00"


def is_term_link(node: nodes.Node) -> bool:
    """A link to a glossary entry: a ``:term:`` the author wrote (pending while
    reading, resolved when writing), or one the extension made (a block nested
    in another is walked with the outer block's exchange first, then with its
    own, which must count those links as uses)."""
    if isinstance(node, interview_nodes.term_link):
        return True
    if isinstance(node, addnodes.pending_xref):
        return bool(node.get("refdomain") == "std" and node.get("reftype") == "term")
    return isinstance(node, nodes.reference) and any(
        isinstance(child, nodes.inline) and "std-term" in child["classes"]
        for child in node.children
    )


def walk(element: nodes.Element) -> Iterator[nodes.Node]:
    """Linkable text nodes and the author's ``:term:`` links, in document order."""
    for child in element.children:
        if isinstance(child, nodes.Text) or is_term_link(child):
            yield child
        elif isinstance(child, nodes.Element) and not isinstance(child, UNLINKABLE):
            yield from walk(child)


def linkable_text(elements: Iterable[nodes.Element]) -> tuple[str, tuple[str, ...]]:
    """The text names are looked for in, and the names the author linked himself."""
    texts: list[str] = []
    terms: list[str] = []
    for element in elements:
        for node in walk(element):
            if isinstance(node, nodes.Text):
                texts.append(node.astext())
            elif isinstance(node, nodes.Element):
                terms.append(str(node.get("reftarget", "")))
    return NODE_SEPARATOR.join(texts), tuple(terms)


def glossary_entries(
    glossary: nodes.Element,
) -> Iterator[tuple[list[nodes.term], nodes.definition | None]]:
    """The glossary's own entries: its terms and definition, never the items of a
    definition list written inside a definition."""
    for definitions in glossary.children:
        if not isinstance(definitions, nodes.definition_list):
            continue
        for item in definitions.children:
            if not isinstance(item, nodes.definition_list_item):
                continue
            terms = [
                term
                for term in item.children
                if isinstance(term, nodes.term) and term.astext().strip()
            ]
            definition = next(
                (c for c in item.children if isinstance(c, nodes.definition)), None
            )
            if terms:
                yield terms, definition


def term_records(docname: str, glossaries: list[nodes.Element]) -> Iterator[TermRecord]:
    """One record per entry of every ``glossary`` directive in the document."""
    for glossary in glossaries:
        for terms, definition in glossary_entries(glossary):
            paragraph = (
                next(iter(definition.findall(nodes.paragraph)), None)
                if definition is not None
                else None
            )
            yield TermRecord(
                docname=docname,
                names=tuple(" ".join(term.astext().split()) for term in terms),
                index_names=tuple(_index_name(term) for term in terms),
                anchors=tuple(term["ids"][0] if term["ids"] else "" for term in terms),
                summary=summarize(paragraph.astext(), TOOLTIP_LENGTH)
                if paragraph
                else "",
                line=terms[0].line,
            )


def _index_name(term: nodes.term) -> str:
    """The term as Sphinx's glossary wrote it into its index entry."""
    for index in term.findall(addnodes.index):
        for entry in index["entries"]:
            return " ".join(str(entry[1]).split())
    return " ".join(term.astext().split())
