"""Lookup tables derived from every document's records.

Built on demand from the domain's per-document records and thrown away whenever
they change, so they can never disagree with them. Documents are visited in
sorted order: when two claim one label, the same one wins in serial and
parallel builds.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .i18n import _
from .records import (
    DocRecord,
    ExchangeRecord,
    InterviewRecord,
    Kind,
    Target,
    TermRecord,
)
from .terms import TermMatcher
from .topics import Topic, TopicLink, fold, sort_key, topic_anchor


def fingerprint(value: object) -> str:
    """A stable digest of ``value``: ``repr`` of tuples, strings and dataclasses
    is the same for equal values in every process."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A label claimed twice: ``kept`` is linked to, ``dropped`` is warned about."""

    label: str
    kept: Target
    dropped: Target


class Lookup:
    """Labels, glossary mentions and topics of the whole project.

    ``order`` is the reading order of the documents (the toctree's), used to list
    exchanges; ``auto_topics`` makes glossary entries used in an exchange topics.
    """

    def __init__(
        self,
        docs: Mapping[str, DocRecord],
        order: Sequence[str] = (),
        auto_topics: bool = True,
        memo: dict[str, Any] | None = None,
    ) -> None:
        self.auto_topics = auto_topics
        #: Mentions found by earlier builds; see :attr:`mentions`.
        self._memo = memo if memo is not None else {}
        self._position = {docname: index for index, docname in enumerate(order)}
        self.interviews: dict[tuple[str, str], InterviewRecord] = {}
        self.exchanges: list[ExchangeRecord] = []
        self.targets: dict[str, Target] = {}
        self.duplicates: list[Duplicate] = []
        self.terms: list[TermRecord] = []
        for docname in sorted(docs):
            record = docs[docname]
            for interview in record.interviews:
                self.interviews[docname, interview.interview_id] = interview
                self._add_interview(interview)
            for exchange in record.exchanges:
                self.exchanges.append(exchange)
                self._add_exchange(exchange)
            self.terms.extend(record.terms)

    def _add(self, label: str, target: Target) -> None:
        if not label:
            return
        kept = self.targets.setdefault(label, target)
        if kept != target:
            self.duplicates.append(Duplicate(label, kept, target))

    def _add_interview(self, interview: InterviewRecord) -> None:
        target = Target(
            kind="interview",
            docname=interview.docname,
            anchor=interview.anchor,
            interview_id=interview.interview_id,
            number=0,
            line=interview.line,
        )
        for label in (interview.interview_id, *interview.labels):
            self._add(label, target)

    def _add_exchange(self, exchange: ExchangeRecord) -> None:
        def target(kind: Kind, anchor: str, line: int | None) -> Target:
            return Target(
                kind=kind,
                docname=exchange.docname,
                anchor=anchor,
                interview_id=exchange.interview_id,
                number=exchange.number,
                line=line,
                question_anchor=exchange.anchor,
                answer_anchor=exchange.answer_anchor,
                summary=exchange.summary,
            )

        question = target("question", exchange.anchor, exchange.line)
        for label in (exchange.auto_label, *exchange.labels):
            self._add(label, question)
        for answer in exchange.answers:
            answer_target = target("answer", answer.anchor, answer.line)
            for label in (answer.auto_label, *answer.labels):
                self._add(label, answer_target)

    def interview_of(self, target: Target | ExchangeRecord) -> InterviewRecord | None:
        return self.interviews.get((target.docname, target.interview_id))

    def short_title(self, target: Target | ExchangeRecord) -> str:
        interview = self.interview_of(target)
        return interview.short if interview else target.interview_id

    @cached_property
    def _formats(self) -> dict[str, str]:
        # Translated once: a large archive names its exchanges thousands of times.
        return {
            "exchange": str(_("%(short)s, Q%(number)d")),
            "question": str(_("Q%(number)d")),
            "answer": str(_("Answer to Q%(number)d")),
        }

    def exchange_text(self, exchange: ExchangeRecord | Target) -> str:
        """How links and lists name an exchange: "Ivanov 2007, Q3"."""
        index = self._exchange_index[
            exchange.docname, exchange.interview_id, exchange.number
        ]
        return self.links[index].text

    @cached_property
    def links(self) -> list[TopicLink]:
        """For each exchange (same order), how generated lists show it: its text,
        and its summary as title. Made once: every label, list and inventory
        entry of an exchange asks for its text."""
        exchange_format = self._formats["exchange"]
        return [
            TopicLink(
                docname=exchange.docname,
                interview_id=exchange.interview_id,
                anchor=exchange.anchor,
                text=exchange_format
                % {"short": self.short_title(exchange), "number": exchange.number},
                summary=exchange.summary,
            )
            for exchange in self.exchanges
        ]

    def link_text(self, target: Target) -> str:
        """Default text of ``:question:``/``:answer:`` links."""
        if target.kind == "interview":
            return self.short_title(target)
        return self.exchange_text(target)

    # -- glossary ---------------------------------------------------------------

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.terms)

    @cached_property
    def mentions(self) -> list[tuple[int, ...]]:
        """For each exchange (same order), the glossary entries it uses.

        What a text mentions depends only on the text and the glossary's names,
        so the results are kept in the memo (stored with the environment) by
        fingerprint of the text, for as long as the names stay the same: an
        incremental build matches only the exchanges it read.
        """
        glossary = fingerprint(tuple(term.names for term in self.terms))
        if self._memo.get("glossary") != glossary:
            self._memo.clear()
        known: dict[str, tuple[int, ...]] = self._memo.get("texts", {})
        current: dict[str, tuple[int, ...]] = {}
        mentions = []
        for exchange in self.exchanges:
            key = fingerprint(exchange.text)
            found = known.get(key)
            if found is None:
                found = self.matcher.mentioned(exchange.text)
            current[key] = found
            mentions.append(found)
        # Only the texts of this build: edited and deleted ones drop out.
        self._memo.update(glossary=glossary, texts=current)
        return mentions

    @cached_property
    def _mentioned_in(self) -> dict[int, list[TopicLink]]:
        mentioned_in: dict[int, list[TopicLink]] = {}
        for index in self.reading_order:
            for term in self.mentions[index]:
                mentioned_in.setdefault(term, []).append(self.links[index])
        return mentioned_in

    def term_at(self, docname: str, anchor: str) -> TermRecord | None:
        """The glossary entry whose first term has ``anchor`` in ``docname``."""
        index = self._term_index.get((docname, anchor))
        return self.terms[index] if index is not None else None

    @cached_property
    def _term_index(self) -> dict[tuple[str, str], int]:
        return {(term.docname, term.anchors[0]): i for i, term in enumerate(self.terms)}

    def mentions_of(self, term: TermRecord) -> list[TopicLink]:
        """The exchanges using a glossary entry, in reading order."""
        index = self._term_index.get((term.docname, term.anchors[0]))
        return self._mentioned_in.get(index, []) if index is not None else []

    # -- topics -----------------------------------------------------------------

    @cached_property
    def reading_order(self) -> list[int]:
        """Exchange indexes by toctree order of their documents, then question order."""
        position = self._position
        return sorted(
            range(len(self.exchanges)),
            key=lambda index: (
                position.get(self.exchanges[index].docname, math.inf),
                self.exchanges[index].docname,
                index,
            ),
        )

    def exchange_at(self, docname: str, interview_id: str, number: int) -> int | None:
        """The index of the exchange numbered ``number`` of an interview."""
        return self._exchange_index.get((docname, interview_id, number))

    @cached_property
    def _exchange_index(self) -> dict[tuple[str, str, int], int]:
        return {
            (exchange.docname, exchange.interview_id, exchange.number): index
            for index, exchange in enumerate(self.exchanges)
        }

    def _own_topics(self, index: int) -> list[str]:
        """An exchange's topics as written: its interview's, its own, its terms'."""
        exchange = self.exchanges[index]
        interview = self.interview_of(exchange)
        names = [*(interview.topics if interview else ()), *exchange.topics]
        if self.auto_topics:
            names.extend(self.terms[term].names[0] for term in self.mentions[index])
        return names

    @cached_property
    def _topic_names(self) -> dict[str, str]:
        """Each topic's name as first written in reading order, by folded name."""
        names: dict[str, str] = {}
        for index in self.reading_order:
            for name in self._own_topics(index):
                names.setdefault(fold(name), name)
        return names

    def exchange_topics(self, index: int) -> tuple[str, ...]:
        """The topics of the exchange at ``index``, by the names the index uses."""
        return self._exchange_topics[index]

    @cached_property
    def _exchange_topics(self) -> list[tuple[str, ...]]:
        names = self._topic_names
        return [
            tuple(dict.fromkeys(names[fold(name)] for name in self._own_topics(index)))
            for index in range(len(self.exchanges))
        ]

    @cached_property
    def topics(self) -> list[Topic]:
        """Every topic with its exchanges, sorted naturally."""
        links: dict[str, list[TopicLink]] = {}
        for index in self.reading_order:
            link = self.links[index]
            for name in self.exchange_topics(index):
                links.setdefault(name, []).append(link)
        return sorted(
            (
                Topic(name, topic_anchor(name), tuple(found))
                for name, found in links.items()
            ),
            key=lambda topic: sort_key(topic.name),
        )

    def topic(self, name: str) -> Topic | None:
        return self._topics_by_key.get(fold(name))

    @cached_property
    def _topics_by_key(self) -> dict[str, Topic]:
        return {fold(topic.name): topic for topic in self.topics}

    def ref_title(self, target: Target, kind: Kind | None = None) -> str:
        """Default text of ``:ref:`` links: the title, or the numbered question.

        ``kind`` names what a link leads to when it differs from the label's
        target (``:answer:`` given a question's label).
        """
        kind = kind or target.kind
        if kind == "interview":
            interview = self.interview_of(target)
            return (
                (interview.title or interview.short)
                if interview
                else target.interview_id
            )
        title = self._formats[kind] % {"number": target.number}
        return f"{title}. {target.summary}" if target.summary else title

    @cached_property
    def objects(self) -> list[tuple[str, str, str, str, str, int]]:
        """Entries for ``objects.inv`` and the search index (asked for twice).

        Every label is an inventory entry (priority -1: not searched) whose display
        name is the link text, so intersphinx links read "Ivanov 2007, Q3". As in
        the project itself, an exchange's labels also name its first answer and an
        answer's labels its question, so that ``:answer:`` and ``:question:``
        through intersphinx find an entry of their own type.

        The search index gets one entry per interview, question and answer, named
        by its link text. (Searched entries are not named by their label: the
        search page rebuilds the anchor from the display name when the name
        equals the anchor, which would break the link.)
        """
        return list(self._objects())

    def _objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for label, target in self.targets.items():
            text = self.link_text(target)
            yield label, text, target.kind, target.docname, target.anchor, -1
            if target.kind == "question":
                yield label, text, "answer", target.docname, target.answer_anchor, -1
            elif target.kind == "answer":
                yield (
                    label,
                    text,
                    "question",
                    target.docname,
                    target.question_anchor,
                    -1,
                )
        for target in self._searchable():
            text = self.link_text(target)
            yield text, text, target.kind, target.docname, target.anchor, 1

    def _searchable(self) -> Iterator[Target]:
        """Each interview, question and answer once, by its automatic label."""
        seen: set[tuple[str, str]] = set()
        for target in self.targets.values():
            key = (target.docname, target.anchor)
            if target.anchor and key not in seen:
                seen.add(key)
                yield target
