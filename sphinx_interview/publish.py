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
from .mentions import fingerprint
from .xrefs import ref_title

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain
    from .topics import IndexEntry


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
    index = env.domains.index_domain.entries
    ours: dict[str, list[IndexEntry]] | None = None
    for docname, (count, digest) in lent.get("index", {}).items():
        current = index.get(docname, [])
        if count and fingerprint(current[-count:]) == digest:
            del current[-count:]
            continue
        # Something else appended after us: find ours by value. The records
        # are those of the build that published them.
        if ours is None:
            ours = domain.tables.index_entries
        for entry in ours.get(docname, ()):
            if entry in current:
                current.remove(entry)
    domain.data["lent"] = {}


def publish(env: BuildEnvironment, domain: InterviewDomain) -> None:
    """Write our labels and index entries (``env-updated``, every record in).

    ``data["lent"]`` lists what was written: the labels, and per document the
    number and digest of the index entries appended to its list.
    """
    domain.data["lent"] = {
        **_publish_labels(env, domain),
        "index": _publish_index_entries(env, domain),
    }


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


def _publish_index_entries(
    env: BuildEnvironment, domain: InterviewDomain
) -> dict[str, tuple[int, str]]:
    index = env.domains.index_domain.entries
    written = {}
    for docname, entries in domain.tables.index_entries.items():
        if docname in env.all_docs:
            index.setdefault(docname, []).extend(entries)
            written[docname] = (len(entries), fingerprint(entries))
    return written
