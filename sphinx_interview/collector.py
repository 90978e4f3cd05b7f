"""Read one document's finished doctree into the :class:`DocRecord` the domain keeps.

It runs at ``doctree-read``, after every transform: MyST turns ``[](#label)`` into
a cross-reference late in reading, and a page's dependencies must include it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .glossary import glossary_entries, linkable_text
from .mentions import fingerprint
from .metadata import short_title
from .names import fold
from .records import (
    AnswerRecord,
    DocRecord,
    ExchangeRecord,
    InterviewRecord,
    TermRecord,
)
from .values import parse_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: How long the question text in a ``:ref:`` title may grow before it is cut.
SUMMARY_LENGTH = 100
#: How long a tooltip (a definition's first sentence) may grow before it is cut.
TOOLTIP_LENGTH = 200

# A sentence ends at . ? ! … before a space, or at the full-width and Arabic marks,
# which need no space after them.
_SENTENCE_END = re.compile(r"(?<=[.?!…])\s|(?<=[\u3002\uff01\uff1f\u061f])")


def summarize(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut at a word boundary if still too long."""
    text = " ".join(text.split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def body_text(node: nodes.Element) -> str:
    """The text of a question or answer without its generated header."""
    return " ".join(
        child.astext()
        for child in node.children
        if not isinstance(
            child, (interview_nodes.interview_header, nodes.system_message)
        )
    )


def element_labels(node: nodes.Element) -> tuple[str, ...]:
    """Explicit ``:name:`` labels, and those of targets placed just before."""
    labels: list[str] = list(node.get("labels", []))
    labels.extend(name for name in node["names"] if name not in labels)
    return tuple(labels)


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
    people = _people(found.interviews)
    exchanges = tuple(_exchanges(docname, found.blocks, source, texts, people))
    terms = tuple(_terms(docname, found.glossaries))
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
    for _ in _exchanges(docname, _Found.walk(document).blocks, "", texts, {}):
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
            source=node.source or source,
            line=node.line,
        )


#: Each interview's interviewers and interviewees, by interview id.
People = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]


def _people(interviews: list[nodes.Element]) -> People:
    return {
        node["interview_id"]: (
            tuple(node.get("interviewers", ())),
            tuple(node.get("interviewees", ())),
        )
        for node in interviews
    }


def _speakers(node: nodes.Element, people: People) -> tuple[str, ...]:
    """Who spoke a question or answer: the ``:speaker:`` names, else by default
    the interview's interviewers (a question) or interviewees (an answer)."""
    if node.get("speakers"):
        return tuple(node["speakers"])
    interviewers, interviewees = people.get(node["interview_id"], ((), ()))
    return interviewers if isinstance(node, interview_nodes.question) else interviewees


def _exchanges(
    docname: str,
    blocks: list[nodes.Element],
    source: str,
    texts: dict[str, str],
    people: People,
) -> Iterator[ExchangeRecord]:
    """One record per numbered question, with the answers that belong to it;
    their texts go into ``texts``."""
    pending: dict[tuple[str, int], tuple[nodes.Element, list[nodes.Element]]] = {}
    for node in blocks:
        if not node.get("interview_id") or not node.get("number"):
            continue  # outside an interview, or an orphan answer: warned already
        key = (node["interview_id"], node["number"])
        if isinstance(node, interview_nodes.question):
            pending[key] = (node, [])
        elif key in pending:
            pending[key][1].append(node)
    for (interview_id, number), (question, answers) in pending.items():
        text, terms = linkable_text([question, *answers])
        text_key = fingerprint(text)
        texts[text_key] = text
        yield ExchangeRecord(
            docname=docname,
            interview_id=interview_id,
            number=number,
            ids=tuple(question["ids"]),
            auto_label=question.get("auto_label", ""),
            labels=element_labels(question),
            summary=summarize(body_text(question), SUMMARY_LENGTH),
            topics=_topics([question, *answers]),
            text_key=text_key,
            terms=terms,
            speakers=_speakers(question, people),
            answers=tuple(
                AnswerRecord(
                    ids=tuple(answer["ids"]),
                    auto_label=answer.get("auto_label", ""),
                    labels=element_labels(answer),
                    speakers=_speakers(answer, people),
                    source=answer.source or source,
                    line=answer.line,
                )
                for answer in answers
            ),
            source=question.source or source,
            line=question.line,
        )


def _topics(blocks: list[nodes.Element]) -> tuple[str, ...]:
    """The ``:topics:`` of a question and its answers, without repeats."""
    topics: dict[str, None] = {}
    for block in blocks:
        names: list[str] = block.get("topics", [])
        for name in names:
            topics.setdefault(name)
    return tuple(topics)


def _terms(docname: str, glossaries: list[nodes.Element]) -> Iterator[TermRecord]:
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
        yield "topics"
        for label in placeholder["interviews"]:
            yield f"label:{nodes.fully_normalize_name(label)}"


def collect_document(app: Sphinx, document: nodes.document) -> None:
    """``doctree-read``: keep the document's record in the domain."""
    from .domain import interview_domain

    docname = app.env.docname
    collected = collect(docname, document, str(app.env.doc2path(docname)))
    interview_domain(app.env).note_record(docname, collected.record, collected.texts)
