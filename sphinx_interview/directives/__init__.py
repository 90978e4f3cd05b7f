"""The directives of an interview: parse, number, emit nodes.

The interview directive parses its content with a context object stored on the
current document; ``question`` and ``answer`` read it to number themselves, to
find their default speakers and to notice that they are out of place. Nothing
here writes cross-document data: the collector reads it from the doctree.
"""

from __future__ import annotations

from .base import InterviewDirectiveBase, UndefinedSubstitutions
from .exchange import AnswerDirective, QuestionDirective
from .indexes import InterviewSpeakersDirective, InterviewTopicsDirective
from .interview import InterviewDirective

__all__ = [
    "AnswerDirective",
    "InterviewDirective",
    "InterviewDirectiveBase",
    "InterviewSpeakersDirective",
    "InterviewTopicsDirective",
    "QuestionDirective",
    "UndefinedSubstitutions",
]
