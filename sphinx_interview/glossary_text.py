"""Which text of an exchange may receive glossary links, and the glossary's entries.

Reading (to find the terms an exchange mentions) and writing (to link them) walk
the same text nodes in the same order, so "first use" means the same in both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .records import TermRecord
from .text import summarize

#: How long a tooltip (a definition's first sentence) may grow before it is cut.
TOOLTIP_LENGTH = 200

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
)

#: Separates text nodes so that no match runs from one node into the next: not a
#: space, not a word character, and never part of a glossary name.
NODE_SEPARATOR = "\x00"


def linkable_text_nodes(element: nodes.Element) -> Iterator[nodes.Text]:
    for child in element.children:
        if isinstance(child, nodes.Text):
            yield child
        elif isinstance(child, nodes.Element) and not isinstance(child, UNLINKABLE):
            yield from linkable_text_nodes(child)


def linkable_text(elements: Iterable[nodes.Element]) -> str:
    return NODE_SEPARATOR.join(
        text.astext() for element in elements for text in linkable_text_nodes(element)
    )


def term_records(docname: str, document: nodes.document) -> Iterator[TermRecord]:
    """One record per entry of every ``glossary`` directive in the document."""
    for glossary in document.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [
                term
                for term in item.children
                if isinstance(term, nodes.term) and term.astext().strip()
            ]
            if not terms:
                continue
            definition = next(
                (
                    child
                    for child in item.children
                    if isinstance(child, nodes.definition)
                ),
                None,
            )
            paragraph = (
                next(iter(definition.findall(nodes.paragraph)), None)
                if definition is not None
                else None
            )
            yield TermRecord(
                docname=docname,
                names=tuple(term.astext().strip() for term in terms),
                anchors=tuple(term["ids"][0] if term["ids"] else "" for term in terms),
                summary=summarize(paragraph.astext(), TOOLTIP_LENGTH)
                if paragraph
                else "",
                line=item.line,
            )
