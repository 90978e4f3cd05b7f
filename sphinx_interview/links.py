"""Links made while writing: one place that knows a target may have no page, and
which document a node of an assembled doctree came from."""

from __future__ import annotations

from collections.abc import Sequence, Set
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import NoUri
from sphinx.locale import _ as sphinx_
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import osutil
from sphinx.util.nodes import make_refnode

from . import nodes as interview_nodes

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .archive import ExchangeLink
    from .domain import InterviewDomain

#: Sphinx names domain index pages ``<domain>-<index>``.
TOPIC_INDEX_PAGE = "interview-topics"
SPEAKER_INDEX_PAGE = "interview-speakers"
INDEX_PAGES = (TOPIC_INDEX_PAGE, SPEAKER_INDEX_PAGE)


def single_page(builder: Builder) -> bool:
    """Whether the builder writes the whole project as one HTML page: Sphinx's
    ``singlehtml`` and the builders made from it under other names."""
    return isinstance(builder, SingleFileHTMLBuilder)


def drawn_by_html_writer(builder: Builder) -> bool:
    """Whether ``writers/html.py`` writes the pages: it draws header lines from
    their block and links glossary names as it writes, so that an archive's
    thousands of these are not held as elements until their page is written
    (and, with ``-j``, not in the main process at all)."""
    return builder.format == "html"


def one_doctree_per_document(builder: Builder) -> bool:
    """Whether the builder resolves each document's doctree on its own; LaTeX,
    Texinfo, manual pages and single-page HTML resolve one assembled from several
    (so do builders we do not know). A handler that may then skip a document by
    its record alone saves a walk of every page."""
    return builder.format in {"html", "text"} and not single_page(builder)


def on_one_page(builder: Builder, fromdocname: str, todocname: str) -> bool:
    """Whether ``todocname`` is written on the page of ``fromdocname``: the same
    document, or any document of a single-page build."""
    return fromdocname == todocname or (
        single_page(builder) and todocname in builder.env.all_docs
    )


def link_to(
    builder: Builder,
    fromdocname: str,
    todocname: str,
    anchor: str,
    contnode: nodes.Element,
    title: str | None = None,
) -> nodes.reference:
    """Sphinx's ``make_refnode``, with a link within the page (``#anchor``) to
    every document of a single-page build: Sphinx 9 makes those
    ``#document-name#anchor``, which browsers do not follow."""
    if anchor and on_one_page(builder, fromdocname, todocname):
        fromdocname = todocname
    return make_refnode(builder, fromdocname, todocname, anchor, contnode, title)


def relative_uri(builder: Builder, fromdocname: str, todocname: str) -> str | None:
    """The URI of ``todocname`` seen from ``fromdocname`` ("" for the same page),
    or None where the builder has no page for it."""
    if on_one_page(builder, fromdocname, todocname):
        return ""
    try:
        return builder.get_relative_uri(fromdocname, todocname)
    except NoUri:
        return None


def page_uri(builder: Builder, docname: str) -> str:
    """The page holding ``docname``, from the output's root: a single-page build
    names each document "#document-name" (or "index.html#document-name") of
    its one page."""
    page = builder.get_target_uri(docname).partition("#")[0]
    if page:
        return page
    suffix = getattr(builder, "out_suffix", ".html")
    return f"{builder.config.root_doc}{suffix}"


def from_page(builder: Builder, docname: str, url: str) -> str:
    """``url`` (absolute, or from the output's root) as the page of ``docname``
    links to it: an anchor alone on that page itself."""
    if "://" in url:
        return url
    page = page_uri(builder, docname)
    if url.startswith(page + "#"):
        return url[len(page) :]
    return osutil.relative_uri(page, url)


def index_page_uri(
    builder: Builder, fromdocname: str, page: str, *, kept: bool
) -> str | None:
    """The URI of an index page (topics, speakers), or None when this build
    writes none.

    HTML builders write the domain indices ``html_domain_indices`` selects (Sphinx
    lists them in ``domain_indices`` before writing); ``kept``: the page is left
    as written by an earlier build (``writers/html_index_pages.skip_unchanged_pages``).
    Single-page HTML writes no index pages at all, the other builders no pages.
    """
    if single_page(builder):
        return None
    written = {entry[0] for entry in getattr(builder, "domain_indices", ())}
    if page not in written and not kept:
        return None
    return relative_uri(builder, fromdocname, page)


#: The label ``sphinxinterview.sty`` puts at the start of the PDF's index, as
#: the LaTeX writer spells a reference to it.
BACK_INDEX_URI = "%sphinxinterview-index#"


def has_back_index(builder_name: str, config: Config) -> bool:
    """Whether the build is a PDF with a back-of-book index (which lists topics
    and speakers, as it has no index pages)."""
    return builder_name == "latex" and bool(
        config.latex_elements.get("printindex", r"\printindex")
    )


