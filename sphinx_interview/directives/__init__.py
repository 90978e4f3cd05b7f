"""The directives of an interview: parse, number, emit nodes.

The interview directive parses its content with a context object stored on the
current document; ``question`` and ``answer`` read it to number themselves, to
find their default speakers and to notice that they are out of place. Nothing
here writes cross-document data: the domain collects it from the doctree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import InterviewDirectiveBase
from .exchange import AnswerDirective, QuestionDirective, TranslatedSpeakers
from .interview import InterviewDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "AnswerDirective",
    "InterviewDirective",
    "InterviewDirectiveBase",
    "QuestionDirective",
    "register",
]


def register(app: Sphinx) -> None:
    app.add_transform(TranslatedSpeakers)
    app.add_directive("interview", InterviewDirective)
    app.add_directive("question", QuestionDirective)
    app.add_directive("answer", AnswerDirective)
