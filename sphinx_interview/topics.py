"""Topics: which exchanges (and interviews) have each topic, and the topics'
index entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .archive import Exchange, ExchangeLink
from .names import anchor_for, fold, letter, sort_key
from .records import TermRecord

__all__ = ["Topic", "TopicTable", "fold", "sort_key"]

#: A ``single`` entry of the index domain: type, text, anchor, main, key.
IndexEntry = tuple[str, str, str, str, Any]


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    anchor: str
    links: tuple[ExchangeLink, ...]

    @property
    def letter(self) -> str:
        return letter(self.name)


def by_letter(topics: Iterable[Topic]) -> dict[str, list[Topic]]:
    """Sorted topics grouped under their letters, in order."""
    groups: dict[str, list[Topic]] = {}
    for topic in topics:
        groups.setdefault(topic.letter, []).append(topic)
    return groups


class TopicTable:
    """The topics of every exchange, and every topic with its exchanges.

    ``mentioned`` gives each exchange the names of the glossary entries it uses
    (automatic topics), or nothing when they are not topics.
    """

    def __init__(
        self,
        exchanges: Sequence[Exchange],
        mentioned: Mapping[Exchange, Sequence[str]],
    ) -> None:
        written: dict[Exchange, list[str]] = {}
        names: dict[str, str] = {}
        for exchange in exchanges:
            interview = exchange.interview
            own = [
                *(interview.topics if interview else ()),
                *exchange.record.topics,
                *mentioned.get(exchange, ()),
            ]
            # A name with nothing visible (a glossary term of format characters)
            # could not be shown, nor sorted into the general index.
            own = [name for name in own if fold(name)]
            written[exchange] = own
            for name in own:
                names.setdefault(fold(name), name)  # as first written
        links: dict[str, list[ExchangeLink]] = {}
        self._of: dict[Exchange, tuple[str, ...]] = {}
        for exchange, own in written.items():
            topics = tuple(dict.fromkeys(names[fold(name)] for name in own))
            self._of[exchange] = topics
            for name in topics:
                links.setdefault(name, []).append(exchange.link)
        taken: set[str] = set()
        self.topics: list[Topic] = []
        for name in sorted(links, key=sort_key):
            anchor = anchor_for("topic", name, taken)
            taken.add(anchor)
            self.topics.append(Topic(name, anchor, tuple(links[name])))
        self._by_key = {fold(topic.name): topic for topic in self.topics}

    def of(self, exchange: Exchange) -> tuple[str, ...]:
        """The topics of ``exchange``, by the names the index uses."""
        return self._of.get(exchange, ())

    def find(self, name: str) -> Topic | None:
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


def index_entries(
    exchanges: Sequence[Exchange], topics: TopicTable, spelling: Mapping[str, str]
) -> dict[str, list[IndexEntry]]:
    """``single`` entries "topic; Ivanov 2007, Q3" per document, for the indexes
    written from doctrees (the PDF's, the search page's)."""
    entries: dict[str, list[IndexEntry]] = {}
    for exchange in exchanges:
        link = exchange.link
        for topic in topics.of(exchange):
            word = spelling.get(fold(topic), topic)
            entries.setdefault(link.docname, []).append(
                ("single", f"{word}; {link.text}", link.anchor, "", None)
            )
    return entries
