"""Incremental builds show exactly what a fresh build of the same sources shows.

Each case builds the "full" project, changes its sources, rebuilds incrementally,
and compares every HTML page with a fresh build of the changed sources: pages
that show data from other pages (citations, topic lists, glossary links and
back-links, the topic index) must not go stale.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from .helpers import Project, ProjectFactory, select_one, text_of


def html_pages(outdir: Path) -> dict[str, str]:
    """The main content of every page.

    The theme's navigation (previous/next, sidebar toctree) is left out: Sphinx
    itself does not refresh it on pages it does not rewrite.
    """
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("div.body")
        pages[str(path.relative_to(outdir))] = str(body) if body else str(soup)
    return pages


def assert_same_as_fresh(proj: Project, parallel: int = 0) -> list[str]:
    """Rebuild incrementally; compare with a fresh build; return the warnings."""
    proj.build(fresh=False, parallel=parallel)
    incremental, warnings = html_pages(proj.outdir), proj.warnings()
    proj.build(builddir=proj.builddir.with_name("fresh"))
    fresh = html_pages(proj.outdir)
    # Sphinx leaves the pages of deleted documents on disk; all others must match.
    assert fresh.keys() <= incremental.keys()
    stale = [page for page in fresh if incremental[page] != fresh[page]]
    assert stale == []
    assert sorted(warnings) == sorted(proj.warnings())
    return warnings


def edit_question(proj: Project) -> None:
    proj.replace(
        "interview.rst", "Is the SCO an anti-NATO alliance?", "Is NATO a rival?"
    )


def shorten_title(proj: Project) -> None:
    proj.replace("interview.rst", ":short: Ivanov 2007", ":short: Ivanov (2007)")


def change_topics(proj: Project) -> None:
    proj.replace(
        "interview.rst", ":topics: NATO; Military alliance", ":topics: Alliances"
    )


def delete_document(proj: Project) -> None:
    proj.remove("second.md")
    proj.replace("index.rst", "   second\n", "")
    proj.replace("analysis.md", "The second interview: {question}`second-2010-q1`.", "")


def add_document(proj: Project) -> None:
    proj.write(
        "third.rst",
        """\
Third
=====

.. interview:: A third talk
   :name: third
   :interviewee: A diplomat
   :topics: NATO

   .. question:: Does NATO talk to the SCO?
   .. answer:: Rarely; Bishkek is far from Brussels.
