"""Reading ``:media:`` (an interview's recording) and ``:time:`` (where a question
or answer starts in it), SPEC §9."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from docutils import nodes

from .. import nodes as interview_nodes
from ..diagnostics import Subtype
from ..locale import _, __
from ..values import is_safe_url, media_type, one_line, parse_time

if TYPE_CHECKING:
    from ..options import Header
    from .base import InterviewDirectiveBase

#: Where Sphinx copies downloadable files, in every HTML builder's output.
DOWNLOADS = "_downloads"
#: A URL rather than a file name: it starts with a scheme ("https:").
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")


def read_media(
    directive: InterviewDirectiveBase, header: Header
) -> interview_nodes.interview_media | None:
    """The recording's node, or None (none given, or warned about).

    A local file is registered as a download, so that Sphinx copies it into the
    output, keeps it under a name of its own and rebuilds the page when it
    changes. Audio or video is told by the file type; unknown types are audio.
    """
    value = one_line(header.options.get("media", ""))
    if not value:
        return None
    line = header.lines.get("media")
    remote = bool(_SCHEME.match(value))
    if remote and not is_safe_url(value):
        directive.warn(
            __(
                '":media:" value "%s" is not an http(s) URL or a relative path; '
                "no player is shown"
            )
            % value,
            Subtype.BAD_OPTION,
            line,
        )
        return None
    filename = ""
    if not remote:
        # A file name, taken as written: spaces and "#" are part of it.
        env = directive.env
        relative, absolute = env.relfn2path(value, env.docname)
        if not Path(absolute).is_file():
            directive.warn(
                __('":media:" file "%s" not found; no player is shown') % value,
                Subtype.BAD_OPTION,
                line,
            )
            return None
        env.note_dependency(relative)
        filename = str(env.dlfiles.add_file(env.docname, relative))
    kind, mime = media_type(value)
    node = interview_media(
        uri=value if remote else "",
        filename=filename,
        name=value,
        kind=kind,
        mime=mime,
    )
    directive.set_source_info(node)
    return node


def interview_media(**attributes: str) -> interview_nodes.interview_media:
    """ "Recording: <the file or its link>", a paragraph where there is no player."""
    label = _("Recording:")
    name = attributes["name"]
    content: nodes.Node = (
        nodes.reference(name, name, refuri=attributes["uri"])
        if attributes["uri"]
        else nodes.Text(name)
    )
    return interview_nodes.interview_media(
        "",
        nodes.Text(f"{label} "),
        content,
        classes=["sphinx-interview-media"],
        translatable=False,
        **attributes,
    )


def media_url(node: nodes.Element) -> str:
    """The recording's URL from the output's root: remote, or the copied file."""
    if node["uri"]:
        return str(node["uri"])
    return f"{DOWNLOADS}/{quote(node['filename'])}"


def read_time(directive: InterviewDirectiveBase, header: Header) -> float | None:
    """``:time:`` in seconds, or None (none given, or warned about)."""
    value = one_line(header.options.get("time", ""))
    if not value:
        return None
    seconds = parse_time(value)
    if seconds is None:
        directive.warn(
            __(
                'invalid ":time:" value "%s" (expected SS, M:SS, MM:SS or H:MM:SS, '
                "optionally with .fff); ignored"
            )
            % value,
            Subtype.BAD_OPTION,
            header.lines.get("time"),
        )
    return seconds
