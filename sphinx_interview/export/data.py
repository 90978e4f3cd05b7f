"""One plain description of each interview, from the domain's records and the
resolved doctree: ``interviews.json`` is exactly this, and TEI, citations and
JSON-LD are drawn from it, so that every export says the same.

The records keep no text (see ``records.py``); the text of questions and
answers is read from the doctree being written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from docutils import nodes

from .. import nodes as interview_nodes
from ..domain import interview_domain
from ..links import one_doctree_per_document, page_uri, source_docname
from ..records import AnswerRecord, ExchangeRecord, InterviewRecord
from ..summaries import plain_text
from ..values import format_time
from .model import Block, Exchange, Interview

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..tables import Tables


def interviews_in(
    builder: Builder, docname: str, doctree: nodes.Node, *, texts: bool = True
) -> list[Interview]:
    """The interviews in the resolved ``doctree`` of ``docname`` (in a
    single-page build, those of every document it holds); with ``texts=False``
    (what citations and JSON-LD need) the questions' and answers' texts and the
    glossary terms are left empty."""
    return [data for _, data in described(builder, docname, doctree, texts=texts)]


def described(
    builder: Builder, docname: str, doctree: nodes.Node, *, texts: bool = True
) -> list[tuple[nodes.Element, Interview]]:
    """Each interview node of ``doctree`` with its description."""
    domain = interview_domain(builder.env)
    found: list[tuple[nodes.Element, Interview]] = []
    for node in doctree.findall(interview_nodes.interview):
        owner = (
            docname
            if one_doctree_per_document(builder)
            else source_docname(builder.env, node, docname)
        )
        record = domain.docs.get(owner)
        interview = next(
            (
                i
                for i in (record.interviews if record else ())
                if i.interview_id == node.get("interview_id")
            ),
            None,
        )
        if record is None or interview is None:
            continue
        exchanges = [
            e for e in record.exchanges if e.interview_id == interview.interview_id
        ]
        urls = Urls(builder, owner)
        data = _interview(interview, exchanges, node, domain.tables, urls, texts)
        found.append((node, data))
    return found


class Urls:
    """Where a page's anchors are: absolute when ``html_baseurl`` is set, else
    from the output's root."""

    def __init__(self, builder: Builder, docname: str) -> None:
        self.page = page_uri(builder, docname)
        self.language: str = builder.config.language or ""
        base = builder.config.html_baseurl
        self.base = base if not base or base.endswith("/") else base + "/"

    def absolute(self, path: str) -> str:
        if not path or "://" in path:
            return path
        return urljoin(self.base, path) if self.base else path

    def at(self, anchor: str) -> str:
        return self.absolute(f"{self.page}#{anchor}" if anchor else self.page)


def _interview(
    record: InterviewRecord,
    exchanges: list[ExchangeRecord],
    node: nodes.Element,
    tables: Tables,
    urls: Urls,
    texts: bool,
) -> Interview:
    blocks = blocks_of(node) if texts else {}
    return {
        "id": record.interview_id,
        "title": record.title,
        "short": tables.archive.short_title(record.docname, record.interview_id),
        "date": record.date or None,
        "interviewer": ", ".join(record.interviewers) or None,
        "interviewers": list(record.interviewers),
        "interviewee": ", ".join(record.interviewees) or None,
        "interviewees": list(record.interviewees),
        "docname": record.docname,
        "anchor": record.anchor,
        "url": urls.at(record.anchor),
        # The build's language where the interview does not give its own.
        "language": node.get("lang") or urls.language or None,
        "media": urls.absolute(record.media) or None,
        "topics": list(record.topics),
        "exchanges": [
            _exchange(exchange, blocks, tables if texts else None, urls)
            for exchange in exchanges
        ],
    }


def blocks_of(interview: nodes.Element) -> dict[tuple[int, int], nodes.Element]:
    """Questions (index 0) and answers (1, 2, …) by exchange number; an answer
    without a question (warned about when read) belongs to no exchange."""
    found: dict[tuple[int, int], nodes.Element] = {}
    for node in interview.findall(nodes.container):
        number = node.get("number")
        if number is None:
            continue
        if isinstance(node, interview_nodes.question):
            found[number, 0] = node
        elif isinstance(node, interview_nodes.answer):
            found[number, node.get("answer_index", 1)] = node
    return found


def _exchange(
    record: ExchangeRecord,
    blocks: dict[tuple[int, int], nodes.Element],
    tables: Tables | None,
    urls: Urls,
) -> Exchange:
    answers = [
        _block(answer, blocks.get((record.number, index)), urls)
        for index, answer in enumerate(record.answers, start=1)
    ]
    return {
        "number": record.number,
        "anchor": record.anchor,
        "url": urls.at(record.anchor),
        "summary": record.summary,
        "topics": list(record.topics),
        "terms": _terms(record, tables) if tables is not None else [],
        "question": _block(record, blocks.get((record.number, 0)), urls),
        "answers": answers,
    }


def _block(
    record: ExchangeRecord | AnswerRecord, node: nodes.Element | None, urls: Urls
) -> Block:
    block: Block = {
        "speaker": ", ".join(record.speakers),
        "speakers": list(record.speakers),
        "text": plain_text(node) if node is not None else "",
        "anchor": record.anchor,
        "url": urls.at(record.anchor),
    }
    if record.time is not None:
        block["time"] = record.time
        block["timecode"] = format_time(record.time)
    return block


def _terms(record: ExchangeRecord, tables: Tables) -> list[str]:
    """The glossary entries the exchange uses (by their first name), found or
    linked with ``:term:``, in the glossary's order."""
    exchange = tables.archive.exchange_at(
        record.docname, record.interview_id, record.number
    )
    entries = set(tables.mentions.of(exchange)) if exchange is not None else set()
    for name in record.terms:
        entry = tables.mentions.entry_named(name)
        if entry is not None:
            entries.add(entry)
    return [tables.terms[entry].names[0] for entry in sorted(entries)]
