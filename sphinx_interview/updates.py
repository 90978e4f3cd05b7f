"""After reading: report duplicates, publish labels, and pick the pages to rewrite.

Pages show data gathered from other pages: link texts of cited answers, the topic
index, glossary links and "Mentioned in" lists. Sphinx rewrites only the pages it
re-read, so after every read we compare the *published view* (what other pages
can show of the project, key by key) with the one stored at the previous build,
and return the pages that depend on a key that changed. Each page's dependency
keys are recorded by the collector while reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from sphinx.addnodes import pending_xref

from .diagnostics import Subtype, warn
from .domain import interview_domain
from .glossary import glossary_view
from .i18n import __
from .lookup import fingerprint
from .topic_index import sync_general_index, topics_view

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain


def label_view(env: BuildEnvironment, domain: InterviewDomain) -> dict[str, object]:
    lookup = domain.lookup
    return {
        f"label:{label}": (
            target.docname,
            target.anchor,
            target.question_anchor,
            target.answer_anchor,
            lookup.link_text(target),
            lookup.ref_title(target),
        )
        for label, target in lookup.targets.items()
    }


#: Keys whose values are read back (by ``publish_labels`` and
#: ``sync_general_index``); the others are only compared, so a digest stands in
#: for them and keeps the stored environment small.
READ_BACK = ("label:", "genindex:")


#: The parts of the published view.
VIEWS: tuple[Callable[[BuildEnvironment, InterviewDomain], dict[str, object]], ...] = (
    label_view,
    glossary_view,
    topics_view,
)


def start_reading(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """``env-get-outdated``: the first event of a build's reading phase."""
    interview_domain(env).read_now.clear()
    return []


def finish_reading(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: runs in the main process once every record is merged."""
    domain = interview_domain(env)
    warn_duplicates(domain)
    publish_labels(env, domain)
    view: dict[str, object] = {}
    for part in VIEWS:
        view.update(part(env, domain))
    view = {
        key: value if key.startswith(READ_BACK) else fingerprint(value)
        for key, value in view.items()
    }
    old = domain.published
    changed = {key for key in old.keys() | view.keys() if old.get(key) != view.get(key)}
    sync_general_index(env, old, view)
    domain.data["published"] = view
    return sorted(
        docname
        for docname, record in domain.docs.items()
        if docname in env.all_docs and not record.depends.isdisjoint(changed)
    )


def warn_duplicates(domain: InterviewDomain) -> None:
    """Warn about labels claimed twice, when one of the claims was just read."""
    duplicates = sorted(
        domain.lookup.duplicates,
        key=lambda d: (d.dropped.docname, d.dropped.line or 0, d.label),
    )
    for duplicate in duplicates:
        kept, dropped = duplicate.kept, duplicate.dropped
        if not {kept.docname, dropped.docname} & domain.read_now:
            continue
        warn(
            __('duplicate label "%s", also defined in %s (line %s); links lead there')
            % (
                duplicate.label,
                domain.env.doc2path(kept.docname, False),
                kept.line,
            ),
            Subtype.DUPLICATE_LABEL,
            (dropped.docname, dropped.line),
        )


def publish_labels(env: BuildEnvironment, domain: InterviewDomain) -> None:
    """Make every label a standard label, so ``:ref:`` and MyST links find it.

    ``:ref:`` needs a title for labels that are not on sections; we give it one.
    A label some other markup already holds is left alone, with a warning.
    """
    std = env.domains.standard_domain
    lookup = domain.lookup
    for label, target in lookup.targets.items():
        existing = std.labels.get(label)
        ours = domain.published.get(f"label:{label}")
        if (
            existing is not None
            and existing[:2] != (target.docname, target.anchor)
            and not (isinstance(ours, tuple) and ours[:2] == existing[:2])
        ):
            if target.docname in domain.read_now or existing[0] in domain.read_now:
                warn(
                    __('label "%s" is already defined in %s; use another ":name:"')
                    % (label, env.doc2path(existing[0], False)),
                    Subtype.DUPLICATE_LABEL,
                    (target.docname, target.line),
                )
            continue
        std.labels[label] = (target.docname, target.anchor, lookup.ref_title(target))
        std.anonlabels[label] = (target.docname, target.anchor)


def warn_missing_reference(
    app: Sphinx, domain: Domain | None, node: pending_xref
) -> bool | None:
    """``warn-missing-reference``: our own message, type and subtype."""
    if domain is None or domain.name != "interview":
        return None
    target = node["reftarget"]
    typ = node["reftype"]
    if typ == "topic":
        warn(
            __('unknown topic "%s"') % target,
            Subtype.UNKNOWN_TOPIC,
            cast("nodes.Node", node),
        )
        return True
    found = interview_domain(app.env).lookup.targets.get(target)
    if found is not None:
        message = __('"%s" is an %s, which :%s: cannot link to') % (
            target,
            found.kind,
            typ,
        )
    else:
        message = __('unknown %s label "%s"') % (typ, target)
    warn(message, Subtype.UNKNOWN_LABEL, cast("nodes.Node", node))
    return True


def register(app: Sphinx) -> None:
    app.connect("env-get-outdated", start_reading)
    app.connect("env-updated", finish_reading)
    app.connect("warn-missing-reference", warn_missing_reference)
