"""Warnings about the author's input: one helper so each carries type and subtype."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger("sphinx_interview")

#: ``type`` of every warning this extension emits (see ``suppress_warnings``).
WARNING_TYPE = "interview"


class Subtype(StrEnum):
    """Warning subtypes, documented one by one in the README."""

    DUPLICATE_LABEL = "duplicate_label"
    UNKNOWN_LABEL = "unknown_label"
    ORPHAN_ANSWER = "orphan_answer"
    OUTSIDE_INTERVIEW = "outside_interview"
    EMPTY = "empty"
    BAD_OPTION = "bad_option"
    UNKNOWN_OPTION = "unknown_option"
    NESTED = "nested"
    UNKNOWN_TOPIC = "unknown_topic"
    UNKNOWN_SPEAKER = "unknown_speaker"
    BAD_CONFIG = "bad_config"
    TOPIC_INDEX_OFF = "topic_index_off"


def warn(
    message: str,
    subtype: Subtype,
    location: nodes.Node | tuple[str, int | None] | str | None,
) -> None:
    """Emit ``message`` as a Sphinx warning that ``suppress_warnings`` can silence."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype.value)


def location(source: str, line: int | None) -> str:
    """A warning's location: ``path:line``, or the path alone.

    docutils names a file pulled in with ``include`` relative to the working
    directory when the two share their first directory (``../x/_inc/talk.rst``),
    else by its absolute path; the location always says the absolute path, as
    Sphinx's own warnings do, so that it reads the same wherever the build runs.
    """
    if source and not os.path.isabs(source) and os.path.exists(source):
        source = os.path.abspath(source)
    return f"{source}:{line}" if line else source


def shown_path(env: BuildEnvironment, source: str) -> str:
    """A source file as warnings name it in their text: relative to the project."""
    try:
        relative = os.path.relpath(source, env.srcdir)
    except ValueError:  # another drive, on Windows
        return source
    return source if relative.startswith("..") else relative
