"""Which glossary entries each exchange uses, and which exchanges use each entry."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from .archive import Exchange, ExchangeLink
from .digests import fingerprint
from .records import TermRecord
from .terms import TermMatcher


class Mentions:
    """Glossary entries used by each exchange: names found in its text (see
    ``glossary.py``) and entries the author linked with ``:term:``.

    What a text mentions depends only on the text and the glossary's names, so
    the results are remembered (:meth:`memo`, which the domain keeps with the
    environment) by fingerprint of the text while the names stay the same: an
    incremental build matches only the exchanges it read. ``text_of(docname,
    text_key)`` gives a text to match.
    """

    def __init__(
        self,
        terms: Sequence[TermRecord],
        exchanges: Sequence[Exchange],
        memo: Mapping[str, Any],
        text_of: Callable[[str, str], str],
    ) -> None:
        self.terms = terms
        self._glossary = fingerprint(tuple(term.names for term in terms))
        known: Mapping[str, tuple[int, ...]] = (
            memo.get("texts", {}) if memo.get("glossary") == self._glossary else {}
        )
        self._texts: dict[str, tuple[int, ...]] = {}
        self._of: dict[Exchange, tuple[int, ...]] = {}
        self._users: dict[int, list[ExchangeLink]] = {}
        for exchange in exchanges:
            key = exchange.record.text_key
            found = known.get(key)
            if found is None:
                text = text_of(exchange.record.docname, key)
                found = self.matcher.mentioned(text)
            self._texts[key] = found
            linked = (self._by_name.get(name.lower()) for name in exchange.record.terms)
            entries = tuple(
                dict.fromkeys([*found, *(i for i in linked if i is not None)])
            )
            self._of[exchange] = entries
            for entry in entries:
                self._users.setdefault(entry, []).append(exchange.link)
        self._by_anchor: dict[tuple[str, str] | str, int] = {}
        for index, term in enumerate(terms):
            self._by_anchor.setdefault((term.docname, term.anchors[0]), index)
            for anchor in term.anchors:
                self._by_anchor.setdefault(anchor, index)

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.terms)

    @cached_property
    def _by_name(self) -> dict[str, int]:
        """Entries by each of their names, as Sphinx finds terms (any case)."""
        by_name: dict[str, int] = {}
        for index, term in enumerate(self.terms):
            for name in term.names:
                by_name.setdefault(name.lower(), index)
        return by_name

    def memo(self) -> dict[str, Any]:
        """What to remember for the next build: only this build's texts."""
        return {"glossary": self._glossary, "texts": self._texts}

    def of(self, exchange: Exchange) -> tuple[int, ...]:
        """Indexes (into :attr:`terms`) of the entries ``exchange`` uses."""
        return self._of.get(exchange, ())

    def entry_at(self, docname: str, anchor: str) -> int | None:
        """The entry whose first name has ``anchor`` in ``docname``."""
        return self._by_anchor.get((docname, anchor))

    def entry_with_anchor(self, anchor: str) -> int | None:
        """The entry one of whose names has ``anchor`` (where a link leads)."""
        return self._by_anchor.get(anchor)

    def entry_named(self, name: str) -> int | None:
        return self._by_name.get(name.lower())

    def users(self, entry: int) -> list[ExchangeLink]:
        """The exchanges using an entry, in reading order."""
        return self._users.get(entry, [])
