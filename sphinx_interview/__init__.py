"""sphinx_interview: interviews as Sphinx documentation.

``setup()`` is the list of everything the extension adds to Sphinx; each module
named here does one job (see the README's Architecture section).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import config, nodes, page_contents
from .assets import STYLESHEET, copy_assets
from .collector import collect_document
from .directives import (
    AnswerDirective,
    InterviewDirective,
    InterviewSpeakersDirective,
    InterviewTopicsDirective,
    QuestionDirective,
    UndefinedSubstitutions,
)
from .domain import InterviewDomain
from .export import csl_style
from .export.builders import InterviewJSONBuilder, InterviewTEIBuilder
from .glossary_links import add_backrefs, link_terms
from .index_entries import add_index_entries
from .index_lists import fill_placeholders
from .index_pages import SpeakerIndex, TopicIndex
from .layout import lay_out
from .links import IndexPageReferences
from .locale import LOCALE_DIR, MESSAGE_CATALOG
from .updates import finish_reading, start_reading, start_writing
from .writers import (
    html,
    html_cite,
    html_index_pages,
    html_lists,
    html_media,
    latex,
    man,
    texinfo,
    text,
)
from .xrefs import InterviewXRefRole, MystLocalLinks, warn_missing_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

#: Version of the data this extension keeps in the environment; bump it when
#: the records change shape so that Sphinx re-reads every document.
ENV_VERSION = 4


def setup(app: Sphinx) -> ExtensionMetadata:
    config.declare(app)
    app.connect("config-inited", config.validate)
    app.add_message_catalog(MESSAGE_CATALOG, LOCALE_DIR)

    # Nodes, with their visitors per output format.
    app.add_node(
        nodes.interview, html=html.BLOCK, latex=latex.INTERVIEW, texinfo=texinfo.BLOCK
    )
    app.add_node(nodes.interview_exchange, html=html.BLOCK, latex=latex.EXCHANGE)
    app.add_node(
        nodes.question, html=html.BLOCK, latex=latex.QUESTION, texinfo=texinfo.BLOCK
    )
    app.add_node(
        nodes.answer,
        html=html.BLOCK,
        latex=latex.ANSWER,
        texinfo=texinfo.BLOCK,
        text=text.ANSWER,
    )
    app.add_node(nodes.interview_header, html=html.HEADER, latex=latex.HEADER)
    app.add_node(
        nodes.interview_title,
        html=html.TITLE,
        latex=latex.TITLE,
        text=text.TITLE,
        man=man.TITLE,
        texinfo=texinfo.TITLE,
    )
    app.add_node(nodes.interview_meta)
    app.add_node(nodes.interview_media, html=html_media.MEDIA)
    app.add_node(nodes.interview_time)
    app.add_node(nodes.interview_topics)
    app.add_node(nodes.interview_speakers)
    app.add_node(nodes.term_link, html=html.TERM_LINK)
    app.add_node(nodes.exchange_index, latex=latex.EXCHANGE_INDEX)
    app.add_node(nodes.exchange_links, html=html_lists.EXCHANGE_LINKS)
    app.add_node(nodes.index_list, html=html_lists.INDEX_LIST)
    app.add_node(nodes.interview_cite, html=html_cite.CITE)

    # Markup.
    app.add_directive("interview", InterviewDirective)
    app.add_directive("question", QuestionDirective)
    app.add_directive("answer", AnswerDirective)
    app.add_directive("interview-topics", InterviewTopicsDirective)
    app.add_directive("interview-speakers", InterviewSpeakersDirective)
    app.add_role("question", InterviewXRefRole())
    app.add_role("answer", InterviewXRefRole())
    app.add_transform(UndefinedSubstitutions)
    app.add_transform(MystLocalLinks)
    app.add_post_transform(IndexPageReferences)

    # Cross-document data, and the topic index.
    app.add_domain(InterviewDomain)
    app.add_index_to_domain("interview", TopicIndex)
    app.add_index_to_domain("interview", SpeakerIndex)
    app.connect("doctree-read", collect_document)
    app.connect("doctree-read", page_contents.count_entries)
    app.connect("env-get-outdated", start_reading)
    app.connect("env-updated", finish_reading)
    app.connect("warn-missing-reference", warn_missing_reference)

    # Writing: what other pages contribute to each page.
    app.connect("write-started", start_writing)
    app.connect("write-started", page_contents.add_entries)
    # Before the themes' handlers, which read the page's contents.
    app.connect("html-page-context", page_contents.show_questions, priority=300)
    app.connect("doctree-resolved", lay_out)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("doctree-resolved", add_index_entries)
    app.connect("doctree-resolved", link_terms)
    app.connect("doctree-resolved", add_backrefs)
    app.connect("doctree-resolved", html_cite.add_citations)
    app.connect("builder-inited", html_index_pages.note_builder)
    app.connect("doctree-resolved", html_index_pages.skip_unchanged_pages)
    app.connect("html-page-context", html_index_pages.render_index_page)

    # Interviews as data.
    app.add_builder(InterviewJSONBuilder)
    app.add_builder(InterviewTEIBuilder)
    app.connect("html-page-context", html_cite.add_metadata)
    app.connect("builder-inited", csl_style.check)

    # Assets.
    app.add_css_file(STYLESHEET)
    app.add_latex_package(latex.PACKAGE)
    app.connect("builder-inited", copy_assets)
    app.connect("html-page-context", html_media.add_script)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
