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
    each entry it uses. Each link's ``repr`` is encoded once and reused, and a
    list is fed to the hash heading by heading: the ``repr`` of a whole list,
    made as one string, was over 10 MB at 1,000 interviews (with its encoded
    copy, 55 MiB of the build's peak memory). Any other value is digested as
    :func:`fingerprint` does.
    """

    def __init__(self) -> None:
        # Links are tuples of strings and a count: hashed in C, and equal links
        # have the same ``repr``.
        self._link: Callable[[ExchangeLink], bytes] = lru_cache(maxsize=None)(
            _encoded_repr
        )

    def __call__(self, value: object) -> str:
        if isinstance(value, tuple) and all(isinstance(h, Heading) for h in value):
            hasher = _hasher()
            for heading in value:
                self._heading(hasher, heading)
            return hasher.hexdigest()
        return fingerprint(value)

    def _heading(self, hasher: hashlib.blake2b, heading: Heading) -> None:
        # Every field's ``repr`` but the links', whose reprs are remembered.
        for name in _HEADING_FIELDS:
            if name == "links":
                hasher.update(b"(%b)" % b",".join(map(self._link, heading.links)))
            else:
                hasher.update(repr(getattr(heading, name)).encode())
            hasher.update(b" ")
        hasher.update(b"\n")


def _encoded_repr(value: object) -> bytes:
    return repr(value).encode()


def _hasher() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=8)


def _digest(text: str) -> str:
    hasher = _hasher()
    hasher.update(text.encode())
    return hasher.hexdigest()
