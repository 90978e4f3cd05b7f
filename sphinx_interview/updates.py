"""Around reading: withdraw and publish what other domains hold of ours, report
duplicate labels, and pick the pages to rewrite.

Pages show data gathered from other pages: link texts of cited answers, the topic
index, glossary links and "Mentioned in" lists. Sphinx rewrites only the pages it
re-read, so after every read we compare the *published view* (what other pages
can show of the project, key by key, as digests, for the keys some page depends
on) with the one stored at the previous build, and return the pages that depend
on a key that changed. Each page's dependency keys are recorded by the collector
from its finished doctree. Each key's value is the very object a page renders
from (a label's :class:`~sphinx_interview.labels.Target`, a topic's name and
anchor), or a value built from it (a glossary entry's "Mentioned in" links as a
heading), so no change a page would show can go unnoticed.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

from .config import config_location
from .diagnostics import Subtype, location, shown_path, warn
from .digests import ViewDigests
from .domain import interview_domain
from .links import INDEX_PAGES, SPEAKER_INDEX_PAGE, TOPIC_INDEX_PAGE, single_page
from .locale import __
from .names import Heading, fold, heading
from .publish import publish, withdraw

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .domain import InterviewDomain


def start_reading(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """``env-get-outdated``: the first event of a build's reading phase."""
    domain = interview_domain(env)
    domain.read_now.clear()
    withdraw(env, domain)
    return []


def finish_reading(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: runs in the main process once every record is merged."""
    domain = interview_domain(env)
    domain.remember_mentions()
    warn_duplicates(domain)
    if TOPIC_INDEX_PAGE not in written_index_pages(app):
        warn_if_topic_index_off(app, domain)
    digest = ViewDigests()
    view = {
        key: digest(value)
        for key, value in published_view(domain, shown_keys(domain)).items()
    }
    old: dict[str, str] = domain.data["published"]
    changed = {key for key in old.keys() | view.keys() if old.get(key) != view.get(key)}
    domain.data["published"] = view
    return sorted(
        docname
        for docname, record in domain.docs.items()
        if docname in env.all_docs and not record.depends.isdisjoint(changed)
    )


def start_writing(app: Sphinx, builder: Builder) -> None:
    """``write-started``: lend our labels and index entries to Sphinx's domains.

    Not at ``env-updated``: Sphinx stores the environment between the two, and
    what is lent is taken back when the next build starts, unread (an archive's
    labels with their titles: over a megabyte at 300 interviews).
    """
    publish(app.env, interview_domain(app.env), written_index_pages(app))


def shown_keys(domain: InterviewDomain) -> set[str]:
    """The keys some page depends on, and those the topic and speaker index
    pages keep their digest of (``writers/html_index_pages.py``).

    Only these are compared and stored: an archive's pages cite a few of its
    thousands of labels, and a key no page shows needs no digest. A page that
    comes to depend on a new key is one that was just read, and so written.
    """
    keys = {"topics", "speakers"}
    keys.update(*(record.depends for record in domain.docs.values()))
    return keys


def published_view(domain: InterviewDomain, keys: Set[str]) -> dict[str, object]:
    """What other pages can show of the project, for the dependency ``keys``
    (a key that names nothing is left out)."""
    tables = domain.tables
    # A label other markup holds is not ours to show: links go there instead.
    # (Ours are lent to Sphinx only when writing starts: these are others'.)
    anonlabels = domain.env.domains.standard_domain.anonlabels
    targets = tables.labels.targets
    view: dict[str, object] = {}
    for key in keys:
        kind, _, label = key.partition(":")
        target = targets.get(label) if kind == "label" else None
        if target is not None:
            view[key] = (target.shown, anonlabels.get(label))
    if "glossary" in keys:
        view["glossary"] = tuple(
            (term.docname, term.names, term.anchors, term.summary)
            for term in tables.terms
        )
    if domain.env.config.interview_glossary_backrefs:
        # Each entry's "Mentioned in" list, as a heading over its links.
        backrefs: dict[str, list[Heading]] = {}
        mentions = tables.mentions
        for index, term in enumerate(tables.terms):
            if f"backrefs:{term.docname}" in keys:
                backrefs.setdefault(f"backrefs:{term.docname}", []).append(
                    heading(term.names[0], term.anchors[0], mentions.users(index))
                )
        view.update((key, tuple(entries)) for key, entries in backrefs.items())
    topics = tables.topics.topics
    view["topics"] = tuple(topics)
    for topic in topics:
        if f"topic:{fold(topic.name)}" in keys:
            view[f"topic:{fold(topic.name)}"] = (topic.name, topic.anchor)
    view["speakers"] = tuple(tables.speakers.speakers)
    # A reference to an index page is a link only while the page is written,
    # and Sphinx writes it only when the index has an entry.
    for page, entries in (
        (TOPIC_INDEX_PAGE, topics),
        (SPEAKER_INDEX_PAGE, tables.speakers.speakers),
    ):
        if f"label:{page}" in keys:
            view.setdefault(f"label:{page}", bool(entries))
    return view


def warn_duplicates(domain: InterviewDomain) -> None:
    """Warn about labels claimed twice, when one of the claims was just read."""
    duplicates = sorted(
        domain.tables.labels.duplicates,
        key=lambda d: (d.dropped.docname, d.dropped.line or 0, d.label),
    )
    for duplicate in duplicates:
        kept, dropped = duplicate.kept, duplicate.dropped
        if not {kept.docname, dropped.docname} & domain.read_now:
            continue
        warn(
            __('duplicate label "%s", also defined in %s (line %s); links lead there')
            % (duplicate.label, shown_path(domain.env, kept.source), kept.line),
            Subtype.DUPLICATE_LABEL,
            location(dropped.source, dropped.line),
        )


def _page_per_document(builder: Builder) -> bool:
    """HTML with a page per document, where the index pages are written."""
    return builder.format == "html" and not single_page(builder)


def written_index_pages(app: Sphinx) -> set[str]:
    """The index pages this build writes (when there is something in them)."""
    if not _page_per_document(app.builder):
        return set()
    setting = app.config.html_domain_indices
    if isinstance(setting, bool):
        return set(INDEX_PAGES) if setting else set()
    return {page for page in INDEX_PAGES if page in setting}


def warn_if_topic_index_off(app: Sphinx, domain: InterviewDomain) -> None:
    """Topics without their index page: say once why their links are plain text."""
    if _page_per_document(app.builder) and domain.tables.topics.topics:
        warn(
            __(
                "html_domain_indices leaves out the topic index (%s); "
                "topic links are shown as plain text"
            )
            % TOPIC_INDEX_PAGE,
            Subtype.TOPIC_INDEX_OFF,
            config_location(app, "html_domain_indices"),
        )
