"""The message catalogs of this extension, and its translation functions."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

#: Name of the gettext domain of this extension's message catalogs.
MESSAGE_CATALOG = "sphinx_interview"

#: Directory holding ``<language>/LC_MESSAGES/sphinx_interview.po``.
LOCALE_DIR = Path(__file__).parent

#: Labels written into the output ("Question", "Answer"), in the project language.
_ = get_translation(MESSAGE_CATALOG)

#: Messages for the console (warnings), in the language of the user's locale.
__ = get_translation(MESSAGE_CATALOG, "console")
