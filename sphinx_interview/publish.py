"""The one module that writes into other domains' data: our labels into the standard
domain, our topics into the general index.

Why it must: ``:ref:``, MyST links and other projects' ``:external+…:ref:`` find
labels in the standard domain (with the title ``:ref:`` shows), and the general
index, in HTML and in the PDF, lists the index domain's entries. Sphinx takes both
only from doctrees, while reading; but a label's winner among duplicates, and the
topics found through the glossary, are known only once every document is read.

Everything written here is recorded in the domain (``data["lent"]``) and taken
back when the next build starts reading, before Sphinx clears or reads any
document: while reading, Sphinx's domains hold what a fresh build's would, so a
label another page adds meets no leftover of ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diagnostics import Subtype, location, warn
from .locale import __
from .xrefs import ref_title

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain
    from .topics import IndexEntry


def withdraw(env: BuildEnvironment, domain: InterviewDomain) -> None:
    """Take back what :func:`publish` wrote (``env-get-outdated``)."""
    lent: dict[str, Any] = domain.data["lent"]
    std = env.domains.standard_domain
    for label, (ours, before) in lent.get("labels", {}).items():
        if std.labels.get(label) == ours:
            if before is None:
                del std.labels[label]
            else:
                std.labels[label] = before
    for label, ours in lent.get("anonlabels", {}).items():
        if std.anonlabels.get(label) == ours:
            del std.anonlabels[label]
    index = env.domains.index_domain.entries
    for docname, entries in lent.get("index", {}).items():
        current = index.get(docname, [])
        for entry in entries:
            if entry in current:
                current.remove(entry)
    domain.data["lent"] = {}


def publish(env: BuildEnvironment, domain: InterviewDomain) -> None:
    """Write our labels and index entries (``env-updated``, every record in)."""
    domain.data["lent"] = {
        **_publish_labels(env, domain),
        "index": _publish_index_entries(env, domain),
    }


def _publish_labels(env: BuildEnvironment, domain: InterviewDomain) -> dict[str, Any]:
    """Every label as a standard label with the title ``:ref:`` shows.

    A label some other markup holds is left to it, with a warning.
    """
    std = env.domains.standard_domain
    labels: dict[str, tuple[object, object]] = {}
    anonlabels: dict[str, object] = {}
    for label, target in domain.tables.labels.targets.items():
        place = (target.docname, target.anchor)
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
        ours = (*place, ref_title(target))
        labels[label] = (ours, std.labels.get(label))
        std.labels[label] = ours
        if existing is None:
            std.anonlabels[label] = place
            anonlabels[label] = place
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


def _publish_index_entries(
    env: BuildEnvironment, domain: InterviewDomain
) -> dict[str, list[IndexEntry]]:
    index = env.domains.index_domain.entries
    written = {}
    for docname, entries in domain.tables.index_entries.items():
        if docname in env.all_docs:
            index.setdefault(docname, []).extend(entries)
            written[docname] = entries
    return written
