"""HTML (and EPUB): semantic ``div``/``p`` markup, ``lang``, and ¶ permalinks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .. import nodes as interview_nodes
from ..glossary_links import link_page
from ..layout import header_words
from ..locale import _
from .html_media import time_html

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


#: The document attribute saying its glossary names are linked.
_LINKED = "sphinx_interview_terms_linked"


def visit_block(self: HTML5Translator, node: nodes.Element) -> None:
    if not self.document.get(_LINKED):
        # The first interview, question or answer of the page: link the page's
        # glossary names before any of them is written (why here and not when
        # the page is resolved: ``glossary_links.link_terms``).
        self.document[_LINKED] = True
        link_page(self.builder, self.document, self.builder.current_docname, drawn=True)
    # Classes (sphinx-interview-*) and ids come from the node itself.
    attributes = {"lang": node["lang"]} if node.get("lang") else {}
    self.body.append(self.starttag(node, "div", "", **attributes))


def depart_block(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_header(self: HTML5Translator, node: nodes.Element) -> None:
    """ "Question 3 — RIA Novosti · 0:01:05", drawn from the block and the
    header's attributes; the header's first children are the speaker, if it
    has one (``layout.add_header``)."""
    block = node.parent
    assert isinstance(block, nodes.Element)
    # A question's line is a heading below the interview's title, so that screen
    # readers move from question to question.
    question = isinstance(block, interview_nodes.question)
    attributes = _heading(self, 2) if question else {}
    self.body.append(self.starttag(node, "p", "", **attributes))
    word, number = header_words(block)
    self.body.append(f'<span class="sphinx-interview-kind">{self.encode(word)}</span>')
    if number:
        self.body.append(f' <span class="sphinx-interview-number">{number}</span>')
    if node.get("speaker"):
        self.body.append(' — <span class="sphinx-interview-speaker">')


def depart_header(self: HTML5Translator, node: nodes.Element) -> None:
    if node.get("speaker"):
        self.body.append("</span>")
    if "time" in node:
        self.body.append(f" · {time_html(self, node)}")
    block = node.parent
    if isinstance(block, interview_nodes.question):
        self.add_permalink_ref(block, _("Link to this question"))
    elif isinstance(block, interview_nodes.answer):
        self.add_permalink_ref(block, _("Link to this answer"))
    self.body.append("</p>\n")


def visit_title(self: HTML5Translator, node: nodes.Element) -> None:
    # A heading for assistive technology one level below the section's, with
    # the look of a rubric: a real <h2> would take the theme's section style.
    attributes = (
        _heading(self, 1) if isinstance(node.parent, interview_nodes.interview) else {}
    )
    self.body.append(self.starttag(node, "p", "", CLASS="rubric", **attributes))


def _heading(self: HTML5Translator, below: int) -> dict[str, Any]:
    """``role="heading"``, ``below`` levels under the current section's title."""
    level = min(max(self.section_level, 1) + below, 6)
    return {"role": "heading", "aria-level": str(level)}


def depart_title(self: HTML5Translator, node: nodes.Element) -> None:
    if isinstance(node.parent, interview_nodes.interview):
        self.add_permalink_ref(node.parent, _("Link to this interview"))
    self.body.append("</p>\n")


def visit_term_link(self: HTML5Translator, node: nodes.Element) -> None:
    """The markup of a ``:term:`` link, written in one step rather than through
    the reference and inline visitors: an archive's pages hold thousands."""
    href = f"#{node['refid']}" if "refid" in node else node["refuri"]
    title = f' title="{self.attval(node["reftitle"])}"' if node.get("reftitle") else ""
    self.body.append(
        f'<a class="reference internal" href="{self.attval(href)}"{title}>'
        f'<span class="xref std std-term">{self.encode(node.astext())}</span></a>'
    )
    raise nodes.SkipNode


BLOCK = (visit_block, depart_block)
HEADER = (visit_header, depart_header)
TITLE = (visit_title, depart_title)
TERM_LINK = (visit_term_link, None)
