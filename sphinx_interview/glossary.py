"""Glossary terms in interviews: linking them, and "Mentioned in" back-links."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from . import nodes as interview_nodes
from .domain import interview_domain
from .glossary_text import linkable_text_nodes
from .i18n import _
from .records import ExchangeRecord, TermRecord
from .terms import TermMatcher

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain


def term_reference(
    builder: Builder, fromdocname: str, term: TermRecord, name_index: int, text: str
) -> nodes.Node:
    """A link to a glossary entry, marked up exactly as ``:term:`` makes it."""
    contnode = nodes.inline(text, text, classes=["xref", "std", "std-term"])
    try:
        return make_refnode(
            builder,
            fromdocname,
            term.docname,
            term.anchors[name_index],
            contnode,
            term.summary or None,
        )
    except NoUri:
        return nodes.Text(text)


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


class GlossaryLinker(SphinxPostTransform):
    """Link glossary terms in questions and answers (``interview_link_terms``)."""

    # Independent of Sphinx's reference resolving (priority 10): the links made
    # here are final reference nodes.
    default_priority = 400

    def run(self, **kwargs: Any) -> None:
        mode = self.config.interview_link_terms
        if mode == "none":
            return
        lookup = interview_domain(self.env).lookup
        matcher = lookup.matcher
        if not matcher:
            return
        docname = self.env.current_document.docname
        seen: dict[object, set[int]] = {}
        for key, block in exchange_blocks(self.document):
            used = seen.setdefault(key, set())
            for text_node in list(linkable_text_nodes(block)):
                self._link(text_node, matcher, used, mode == "first", docname)

    def _link(
        self,
        text_node: nodes.Text,
        matcher: TermMatcher,
        used: set[int],
        first_only: bool,
        docname: str,
    ) -> None:
        text = text_node.astext()
        pieces: list[nodes.Node] = []
        position = 0
        for match in matcher.matches(text):
            if first_only and match.term in used:
                continue
            used.add(match.term)
            if match.start > position:
                pieces.append(nodes.Text(text[position : match.start]))
            pieces.append(
                term_reference(
                    self.app.builder,
                    docname,
                    matcher.terms[match.term],
                    match.name,
                    text[match.start : match.end],
                )
            )
            position = match.end
        if not pieces:
            return
        if position < len(text):
            pieces.append(nodes.Text(text[position:]))
        parent = text_node.parent
        assert parent is not None
        index = parent.index(text_node)
        parent[index : index + 1] = pieces


class BackrefsWriter(SphinxPostTransform):
    """Add "Mentioned in:" below each glossary definition that interviews use."""

    default_priority = 400

    def run(self, **kwargs: Any) -> None:
        if not self.config.interview_glossary_backrefs:
            return
        docname = self.env.current_document.docname
        lookup = interview_domain(self.env).lookup
        by_anchor = {
            term.anchors[0]: term for term in lookup.terms if term.docname == docname
        }
        for glossary in self.document.findall(addnodes.glossary):
            for item in glossary.findall(nodes.definition_list_item):
                term_node = next(iter(item.findall(nodes.term)), None)
                if term_node is None or not term_node["ids"]:
                    continue
                term = by_anchor.get(term_node["ids"][0])
                exchanges = lookup.mentions_of(term) if term is not None else []
                definition = next(iter(item.findall(nodes.definition)), None)
                if exchanges and definition is not None:
                    definition += self._backrefs(exchanges, docname)

    def _backrefs(
        self, exchanges: Sequence[ExchangeRecord], docname: str
    ) -> nodes.Node:
        lookup = interview_domain(self.env).lookup
        paragraph = nodes.paragraph(
            "", "", classes=["sphinx-interview-backrefs"], translatable=False
        )
        paragraph += nodes.strong("", _("Mentioned in:"))
        for index, exchange in enumerate(exchanges):
            paragraph += nodes.Text(" " if index == 0 else "; ")
            text = lookup.exchange_text(exchange)
            contnode = nodes.inline(text, text)
            try:
                paragraph += make_refnode(
                    self.app.builder,
                    docname,
                    exchange.docname,
                    exchange.anchor,
                    contnode,
                    exchange.summary or None,
                )
            except NoUri:
                paragraph += contnode
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
                    tuple(
                        (e.docname, e.anchor, lookup.exchange_text(e), e.summary)
                        for e in lookup.mentions_of(term)
                    ),
                )
            )
        view.update({f"backrefs:{page}": tuple(terms) for page, terms in pages.items()})
    return view


def register(app: Sphinx) -> None:
    app.add_post_transform(GlossaryLinker)
    app.add_post_transform(BackrefsWriter)
