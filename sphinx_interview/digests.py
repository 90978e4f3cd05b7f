"""Stable digests: of texts (which glossary names a text holds is remembered by
them) and of what other pages can show of the project (the published view,
``updates.py``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache
from typing import TYPE_CHECKING

from .names import Heading

if TYPE_CHECKING:
    from .archive import ExchangeLink

#: A heading's fields, in order: a field added to ``Heading`` is digested too.
_HEADING_FIELDS = tuple(field.name for field in fields(Heading))


def fingerprint(value: object) -> str:
    """A stable digest of ``value``: ``repr`` of tuples, strings and dataclasses
    is the same for equal values in every process."""
    return _digest(repr(value))


class ViewDigests:
    """Digests of the published view's values, for one build.

    The topic and speaker lists and the "Mentioned in" lists (tuples of
    :class:`~sphinx_interview.names.Heading`) name the same exchange links many
    times over: an exchange under each of its topics, each of its speakers,
    each entry it uses. Each link's ``repr`` is made once and reused, where the
    ``repr`` of a whole list made it again every time (3 MB for the topics of
    300 interviews). Any other value is digested as :func:`fingerprint` does.
    """

    def __init__(self) -> None:
        # Links are tuples of strings and a count: hashed in C, and equal links
        # have the same ``repr``.
        self._link: Callable[[ExchangeLink], str] = lru_cache(maxsize=None)(repr)

    def __call__(self, value: object) -> str:
        if isinstance(value, tuple) and all(isinstance(h, Heading) for h in value):
            return _digest("\n".join(map(self._heading, value)))
        return fingerprint(value)

    def _heading(self, heading: Heading) -> str:
        # Every field's ``repr`` but the links', whose reprs are remembered.
        return " ".join(
            f"({','.join(map(self._link, heading.links))})"
            if name == "links"
            else repr(getattr(heading, name))
            for name in _HEADING_FIELDS
        )


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
