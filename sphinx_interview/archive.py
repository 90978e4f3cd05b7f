"""The archive as a reader meets it: interviews and their exchanges in reading order,
and how links and lists name each exchange ("Ivanov 2007, Q3")."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .locale import _
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


@dataclass(frozen=True, eq=False)
class Exchange:
    """One exchange of the archive: its record, its interview and its link.

    The tables of topics and glossary mentions are keyed by these objects.
    """

    record: ExchangeRecord
    interview: InterviewRecord | None
    link: ExchangeLink


class Archive:
    """Every interview and exchange; exchanges in reading order: documents as the
    toctree orders them (then by name), questions in document order."""

    def __init__(self, docs: Mapping[str, DocRecord], order: Sequence[str]) -> None:
        position = {docname: index for index, docname in enumerate(order)}
        self.interviews: dict[tuple[str, str], InterviewRecord] = {}
        self.exchanges: list[Exchange] = []
        # Translated once: a large archive names its exchanges thousands of times.
        exchange_format = str(_("%(short)s, Q%(number)d"))
        for docname in sorted(docs, key=lambda d: (position.get(d, math.inf), d)):
            record = docs[docname]
            for interview in record.interviews:
                self.interviews[docname, interview.interview_id] = interview
            for exchange in record.exchanges:
                owner = self.interviews.get((docname, exchange.interview_id))
                short = owner.short if owner else exchange.interview_id
                text = exchange_format % {"short": short, "number": exchange.number}
                link = ExchangeLink(
                    docname,
                    exchange.interview_id,
                    exchange.anchor,
                    text,
                    exchange.summary,
                )
                self.exchanges.append(Exchange(exchange, owner, link))
        self._by_key = {
            (e.record.docname, e.record.interview_id, e.record.number): e
            for e in self.exchanges
        }

    def exchange_at(
        self, docname: str, interview_id: str, number: int
    ) -> Exchange | None:
        """The exchange numbered ``number`` of an interview, if it exists."""
        return self._by_key.get((docname, interview_id, number))

    def short_title(self, docname: str, interview_id: str) -> str:
        interview = self.interviews.get((docname, interview_id))
        return interview.short if interview else interview_id
