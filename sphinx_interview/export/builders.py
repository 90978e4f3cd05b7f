"""The ``interview-json`` and ``interview-tei`` builders (SPEC §11).

They write no page per document: once everything is read, each collects every
interview of the project from its resolved doctree (``data.py``) and writes its
files, leaving alone those whose content did not change, so that an
incremental build rewrites only what a changed interview touches.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from ..assets import write_if_changed
from ..domain import interview_domain
from ..locale import __
from .data import interviews_in
from .model import Interview, as_json_value

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils import nodes


#: Sphinx 9 asks for the builder's tags (Sphinx 8 has no such argument).
_TAGS_ARGUMENT = (
    "tags" in inspect.signature(BuildEnvironment.get_and_resolve_doctree).parameters
)


class ExportBuilder(Builder):
    """What both builders share: links resolve to the HTML pages, and every
    interview is gathered in :meth:`finish`."""

    format = "interview"
    allow_parallel = False

    def get_outdated_docs(self) -> Iterable[str]:
        # The files are written from all interviews in ``finish``.
        return []

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        # Links and URLs in the data lead to the pages an HTML build writes.
        return docname + (self.config.html_file_suffix or ".html")

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        archive = interview_domain(self.env).tables.archive
        docnames = dict.fromkeys(docname for docname, _ in archive.interviews)
        interviews: list[Interview] = []
        for docname in docnames:
            doctree = (
                self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
                if _TAGS_ARGUMENT
                else self.env.get_and_resolve_doctree(docname, self)
            )
            interviews.extend(interviews_in(self, docname, doctree))
        self.export(interviews)

    def export(self, interviews: list[Interview]) -> None:
        raise NotImplementedError


class InterviewJSONBuilder(ExportBuilder):
    """``interviews.json``: every interview, as ``export/interviews.schema.json``
    describes."""

    name = "interview-json"
    epilog = __("The interviews are in %(outdir)s/interviews.json.")

    def export(self, interviews: list[Interview]) -> None:
        text = json.dumps(as_json_value(interviews), ensure_ascii=False, indent=2)
        write_if_changed(Path(self.outdir, "interviews.json"), text + "\n")


class InterviewTEIBuilder(ExportBuilder):
    """One TEI P5 file per interview, ``<interview-id>.xml``."""

    name = "interview-tei"
    epilog = __("The TEI files are in %(outdir)s.")

    def export(self, interviews: list[Interview]) -> None:
        # Imported here: every build registers this builder, few run it.
        from . import tei

        project = self.config.project
        for interview in interviews:
            text = tei.document(interview, project=project)
            write_if_changed(Path(self.outdir, f"{interview['id']}.xml"), text)
