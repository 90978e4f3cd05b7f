"""The state an interview shares with its questions and answers while it is parsed.

It lives on the current document (``env.current_document``), which Sphinx resets
for every document, so nothing leaks between documents or worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxDirective

_CONTEXT = "sphinx_interview:context"
_INTERVIEW_IDS = "sphinx_interview:interview_ids"
_SUBSTITUTIONS = "sphinx_interview:substitutions"


@dataclass
class InterviewContext:
    """What ``question`` and ``answer`` need to know about their interview."""

    interview_id: str
    interviewer: list[nodes.Node] = field(default_factory=list)
    interviewee: list[nodes.Node] = field(default_factory=list)
    questions: int = 0
    current_question: int | None = None
    answers_to_current: int = 0


def current_context(directive: SphinxDirective) -> InterviewContext | None:
    context = directive.env.current_document.get(_CONTEXT)
    return context if isinstance(context, InterviewContext) else None


def enter(directive: SphinxDirective, context: InterviewContext) -> None:
    directive.env.current_document[_CONTEXT] = context


def leave(directive: SphinxDirective) -> None:
    del directive.env.current_document[_CONTEXT]


def used_interview_ids(directive: SphinxDirective) -> set[str]:
    """Interview ids already given in the current document."""
    used = directive.env.current_document.get(_INTERVIEW_IDS)
    if not isinstance(used, set):
        used = set()
        directive.env.current_document[_INTERVIEW_IDS] = used
    return used


def has_interviews(env: BuildEnvironment) -> bool:
    """Whether the document being read has an interview: the transforms that
    look for interviews skip the others without walking them."""
    return bool(env.current_document.get(_INTERVIEW_IDS))


def note_substitution(directive: SphinxDirective) -> None:
    """An option value of the document uses a substitution (see base.py)."""
    directive.env.current_document[_SUBSTITUTIONS] = True


def has_substitutions(env: BuildEnvironment) -> bool:
    return bool(env.current_document.get(_SUBSTITUTIONS))
