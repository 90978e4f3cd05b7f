"""What writing adds to the interviews read: the "Question 3 — RIA Novosti · 0:01:05"
line of each question and answer, and the exchange around each question and its
answers.

Both are made from what was read rather than stored with it: every element of a
doctree is kept in memory, with its attribute lists, for the whole writing phase,
and on disk with the document. A default speaker is also the interviewer or
interviewee as the metadata header shows them, translated where it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from . import nodes as interview_nodes
from .domain import interview_domain
from .links import drawn_by_html_writer
from .locale import _
from .metadata import META_CLASS
from .values import format_time

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def lay_out(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: header lines, then exchanges."""
    domain = interview_domain(app.env)
    if domain.lacks(app.builder, docname, lambda record: bool(record.blocks)):
        return
    blocks = [
        node
        for node in doctree.findall(nodes.container)
        if isinstance(node, (interview_nodes.question, interview_nodes.answer))
    ]
    drawn = drawn_by_html_writer(app.builder)
    for block in blocks:
        add_header(block, drawn=drawn)
    for interview in doctree.findall(interview_nodes.interview):
        group_exchanges(interview)


def add_header(block: nodes.Element, *, drawn: bool = False) -> None:
    """The header line, first in the question or answer, with its speaker: the
    one the author gave (the placeholder's children), else the default.

    ``drawn``: the HTML writer draws the line from the block and the header's
    attributes (``writers/html.py``), which hold only the speaker. An archive
    has thousands of headers, and every element of a page (with its attribute
    dictionary and lists) is kept, and walked by Python's garbage collector,
    until the page is written. Other writers get the line as docutils nodes.
    """
    placeholder = next(
        (c for c in block.children if isinstance(c, interview_nodes.interview_header)),
        None,
    )
    if placeholder is not None:
        speaker = list(placeholder.children)
        block.remove(placeholder)
    elif block.get("speaker_from"):
        speaker = _default_speaker(block, block["speaker_from"])
    else:
        speaker = []
    header = interview_nodes.interview_header(
        "", "", classes=["sphinx-interview-header"], translatable=False
    )
    if block.get("time") is not None:
        interview = _interview_of(block)
        header["time"] = block["time"]
        header["media"] = interview.get("media", "") if interview is not None else ""
    if drawn:
        # Children may follow the speaker (index entries, ``index_entries.py``).
        header["speaker"] = bool(speaker)
        header.extend(speaker)
    else:
        _add_parts(header, block, speaker)
    block.insert(0, header)


def header_words(block: nodes.Element) -> tuple[str, str]:
    """What the header line of ``block`` says before its speaker: "Question" and
    the question's number ("3"), or "Answer" and ``""``."""
    if isinstance(block, interview_nodes.question):
        return _("Question"), str(block.get("number") or "")
    return _("Answer"), ""


def _add_parts(
    header: nodes.Element, block: nodes.Element, speaker: list[nodes.Node]
) -> None:
    """ "Question 3 — RIA Novosti · 0:01:05" as docutils nodes."""
    word, number = header_words(block)
    header += nodes.inline("", word, classes=["sphinx-interview-kind"])
    if number:
        header += nodes.Text(" ")
        header += nodes.inline("", number, classes=["sphinx-interview-number"])
    if speaker:
        header += nodes.Text(" — ")
        header += nodes.inline("", "", *speaker, classes=["sphinx-interview-speaker"])
    if "time" in header:
        header += nodes.Text(" · ")
        header += interview_nodes.interview_time(
            "",
            format_time(header["time"]),
            classes=["sphinx-interview-time"],
            time=header["time"],
            media=header["media"],
        )


def _interview_of(block: nodes.Element) -> nodes.Element | None:
    interview = block.parent
    while interview is not None and not isinstance(
        interview, interview_nodes.interview
    ):
        interview = interview.parent
    return interview


def _default_speaker(block: nodes.Element, role: str) -> list[nodes.Node]:
    """The interviewer or interviewee, copied from the interview's metadata."""
    interview = _interview_of(block)
    if interview is None:
        return []
    for meta in interview.children:
        if not isinstance(meta, interview_nodes.interview_meta):
            continue
        for field in meta.children:
            if isinstance(field, nodes.field) and META_CLASS[role] in field["classes"]:
                paragraph = next(iter(field.findall(nodes.paragraph)), None)
                if paragraph is not None:
                    return [child.deepcopy() for child in paragraph.children]
    return []


def group_exchanges(interview: nodes.Element) -> None:
    """Wrap each question and the blocks after it, up to the next question.

    Only direct children are grouped; a question nested in another block keeps its
    place. The wrapper lets HTML highlight and LaTeX keep a whole exchange. The
    targets written just before a question (which name it) go with it.
    """
    children = list(interview.children)
    interview.children = []
    container: nodes.Element = interview
    for child in children:
        if isinstance(child, interview_nodes.question):
            targets: list[nodes.Node] = []
            while container.children and _is_target(container.children[-1]):
                targets.insert(0, container.pop())
            container = interview_nodes.interview_exchange(
                classes=["sphinx-interview-exchange"]
            )
            container.source, container.line = child.source, child.line
            container.extend(targets)
            interview += container
        container.append(child)


def _is_target(node: nodes.Node) -> bool:
    """A target naming the next element (not a link to somewhere else)."""
    return isinstance(node, nodes.target) and not node.children and "refuri" not in node
