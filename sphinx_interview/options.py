"""Directive options, read by us so that no mistake in them can drop the author's text.

docutils drops a whole directive, with every question and answer inside it, when its
option block is malformed: an option given twice, no blank line between the options
and the content, a first line of text that looks like a field (``:Moderator: Why?``).
MyST takes such a line for an option. Our directives therefore declare no
``option_spec``: both parsers then hand over the lines as written (docutils as the
argument, MyST as the start of the content), and :func:`read_header` reads them here.
An option line is one whose name is an option of the directive or close to one (a
misspelling, warned about); any other line is text, kept and warned about.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.statemachine import StringList

from .locale import __
from .myst_options import read_yaml_block, unquote

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

#: ``:name: value``, as docutils and MyST recognise a field or option line; a line
#: of colons (a MyST fence, ``:::``) is not one.
_OPTION = re.compile(r":(?![: ])(?P<name>[^:]*?[^: \\]):(?:[ \t]+(?P<value>.*)|$)")

Line = tuple[str, int | None]

_NO_BLANK_LINE = __("no blank line between the options and the text; the text is kept")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the options; ``unknown`` marks an option name warning."""

    message: str
    line: int | None
    unknown: bool = False


@dataclass
class Header:
    """What :func:`read_header` found: the argument, the options, and the text."""

    argument: str = ""
    options: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The content in order: blocks to parse (``(lines, input offset)``), and
    #: lines kept as written (a paragraph), which looked like options but are not.
    body: list[tuple[StringList, int] | nodes.paragraph] = field(default_factory=list)


def closest_option(name: str, known: Iterable[str]) -> str | None:
    """The valid option an author most likely meant (``topic`` → ``topics``)."""
    matches = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_option(
    written: str, directive: str, known: Sequence[str]
) -> tuple[str, bool]:
    """The warning about a field ``:written:`` that is no option of
    ``directive``, and whether it is a misspelt option (else it is text)."""
    suggestion = closest_option(written.lower(), known)
    if suggestion is None:
        options = ", ".join(f":{name}:" for name in known)
        message = __(
            '":%s:" is not an option of the "%s" directive (options: %s); '
            "the line is kept as text"
        ) % (written, directive, options)
        return message, False
    message = __(
        'unknown option ":%s:" of the "%s" directive; did you mean ":%s:"?'
    ) % (written, directive, suggestion)
    return message, True


def read_header(
    directive: SphinxDirective, known: Sequence[str], lists: Iterable[str] = ()
) -> Header:
    """Read ``directive``'s argument, options and content, as either parser gave them.

    ``known`` are its options; an option of ``lists`` given twice is combined
    (``;``-separated), any other keeps its first value.
    """
    reader = _Reader(directive, tuple(known), frozenset(lists))
    if type(directive.state).__module__.startswith("myst_parser"):
        reader.read_myst()
    else:
        reader.read_rst()
    return reader.header