""",
    )
    proj.replace("index.rst", "   second\n", "   second\n   third\n")


def add_glossary_term(proj: Project) -> None:
    proj.replace(
        "glossary.rst",
        "   Bishkek\n",
        "   RIA Novosti\n      A Russian news agency.\n\n   Bishkek\n",
    )


def edit_glossary_definition(proj: Project) -> None:
    proj.replace("glossary.rst", "a military alliance.", "a military alliance of 1949.")


def rename_label(proj: Project) -> None:
    proj.replace("interview.rst", ":name: ivanov-2007", ":name: ivanov-interview")
    proj.replace("analysis.md", "ivanov-2007-q2", "ivanov-interview-q2")
    proj.replace("analysis.md", "ivanov-2007-q3", "ivanov-interview-q3")


CHANGES: dict[str, Callable[[Project], None]] = {
    "edit-question": edit_question,
    "short-title": shorten_title,
    "topics": change_topics,
    "delete-document": delete_document,
    "add-document": add_document,
    "add-glossary-term": add_glossary_term,
    "edit-definition": edit_glossary_definition,
    "rename-label": rename_label,
}


# The topics page filters on the deleted interview: it says so, though unchanged.
EXPECTED_WARNINGS = {
    "delete-document": [
        'topics.rst:18: WARNING: unknown interview "second-2010" [interview.unknown_label]'
    ]
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_incremental_equals_fresh(project: ProjectFactory, change: str) -> None:
    proj = project("full")
    proj.build()
    CHANGES[change](proj)
    assert assert_same_as_fresh(proj) == EXPECTED_WARNINGS.get(change, [])


@pytest.mark.parametrize(
    "change", ["edit-question", "delete-document", "add-glossary-term"]
)
def test_incremental_equals_fresh_in_parallel(
    project: ProjectFactory, change: str
) -> None:
    proj = project("full")
    proj.build(parallel=2)
    CHANGES[change](proj)
    warnings = assert_same_as_fresh(proj, parallel=2)
    assert warnings == EXPECTED_WARNINGS.get(change, [])


def test_citing_page_shows_the_new_link_text(project: ProjectFactory) -> None:
    proj = project("full")
    proj.build()
    shorten_title(proj)
    proj.build(fresh=False)
    links = [
        text_of(a) for a in select_one(proj.html("analysis"), "div.body").select("a")
    ]
    assert "Ivanov (2007), A2" in links


def test_vanished_label_is_reported_on_pages_not_rebuilt(
    project: ProjectFactory,
) -> None:
    proj = project("full")
    proj.build()
    proj.replace("second.md", ":name: second-2010", ":name: second-2011")
    proj.build(fresh=False)
    # analysis.md and topics.rst did not change, yet their references to the
    # old label are reported. (MyST gives the line where the paragraph starts.)
    assert proj.warnings() == [
        'analysis.md:3: WARNING: unknown question label "second-2010-q1" '
        "[interview.unknown_label]",
        'topics.rst:18: WARNING: unknown interview "second-2010" '
        "[interview.unknown_label]",
    ]


def test_nothing_changed_rewrites_nothing(project: ProjectFactory) -> None:
    proj = project("full")
    proj.build()
    before = {path: path.stat().st_mtime_ns for path in proj.outdir.rglob("*.html")}
    proj.build(fresh=False)
    status = proj.app.status.getvalue() if proj.app else ""
    assert "no targets are out of date" in status
    after = {path: path.stat().st_mtime_ns for path in proj.outdir.rglob("*.html")}
    # Sphinx always rewrites its index pages (genindex, search, and the topic
    # and speaker indexes: with no document written, no event comes between
    # Sphinx listing them and writing them).
    rewritten = {p.name for p in before if before[p] != after[p]}
    assert rewritten <= {
        "genindex.html",
        "search.html",
        "interview-topics.html",
        "interview-speakers.html",
    }


def test_editing_one_interview_rewrites_only_what_depends_on_it(
    project: ProjectFactory,
) -> None:
    proj = project("full")
    proj.build()
    before = {p.name: p.stat().st_mtime_ns for p in proj.outdir.glob("*.html")}
    edit_question(proj)
    proj.build(fresh=False)
    after = {p.name: p.stat().st_mtime_ns for p in proj.outdir.glob("*.html")}
    rewritten = {name for name in before if before[name] != after[name]}
    # The interview itself, the page citing its Q2 (the tooltip changed), the
    # topic lists, the glossary back-links and the speaker index (whose links
    # carry the question as their tooltip too); not second.html. (Sphinx
    # rewrites index.html itself, as the page whose toctree holds the changed
    # page.)
    assert rewritten == {
        "index.html",
        "interview.html",
        "analysis.html",
        "topics.html",
        "glossary.html",
        "genindex.html",
        "search.html",
        "interview-topics.html",
        "interview-speakers.html",
    }


def contents_entries(toc: nodes.Node) -> list[str]:
    """The anchors a page's contents lead to."""
    return [str(ref.get("anchorname", "")) for ref in toc.findall(nodes.reference)]


def test_what_is_made_for_writing_is_not_stored(project: ProjectFactory) -> None:
    """The interviews' contents entries and the labels lent to Sphinx's
    standard domain are made when writing starts, after Sphinx has stored the
    environment: an archive's stored environment stays lean. The questions'
    entries are there only while their page is written. Writing again with the
    environment kept in memory shows each of them once."""
    proj = project("full")
    app = proj.build()
    written = contents_entries(app.env.tocs["interview"])
    assert written.count("#ivanov-2007-interview") == 1
    assert "#ivanov-2007-q2" not in written
    stored = pickle.loads((Path(app.doctreedir) / "environment.pickle").read_bytes())
    assert "#ivanov-2007-interview" not in contents_entries(stored.tocs["interview"])
    assert "ivanov-2007-q2" in app.env.domains.standard_domain.labels
    assert "ivanov-2007-q2" not in stored.domaindata["std"]["labels"]
    # The page written again, its document not read again: the same page,
    # with its questions in the sidebar's branch of the page.
    page = (Path(app.outdir) / "interview.html").read_text(encoding="utf-8")
    sidebar = select_one(BeautifulSoup(page, "html.parser"), "div.sphinxsidebar")
    assert sidebar.select('a[href="#ivanov-2007-q2"]')
    app.build(filenames=[str(proj.srcdir / "interview.rst")])
    assert "interview" not in app.env.domains["interview"].read_now
    assert contents_entries(app.env.tocs["interview"]) == written
    assert (Path(app.outdir) / "interview.html").read_text(encoding="utf-8") == page
