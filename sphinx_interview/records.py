"""The small, picklable records the domain keeps per document.

The stored records are frozen dataclasses without ``__slots__``: Python's
pickling of frozen slotted dataclasses goes through a per-object Python
function, which made saving and loading the environment of a large archive
measurably slower on every incremental build. ``source`` and ``line`` say where a
record was written (an included file is its own source), for warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["interview", "question", "answer"]


@dataclass(frozen=True)
class Anchored:
    """An interview, question or answer: its HTML ids, the first where links
    lead (targets written just before it add theirs)."""

    ids: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return self.ids[0] if self.ids else ""


@dataclass(frozen=True)
class InterviewRecord(Anchored):
    docname: str
    interview_id: str
    labels: tuple[str, ...]
    title: str
    short: str
    date: str
    topics: tuple[str, ...]
    interviewers: tuple[str, ...]
    interviewees: tuple[str, ...]
    #: The id of the section the interview is in ("" if none): its entry in
    #: the page's contents goes below that section's.
    section: str
    #: The recording's URL from the output's root (``""``: none).
    media: str
    source: str
    line: int | None


@dataclass(frozen=True)
class AnswerRecord(Anchored):
    auto_label: str
    labels: tuple[str, ...]
    #: Who spoke: the ``:speaker:`` names, else the interviewees.
    speakers: tuple[str, ...]
    #: Where it starts in the recording, in seconds (``:time:``).
    time: float | None
    source: str
    line: int | None


@dataclass(frozen=True)
class ExchangeRecord(Anchored):
    """A question and its answers, with what the indexes and the glossary need.

    ``text_key`` is the fingerprint of the text glossary names are looked for in
    (see ``glossary.py``; the text itself is not kept), ``terms`` the glossary
    names the author linked with ``:term:``.
    """

    docname: str
    interview_id: str
    number: int
    auto_label: str
    labels: tuple[str, ...]
    summary: str
    topics: tuple[str, ...]
    text_key: str
    terms: tuple[str, ...]
    #: Who asked: the ``:speaker:`` names, else the interviewers.
    speakers: tuple[str, ...]
    #: Where the question starts in the recording, in seconds (``:time:``).
    time: float | None
    answers: tuple[AnswerRecord, ...]
    source: str
    line: int | None

    @property
    def answer_anchor(self) -> str:
        """Where ``:answer:`` leads: the first answer, else the question."""
        return self.answers[0].anchor if self.answers else self.anchor


@dataclass(frozen=True)
class TermRecord:
    """One glossary entry: all its names, where it is, and its first sentence.

    ``index_names`` are the names as the glossary's own index entries spell them
    (before docutils turns straight quotes into curly ones).
    """

    docname: str
    names: tuple[str, ...]
    anchors: tuple[str, ...]
    summary: str
    line: int | None
    index_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocRecord:
    """Everything one document contributes; ``depends`` lists the keys of the
    published view (see ``updates.py``) whose change means rewriting it."""

    interviews: tuple[InterviewRecord, ...] = ()
    exchanges: tuple[ExchangeRecord, ...] = ()
    terms: tuple[TermRecord, ...] = ()
    depends: frozenset[str] = frozenset()
    #: Questions and answers, also those outside an interview (which have no
    #: exchange): writing skips documents without any.
    blocks: int = 0

    def __bool__(self) -> bool:
        return bool(
            self.interviews
            or self.exchanges
            or self.terms
            or self.depends
            or self.blocks
        )