class _Reader:
    def __init__(
        self, directive: SphinxDirective, known: tuple[str, ...], lists: frozenset[str]
    ) -> None:
        self.directive = directive
        self.known = known
        self.lists = lists
        self.header = Header()
        source, line = directive.get_source_info()
        self.source = source or ""
        # ``lineno`` counts the lines of included files too; warnings name the
        # line in the file itself.
        self.shift = (line or directive.lineno) - directive.lineno
        #: Whether reading options stopped at a field that is text, not an option.
        self.stopped_at_text = False

    def read_myst(self) -> None:
        directive, content = self.directive, self.directive.content
        first = directive.lineno + self.shift + 1 + directive.content_offset
        lines = [(text, first + index) for index, text in enumerate(content)]
        if lines and lines[0][0].startswith("---"):
            taken = self.yaml_block(lines)
        else:
            taken = self.options(lines, myst=True)
        self.header.argument = directive.arguments[0] if directive.arguments else ""
        self.add_body(content[taken:], directive.content_offset + taken)

    def read_rst(self) -> None:
        directive, content = self.directive, self.directive.content
        # docutils joined the lines up to the first blank one into the argument;
        # the first of them is on the directive's line unless it ends at "::".
        argument = directive.arguments[0] if directive.arguments else ""
        first_line = directive.block_text.split("\n", 1)[0]
        start = directive.lineno + self.shift
        start += 0 if first_line.split("::", 1)[-1].strip() else 1
        lines = [(text, start + i) for i, text in enumerate(argument.split("\n"))]
        title: list[str] = []
        while lines and not _OPTION.match(lines[0][0]):
            title.append(lines.pop(0)[0])
        self.header.argument = "\n".join(title)
        taken = self.options(lines, myst=False)
        rest = lines[taken:]
        if self.stopped_at_text:
            # A field that is no option, and what follows it up to the blank
            # line: shown as written (docutils would make a field list of it).
            self.add_text(rest)
        elif rest:
            if taken:
                self.problem(_NO_BLANK_LINE, rest[0][1])
            # One block with the content after the blank line: a directive begun
            # in the first part may go on in the second.
            after = (rest[-1][1] or 0) + 2
            numbered = [(text, after + i) for i, text in enumerate(content)]
            self.add_lines([*rest, ("", None), *numbered])
            return
        self.add_body(content, directive.content_offset)

    def problem(self, message: str, line: int | None, unknown: bool = False) -> None:
        self.header.problems.append(Problem(message, line, unknown))

    def options(self, lines: Sequence[Line], *, myst: bool) -> int:
        """Read option lines from the start of ``lines``; how many were taken."""
        taken = 0
        name = ""
        while taken < len(lines):
            text, line = lines[taken]
            match = _OPTION.match(text)
            if match is None:
                if name and text[:1].isspace() and text.strip():
                    self.extend(name, text.strip())  # a value's continuation
                    taken += 1
                    continue
                break
            value = match["value"] or ""
            found = self.option(match["name"], unquote(value) if myst else value, line)
            if found is None:
                self.stopped_at_text = True
                break
            name = found
            taken += 1
        return taken

    def option(self, written: str, value: str, line: int | None) -> str | None:
        """Record one option; the name its value continues under (``""`` for a
        misspelt option), or None when the line is text rather than an option."""
        name = written.lower()
        if name in self.known:
            self.set(name, value.strip(), line)
            return name
        message, misspelt = unknown_option(written, self.directive.name, self.known)
        self.problem(message, line, unknown=True)
        return "" if misspelt else None

    def set(self, name: str, value: str, line: int | None) -> None:
        options = self.header.options
        if name not in options:
            options[name] = value
            self.header.lines[name] = line
            return
        if name in self.lists:
            options[name] = f"{options[name]}; {value}"
            outcome = __("the values are combined")
        else:
            outcome = __("the first value is used")
        self.problem(
            __('the option ":%s:" is given more than once; %s') % (name, outcome), line
        )

    def extend(self, name: str, text: str) -> None:
        if name in self.header.options:
            self.header.options[name] = f"{self.header.options[name]}\n{text}"

    def yaml_block(self, lines: Sequence[Line]) -> int:
        """MyST's ``---`` block of YAML options; how many lines it took."""
        taken, values = read_yaml_block([text for text, _ in lines])
        if values is None:
            self.problem(
                __("the options block is not valid; kept as text"), lines[0][1]
            )
            return 0
        for key, value in values.items():
            self.option(key, value, lines[0][1])
        return taken

    def add_lines(self, lines: Sequence[Line]) -> None:
        first = lines[0][1] or 1
        items = [(self.source, (line or first) - 1) for _, line in lines]
        block = StringList([text for text, _ in lines], items=items)
        self.header.body.append((block, first - self.shift - 1))

    def add_text(self, lines: Sequence[Line]) -> None:
        text = "\n".join(text for text, _ in lines)
        paragraph = nodes.paragraph(text, text)
        paragraph.source, paragraph.line = self.source, lines[0][1]
        self.header.body.append(paragraph)

    def add_body(self, content: StringList, offset: int) -> None:
        if len(content):
            self.header.body.append((content, offset))
