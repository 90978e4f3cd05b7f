"""The records of a document's exchanges: each numbered question with its
answers, who spoke them, their topics, and the text glossary names are looked
for in."""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes

from . import nodes as interview_nodes
from .digests import fingerprint
from .glossary import linkable_text
from .records import AnswerRecord, ExchangeRecord
from .summaries import SUMMARY_LENGTH, body_text, summarize


def element_labels(node: nodes.Element) -> tuple[str, ...]:
    """Explicit ``:name:`` labels, and those of targets placed just before."""
    labels: list[str] = list(node.get("labels", []))
    labels.extend(name for name in node["names"] if name not in labels)
    return tuple(labels)


#: Each interview's interviewers and interviewees, by interview id.
People = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]


def people(interviews: list[nodes.Element]) -> People:
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


def exchange_records(
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
            time=question.get("time"),
            answers=tuple(
                AnswerRecord(
                    ids=tuple(answer["ids"]),
                    auto_label=answer.get("auto_label", ""),
                    labels=element_labels(answer),
                    speakers=_speakers(answer, people),
                    time=answer.get("time"),
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
