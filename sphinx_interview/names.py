"""How names of topics and speakers compare, sort and become anchors, and the
headings they make in an index."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from .archive import ExchangeLink

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
    """The key by which two topics, or two speakers, are one: accents, case,
    hyphens against spaces, invisible format characters (zero-width spaces,
    direction marks) and typographic variants do not count."""
    if name.isascii():
        # Nothing to decompose, no combining or format characters: the
        # common case, without a look-up per character (the same result as
        # ``fold_any``, tested).
        return " ".join(name.translate(_TYPOGRAPHY).casefold().split())
    return fold_any(name)


def fold_any(name: str) -> str:
    """:func:`fold` for any text."""
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
    """The letter group of a name in an index ("#" for digits and symbols)."""
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "#"


_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def anchor_for(prefix: str, name: str, taken: set[str] | None = None) -> str:
    """A readable HTML id for a topic or speaker, the same in every build.

    A name of plain Latin letters and digits is its own id ("topic-information-
    security"); any other gets a readable part and a digest of its key after
    "--", which plain ids never contain: "C", "C++" and "C#" stay apart.
    ``taken`` (ids given out so far) lengthens the digest in the unlikely case
    of a clash.
    """
    key = fold(name)
    if _PLAIN.fullmatch(key):
        return f"{prefix}-" + key.replace(" ", "-")
    readable = nodes.make_id(key)
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    for length in range(8, len(digest) + 1, 4):
        anchor = f"{prefix}-{readable}--{digest[:length]}"
        if taken is None or anchor not in taken:
            return anchor
    return anchor


@dataclass(frozen=True, slots=True)
class Heading:
    """A topic or a speaker in an index: its name, its anchor, how many exchanges
    (or questions and answers) it covers, and the links listed under it."""

    name: str
    anchor: str
    count: int
    links: tuple[ExchangeLink, ...]

    @property
    def letter(self) -> str:
        return letter(self.name)


def by_letter(headings: Iterable[Heading]) -> dict[str, list[Heading]]:
    """Sorted headings grouped under their letters, in order."""
    groups: dict[str, list[Heading]] = {}
    for heading in headings:
        groups.setdefault(heading.letter, []).append(heading)
    return groups


def headings(prefix: str, links: Mapping[str, Sequence[ExchangeLink]]) -> list[Heading]:
    """Headings of the names in ``links``, sorted, each with a distinct anchor."""
    taken: set[str] = set()
    found = []
    for name in sorted(links, key=sort_key):
        anchor = anchor_for(prefix, name, taken)
        taken.add(anchor)
        found.append(heading(name, anchor, links[name]))
    return found


def heading(name: str, anchor: str, links: Sequence[ExchangeLink]) -> Heading:
    return Heading(name, anchor, sum(link.covers for link in links), tuple(links))
