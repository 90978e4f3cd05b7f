"""Read one document's doctree into the :class:`DocRecord` the domain stores."""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .glossary_text import linkable_text, term_records
from .metadata import short_title
from .options import parse_date
from .records import AnswerRecord, DocRecord, ExchangeRecord, InterviewRecord
from .text import summarize
from .topics import fold

#: How long the question text in a ``:ref:`` title may grow before it is cut.
SUMMARY_LENGTH = 100


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


def collect(docname: str, document: nodes.document, link_terms: bool) -> DocRecord:
    interviews = tuple(_interviews(docname, document))
    exchanges = tuple(_exchanges(docname, document))
    terms = tuple(term_records(docname, document))
    depends = set(_citations(document))
    if exchanges and link_terms:
        # Terms are linked when writing: a changed glossary means rewriting this page.
        depends.add("glossary")
    if terms:
        # The "Mentioned in" lists below its definitions come from other pages.
        depends.add(f"backrefs:{docname}")
    if any(document.findall(interview_nodes.interview_topics)):
        depends.add("topics")
    return DocRecord(
        interviews=interviews,
        exchanges=exchanges,
        terms=terms,
        depends=frozenset(depends),
    )


def _interviews(docname: str, document: nodes.document) -> Iterator[InterviewRecord]:
    for node in document.findall(interview_nodes.interview):
        title_node = next(iter(node.findall(interview_nodes.interview_title)), None)
        title = title_node.astext() if title_node is not None else ""
        date = node.get("date", "")
        yield InterviewRecord(
            docname=docname,
            interview_id=node["interview_id"],
            anchor=node["ids"][0] if node["ids"] else "",
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
            line=node.line,
        )


def _exchanges(docname: str, document: nodes.document) -> Iterator[ExchangeRecord]:
    """One record per numbered question, with the answers that belong to it."""
    pending: dict[tuple[str, int], tuple[nodes.Element, list[nodes.Element]]] = {}
    for node in document.findall(
        lambda n: isinstance(n, (interview_nodes.question, interview_nodes.answer))
    ):
        assert isinstance(node, nodes.Element)
        if not node.get("interview_id") or not node.get("number"):
            continue  # outside an interview, or an orphan answer: warned already
        key = (node["interview_id"], node["number"])
        if isinstance(node, interview_nodes.question):
            pending[key] = (node, [])
        elif key in pending:
            pending[key][1].append(node)
    for (interview_id, number), (question, answers) in pending.items():
        yield ExchangeRecord(
            docname=docname,
            interview_id=interview_id,
            number=number,
            anchor=question["ids"][0] if question["ids"] else "",
            auto_label=question.get("auto_label", ""),
            labels=element_labels(question),
            summary=summarize(body_text(question), SUMMARY_LENGTH),
            topics=_topics([question, *answers]),
            # Kept even when terms are not linked: topics and back-links use it.
            text=linkable_text([question, *answers]),
            answers=tuple(
                AnswerRecord(
                    anchor=answer["ids"][0] if answer["ids"] else "",
                    auto_label=answer.get("auto_label", ""),
                    labels=element_labels(answer),
                    line=answer.line,
                )
                for answer in answers
            ),
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


def _citations(document: nodes.document) -> Iterator[str]:
    """Dependency keys of the labels and topics this document links to."""
    for ref in document.findall(addnodes.pending_xref):
        domain, reftype = ref.get("refdomain"), ref.get("reftype")
        target = str(ref.get("reftarget", ""))
        if domain == "interview" and reftype == "topic":
            yield f"topic:{fold(target)}"
        elif domain == "interview" or (domain == "std" and reftype == "ref"):
            yield f"label:{target.lower()}"
        elif reftype == "myst":
            yield f"label:{target.lower().lstrip('#')}"
