"""Read one document's finished doctree into the :class:`DocRecord` the domain keeps.

It runs at ``doctree-read``, after every transform: MyST turns ``[](#label)`` into
a cross-reference late in reading, and a page's dependencies must include it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .exchange_records import element_labels, exchange_records, people
from .glossary import term_records
from .metadata import short_title
from .names import fold
from .records import DocRecord, InterviewRecord
from .values import parse_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass
class Collected:
    """A document's record, and the text of each of its exchanges by
    ``text_key``: kept only until the glossary mentions are found (``mentions.py``),
    not with the environment."""

    record: DocRecord
    texts: dict[str, str]


def collect(docname: str, document: nodes.document, source: str) -> Collected:
    """``source`` is the document's file, for nodes that do not say theirs."""
    found = _Found.walk(document)
    texts: dict[str, str] = {}
    spoke = people(found.interviews)
    exchanges = tuple(exchange_records(docname, found.blocks, source, texts, spoke))
    terms = tuple(term_records(docname, found.glossaries))
    depends = set(_references(found))
    if found.blocks:
        # Glossary links and their tooltips are made when writing.
        depends.add("glossary")
    if terms:
        # The "Mentioned in" lists below its definitions come from other pages.
        depends.add(f"backrefs:{docname}")
    record = DocRecord(
        interviews=tuple(_interviews(docname, found.interviews, source)),
        exchanges=exchanges,
        terms=terms,
        depends=frozenset(depends),
        blocks=len(found.blocks),
    )
    return Collected(record, texts)


def exchange_texts(docname: str, document: nodes.document) -> dict[str, str]:
    """The texts of a document's exchanges, read again from its stored doctree."""
    texts: dict[str, str] = {}
    for _ in exchange_records(docname, _Found.walk(document).blocks, "", texts, {}):
        pass
    return texts


@dataclass
class _Found:
    """The nodes a record is made from, found in one walk of the doctree (each
    ``findall`` would walk all of it again)."""

    interviews: list[nodes.Element] = field(default_factory=list)
    blocks: list[nodes.Element] = field(default_factory=list)
    glossaries: list[nodes.Element] = field(default_factory=list)
    references: list[nodes.Element] = field(default_factory=list)
    placeholders: list[nodes.Element] = field(default_factory=list)

    @classmethod
    def walk(cls, document: nodes.document) -> _Found:
        found = cls()
        kinds: list[tuple[type[nodes.Element], list[nodes.Element]]] = [
            (addnodes.pending_xref, found.references),
            (interview_nodes.question, found.blocks),
            (interview_nodes.answer, found.blocks),
            (interview_nodes.interview, found.interviews),
            (addnodes.glossary, found.glossaries),
            (interview_nodes.interview_topics, found.placeholders),
        ]

        def visit(node: nodes.Element) -> None:
            for child in node.children:
                if not isinstance(child, nodes.Element):
                    continue
                for kind, into in kinds:
                    if isinstance(child, kind):
                        into.append(child)
                        break
                visit(child)

        visit(document)
        return found


def _interviews(
    docname: str, interviews: list[nodes.Element], source: str
) -> Iterator[InterviewRecord]:
    for node in interviews:
        title_node = next(
            (
                c
                for c in node.children
                if isinstance(c, interview_nodes.interview_title)
            ),
            None,
        )
        title = " ".join(title_node.astext().split()) if title_node else ""
        date = node.get("date", "")
        section = _section_of(node)
        yield InterviewRecord(
            docname=docname,
            interview_id=node["interview_id"],
            ids=tuple(node["ids"]),
            labels=element_labels(node),
            title=title,
            short=short_title(
                node.get("short", ""),
                node.get("interviewees", []),
                parse_date(date) if date else None,
                title,
            )
            or node["interview_id"],
            date=date,
            topics=tuple(node.get("topics", ())),
            interviewers=tuple(node.get("interviewers", ())),
            interviewees=tuple(node.get("interviewees", ())),
            section=section["ids"][0] if section is not None and section["ids"] else "",
            media=node.get("media", ""),
            source=node.source or source,
            line=node.line,
        )


def _section_of(node: nodes.Element) -> nodes.Element | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


def _references(found: _Found) -> Iterator[str]:
    """Dependency keys of everything this document refers to.

    Every cross-reference counts, whatever its role: ``:ref:``, ``:any:`` and
    MyST links may all land on our labels, and a key that names nothing of ours
    never changes.
    """
    for ref in found.references:
        target = str(ref.get("reftarget", ""))
        if ref.get("refdomain") == "interview" and ref.get("reftype") == "topic":
            yield f"topic:{fold(target)}"
        else:
            yield f"label:{nodes.fully_normalize_name(target.lstrip('#'))}"
    for placeholder in found.placeholders:
        if isinstance(placeholder, interview_nodes.interview_speakers):
            yield "speakers"
        else:
            yield "topics"
        for label in placeholder["interviews"]:
            yield f"label:{nodes.fully_normalize_name(label)}"


def collect_document(app: Sphinx, document: nodes.document) -> None:
    """``doctree-read``: keep the document's record in the domain."""
    from .domain import interview_domain

    docname = app.env.docname
    collected = collect(docname, document, str(app.env.doc2path(docname)))
    interview_domain(app.env).note_record(docname, collected.record, collected.texts)
