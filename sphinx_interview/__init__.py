"""sphinx_interview: interviews as Sphinx documentation.

``setup()`` only registers; each module named below does one job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import assets, config, directives, glossary, nodes, topic_index, updates
from .domain import InterviewDomain
from .i18n import LOCALE_DIR, MESSAGE_CATALOG
from .roles import InterviewXRefRole
from .writers import html, latex, texinfo, text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

#: Version of the data this extension keeps in the environment; bump it when
#: the records change shape so that Sphinx re-reads every document.
ENV_VERSION = 2


def setup(app: Sphinx) -> ExtensionMetadata:
    config.register(app)
    app.connect("config-inited", config.validate)
    app.add_message_catalog(MESSAGE_CATALOG, LOCALE_DIR)

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
    app.add_node(nodes.interview_title, html=html.TITLE)
    app.add_node(nodes.interview_meta)
    app.add_node(nodes.exchange_links, html=html.EXCHANGE_LINKS)
    app.add_node(nodes.topic_list, html=html.TOPIC_LIST)

    directives.register(app)
    app.add_domain(InterviewDomain)
    app.add_role("question", InterviewXRefRole())
    app.add_role("answer", InterviewXRefRole())
    topic_index.register(app)
    glossary.register(app)
    updates.register(app)
    assets.register(app)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
