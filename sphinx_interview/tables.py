"""The tables derived from every document's records, built when first asked for.

The domain throws them away whenever a record changes, so they can never
disagree with the records; nothing here writes into the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from .archive import Archive, ExchangeLink
from .labels import LabelTable
from .mentions import Mentions
from .names import fold
from .records import DocRecord, TermRecord
from .speakers import SpeakerTable
from .topics import IndexEntry, TopicTable, glossary_spelling


class Tables:
    """Archive, labels, glossary mentions, topics and speakers of the project."""

    def __init__(
        self,
        docs: Mapping[str, DocRecord],
        order: Sequence[str],
        memo: Mapping[str, Any],
        text_of: Callable[[str, str], str],
        *,
        auto_topics: bool,
    ) -> None:
        self.docs = docs
        self.order = order
        self.memo = memo
        self.text_of = text_of
        self.auto_topics = auto_topics

    @cached_property
    def archive(self) -> Archive:
        return Archive(self.docs, self.order)

    @cached_property
    def labels(self) -> LabelTable:
        return LabelTable(self.docs, self.archive)

    @cached_property
    def terms(self) -> list[TermRecord]:
        return [term for name in sorted(self.docs) for term in self.docs[name].terms]

    @cached_property
    def mentions(self) -> Mentions:
        return Mentions(self.terms, self.archive.exchanges, self.memo, self.text_of)

    @cached_property
    def topics(self) -> TopicTable:
        mentioned = {}
        if self.auto_topics:
            mentions = self.mentions
            first_names = [term.names[0] for term in self.terms]
            mentioned = {
                exchange: [first_names[entry] for entry in mentions.of(exchange)]
                for exchange in self.archive.exchanges
            }
        return TopicTable(self.archive, mentioned)

    @cached_property
    def spelling(self) -> dict[str, str]:
        return glossary_spelling(self.terms)

    @cached_property
    def speakers(self) -> SpeakerTable:
        return SpeakerTable(self.archive)

    def index_entries(self, docname: str) -> list[IndexEntry]:
        """``single`` entries of one document for the indexes written from
        doctrees (the PDF's, the search page's): "topic; Ivanov 2007, Q3" at a
        question, "topic; Ivanov 2007" at an interview for its whole, "speaker;
        Ivanov 2007, A3" at what they spoke.

        Made for the documents written, not for the whole archive: an
        incremental build writes a few pages of thousands.
        """
        entries: list[IndexEntry] = []

        def add(word: str, text: str, anchor: str) -> None:
            entries.append(("single", f"{word}; {text}", anchor, "", None))

        record = self.docs.get(docname)
        if record is None:
            return entries
        spelling, topics = self.spelling, self.topics
        for interview in record.interviews:
            short = self.archive.short_title(docname, interview.interview_id)
            for topic in topics.of_interview(docname, interview.interview_id):
                add(spelling.get(fold(topic), topic), short, interview.anchor)
        for exchange_record in record.exchanges:
            exchange = self.archive.exchange_at(
                docname, exchange_record.interview_id, exchange_record.number
            )
            if exchange is None:
                continue
            link = exchange.link
            for topic in topics.of(exchange):
                add(spelling.get(fold(topic), topic), link.text, link.anchor)
        for speaker, spoken in self._spoken_by_document.get(docname, ()):
            add(speaker, spoken.text, spoken.anchor)
        return entries

    @cached_property
    def _spoken_by_document(self) -> dict[str, list[tuple[str, ExchangeLink]]]:
        """Each speaker's links, by the document they lead to (speakers in the
        speaker table's order, links in reading order)."""
        spoken: dict[str, list[tuple[str, ExchangeLink]]] = {}
        for speaker in self.speakers.speakers:
            for link in speaker.links:
                spoken.setdefault(link.docname, []).append((speaker.name, link))
        return spoken
