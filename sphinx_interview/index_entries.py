"""The index entries of each question, answer and interview, put into the
doctree when resolving: the PDF's back-of-book index lists each topic and each
speaker with the exchanges (the entries are made by ``Tables.index_entries``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .domain import interview_domain
from .links import one_doctree_per_document, source_docname

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_index_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: index nodes where writers look for them: LaTeX's
    ``\\index``, the HTML search index. (HTML's general index reads the index
    domain: see ``publish.py``.)

    They go into the header line of each question and answer and into an
    interview's title: LaTeX then writes them from inside a macro's argument, as
    it writes a glossary term's entry, so that makeindex sees one spelling of a
    name ("Mission\\sphinxhyphen {}2007") and lists it once.
    """
    domain = interview_domain(app.env)
    if domain.lacks(app.builder, docname, lambda record: bool(record.blocks)):
        return
    tables = domain.tables
    by_anchor: dict[tuple[str, str], list[tuple[str, str, str, str, object]]] = {}
    origins = {docname}
    assembled = not one_doctree_per_document(app.builder)
    if assembled:
        origins.update(_included(doctree))
    for origin in origins:
        for entry in tables.index_entries(origin):
            by_anchor.setdefault((origin, entry[2]), []).append(entry)
    for node in doctree.findall(nodes.container):
        if (
            not isinstance(
                node,
                (
                    interview_nodes.question,
                    interview_nodes.answer,
                    interview_nodes.interview,
                ),
            )
            or not node["ids"]
        ):
            continue
        # A page's own doctree holds its own nodes only: no walk up to its
        # root and look-up of its file (34 µs a node) to learn so.
        origin = source_docname(app.env, node, docname) if assembled else docname
        own = by_anchor.get((origin, node["ids"][0]))
        if not own:
            continue
        index = interview_nodes.exchange_index(entries=own, inline=False)
        line = next(
            (
                child
                for child in node.children
                if isinstance(
                    child,
                    (interview_nodes.interview_header, interview_nodes.interview_title),
                )
            ),
            None,
        )
        if isinstance(line, nodes.Element):
            line.append(index)
        else:
            node.insert(0, index)


def _included(doctree: nodes.document) -> set[str]:
    """The documents of an assembled doctree (LaTeX, single-page HTML)."""
    return {str(node["docname"]) for node in doctree.findall(addnodes.start_of_file)}
