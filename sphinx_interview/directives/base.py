"""What all our directives share: options read leniently, located warnings, inline
markup in option values."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from .. import nodes as interview_nodes
from ..diagnostics import Subtype, location, warn
from ..locale import __
from ..names import fold
from ..options import Header, read_header
from ..values import split_list
from .context import has_substitutions, note_substitution


class InterviewDirectiveBase(SphinxDirective):
    """Lenient options, located warnings and inline parsing for our directives."""

    #: The options of the directive, and those whose values are ``;``-lists.
    known_options: ClassVar[tuple[str, ...]] = ()
    list_options: ClassVar[frozenset[str]] = frozenset()
    # No option_spec: the options are read by ``options.read_header``.
    option_spec = None
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def warn(self, message: str, subtype: Subtype, line: int | None = None) -> None:
        source = self.get_source_info()[0] or str(self.env.doc2path(self.env.docname))
        warn(message, subtype, location(source, line or self.lineno))

    def read_header(self) -> Header:
        """The argument, options and text; each problem in them is warned about."""
        header = read_header(self, self.known_options, self.list_options)
        for problem in header.problems:
            subtype = Subtype.UNKNOWN_OPTION if problem.unknown else Subtype.BAD_OPTION
            self.warn(problem.message, subtype, problem.line)
        return header

    def parse_body(self, header: Header, node: nodes.Element) -> bool:
        """Parse the text after the options into ``node``; whether there was any."""
        for part in header.body:
            if isinstance(part, nodes.paragraph):
                node += part
            else:
                self.state.nested_parse(part[0], part[1], node)
        return any(
            part.astext().strip()
            if isinstance(part, nodes.paragraph)
            else "".join(part[0]).strip()
            for part in header.body
        )

    def classes(self, header: Header) -> list[str]:
        value = header.options.get("class", "")
        if not value:
            return []
        try:
            classes = list(directives.class_option(value))
        except ValueError:
            classes = []
        if classes != value.split():
            self.warn(
                __('":class:" value "%s" is not a list of class names; used as "%s"')
                % (value, " ".join(classes)),
                Subtype.BAD_OPTION,
                header.lines.get("class"),
            )
        return classes

    def inline(self, text: str, option: str, line: int | None) -> list[nodes.Node]:
        """Inline markup of an option value; plain text (and a warning) if invalid.

        Substitutions are checked later, by :class:`UndefinedSubstitutions`: they
        may be defined further down the document.
        """
        reporter = self.state.document.reporter
        level = reporter.report_level
        # Our warning replaces docutils' own, which would have no type to silence.
        # 5 is docutils' "none" level, which its type stubs do not list.
        reporter.report_level = 5  # type: ignore[assignment]
        try:
            parsed, messages = self.parse_inline(text, lineno=line or self.lineno)
        finally:
            reporter.report_level = level
        if any(
            isinstance(found, nodes.substitution_reference)
            for node in parsed
            for found in node.findall()
        ):
            note_substitution(self)
        if messages or any(needs_target(node) for node in parsed):
            self.warn(
                __('":%s:" value "%s" is not valid inline markup; shown as plain text')
                % (option, text),
                Subtype.BAD_OPTION,
                line,
            )
            return [nodes.Text(text)]
        return parsed

    def topics(self, header: Header) -> list[str]:
        """The ``:topics:``; one without a visible character is left out."""
        topics = []
        for topic in split_list(header.options.get("topics")):
            if fold(topic):
                topics.append(topic)
                continue
            self.warn(
                __('topic "%s" has no visible character; left out') % topic,
                Subtype.BAD_OPTION,
                header.lines.get("topics"),
            )
        return topics

    def people(self, header: Header, option: str) -> list[list[nodes.Node]]:
        """Each name of a ``;``-separated list, as inline nodes."""
        line = header.lines.get(option)
        return [
            self.inline(name, option, line)
            for name in split_list(header.options.get(option))
        ]

    def id_is_free(self, node_id: str) -> bool:
        return bool(node_id) and node_id not in self.state.document.ids


#: Inline markup that needs a definition elsewhere in the document (a target, a
#: footnote). In a name or title it is almost always a stray character
#: (``Smith_``), and docutils would report it later, untyped.
_NEEDS_TARGET = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.target,
    nodes.problematic,
)


def needs_target(node: nodes.Node) -> bool:
    return any(
        isinstance(found, _NEEDS_TARGET)
        or (isinstance(found, nodes.reference) and "refname" in found)
        for found in node.findall()
    )


class UndefinedSubstitutions(SphinxTransform):
    """Substitutions in titles, names and places that the document never defines
    are shown as written, with our warning rather than docutils' untyped error."""

    # After Sphinx's |version|, |release|, |today| (210), before docutils
    # replaces the others (220).
    default_priority = 215

    def apply(self, **kwargs: Any) -> None:
        if not has_substitutions(self.env):
            return
        defined = self.document.substitution_defs
        names = self.document.substitution_names
        for container in list(self.document.findall(_from_options)):
            for ref in list(container.findall(nodes.substitution_reference)):
                name = ref["refname"]
                if name in defined or name.lower() in names:
                    continue
                warn(
                    __('undefined substitution "|%s|"; shown as written') % name,
                    Subtype.BAD_OPTION,
                    ref,
                )
                ref.replace_self(nodes.Text(f"|{name}|"))


def _from_options(node: nodes.Node) -> bool:
    """Nodes made from option values."""
    return isinstance(
        node,
        (
            interview_nodes.interview_title,
            interview_nodes.interview_meta,
            interview_nodes.interview_header,
        ),
    )


def joined(items: list[list[nodes.Node]]) -> list[nodes.Node]:
    """Runs of inline nodes joined by commas: "A, B"."""
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(", "))
        result.extend(item)
    return result


def plain(person: list[nodes.Node]) -> str:
    return "".join(node.astext() for node in person)


def attach_id(document: nodes.document, node: nodes.Element, node_id: str) -> None:
    node["ids"].append(node_id)
    document.ids[node_id] = node