def back_index_link(contnode: nodes.Node) -> nodes.reference:
    """A link to the PDF's back-of-book index (see :func:`has_back_index`)."""
    reference = nodes.reference("", "", internal=True, refuri=BACK_INDEX_URI)
    reference += contnode
    return reference


#: References that may land on an index page's label: ``:ref:``, ``:any:`` and
#: MyST links, as (domain, type).
_PAGE_REFERENCES = {("std", "ref"), ("", "any"), (None, "any"), (None, "myst")}


class IndexPageReferences(SphinxPostTransform):
    """References to the pages ``interview-topics`` and ``interview-speakers``
    where the build writes no such page: in a PDF with an index they lead to the
    back-of-book index, read "Index" (Sphinx's own name for it) unless given a
    title; anywhere else (single-page HTML, HTML where ``html_domain_indices``
    leaves the page out or the index is empty, other formats) they are their
    text, as topic links are: the page's title, or the text given. Never a link
    to a missing page, nor the label shown as text."""

    #: Before Sphinx (10) and MyST (9) resolve references, which would link the
    #: page's label.
    default_priority = 5

    def run(self, **kwargs: object) -> None:
        domain = cast("InterviewDomain", self.env.get_domain("interview"))
        builder = domain.builder
        if builder is None:
            return
        if builder.format == "html":
            unwritten = self._unwritten(builder, domain.pages_kept)
            if not unwritten:
                return  # the usual HTML build: no walk of the page
        else:
            unwritten = list(INDEX_PAGES)  # only HTML builders write pages
        back_index = has_back_index(builder.name, self.config)
        titles = self.env.domains.standard_domain.labels
        for node in list(self.document.findall(addnodes.pending_xref)):
            page = str(node.get("reftarget", "")).lower()
            kind = (node.get("refdomain"), node.get("reftype"))
            if page not in unwritten or kind not in _PAGE_REFERENCES:
                continue
            content = node.next_node(nodes.Element) or nodes.inline()
            if not node.get("refexplicit"):
                text = sphinx_("Index") if back_index else titles[page][2]
                content = nodes.inline(text, text, classes=content.get("classes", []))
            node.replace_self(back_index_link(content) if back_index else content)

    def _unwritten(self, builder: Builder, kept: Set[str]) -> list[str]:
        """The index pages this HTML build does not write."""
        docname = self.env.docname
        return [
            page
            for page in INDEX_PAGES
            if index_page_uri(builder, docname, page, kept=page in kept) is None
        ]


def exchange_links(
    builder: Builder,
    fromdocname: str,
    links: Sequence[ExchangeLink],
    *,
    inline: bool,
) -> list[nodes.Node]:
    """Links to exchanges: "a; b; c" (``inline``) or a bullet list with summaries.

    HTML builders get one :class:`~sphinx_interview.nodes.exchange_links` node,
    drawn by ``writers/html_lists.py``; other builders the same content as
    standard nodes, which their writers know.
    """
    if builder.format == "html":
        return [
            interview_nodes.exchange_links(
                links=tuple(links), fromdocname=fromdocname, inline=inline
            )
        ]
    references = [
        _exchange_reference(builder, fromdocname, link, inline) for link in links
    ]
    if inline:
        content: list[nodes.Node] = []
        for index, reference in enumerate(references):
            content += [nodes.Text(" " if index == 0 else "; "), reference]
        return content
    items = nodes.bullet_list()
    for link, reference in zip(links, references, strict=True):
        paragraph = nodes.paragraph("", "", reference, translatable=False)
        if link.summary:
            paragraph += nodes.Text(f" — {link.summary}")
        items += nodes.list_item("", paragraph)
    return [items]


def _exchange_reference(
    builder: Builder, fromdocname: str, link: ExchangeLink, inline: bool
) -> nodes.Element:
    """A reference to an exchange, or its text alone where the builder has no
    page for it (``NoUri``). In a list the summary follows the link (see
    ``writers/html_lists.py``), in a line it is the tooltip."""
    text = nodes.inline(link.text, link.text)
    title = (link.summary or None) if inline else None
    try:
        return link_to(builder, fromdocname, link.docname, link.anchor, text, title)
    except NoUri:
        return text


def source_docname(env: BuildEnvironment, node: nodes.Node, default: str) -> str:
    """The document a node was read from.

    LaTeX and single-page HTML resolve one doctree assembled from every document;
    Sphinx marks each document's part with a ``start_of_file`` node and its
    sections with their ``docname`` (the assembled parts keep their own document
    as parent). ``node.source`` would not do: text pulled in with
    ``.. include::`` names the included file, which is no document.
    """
    current: nodes.Node = node
    while current.parent is not None:
        current = current.parent
        if isinstance(current, addnodes.start_of_file):
            return str(current["docname"])
        if isinstance(current, nodes.section) and current.get("docname"):
            return str(current["docname"])
    if isinstance(current, nodes.document) and current.get("source"):
        return env.path2doc(current["source"]) or default
    return default
