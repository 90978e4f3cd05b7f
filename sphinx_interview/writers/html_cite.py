"""HTML: a citation for every question, answer and interview, the interview's
BibTeX and CSL-JSON files beside the pages, and the page's metadata for
reference managers (``citation_*`` meta tags) and search engines (schema.org
JSON-LD), SPEC §11. EPUB gets none: a book is cited as a whole.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .. import nodes as interview_nodes
from ..assets import add_page_script, write_if_changed
from ..domain import interview_domain
from ..export import citation, csl_style, jsonld
from ..export.data import blocks_of, described, interviews_in
from ..export.model import Interview
from ..links import from_page
from ..locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator


#: The document attribute holding the page's interviews as ``add_citations``
#: described them.
_DESCRIBED = "sphinx_interview_described"


def _publishing(builder: Builder) -> bool:
    return builder.format == "html" and not builder.name.startswith("epub")


def _has_interviews(builder: Builder, docname: str) -> bool:
    domain = interview_domain(builder.env)
    return not domain.lacks(builder, docname, lambda record: bool(record.interviews))


def add_citations(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (after ``layout.lay_out``): a "Cite" disclosure at
    the end of each question and answer and in each interview's header, and
    the interview's citation files."""
    builder = app.builder
    if not app.config.interview_citations or not _publishing(builder):
        return
    if not _has_interviews(builder, docname):
        return
    project = app.config.project
    found = described(builder, docname, doctree, texts=False)
    # Kept for ``add_metadata``, which writing the page calls next.
    doctree[_DESCRIBED] = [interview for _, interview in found]
    style = app.config.interview_citation_style
    for node, interview in found:
        files = _files(interview)
        # The interview's reference as the configured CSL style gives it.
        styled = (
            csl_style.reference(
                interview, project=project, name=style, confdir=str(app.confdir)
            )
            if style
            else None
        )
        whole = (
            styled.replace(csl_style.URL_STAND_IN, interview["url"])
            if styled is not None
            else citation.cite_interview(interview)
        )
        _place(node, _cite(whole, interview["url"], files))
        blocks = blocks_of(node)
        for exchange in interview["exchanges"]:
            parts = (exchange["question"], *exchange["answers"])
            for index, block in enumerate(parts):
                target = blocks.get((exchange["number"], index))
                if target is None:
                    continue
                reference = (
                    styled.replace(csl_style.URL_STAND_IN, block["url"])
                    if styled is not None
                    else None
                )
                text = citation.cite_block(interview, exchange, index, block, reference)
                target += _cite(text, block["url"])


def _cite(
    text: str, url: str, files: tuple[tuple[str, str], ...] = ()
) -> interview_nodes.interview_cite:
    label = _("Cite this interview") if files else _("Cite")
    return interview_nodes.interview_cite(
        "", text=text, url=url, label=label, files=files
    )


def _place(interview: nodes.Element, cite: nodes.Element) -> None:
    """After the title, metadata header and player."""
    header = (
        interview_nodes.interview_title,
        interview_nodes.interview_meta,
        interview_nodes.interview_media,
    )
    position = 0
    for index, child in enumerate(interview.children):
        if isinstance(child, header):
            position = index + 1
    interview.insert(position, cite)


def _files(interview: Interview) -> tuple[tuple[str, str], ...]:
    """The interview's citation files, ``<interview-id>.bib`` and
    ``<interview-id>.csl.json``, at the output's root."""
    return (
        ("BibTeX", f"{interview['id']}.bib"),
        ("CSL-JSON", f"{interview['id']}.csl.json"),
    )


def _write_files(builder: Builder, interview: Interview, project: str) -> None:
    """Write the citation files; rewritten only when they change."""
    (_, bib), (_, csl) = _files(interview)
    write_if_changed(
        Path(builder.outdir, bib), citation.bibtex(interview, project=project)
    )
    write_if_changed(
        Path(builder.outdir, csl), citation.csl_json(interview, project=project)
    )


def visit_cite(self: HTML5Translator, node: nodes.Element) -> None:
    def href(url: str) -> str:
        return escape(from_page(self.builder, self.builder.current_docname, url))

    url = str(node["url"])
    text = str(node["text"])
    link = f'<a href="{href(url)}">{escape(url)}</a>'
    before, found, after = text.partition(url) if url else (text, "", "")
    shown = escape(before) + (link if found else "") + escape(after)
    files = "".join(
        f'{" · " if index else ""}<a href="{href(path)}" download>{escape(label)}</a>'
        for index, (label, path) in enumerate(node["files"])
    )
    if files:
        files = f'<p class="sphinx-interview-cite-files">{files}</p>\n'
    self.body.append(
        f'<details class="sphinx-interview-cite">'
        f"<summary>{escape(str(node['label']))}</summary>\n"
        f'<p class="sphinx-interview-cite-text">{shown}</p>\n{files}</details>\n'
    )
    raise nodes.SkipNode


def add_metadata(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, object],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the ``citation_*`` meta tags of the page's first
    interview, the JSON-LD of each, and their citation files (written here,
    with the page: with ``-j``, in the worker process writing it)."""
    builder = app.builder
    if doctree is None or not _publishing(builder):
        return
    if not (app.config.interview_citations or app.config.interview_jsonld):
        return
    if not _has_interviews(builder, pagename):
        return
    interviews = doctree.get(_DESCRIBED)
    if interviews is None:
        interviews = interviews_in(builder, pagename, doctree, texts=False)
    if not interviews:
        return
    if app.config.interview_citations:
        for interview in interviews:
            _write_files(builder, interview, app.config.project)
        tags = "".join(
            f'<meta name="{name}" content="{escape(value)}">\n'
            for name, value in _meta_tags(interviews[0], app.config.project)
        )
        context["metatags"] = str(context.get("metatags", "")) + tags
    if app.config.interview_jsonld:
        for interview in interviews:
            data = jsonld.describe(interview, project=app.config.project)
            add_page_script(
                builder, "", body=_script_text(data), type="application/ld+json"
            )


def _meta_tags(interview: Interview, project: str) -> list[tuple[str, str]]:
    tags = [("citation_title", interview["title"])]
    tags += [("citation_author", name) for name in interview["interviewees"]]
    if interview["date"]:
        tags.append(("citation_date", interview["date"]))
    if interview["language"]:
        tags.append(("citation_language", interview["language"]))
    if project:
        tags.append(("citation_publisher", project))
    if "://" in interview["url"]:
        tags.append(("citation_public_url", interview["url"].partition("#")[0]))
    return tags


def _script_text(data: object) -> str:
    """JSON that cannot end its ``<script>`` element early."""
    # Compact: with ``indent`` the json module encodes in Python, not in C.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


CITE = (visit_cite, None)
