"""Topics: which exchanges and interviews have each topic."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .archive import Archive, Exchange, ExchangeLink
from .locale import _
from .names import Heading, fold, headings, sort_key
from .records import InterviewRecord, TermRecord

__all__ = ["IndexEntry", "TopicTable", "fold", "glossary_spelling", "sort_key"]

#: A ``single`` entry of the index domain: type, text, anchor, main, key.
IndexEntry = tuple[str, str, str, str, Any]


class TopicTable:
    """The topics of every exchange and interview, and every topic as a heading.

    A topic set on a whole interview is listed once, for the interview; an
    exchange is listed under its own topics. ``mentioned`` gives each exchange
    the names of the glossary entries it uses (automatic topics), or nothing.
    """

    def __init__(
        self, archive: Archive, mentioned: Mapping[Exchange, Sequence[str]]
    ) -> None:
        names: dict[str, str] = {}  # each topic as first written in reading order

        def name_of(written: str) -> str:
            return names.setdefault(fold(written), written)

        interviews = [
            interview for interview in archive.interviews.values() if interview.topics
        ]
        self._of_interview: dict[tuple[str, str], tuple[str, ...]] = {}
        self._of: dict[Exchange, tuple[str, ...]] = {}
        wide: dict[tuple[str, str], set[str]] = {}
        # Reading order: exchanges in order, an interview before its exchanges.
        pending = {(i.docname, i.interview_id): i for i in interviews}
        for exchange in archive.exchanges:
            key = (exchange.record.docname, exchange.record.interview_id)
            if key in pending:
                self._add_interview(pending.pop(key), name_of, wide)
            covered = wide.get(key, set())
            own = [*exchange.record.topics, *mentioned.get(exchange, ())]
            self._of[exchange] = tuple(
                dict.fromkeys(
                    name_of(name)
                    for name in own
                    if fold(name) and fold(name) not in covered
                )
            )
        for interview in pending.values():  # interviews without exchanges
            self._add_interview(interview, name_of, wide)
        self.topics = self._headings(archive)
        self._by_key = {fold(topic.name): topic for topic in self.topics}

    def _add_interview(
        self,
        interview: InterviewRecord,
        name_of: Callable[[str], str],
        wide: dict[tuple[str, str], set[str]],
    ) -> None:
        key = (interview.docname, interview.interview_id)
        # A name with nothing visible could be neither shown nor sorted.
        topics = tuple(dict.fromkeys(name_of(t) for t in interview.topics if fold(t)))
        self._of_interview[key] = topics
        wide[key] = {fold(topic) for topic in topics}

    def _headings(self, archive: Archive) -> list[Heading]:
        """Each topic's links in reading order: an interview (for its whole)
        where its first exchange is, else after the exchanges."""
        exchanges_of: dict[tuple[str, str], int] = {}
        for exchange in archive.exchanges:
            key = (exchange.record.docname, exchange.record.interview_id)
            exchanges_of[key] = exchanges_of.get(key, 0) + 1
        whole = str(_("%(short)s (whole interview)"))
        links: dict[str, list[ExchangeLink]] = {}

        def add_interview(key: tuple[str, str]) -> None:
            interview = archive.interviews[key]
            link = ExchangeLink(
                interview.docname,
                interview.interview_id,
                interview.anchor,
                whole % {"short": archive.short_title(*key)},
                interview.title,
                exchanges_of.get(key, 0),
            )
            for name in self._of_interview.pop(key):
                links.setdefault(name, []).append(link)

        wide = dict(self._of_interview)
        for exchange in archive.exchanges:
            key = (exchange.record.docname, exchange.record.interview_id)
            if key in self._of_interview:
                add_interview(key)
            for name in self._of.get(exchange, ()):
                links.setdefault(name, []).append(exchange.link)
        for key in list(self._of_interview):
            add_interview(key)
        self._of_interview = wide
        return headings("topic", links)

    def of(self, exchange: Exchange) -> tuple[str, ...]:
        """The topics of ``exchange`` besides its interview's, as the index names
        them."""
        return self._of.get(exchange, ())

    def of_interview(self, docname: str, interview_id: str) -> tuple[str, ...]:
        """The topics set on a whole interview."""
        return self._of_interview.get((docname, interview_id), ())

    def find(self, name: str) -> Heading | None:
        return self._by_key.get(fold(name))


def glossary_spelling(terms: Sequence[TermRecord]) -> dict[str, str]:
    """Topic keys of glossary names, and each name as the glossary's own index
    entry spells it: a topic that is a glossary entry is spelt so in the indexes,
    so that one heading shows both."""
    spelling: dict[str, str] = {}
    for term in terms:
        for name in term.index_names or term.names:
            spelling.setdefault(fold(name), name)
    return spelling
