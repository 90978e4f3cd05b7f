"""The interview as a reStructuredText or MyST Markdown source file."""

from __future__ import annotations

from collections.abc import Callable

from docutils.utils import column_width

from ..values import format_time
from .escape import (
    md_heading,
    md_inline,
    md_option_value,
    md_paragraph,
    rst_inline,
    rst_paragraph,
)
from .model import Block, Interview

#: Options whose values the directives parse as inline markup (escaped) rather
#: than read as plain strings (written as they are).
_INLINE_OPTIONS = frozenset({"interviewer", "interviewee", "speaker"})


def heading(interview: Interview) -> str:
    """The page title: the default short title ("Igor Ivanov, 2007") when known."""
    if interview.interviewees and interview.date:
        return f"{', '.join(interview.interviewees)}, {interview.date[:4]}"
    return interview.title or ", ".join(interview.interviewees) or "Interview"


def interview_options(interview: Interview) -> list[tuple[str, str]]:
    """The options that have a value, in the order the README lists them."""
    options = [
        ("name", interview.name),
        ("date", interview.date),
        ("interviewer", "; ".join(interview.interviewers)),
        ("interviewee", "; ".join(interview.interviewees)),
        ("media", interview.media),
        ("topics", "; ".join(interview.topics)),
    ]
    return [(name, value) for name, value in options if value]


def block_options(block: Block) -> list[tuple[str, str]]:
    options = [
        ("speaker", block.speaker),
        ("time", format_time(block.time) if block.time is not None else ""),
        ("topics", "; ".join(block.topics)),
    ]
    return [(name, value) for name, value in options if value]


def _comment_safe(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def write_rst(interview: Interview) -> str:
    out: list[str] = []
    if interview.source_name:
        source = _comment_safe(interview.source_name)
        out += [f".. Imported from {source} by sphinx-interview import.", ""]
    title = rst_paragraph(heading(interview))
    out += [title, "=" * max(column_width(title), 4), ""]
    argument = f" {rst_paragraph(interview.title)}" if interview.title else ""
    out.append(f".. interview::{argument}")
    out += _rst_options(interview_options(interview), "   ")
    out.append("")
    for paragraph in interview.introduction:
        out += [f"   {rst_paragraph(paragraph)}", ""]
    for block in interview.blocks:
        out.append(f"   .. {block.kind}::")
        out += _rst_options(block_options(block), "      ")
        out.append("")
        for paragraph in block.paragraphs:
            out += [f"      {rst_paragraph(paragraph)}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _rst_options(options: list[tuple[str, str]], indent: str) -> list[str]:
    return [
        f"{indent}:{name}: {rst_inline(value) if name in _INLINE_OPTIONS else value}"
        for name, value in options
    ]


def write_md(interview: Interview) -> str:
    out: list[str] = []
    if interview.source_name:
        source = _comment_safe(interview.source_name)
        out += [f"% Imported from {source} by sphinx-interview import.", ""]
    out += [f"# {md_heading(heading(interview))}", ""]
    # The outer fence is longer than the inner ones, which close on three
    # backticks. An info string may not hold a backtick: tildes then.
    title = md_paragraph(interview.title) if interview.title else ""
    fence = "~~~~" if "`" in title else "````"
    out.append(f"{fence}{{interview}} {title}".rstrip())
    out += _md_options(interview_options(interview))
    out.append("")
    for paragraph in interview.introduction:
        out += [md_paragraph(paragraph), ""]
    for block in interview.blocks:
        out.append(f"```{{{block.kind}}}")
        options = _md_options(block_options(block))
        out += [*options, ""] if options else []
        out += _joined(block.paragraphs, md_paragraph)
        out += ["```", ""]
    out.append(fence)
    return "\n".join(out) + "\n"


def _md_options(options: list[tuple[str, str]]) -> list[str]:
    return [
        f":{name}: "
        + md_option_value(md_inline(value) if name in _INLINE_OPTIONS else value)
        for name, value in options
    ]


def _joined(paragraphs: list[str], escape: Callable[[str], str]) -> list[str]:
    out: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        out += [""] if number else []
        out.append(escape(paragraph))
    return out


WRITERS: dict[str, Callable[[Interview], str]] = {"rst": write_rst, "md": write_md}
