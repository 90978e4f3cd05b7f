"""The one module that writes into other domains' data: our labels into the standard
domain, our topics into the general index.

Why it must: ``:ref:``, MyST links and other projects' ``:external+…:ref:`` find
labels in the standard domain (with the title ``:ref:`` shows), and the HTML
general index lists the index domain's entries. Sphinx takes both only from
doctrees, while reading; but a label's winner among duplicates, and the topics
found through the glossary, are known only once every document is read.

It is written when writing starts, after Sphinx has stored the environment, so
an archive's labels are not stored twice. Everything written is recorded in the
domain (``data["lent"]``) and taken back when the next build starts reading,
before Sphinx clears or reads any document: while reading, Sphinx's domains hold
what a fresh build's would, so a label another page adds meets no leftover of
ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diagnostics import Subtype, location, warn
from .links import INDEX_PAGES, SPEAKER_INDEX_PAGE, TOPIC_INDEX_PAGE
from .locale import __
from .names import fold
from .xrefs import ref_title

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain


def withdraw(env: BuildEnvironment, domain: InterviewDomain) -> None:
    """Take back what :func:`publish` wrote (``env-get-outdated``).

    Nothing has been read or cleared since: what is listed is still there.
    """
    lent: dict[str, Any] = domain.data["lent"]
    std = env.domains.standard_domain
    for label in lent.get("labels", ()):
        std.labels.pop(label, None)
    for label in lent.get("anonlabels", ()):
        std.anonlabels.pop(label, None)
    for page in INDEX_PAGES:
        env.domains.index_domain.entries.pop(page, None)
    domain.data["lent"] = {}


def publish(env: BuildEnvironment, domain: InterviewDomain, pages: set[str]) -> None:
    """Write our labels and index entries (``write-started``, every record in).

    ``data["lent"]`` lists the labels written. ``pages``: the index pages the
    build writes, which the general index's entries lead to.
    """
    domain.data["lent"] = _publish_labels(env, domain)
    _publish_headings(env, domain, pages)


def _publish_labels(env: BuildEnvironment, domain: InterviewDomain) -> dict[str, Any]:
    """Every label as a standard label with the title ``:ref:`` shows.

    A label some other markup holds is left to it, with a warning.
    """
    std = env.domains.standard_domain
    labels: list[str] = []
    anonlabels: list[str] = []
    for label, target in domain.tables.labels.targets.items():
        existing = std.anonlabels.get(label)
        # A target written just before the element names one of its ids.
        if existing is not None and (
            existing[0] != target.docname or existing[1] not in target.ids
        ):
            if {target.docname, existing[0]} & domain.read_now:
                warn(
                    _conflict(env, label, existing[0]),
                    Subtype.DUPLICATE_LABEL,
                    location(target.source, target.line),
                )
            continue
        if label not in std.labels:
            std.labels[label] = (target.docname, target.anchor, ref_title(target))
            labels.append(label)
        if existing is None:
            std.anonlabels[label] = (target.docname, target.anchor)
            anonlabels.append(label)
    return {"labels": labels, "anonlabels": anonlabels}


def _conflict(env: BuildEnvironment, label: str, docname: str) -> str:
    if docname in env.all_docs:
        return __('label "%s" is already defined in %s; use another ":name:"') % (
            label,
            env.doc2path(docname, False),
        )
    return __('label "%s" names Sphinx\'s page "%s"; use another ":name:"') % (
        label,
        docname,
    )


def _publish_headings(
    env: BuildEnvironment, domain: InterviewDomain, pages: set[str]
) -> None:
    """Each topic and speaker in the general index, leading to its entry on the
    index page (which lists its exchanges): one entry a name, not one an exchange.

    They are kept under the index page's name, a key of the index domain that no
    document has (``get_relative_uri`` makes their links).
    """
    tables = domain.tables
    index = env.domains.index_domain.entries
    if TOPIC_INDEX_PAGE in pages:
        index[TOPIC_INDEX_PAGE] = [
            ("single", tables.spelling.get(fold(t.name), t.name), t.anchor, "", None)
            for t in tables.topics.topics
        ]
    if SPEAKER_INDEX_PAGE in pages:
        index[SPEAKER_INDEX_PAGE] = [
            ("single", speaker.name, speaker.anchor, "", None)
            for speaker in tables.speakers.speakers
        ]
