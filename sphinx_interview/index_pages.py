"""The topic and speaker indexes as Sphinx domain indexes: the pages
``interview-topics`` and ``interview-speakers``.

The lists the directives of those names place in pages are in
``index_lists.py``; the entries of the PDF's back-of-book index in
``index_entries.py``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from sphinx.domains import Index, IndexEntry

from .locale import _
from .names import Heading, by_letter

if TYPE_CHECKING:
    from .domain import InterviewDomain
    from .tables import Tables


class _Translated:
    """A class attribute read as the translated string, never as a lazy proxy:
    Sphinx puts an index's names into page contexts, which the json and pickle
    builders serialise."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return str(self.message)


class _HeadingIndex(Index):
    """A domain index of headings (topics or speakers) and their links.

    Entries are flat ("SCO" with "Ivanov 2007, Q3" as extra) for the builders
    that print them from Sphinx's data (json, pickle). HTML builders draw the
    page from the headings (``writers/html_index_pages.py``), and the PDF gives the
    same headings in its back-of-book index (``index_entries``): for them there
    is one entry, or none.
    """

    css_class = ""

    @classmethod
    def headings(cls, tables: Tables) -> list[Heading]:
        raise NotImplementedError

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast("InterviewDomain", self.domain)
        found = self.headings(domain.tables)
        builder = domain.builder.name if domain.builder else ""
        if builder in {"latex", "texinfo"}:
            return [], False
        if builder in {"html", "dirhtml", "epub"} and found:
            first = found[0]
            return [
                (first.letter, [IndexEntry(first.name, 0, "", "", "", "", "")])
            ], False
        wanted = set(docnames) if docnames is not None else None
        content = []
        for letter, group in by_letter(found).items():
            entries = [
                IndexEntry(
                    item.name, 0, link.docname, link.anchor, link.text, "", link.summary
                )
                for item in group
                for link in item.links
                if wanted is None or link.docname in wanted
            ]
            if entries:
                content.append((letter, entries))
        return content, False


class TopicIndex(_HeadingIndex):
    """Every topic and the exchanges about it: ``interview-topics.html``."""

    name = "topics"
    #: The class of the page's body, for style sheets.
    css_class = "sphinx-interview-topic-page"
    localname = _Translated(_("Topic Index"))
    shortname = _Translated(_("topics"))

    @classmethod
    def headings(cls, tables: Tables) -> list[Heading]:
        return tables.topics.topics


class SpeakerIndex(_HeadingIndex):
    """Every speaker and what they said: ``interview-speakers.html``."""

    name = "speakers"
    css_class = "sphinx-interview-speaker-page"
    localname = _Translated(_("Speaker Index"))
    shortname = _Translated(_("speakers"))

    @classmethod
    def headings(cls, tables: Tables) -> list[Heading]:
        return tables.speakers.speakers
