"""Topics as readers meet them: how names compare and sort, and the index entries."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from docutils import nodes

_DIGITS = re.compile(r"(\d+)")


# Cached: topic names are few, and each is folded again for every comparison.
@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Accents removed, case folded, spaces collapsed: "Résumé" and "resume" match."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def sort_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Natural order: case and accents ignored, numbers by value ("Q2" < "Q10")."""
    parts = (part for part in _DIGITS.split(fold(name)) if part)
    key = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts
    )
    # The name itself breaks ties, so that the order never depends on input order.
    return (*key, (2, 0, name))


def letter(name: str) -> str:
    """The letter group of a topic in the index ("#" for digits and symbols)."""
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "#"


def topic_anchor(name: str) -> str:
    """A stable HTML id for a topic, also for names without Latin letters."""
    key = fold(name)
    return "topic-" + (
        nodes.make_id(key) or hashlib.sha1(key.encode()).hexdigest()[:12]
    )


class TopicLink(NamedTuple):
    """An exchange in a generated list (topics, "Mentioned in"): "Ivanov 2007, Q3".

    A named tuple, not a dataclass: an archive's lists hold tens of thousands,
    hashed by the HTML writer's cache and fingerprinted with ``repr`` in the
    published view on every build, which a tuple does several times faster.
    """

    docname: str
    interview_id: str
    anchor: str
    text: str
    summary: str


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    anchor: str
    links: tuple[TopicLink, ...]

    @property
    def letter(self) -> str:
        return letter(self.name)


def by_letter(topics: Iterable[Topic]) -> dict[str, list[Topic]]:
    """Sorted topics grouped under their letters, in order."""
    groups: dict[str, list[Topic]] = {}
    for topic in topics:
        groups.setdefault(topic.letter, []).append(topic)
    return groups
