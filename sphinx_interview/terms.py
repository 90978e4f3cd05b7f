"""Finding glossary names in text.

All names of all entries go into one Aho-Corasick automaton, so finding the terms
of a text costs one pass over it, however large the glossary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import ahocorasick

from .records import TermRecord


def _lower(text: str) -> str:
    """Lower-case ``text``, line breaks as spaces, without changing its length.

    Offsets into the result are offsets into ``text``; a name broken over two
    source lines ("information\nsecurity") still matches.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lowered.replace("\n", " ").replace("\t", " ")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def is_acronym(name: str) -> bool:
    """Names in capitals ("SCO", "NATO") match only in capitals."""
    return name.isupper()


class Match(NamedTuple):
    """A name found: ``text[start:end]`` is name ``name`` of entry ``term``.

    A named tuple: an archive's pages make tens of thousands while writing, and
    a frozen dataclass sets each field through ``object.__setattr__``.
    """

    start: int
    end: int
    term: int
    name: int


class TermMatcher:
    """Finds glossary names in text: whole words, leftmost-longest, no overlaps."""

    def __init__(self, terms: Sequence[TermRecord]) -> None:
        self.terms = terms
        keys: dict[str, list[tuple[int, int, bool, str]]] = {}
        for term_index, term in enumerate(terms):
            for name_index, name in enumerate(term.names):
                keys.setdefault(_lower(name), []).append(
                    (term_index, name_index, is_acronym(name), name)
                )
        self._automaton: Any = ahocorasick.Automaton()
        for key, candidates in keys.items():
            self._automaton.add_word(key, (len(key), tuple(candidates)))
        self._empty = not keys
        if keys:
            self._automaton.make_automaton()

    def __bool__(self) -> bool:
        return not self._empty

    def matches(self, text: str) -> list[Match]:
        if self._empty or not text:
            return []
        found: list[tuple[int, int, int, int]] = []
        for last, (length, candidates) in self._automaton.iter(_lower(text)):
            start, end = last - length + 1, last + 1
            if (start > 0 and _is_word_char(text[start - 1])) or (
                end < len(text) and _is_word_char(text[end])
            ):
                continue
            for term_index, name_index, exact, name in candidates:
                if not exact or text[start:end] == name:
                    found.append((start, -length, term_index, name_index))
                    break
        found.sort()
        result: list[Match] = []
        taken_until = 0
        for start, negative_length, term_index, name_index in found:
            if start >= taken_until:
                taken_until = start - negative_length
                result.append(Match(start, taken_until, term_index, name_index))
        return result

    def mentioned(self, text: str) -> tuple[int, ...]:
        """Indexes of the entries ``text`` uses, in order of first use."""
        return tuple(dict.fromkeys(match.term for match in self.matches(text)))
