"""The "Question 3 — RIA Novosti" line of each question and answer, made when
writing.

The directives leave a small placeholder (``interview_header``) holding only the
speaker the author gave: a whole line of nodes for every question and answer
would be kept in memory and on disk with every doctree, for text generated from
other data. Made when writing, a default speaker is also the interviewer or
interviewee as the metadata header shows them, translated where it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from . import nodes as interview_nodes
from .domain import interview_domain
from .locale import _
from .metadata import META_CLASS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def make_headers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill each question's and answer's header line."""
    domain = interview_domain(app.env)
    if domain.lacks(app.builder, docname, lambda record: bool(record.blocks)):
        return
    for header in list(doctree.findall(interview_nodes.interview_header)):
        speaker = list(header.children)
        if not speaker and header.get("speaker_from"):
            speaker = _default_speaker(header, header["speaker_from"])
        header.children = []
        _fill(header, header.get("kind", ""), header.get("number", 0), speaker)


def _fill(
    header: nodes.Element, kind: str, number: int, speaker: list[nodes.Node]
) -> None:
    header["classes"] = ["sphinx-interview-header"]
    header["translatable"] = False
    word = _("Question") if kind == "question" else _("Answer")
    header += nodes.inline("", word, classes=["sphinx-interview-kind"])
    if kind == "question" and number:
        header += nodes.Text(" ")
        header += nodes.inline("", str(number), classes=["sphinx-interview-number"])
    if speaker:
        header += nodes.Text(" — ")
        header += nodes.inline("", "", *speaker, classes=["sphinx-interview-speaker"])


def _default_speaker(header: nodes.Element, role: str) -> list[nodes.Node]:
    """The interviewer or interviewee, copied from the interview's metadata."""
    interview = header.parent
    while interview is not None and not isinstance(
        interview, interview_nodes.interview
    ):
        interview = interview.parent
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
