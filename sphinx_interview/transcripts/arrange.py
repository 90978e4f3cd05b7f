"""Who asks and who answers: turns become questions and answers, names options."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Block, Interview, Transcript, TranscriptError, Turn

# The question mark, its fullwidth form (Chinese, Japanese) and the Arabic one.
_QUESTION_MARKS = "?\uff1f\u061f"
# Closing quotes, brackets and an ellipsis may follow the question mark.
_CLOSERS = "\"'\u201d\u2019\u00bb)]\u2026 "


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.casefold()))


def matches(label: str, name: str) -> bool:
    """A speaker label names a person: "SMITH" or "Jane Smith" for "Smith, Jane"."""
    ours, theirs = _words(label), _words(name)
    return bool(ours and theirs) and (ours <= theirs or theirs <= ours)


def asks(turn: Turn) -> bool:
    """Whether the turn ends with a question mark."""
    return turn.paragraphs[-1].rstrip(_CLOSERS).endswith(tuple(_QUESTION_MARKS))


@dataclass
class _Speaker:
    label: str
    first: int
    turns: int = 0
    questions: int = 0
    words: int = 0


def merge_turns(turns: list[Turn]) -> list[Turn]:
    """Consecutive turns of one speaker (and one label) are one turn."""
    merged: list[Turn] = []
    for turn in turns:
        last = merged[-1] if merged else None
        if last and (_key(last.speaker), last.role) == (_key(turn.speaker), turn.role):
            last.paragraphs += turn.paragraphs
            last.topics += [topic for topic in turn.topics if topic not in last.topics]
            last.time = turn.time if last.time is None else last.time
        else:
            merged.append(
                replace(
                    turn, paragraphs=list(turn.paragraphs), topics=list(turn.topics)
                )
            )
    return merged


class Cast:
    """The speakers of a transcript, who of them asks, and how each is written.

    Askers are the speakers matching a named interviewer. Without a match: the
    speaker whose turns most often end with a question mark (a speaker labelled
    "Interviewer" first; with no question marks at all, the first speaker), and,
    with three or more speakers, any other with at least two turns of which most
    end with a question mark. Everyone else answers.
    """

    def __init__(self, turns: list[Turn], transcript: Transcript) -> None:
        self.speakers: dict[str, _Speaker] = {}
        for number, turn in enumerate(turns):
            if not turn.speaker or turn.role:
                continue
            stats = self.speakers.setdefault(
                _key(turn.speaker), _Speaker(turn.speaker, number)
            )
            stats.turns += 1
            stats.questions += asks(turn)
            stats.words += sum(len(paragraph.split()) for paragraph in turn.paragraphs)
        self.interviewers = list(transcript.interviewers)
        self.interviewees = list(transcript.interviewees)
        labelled_questions = any(turn.role == "question" for turn in turns)
        self.askers, main = self._find_askers(labelled_questions)
        if not self.interviewers and main:
            self.interviewers = [self.speakers[main].label]
        self.default_askers = self._defaults(self.interviewers, self.askers, main)
        answerers = [key for key in self.speakers if key not in self.askers]
        main_answerer = max(
            answerers, key=lambda key: self.speakers[key].words, default=None
        )
        if not self.interviewees and main_answerer:
            self.interviewees = [self.speakers[main_answerer].label]
        self.default_answerers = self._defaults(
            self.interviewees, set(answerers), main_answerer
        )

    def _named(self, names: list[str], keys: set[str] | None = None) -> set[str]:
        return {
            key
            for key, stats in self.speakers.items()
            if (keys is None or key in keys)
            and any(matches(stats.label, name) for name in names)
        }

    def _find_askers(self, labelled_questions: bool) -> tuple[set[str], str | None]:
        askers = self._named(self.interviewers)
        main = None
        candidates = [
            key for key in self.speakers if key not in self._named(self.interviewees)
        ] or list(self.speakers)
        if not askers and not labelled_questions and candidates:
            main = self._main_asker(candidates)
            askers = {main}
        if len(self.speakers) >= 3:
            askers |= {
                key
                for key in candidates
                if self.speakers[key].turns >= 2
                and 2 * self.speakers[key].questions > self.speakers[key].turns
            }
        return askers, main

    def _main_asker(self, candidates: list[str]) -> str:
        if "interviewer" in candidates:
            return "interviewer"
        asking = [key for key in candidates if self.speakers[key].questions]
        if not asking:
            return candidates[0]
        return max(
            asking,
            key=lambda key: (self.speakers[key].questions, -self.speakers[key].first),
        )

    def _defaults(self, names: list[str], keys: set[str], main: str | None) -> set[str]:
        """Speakers whose blocks need no ``:speaker:``: they are the one named."""
        if len(names) != 1:
            return set()
        return self._named(names, keys) or ({main} if main else set())

    def name(self, label: str) -> str:
        """The metadata's name of the person the label names, else the label."""
        people = {
            person
            for person in self.interviewers + self.interviewees
            if matches(label, person)
        }
        return people.pop() if len(people) == 1 else label

    def block(self, turn: Turn) -> Block:
        key = _key(turn.speaker)
        kind = turn.role or ("question" if key in self.askers else "answer")
        defaults = self.default_askers if kind == "question" else self.default_answerers
        speaker = "" if not turn.speaker or key in defaults else self.name(turn.speaker)
        return Block(kind, turn.paragraphs, speaker, turn.time, list(turn.topics))


def arrange(transcript: Transcript) -> Interview:
    """Questions and answers; the turns before the first question introduce them."""
    turns = merge_turns(transcript.turns)
    cast = Cast(turns, transcript)
    introduction = list(transcript.introduction)
    blocks: list[Block] = []
    pending_topics: list[str] = []
    for turn in turns:
        block = cast.block(turn)
        if not blocks and block.kind == "answer":
            # Before the first question: part of the introduction, saying who spoke.
            first, *rest = turn.paragraphs
            introduction += [f"{turn.speaker}: {first}" if turn.speaker else first]
            introduction += rest
            pending_topics += turn.topics
            continue
        if not turn.speaker and not turn.role and blocks:
            blocks[-1].paragraphs += turn.paragraphs
            continue
        blocks.append(block)
    questions = [block for block in blocks if block.kind == "question"]
    if not questions:
        raise TranscriptError(
            "no questions found (no question labels, and no speaker could be told "
            "to be the interviewer); name the interviewer with --interviewer"
        )
    opening = questions[0]
    opening.topics[:0] = [t for t in pending_topics if t not in opening.topics]
    _topics_to_questions(blocks)
    return Interview(
        blocks=blocks,
        introduction=introduction,
        title=transcript.title,
        date=transcript.date,
        interviewers=cast.interviewers,
        interviewees=cast.interviewees,
        media=transcript.media,
        topics=list(transcript.topics),
    )


def _topics_to_questions(blocks: list[Block]) -> None:
    """Topics belong to exchanges, which questions carry; answers hand theirs up."""
    question: Block | None = None
    for block in blocks:
        if block.kind == "question":
            question = block
        elif question is not None:
            question.topics += [t for t in block.topics if t not in question.topics]
            block.topics = []
