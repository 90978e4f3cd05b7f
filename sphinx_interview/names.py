"""How names of topics and speakers compare, sort and become anchors."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from docutils import nodes

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
