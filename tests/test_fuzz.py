"""Property-based: any interview the strategies can write builds, warns properly,
keeps every question and answer text, and gives every topic its own anchor.

The strategies write reST and MyST documents with random option names (valid,
misspelt, unknown, repeated) and values (unicode, markup, empty), topics of any
script (digit signs, zero-width characters, punctuation), options not followed by
a blank line, first lines that look like fields, nesting, empty and stray
questions and answers, and references (roles, ``:any:``, MyST links) to labels
that may or may not exist.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from .helpers import text_of

pytestmark = pytest.mark.slow

INTERVIEW_OPTIONS = [
    "name", "date", "interviewer", "interviewee", "place", "source",
    "language", "short", "topics", "class",
    "topic", "intervewer", "dates", "nmae", "colour",
]  # fmt: skip
BLOCK_OPTIONS = ["name", "speaker", "topics", "class", "topic", "speeker", "label"]

# Letters from several scripts, digits, spaces and the characters of inline markup.
VALUE_CHARS = st.sampled_from(
    list("abcxyzABCXYZ019 ") + list("éßжЖ中文ع") + list("*`_|<>&\"'-.:;/\\#[]()!")
)
VALUES = st.text(VALUE_CHARS, max_size=24).map(lambda value: value.strip())
# Topics: letters, digits of several scripts and digit signs int() rejects,
# invisible characters, punctuation that ids drop, typographic quotes.
TOPIC_CHARS = st.sampled_from(
    list("aAcC19 +#.-'\"") + list("❶➀፩٣éÉ’“") + ["\u200b", "\u200f"]
)
TOPICS = st.lists(
    st.text(TOPIC_CHARS, min_size=1, max_size=8), min_size=1, max_size=4
).map(lambda items: "; ".join(items))
# Names of fields that are text rather than options.
FIELDS = st.sampled_from(["Moderator", "Panel member", "Q", "Ann"])
DATES = st.sampled_from(
    ["2007-05-22", "2007-05", "2007", "22/05/2007", "2007-13-01", ""]
)

_serial = itertools.count()


def token() -> str:
    """Unique words to find each question and answer in the output."""
    number = next(_serial)
    return f"Spoken{number} слово{number} 文{number}"


@dataclass
class Block:
    kind: str  # question | answer | paragraph | interview
    options: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    title: str = ""
    children: list[Block] = field(default_factory=list)
    short_form: bool = False
    #: The text follows the options without a blank line.
    glued: bool = False
    #: The text starts with a field that is no option (":Moderator: ...").
    field: str = ""


def blocks(depth: int) -> st.SearchStrategy[Block]:
    kinds = ["question", "answer", "paragraph"] + (["interview"] if depth < 2 else [])
    return st.sampled_from(kinds).flatmap(lambda kind: block(kind, depth))


def value(draw: st.DrawFn, name: str) -> str:
    if name == "date":
        return draw(DATES)
    return draw(TOPICS if name == "topics" else VALUES)


@st.composite
def block(draw: st.DrawFn, kind: str, depth: int) -> Block:
    if kind == "interview":
        names = draw(st.lists(st.sampled_from(INTERVIEW_OPTIONS), max_size=6))
        return Block(
            kind,
            [(name, value(draw, name)) for name in names],
            title=draw(VALUES),
            children=draw(st.lists(blocks(depth + 1), max_size=6)),
        )
    if kind == "paragraph":
        return Block(kind, text=token())
    # Repeats allowed: an option given twice must keep the text too.
    names = draw(st.lists(st.sampled_from(BLOCK_OPTIONS), max_size=3))
    empty = draw(st.booleans()) and draw(st.booleans())
    short_form = draw(st.booleans())
    return Block(
        kind,
        [(name, value(draw, name)) for name in names],
        text="" if empty else token(),
        short_form=short_form,
        glued=draw(st.booleans()),
        field="" if empty or short_form else draw(st.one_of(st.just(""), FIELDS)),
    )


@dataclass
class Document:
    blocks: list[Block]
    references: list[str]
    myst: bool


@st.composite
def documents(draw: st.DrawFn) -> Document:
    top = draw(st.lists(blocks(0), min_size=1, max_size=4))
    labels = draw(st.lists(VALUES.filter(bool), max_size=3))
    references = [*labels, "interview-q1", "nowhere-q9"]
    return Document(top, references, draw(st.booleans()))


def render_rst(item: Block, indent: str = "") -> Iterator[str]:
    if item.kind == "paragraph":
        yield f"{indent}{item.text}"
        yield ""
        return
    argument = item.title if item.kind == "interview" else ""
    if item.kind != "interview" and item.short_form and item.text:
        argument = item.text
    yield f"{indent}.. {item.kind}:: {argument}".rstrip()
    for name, value in item.options:
        yield f"{indent}   :{name}: {value}".rstrip()
    if not item.glued:
        yield ""
    if item.kind == "interview":
        for child in item.children:
            yield from render_rst(child, indent + "   ")
    elif item.text and not item.short_form:
        field_marker = f":{item.field}: " if item.field else ""
        yield f"{indent}   {field_marker}{item.text}"
    yield ""


def render_myst(item: Block, depth: int = 0) -> Iterator[str]:
    if item.kind == "paragraph":
        yield item.text
        yield ""
        return
    fence = ":" * (3 + 3 - depth if item.kind == "interview" else 3)
    argument = item.title if item.kind == "interview" else ""
    if item.kind != "interview" and item.short_form and item.text:
        argument = item.text
    yield f"{fence}{{{item.kind}}} {argument}".rstrip()
    for name, value in item.options:
        # MyST reads option values as YAML-like text: quote them.
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        yield f':{name}: "{quoted}"'
    if not item.glued:
        yield ""
    if item.kind == "interview":
        for child in item.children:
            yield from render_myst(child, depth + 1)
    elif item.text and not item.short_form:
        field_marker = f":{item.field}: " if item.field else ""
        yield f"{field_marker}{item.text}"
        yield ""
    yield fence
    yield ""


def spoken(items: list[Block]) -> Iterator[str]:
    for item in items:
        if item.text:
            yield item.text
        yield from spoken(item.children)


LOCATED = re.compile(r"^index\.(rst|md):\d+: WARNING: .+ \[interview\.[a-z_]+\]$")
# Sphinx's and MyST's own words for the ``:any:`` and MyST links the strategies
# write to a label that may not exist.
MISSING = re.compile(
    r"^index\.(rst|md):\d+: WARNING: .*interview-q1.* \[(ref\.any|ref\.ref|myst\.xref_missing)\]$"
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_any_interview_builds_and_keeps_its_text(document: Document) -> None:
    base = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        srcdir = base / "src"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(
            'extensions = ["sphinx_interview", "myst_parser"]\n'
            'myst_enable_extensions = ["colon_fence"]\n',
            encoding="utf-8",
        )
        lines = ["Fuzz", "====", ""]
        for item in document.blocks:
            lines.extend(render_myst(item) if document.myst else render_rst(item))
        refs = " ".join(
            f":answer:`{label}`"
            for label in document.references
            if "`" not in label and "<" not in label
        )
        if document.myst:
            lines[:3] = ["# Fuzz", ""]
            refs = refs.replace(":answer:", "{answer}")
            refs += (
                " [](#interview-q1) [text](#interview-q1-answer) {any}`interview-q1`"
            )
        else:
            refs += " :any:`interview-q1` :ref:`interview-q1`"
        lines.append(refs)
        name = "index.md" if document.myst else "index.rst"
        (srcdir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

        app = SphinxTestApp("html", srcdir=srcdir, builddir=base / "build")
        try:
            app.build()  # never raises
            warnings = strip_escape_sequences(app.warning.getvalue()).replace(
                f"{srcdir}/", ""
            )
        finally:
            app.cleanup()
        for line in warnings.splitlines():
            if line.strip():
                assert LOCATED.match(line) or MISSING.match(line), line
        page = BeautifulSoup(
            (base / "build" / "html" / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        body = text_of(page.select_one("div.body"))
        for text in spoken(document.blocks):
            assert text in body, text
        index = base / "build" / "html" / "interview-topics.html"
        if index.exists():
            topics = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
            ids = [tag["id"] for tag in topics.select("[id]")]
            assert len(ids) == len(set(ids)), ids
    finally:
        shutil.rmtree(base, ignore_errors=True)
