"""Glossary terms in interviews: linking them, and "Mentioned in" back-links."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from . import nodes as interview_nodes
from .domain import interview_domain
from .glossary_text import linkable_text_nodes
from .i18n import _
from .links import exchange_links, link_or_text, source_docname
from .records import TermRecord
from .terms import TermMatcher

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain
    from .topics import TopicLink


def term_reference(
    builder: Builder, fromdocname: str, term: TermRecord, name_index: int, text: str
) -> nodes.Element:
    """A link to a glossary entry, marked up exactly as ``:term:`` makes it."""
    contnode = nodes.inline(text, text, classes=["xref", "std", "std-term"])
    return link_or_text(
        builder,
        fromdocname,
        term.docname,
        term.anchors[name_index],
        contnode,
        term.summary or None,
    )


def exchange_blocks(document: nodes.Node) -> Iterator[tuple[object, nodes.Element]]:
    """Questions and answers in document order, with the key of their exchange."""
    for node in document.findall(
        lambda n: isinstance(n, (interview_nodes.question, interview_nodes.answer))
    ):
        assert isinstance(node, nodes.Element)
        if node.get("interview_id") and node.get("number"):
            yield (node["interview_id"], node["number"]), node
        else:
            yield id(node), node


def link_terms(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: link glossary names in questions and answers.

    ``interview_link_terms`` says which uses: the first of each entry per exchange
    (whichever of its names comes first), all, or none.
    """
    mode = app.config.interview_link_terms
    matcher = interview_domain(app.env).lookup.matcher
    if mode == "none" or not matcher:
        return
    used_by_exchange: dict[object, set[int]] = {}
    for key, block in exchange_blocks(doctree):
        used = used_by_exchange.setdefault(key, set())
        for text_node in list(linkable_text_nodes(block)):
            pieces = _linked(text_node.astext(), matcher, used, mode == "first")
            if pieces is None:
                continue
            text = text_node.astext()
            replacement = [
                nodes.Text(text[start:end])
                if term is None
                else term_reference(
                    app.builder, docname, matcher.terms[term], name, text[start:end]
                )
                for start, end, term, name in pieces
            ]
            parent = text_node.parent
            assert parent is not None
            index = parent.index(text_node)
            parent[index : index + 1] = replacement


def _linked(
    text: str, matcher: TermMatcher, used: set[int], first_only: bool
) -> list[tuple[int, int, int | None, int]] | None:
    """``text`` cut into plain runs (term None) and links; None if nothing to link."""
    pieces: list[tuple[int, int, int | None, int]] = []
    position = 0
    for match in matcher.matches(text):
        if first_only and match.term in used:
            continue
        used.add(match.term)
        if match.start > position:
            pieces.append((position, match.start, None, 0))
        pieces.append((match.start, match.end, match.term, match.name))
        position = match.end
    if not pieces:
        return None
    if position < len(text):
        pieces.append((position, len(text), None, 0))
    return pieces


def add_backrefs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: "Mentioned in:" below each glossary definition used
    in interviews (``interview_glossary_backrefs``)."""
    if not app.config.interview_glossary_backrefs:
        return
    lookup = interview_domain(app.env).lookup
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            term_node = next(iter(item.findall(nodes.term)), None)
            definition = next(iter(item.findall(nodes.definition)), None)
            if term_node is None or definition is None or not term_node["ids"]:
                continue
            origin = source_docname(app.env, term_node, docname)
            term = lookup.term_at(origin, term_node["ids"][0])
            links = lookup.mentions_of(term) if term is not None else []
            if links:
                definition += _backrefs(app.builder, docname, links)


def _backrefs(
    builder: Builder, docname: str, links: Sequence[TopicLink]
) -> nodes.Element:
    paragraph = nodes.paragraph(
        "", "", classes=["sphinx-interview-backrefs"], translatable=False
    )
    paragraph += nodes.strong("", _("Mentioned in:"))
    paragraph.extend(exchange_links(builder, docname, links, inline=True))
    return paragraph


def glossary_view(env: BuildEnvironment, domain: InterviewDomain) -> dict[str, object]:
    """Published-view keys: the glossary, and the back-links of each page."""
    lookup = domain.lookup
    view: dict[str, object] = {
        "glossary": tuple(
            (t.docname, t.names, t.anchors, t.summary) for t in lookup.terms
        )
    }
    if env.config.interview_glossary_backrefs:
        pages: dict[str, list[object]] = {}
        for term in lookup.terms:
            pages.setdefault(term.docname, []).append(
                (
                    term.anchors[0],
                    tuple(lookup.mentions_of(term)),
                )
            )
        view.update({f"backrefs:{page}": tuple(terms) for page, terms in pages.items()})
    return view


def register(app: Sphinx) -> None:
    app.connect("doctree-resolved", link_terms)
    app.connect("doctree-resolved", add_backrefs)
