"""The tables derived from every document's records, built when first asked for.

The domain throws them away whenever a record changes, so they can never
disagree with the records; nothing here writes into the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from .archive import Archive
from .labels import LabelTable
from .mentions import Mentions
from .records import DocRecord, TermRecord
from .topics import IndexEntry, TopicTable, glossary_spelling, index_entries


class Tables:
    """Archive, labels, glossary mentions and topics of the whole project."""

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
            mentioned = {
                exchange: [
                    self.terms[entry].names[0] for entry in mentions.of(exchange)
                ]
                for exchange in self.archive.exchanges
            }
        return TopicTable(self.archive.exchanges, mentioned)

    @cached_property
    def spelling(self) -> dict[str, str]:
        return glossary_spelling(self.terms)

    @cached_property
    def index_entries(self) -> dict[str, list[IndexEntry]]:
        """The topics' index entries of each exchange, per document."""
        return index_entries(self.archive.exchanges, self.topics, self.spelling)
