"""Labels: what each names, which claim wins when two claim one, and the inventory.

A :class:`Target` holds everything a link to it shows, so that the published view
(``updates.py``) notices any change a citing page would show. Claims are taken
document by document in name order, and within a document in the order they are
written, so serial and parallel builds, fresh and incremental ones, agree on the
claim that wins.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from docutils import nodes

from .archive import Archive
from .records import DocRecord, Kind

#: An inventory or search-index entry: name, display name, type, docname,
#: anchor, priority.
Entry = tuple[str, str, str, str, str, int]


def label_key(target: str) -> str:
    """A label as docutils normalises names; MyST's ``#`` prefix dropped."""
    return nodes.fully_normalize_name(target.lstrip("#"))


class Target(NamedTuple):
    """What a label names (derived from the records, never stored).

    A named tuple: made for every label on every build, three times faster
    than a frozen dataclass."""

    kind: Kind
    docname: str
    anchor: str
    interview_id: str
    number: int
    #: The link text ("Ivanov 2007, Q3", "Ivanov 2007, A3"), or the interview's
    #: short title.
    text: str
    #: The interview's title, or the question's first sentence.
    summary: str
    source: str
    line: int | None
    question_anchor: str = ""
    answer_anchor: str = ""
    #: The texts of links to the question, and to the answer ``:answer:`` leads
    #: to (this answer, or a question's first), with that answer's speaker where
    #: it is not the interviewee.
    question_text: str = ""
    answer_text: str = ""
    answer_speaker: str = ""
    #: Where the question, and the answer ``:answer:`` leads to, start in the
    #: recording (``:time:``), for the links' tooltips.
    question_time: float | None = None
    answer_time: float | None = None
    #: Every id of the element (targets written before it add theirs).
    ids: tuple[str, ...] = ()

    @property
    def shown(self) -> tuple[object, ...]:
        """What a link to the target shows and where it leads: what the pages
        citing it depend on (where it was written does not count)."""
        return (
            self.kind,
            self.docname,
            self.anchor,
            self.question_anchor,
            self.answer_anchor,
            self.number,
            self.text,
            self.summary,
            self.question_text,
            self.answer_text,
            self.answer_speaker,
            self.question_time,
            self.answer_time,
        )


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A label claimed twice: ``kept`` is linked to, ``dropped`` is warned about."""

    label: str
    kept: Target
    dropped: Target


class LabelTable:
    """Every label of the project: automatic anchors and ``:name:`` labels."""

    def __init__(self, docs: Mapping[str, DocRecord], archive: Archive) -> None:
        self.targets: dict[str, Target] = {}
        self.duplicates: list[Duplicate] = []
        for docname in sorted(docs):
            claims = sorted(
                _claims(docs[docname], archive),
                key=lambda claim: claim[1].line or 0,
            )
            for label, target in claims:
                kept = self.targets.setdefault(label, target)
                if kept is not target and kept != target:
                    self.duplicates.append(Duplicate(label, kept, target))

    def find(self, target: str) -> Target | None:
        return self.targets.get(label_key(target))

    def objects(self) -> Iterator[Entry]:
        """Entries for ``objects.inv`` and the search index.

        Every label is an inventory entry whose display name is the link text, so
        intersphinx links read "Ivanov 2007, Q3". As in the project itself, an
        exchange's labels also name its first answer and an answer's labels its
        question, so that ``:answer:`` and ``:question:`` through intersphinx
        find an entry of their own type.

        The search index gets one entry per interview, question and answer,
        shown by its link text: the first label entry leading there whose
        anchor the search page keeps is searched (priority 1, the others -1).
        It keeps an anchor unless it is the entry's name or its type, a hyphen
        and its name: those it rebuilds from the shown name. Where no label
        entry will do (an interview, a second answer), an entry named by the
        link text is added instead. (Searching label entries rather than adding
        one entry each keeps an archive's inventory a quarter smaller: it is
        written on every build.)
        """
        searched: set[tuple[str, str]] = set()

        def entry(
            label: str,
            text: str,
            kind: str,
            docname: str,
            anchor: str,
            *,
            searchable: bool = True,
        ) -> Entry:
            place = (docname, anchor)
            # The search page rebuilds these two anchors from the shown name.
            rebuilt = anchor in (label, f"{kind}-{label}")
            if not searchable or not anchor or rebuilt or place in searched:
                return label, text, kind, docname, anchor, -1
            searched.add(place)
            return label, text, kind, docname, anchor, 1

        # Each place's first target, for the entries named by the link text.
        places: dict[tuple[str, str], Target] = {}
        for label, target in self.targets.items():
            if target.anchor:
                places.setdefault((target.docname, target.anchor), target)
            yield entry(label, target.text, target.kind, target.docname, target.anchor)
            if target.kind == "question":
                yield entry(
                    label,
                    target.answer_text,
                    "answer",
                    target.docname,
                    target.answer_anchor,
                    # A question without answers: ``:answer:`` leads to it,
                    # but the search page lists it as a question.
                    searchable=target.answer_anchor != target.anchor,
                )
            elif target.kind == "answer":
                yield entry(
                    label,
                    target.question_text,
                    "question",
                    target.docname,
                    target.question_anchor,
                )
        for place, target in places.items():
            if place in searched:
                continue
            yield (
                target.text,
                target.text,
                target.kind,
                target.docname,
                target.anchor,
                1,
            )


def _claims(record: DocRecord, archive: Archive) -> Iterator[tuple[str, Target]]:
    for interview in record.interviews:
        short = archive.short_title(interview.docname, interview.interview_id)
        target = Target(
            kind="interview",
            docname=interview.docname,
            anchor=interview.anchor,
            interview_id=interview.interview_id,
            number=0,
            text=short,
            summary=interview.title or short,
            source=interview.source,
            line=interview.line,
            ids=interview.ids,
        )
        for label in (interview.interview_id, *interview.labels):
            yield label, target
    for exchange in record.exchanges:
        found = archive.exchange_at(
            exchange.docname, exchange.interview_id, exchange.number
        )
        question_text = found.link.text if found else exchange.interview_id
        answers = found.answer_texts if found else ()
        speakers = found.answer_speakers if found else ()
        question = Target(
            kind="question",
            docname=exchange.docname,
            anchor=exchange.anchor,
            interview_id=exchange.interview_id,
            number=exchange.number,
            text=question_text,
            summary=exchange.summary,
            source=exchange.source,
            line=exchange.line,
            question_anchor=exchange.anchor,
            answer_anchor=exchange.answer_anchor,
            question_text=question_text,
            answer_text=answers[0] if answers else question_text,
            answer_speaker=speakers[0] if speakers else "",
            question_time=exchange.time,
            answer_time=exchange.answers[0].time if exchange.answers else None,
            ids=exchange.ids,
        )
        for label in (exchange.auto_label, *exchange.labels):
            if label:
                yield label, question
        for answer, text, speaker in zip(
            exchange.answers, answers, speakers, strict=False
        ):
            target = Target(
                kind="answer",
                docname=exchange.docname,
                anchor=answer.anchor,
                interview_id=exchange.interview_id,
                number=exchange.number,
                text=text,
                summary=exchange.summary,
                source=answer.source,
                line=answer.line,
                question_anchor=exchange.anchor,
                answer_anchor=answer.anchor,
                question_text=question_text,
                answer_text=text,
                answer_speaker=speaker,
                question_time=exchange.time,
                answer_time=answer.time,
                ids=answer.ids,
            )
            for label in (answer.auto_label, *answer.labels):
                if label:
                    yield label, target
