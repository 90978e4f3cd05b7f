"""Topics: how names compare, sort and get their anchors, and which exchanges have
each topic."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docutils import nodes

from .archive import Exchange, ExchangeLink
from .records import TermRecord

#: A ``single`` entry of the index domain: type, text, anchor, main, key.
IndexEntry = tuple[str, str, str, str, Any]

# Variants a reader does not tell apart: smart quotes (which docutils puts into
# glossary terms but not into option values) and primes; hyphens and dashes, which
# count as spaces ("counter-terrorism", "counter terrorism").
_TYPOGRAPHY = str.maketrans(
    {
        # single quotes, prime, modifier apostrophe
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        # double quotes, double prime
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        # hyphen-minus, hyphens, dashes, minus sign
        **dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212", " "),
    }
)


# Cached: topic names are few, and each is folded again for every comparison.
@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The key by which topics are one: accents, case, hyphens against spaces,
    invisible format characters (zero-width spaces, direction marks) and
    typographic variants do not count."""
    decomposed = unicodedata.normalize("NFKD", name).translate(_TYPOGRAPHY)
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    return " ".join(kept.casefold().split())


_DIGITS = re.compile(r"(\d+)")


def sort_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Natural order: case and accents ignored, numbers by value ("Q2" < "Q10").

    Numbers are compared as digit strings (length, then digits), never through
    ``int()``: any run of decimal digits, of any script and any length, sorts.
    """
    key: list[tuple[int, int, str]] = []
    for part in _DIGITS.split(fold(name)):
        if not part:
            continue
        if part.isdecimal():
            digits = "".join(str(unicodedata.decimal(ch)) for ch in part).lstrip("0")
            key.append((0, len(digits), digits))
        else:
            key.append((1, 0, part))
    # The name itself breaks ties, so that the order never depends on input order.
    key.append((2, 0, name))
    return tuple(key)


def letter(name: str) -> str:
    """The letter group of a topic in the index ("#" for digits and symbols)."""
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "#"


_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def topic_anchor(name: str, taken: set[str] | None = None) -> str:
    """A readable HTML id for a topic, the same in every build.

    A name of plain Latin letters and digits is its own id ("topic-information-
    security"); any other gets a readable part and a digest of its key after
    "--", which plain ids never contain: "C", "C++" and "C#" stay apart.
    ``taken`` (ids given out so far) lengthens the digest in the unlikely case
    of a clash.
    """
    key = fold(name)
    if _PLAIN.fullmatch(key):
        return "topic-" + key.replace(" ", "-")
    readable = nodes.make_id(key)
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    for length in range(8, len(digest) + 1, 4):
        anchor = f"topic-{readable}--{digest[:length]}"
        if taken is None or anchor not in taken:
            return anchor
    return anchor


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
            anchor = topic_anchor(name, taken)
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
