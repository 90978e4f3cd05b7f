"""What all our directives share: lenient options, located warnings, inline names."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Subtype, warn
from ..i18n import __
from ..options import LenientOptionSpec, closest_option, split_list


class InterviewDirectiveBase(SphinxDirective):
    """Lenient options, located warnings and inline parsing for our directives."""

    known_options: ClassVar[tuple[str, ...]] = ()
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = LenientOptionSpec(cls.known_options)

    def warn(self, message: str, subtype: Subtype) -> None:
        warn(message, subtype, self.get_location())

    def read_options(self) -> dict[str, str]:
        """The known options; each unknown one is warned about with a suggestion."""
        for name in self.options:
            if name in self.known_options:
                continue
            suggestion = closest_option(name, self.known_options)
            if suggestion:
                hint = __('did you mean ":%s:"?') % suggestion
            else:
                hint = __("valid options: %s") % ", ".join(
                    f":{known}:" for known in self.known_options
                )
            self.warn(
                __('unknown option ":%s:" of the "%s" directive; %s')
                % (name, self.name, hint),
                Subtype.UNKNOWN_OPTION,
            )
        return {
            name: (value or "").strip()
            for name, value in self.options.items()
            if name in self.known_options
        }

    def classes(self, options: dict[str, str]) -> list[str]:
        if not options.get("class"):
            return []
        try:
            return list(directives.class_option(options["class"]))
        except ValueError:
            self.warn(
                __('invalid ":class:" value "%s"') % options["class"],
                Subtype.BAD_OPTION,
            )
            return []

    def inline(self, text: str, option: str) -> list[nodes.Node]:
        """Inline markup of an option value; plain text (and a warning) if invalid."""
        reporter = self.state.document.reporter
        level = reporter.report_level
        # Our warning replaces docutils' own, which would have no type to silence.
        # 5 is docutils' "none" level, which its type stubs do not list.
        reporter.report_level = 5  # type: ignore[assignment]
        try:
            parsed, messages = self.parse_inline(text, lineno=self.lineno)
        finally:
            reporter.report_level = level
        if messages or any(needs_target(node) for node in parsed):
            self.warn(
                __('":%s:" value "%s" is not valid inline markup; shown as plain text')
                % (option, text),
                Subtype.BAD_OPTION,
            )
            return [nodes.Text(text)]
        return parsed

    def people(self, value: str, option: str) -> list[list[nodes.Node]]:
        """Each name of a ``;``-separated list, as inline nodes."""
        return [self.inline(name, option) for name in split_list(value)]

    def id_is_free(self, node_id: str) -> bool:
        return bool(node_id) and node_id not in self.state.document.ids


#: Inline markup that needs a definition elsewhere in the document (a target, a
#: substitution, a footnote). In a name or title it is almost always a stray
#: character (``Smith_``, ``|``), and docutils would report it later, untyped.
_NEEDS_TARGET = (
    nodes.substitution_reference,
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
