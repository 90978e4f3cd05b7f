"""HTML: the recording's player, time links that play from there, and a WebVTT
chapters track per interview (one chapter per timed question), SPEC §9.

Without JavaScript a time link opens the recording at that time (a ``#t=``
media fragment); with it, ``static/sphinx-interview.js`` seeks the page's own
player, plays, and marks the question or answer being spoken. EPUB gets the
"Recording: …" paragraph and times as text, like the other formats.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .. import nodes as interview_nodes
from ..assets import SCRIPT, add_page_script, write_if_changed
from ..domain import interview_domain
from ..links import from_page
from ..locale import _
from ..summaries import body_text, summarize
from ..values import format_time

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: Where the chapters tracks go in the output.
CHAPTERS_DIR = "_interviews"
#: How long a chapter may grow: the player's chapter menu is narrow.
CHAPTER_LENGTH = 60


def _players(self: HTML5Translator) -> bool:
    return not self.builder.name.startswith("epub")


def visit_media(self: HTML5Translator, node: nodes.Element) -> None:
    if not _players(self):
        assert isinstance(node, nodes.paragraph)  # interview_media is one
        self.visit_paragraph(node)
        return
    url = escape(_from_page(self, _media_url(node)))
    tag = "video" if node["kind"] == "video" else "audio"
    mime = f' type="{escape(node["mime"])}"' if node["mime"] else ""
    track = _chapters(self, node)
    self.body.append(
        f'<div class="sphinx-interview-media">\n'
        f'<{tag} controls preload="metadata">'
        f'<source src="{url}"{mime}>{track}</{tag}>\n'
        f'<p class="sphinx-interview-media-source">{escape(_("Recording:"))} '
        f'<a class="reference external" href="{url}">{escape(node["name"])}</a></p>\n'
        f"</div>\n"
    )
    raise nodes.SkipNode


def depart_media(self: HTML5Translator, node: nodes.Element) -> None:
    assert isinstance(node, nodes.paragraph)
    self.depart_paragraph(node)


def time_html(self: HTML5Translator, node: nodes.Element) -> str:
    """Where a question or answer starts (``time`` and ``media`` of its header,
    ``layout.py``): a link that plays from there, or the time as text."""
    text = escape(format_time(node["time"]))
    seconds = f"{float(node['time']):g}"
    if not node["media"] or not _players(self):
        return f'<span class="sphinx-interview-time">{text}</span>'
    href = escape(f"{_from_page(self, node['media'])}#t={seconds}")
    label = escape(_("Play from %s") % text)
    return (
        f'<a class="sphinx-interview-time" href="{href}" data-time="{seconds}" '
        f'title="{label}">{text}</a>'
    )


def _from_page(self: HTML5Translator, url: str) -> str:
    """A URL from the output's root (a recording's), seen from the page being
    written."""
    return from_page(self.builder, self.builder.current_docname, url)


def _media_url(node: nodes.Element) -> str:
    from ..directives.recording import media_url

    return media_url(node)


def _chapters(self: HTML5Translator, node: nodes.Element) -> str:
    """Write the interview's chapters track; the ``<track>`` element for it."""
    interview = node.parent
    timed = (
        sorted(
            (float(question["time"]), question)
            for question in interview.findall(interview_nodes.question)
            if question.get("time") is not None
        )
        if interview is not None
        else []
    )
    if not timed:
        return ""
    # Imported here: only pages with a timed recording write chapters, and
    # every build (an edit's too) would pay for the import.
    import webvtt

    captions = []
    for index, (start, question) in enumerate(timed):
        # The last chapter runs to the end: players stop it at the duration.
        end = timed[index + 1][0] if index + 1 < len(timed) else start + 86400
        if end <= start:
            continue
        title = _("Q%(number)d. %(summary)s") % {
            "number": question["number"],
            "summary": summarize(body_text(question), CHAPTER_LENGTH),
        }
        captions.append(webvtt.Caption(_stamp(start), _stamp(end), title))
    name = f"{CHAPTERS_DIR}/{interview['interview_id']}.chapters.vtt"
    content = webvtt.WebVTT(captions=captions).content
    write_if_changed(Path(self.builder.outdir, name), content)
    src = _from_page(self, name)
    label = escape(_("Questions"))
    return f'<track kind="chapters" src="{escape(src)}" label="{label}" default>'


def _stamp(seconds: float) -> str:
    from webvtt.models import Timestamp

    return str(Timestamp.from_seconds(seconds))


def add_script(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, object],
    doctree: object,
) -> None:
    """``html-page-context``: the script, on pages with a recording only."""
    if app.builder.name.startswith("epub"):
        return
    record = interview_domain(app.env).docs.get(pagename)
    if record is not None and any(interview.media for interview in record.interviews):
        add_page_script(app.builder, SCRIPT, defer="defer")


MEDIA = (visit_media, depart_media)
