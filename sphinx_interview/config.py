"""The ``interview_*`` configuration values: declared once, validated at start-up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .diagnostics import Subtype, warn
from .locale import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclass(frozen=True, slots=True)
class ConfigValue:
    """One configuration value: its type, default, allowed choices and help text."""

    name: str
    default: bool | str
    help: str
    choices: tuple[str, ...] = ()
    #: What a change means: ``"env"`` re-reads every document, ``"html"``
    #: rewrites the HTML pages.
    rebuild: Literal["env", "html"] = "env"

    def is_valid(self, value: object) -> bool:
        # bool is checked exactly: 0/1 or "yes" are typos worth a warning.
        if type(value) is not type(self.default):
            return False
        return not self.choices or value in self.choices

    def describe(self) -> str:
        if self.choices:
            return " | ".join(repr(choice) for choice in self.choices)
        return type(self.default).__name__


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "interview_link_terms",
        "first",
        "Link glossary terms used in questions and answers: the first use of "
        "each entry per exchange, every use, or none.",
        choices=("first", "all", "none"),
    ),
    ConfigValue(
        "interview_auto_topics",
        True,
        "Make every glossary entry used in an exchange one of its topics.",
    ),
    ConfigValue(
        "interview_glossary_backrefs",
        True,
        'Add a "Mentioned in" list of exchanges below each glossary definition.',
    ),
    ConfigValue(
        "interview_citations",
        True,
        'Offer a citation ("Cite") for every question, answer and interview, '
        "and write each interview's BibTeX and CSL-JSON files (HTML).",
        rebuild="html",
    ),
    ConfigValue(
        "interview_citation_style",
        "",
        "A CSL style for the citations (a style name or a .csl file relative to "
        "conf.py), rendered with citeproc-py; empty: the built-in citations.",
        rebuild="html",
    ),
    ConfigValue(
        "interview_jsonld",
        True,
        "Describe each interview on its page as schema.org JSON-LD (HTML).",
        rebuild="html",
    ),
)


def declare(app: Sphinx) -> None:
    """Declare every value, with what a change of it rebuilds."""
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            value.rebuild,
            types=frozenset({type(value.default)}),
        )


def validate(app: Sphinx, config: Config) -> None:
    """``config-inited``: replace every invalid value by its default, with a warning.

    Runs before Sphinx's own type check, so the user sees one warning, ours, which
    names the allowed values and can be silenced with ``interview.bad_config``.
    """
    for value in CONFIG_VALUES:
        current = getattr(config, value.name)
        if value.is_valid(current):
            continue
        warn(
            __("%s = %r is not valid (expected %s); using %r")
            % (value.name, current, value.describe(), value.default),
            Subtype.BAD_CONFIG,
            config_location(app, value.name),
        )
        setattr(config, value.name, value.default)


def config_location(app: Sphinx, name: str) -> str | None:
    """Where ``conf.py`` sets ``name`` (``path:line``), for warnings about it.

    None when it is not set there (``-D name=value``): a location must name a
    line, else Sphinx would take the path for a document's name.
    """
    path = Path(app.confdir, "conf.py")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    assignment = re.compile(rf"\s*{re.escape(name)}\s*(?::[^=]*)?=")
    for number, line in enumerate(lines, start=1):
        if assignment.match(line):
            return f"{path}:{number}"
    return None
