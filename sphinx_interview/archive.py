"""The archive as a reader meets it: interviews and their exchanges in reading order,
and how links and lists name each ("Ivanov 2007, Q3", "Ivanov 2007, A3 (Anna)")."""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .locale import _
from .names import fold
from .records import DocRecord, ExchangeRecord, InterviewRecord


class ExchangeLink(NamedTuple):
    """An exchange as generated lists show it: "Ivanov 2007, Q3", with its summary.

    A named tuple, not a dataclass: an archive's lists hold tens of thousands,
    hashed by the HTML writer's cache and fingerprinted with ``repr`` in the
    published view, which a tuple does several times faster.
    """

    docname: str
    interview_id: str
    anchor: str
    text: str
    summary: str
    #: How many exchanges the link stands for: one, or a whole interview's.
    covers: int = 1


# The plain tuple's ``repr``, written in C and called without a Python frame:
# several times faster than the named tuple's, and the published view
# fingerprints tens of thousands. (Assigned here: a named tuple's class body
# takes fields only.)
ExchangeLink.__repr__ = tuple.__repr__  # type: ignore[method-assign]


@dataclass(frozen=True, eq=False)
class Exchange:
    """One exchange of the archive: its record, its interview, the link to its
    question and the link texts of its answers.

    The tables of topics and glossary mentions are keyed by these objects.
    """

    record: ExchangeRecord
    interview: InterviewRecord | None
    link: ExchangeLink
    #: Each answer's link text, and its speakers where not the interviewee's.
    answer_texts: tuple[str, ...]
    answer_speakers: tuple[str, ...]


_YEAR_AT_END = re.compile(r"\d{4}$")


class Archive:
    """Every interview and exchange; exchanges in reading order: documents as the
    toctree orders them (then by name), questions in document order."""

    def __init__(self, docs: Mapping[str, DocRecord], order: Sequence[str]) -> None:
        position = {docname: index for index, docname in enumerate(order)}
        reading = sorted(docs, key=lambda d: (position.get(d, math.inf), d))
        self.interviews: dict[tuple[str, str], InterviewRecord] = {}
        for docname in reading:
            for interview in docs[docname].interviews:
                self.interviews[docname, interview.interview_id] = interview
        self.shorts = _distinct_shorts(list(self.interviews.values()))
        self._texts = _Texts()
        self.exchanges: list[Exchange] = []
        for docname in reading:
            for exchange in docs[docname].exchanges:
                self.exchanges.append(self._exchange(docname, exchange))
        self._by_key = {
            (e.record.docname, e.record.interview_id, e.record.number): e
            for e in self.exchanges
        }

    def _exchange(self, docname: str, exchange: ExchangeRecord) -> Exchange:
        key = (docname, exchange.interview_id)
        owner = self.interviews.get(key)
        short = self.shorts.get(key, exchange.interview_id)
        link = ExchangeLink(
            docname,
            exchange.interview_id,
            exchange.anchor,
            self._texts.question(short, exchange.number),
            exchange.summary,
        )
        interviewees = owner.interviewees if owner else ()
        speakers = _other_speakers(exchange, interviewees)
        answers = self._texts.answers(short, exchange.number, speakers)
        return Exchange(exchange, owner, link, answers, speakers)

    def exchange_at(
        self, docname: str, interview_id: str, number: int
    ) -> Exchange | None:
        """The exchange numbered ``number`` of an interview, if it exists."""
        return self._by_key.get((docname, interview_id, number))

    def short_title(self, docname: str, interview_id: str) -> str:
        return self.shorts.get((docname, interview_id), interview_id)


class _Texts:
    """The link texts, from formats translated once: a large archive names its
    exchanges thousands of times."""

    def __init__(self) -> None:
        self.question_format = str(_("%(short)s, Q%(number)d"))
        self.answer_format = str(_("%(short)s, A%(number)s"))
        self.other_format = str(_("%(short)s, A%(number)s (%(speaker)s)"))

    def question(self, short: str, number: int) -> str:
        return self.question_format % {"short": short, "number": number}

    def answers(
        self, short: str, number: int, speakers: Sequence[str]
    ) -> tuple[str, ...]:
        """Each answer's text: one not by the interviewee names its speaker, and
        answers that would read alike are numbered (A5, A5.2)."""
        if len(speakers) == 1:  # most exchanges: nothing to tell apart
            return (self._answer(short, str(number), speakers[0]),)
        texts: list[str] = []
        seen: set[str] = set()
        for index, speaker in enumerate(speakers, start=1):
            text = self._answer(short, str(number), speaker)
            # Alike to a reader: names differing in case or accents are one.
            if fold(text) in seen:
                text = self._answer(short, f"{number}.{index}", speaker)
            seen.add(fold(text))
            texts.append(text)
        return tuple(texts)

    def _answer(self, short: str, number: str, speaker: str) -> str:
        values = {"short": short, "number": number}
        if speaker:
            return self.other_format % {**values, "speaker": speaker}
        return self.answer_format % values


def _other_speakers(
    exchange: ExchangeRecord, interviewees: Sequence[str]
) -> tuple[str, ...]:
    """For each answer, its speakers where they are not the interviewees, else ""."""
    own: set[str] | None = None
    spoken: list[str] = []
    for answer in exchange.answers:
        speakers = answer.speakers
        # Most answers name no one else: their speakers are the interviewees,
        # as the record was given them (nothing to fold).
        if not speakers or speakers == interviewees:
            spoken.append("")
            continue
        if own is None:
            own = {fold(name) for name in interviewees}
        other = {fold(name) for name in speakers} != own
        spoken.append(", ".join(speakers) if other else "")
    return tuple(spoken)


def _distinct_shorts(
    interviews: Sequence[InterviewRecord],
) -> dict[tuple[str, str], str]:
    """Each interview's short title, told apart where two would read alike, as
    author-date styles do: "Kova 2019a", "Kova 2019b" (after the year), else
    "Talk (a)", "Talk (b)"; in reading order."""
    groups: dict[str, list[InterviewRecord]] = {}
    for interview in interviews:
        groups.setdefault(interview.short, []).append(interview)
    shorts = {}
    for short, group in groups.items():
        for index, interview in enumerate(group):
            key = (interview.docname, interview.interview_id)
            if len(group) == 1:
                shorts[key] = short
                continue
            letter = string.ascii_lowercase[index % 26] * (index // 26 + 1)
            shorts[key] = (
                f"{short}{letter}"
                if _YEAR_AT_END.search(short)
                else f"{short} ({letter})"
            )
    return shorts
