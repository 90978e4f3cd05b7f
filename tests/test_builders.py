"""Every builder: no warnings, and questions and answers come out distinct."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .helpers import ProjectFactory, SharedBuilds, select_one, text_of

QUESTION_1 = (
    "What issues do you discuss in the Shanghai Cooperation Organization (SCO)?"
)


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_html_builders(built: SharedBuilds, builder: str) -> None:
    proj = built("full", builder)
    assert proj.warnings() == []
    page = {
        "html": "interview",
        "dirhtml": "interview/index",
        "singlehtml": "index",
    }[builder]
    soup = proj.html(page)
    question = select_one(soup, "#ivanov-2007-q1")
    assert QUESTION_1 in text_of(question)
    assert "sphinx-interview-question" in question["class"]
    assert select_one(soup, "#ivanov-2007-q1-answer")
    # Citations in another page resolve in every HTML flavour.
    analysis = proj.html(
        {"html": "analysis", "dirhtml": "analysis/index"}.get(builder, "index")
    )
    hrefs = [a["href"] for a in analysis.select("a.reference.internal")]
    assert any(href.endswith("#ivanov-2007-q2-answer") for href in hrefs)


def test_single_page_links_stay_in_the_page(built: SharedBuilds) -> None:
    """The extension's links within the single page lead to elements of it:
    glossary links, and links to questions and answers from other documents.
    (Sphinx 9 makes "#document-glossary#term-SCO" of them, which browsers do not
    follow; its own ``:ref:`` links keep that form.)"""
    proj = built("full", "singlehtml")
    soup = proj.html("index")
    ids = {tag["id"] for tag in soup.select("[id]")}
    hrefs = {
        str(a["href"])
        for a in soup.select("a[href]")
        if a.select_one("span.std-term, span.interview")
    }
    assert "#term-SCO" in hrefs
    assert "#ivanov-2007-q2-answer" in hrefs
    assert [href for href in hrefs if href[1:] not in ids] == []
    # No index pages are written: ":ref:`interview-topics`" is its title.
    links = [str(a["href"]) for a in soup.select("a.reference.internal")]
    pages = {href.partition("#")[0] for href in links} - {""}  # "": in the page
    assert [page for page in pages if not (proj.outdir / page).is_file()] == []
    assert "See the Topic Index." in text_of(soup)


# How extensions that make a PDF or a book from single-page HTML ship their
# builder: a subclass under a name of its own, found through an entry point.
ONE_PAGE_EXTENSION = """\
from sphinx.builders.singlehtml import SingleFileHTMLBuilder


class OnePage(SingleFileHTMLBuilder):
    name = "onepage"


def setup(app):
    app.add_builder(OnePage)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_single_page_builder_of_another_name(
    project: ProjectFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such a builder gets what ``singlehtml`` gets: every document in one page,
    each question laid out, links within the page."""
    site = tmp_path / "site"
    (site / "onepage_builder-1.0.dist-info").mkdir(parents=True)
    (site / "onepage_builder-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: onepage-builder\nVersion: 1.0\n"
    )
    (site / "onepage_builder-1.0.dist-info" / "entry_points.txt").write_text(
        "[sphinx.builders]\nonepage = onepage_builder\n"
    )
    (site / "onepage_builder.py").write_text(ONE_PAGE_EXTENSION)
    monkeypatch.syspath_prepend(str(site))
    proj = project("full")
    proj.build("onepage")
    assert proj.warnings() == []
    soup = proj.html("index")
    question = select_one(soup, "#ivanov-2007-q1")
    assert text_of(question).startswith("Question 1 — RIA Novosti")
    assert QUESTION_1 in text_of(question)
    hrefs = [a["href"] for a in soup.select("a.reference.internal")]
    assert any(href.endswith("#ivanov-2007-q2-answer") for href in hrefs)
    # As singlehtml, no index pages of its own (their lists are in the page).
    assert not (proj.outdir / "interview-topics.html").exists()


def test_latex(built: SharedBuilds) -> None:
    proj = built("full", "latex")
    assert proj.warnings() == []
    tex = next(proj.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\usepackage{sphinxinterview}" in tex
    assert (proj.outdir / "sphinxinterview.sty").is_file()
    # Each anchor is a \label, so \hyperref links from other pages resolve.
    assert (
        r"\begin{sphinxinterviewquestion}\phantomsection"
        r"\label{\detokenize{interview:ivanov-2007-q1}}"
    ) in tex
    assert r"\label{\detokenize{interview:ivanov-2007-q2-answer}}" in tex
    assert r"\hyperref[\detokenize{interview:ivanov-2007-q2-answer}]" in tex
    assert r"\sphinxinterviewheader{" in tex
    assert tex.count(r"\begin{sphinxinterviewanswer}") == 4


def test_text(built: SharedBuilds) -> None:
    proj = built("full", "text")
    assert proj.warnings() == []
    text = proj.output("interview.txt")
    assert "Question 1 — RIA Novosti" in text
    # Answers are indented under their question.
    assert re.search(r"\n   Answer — Igor Ivanov\n", text)
    assert re.search(r"\n   SCO members respect each other\.", text)


def test_man_and_texinfo(built: SharedBuilds) -> None:
    man_build = built("full", "man")
    assert man_build.warnings() == []
    man = next(man_build.outdir.rglob("*.1")).read_text(encoding="utf-8")
    assert "Question 1" in man
    assert "SCO members respect each other" in man

    texinfo_build = built("full", "texinfo")
    assert texinfo_build.warnings() == []
    texinfo = next(texinfo_build.outdir.glob("*.texi")).read_text(encoding="utf-8")
    assert "@anchor{interview ivanov-2007-q1}" in texinfo
    assert "@anchor{interview ivanov-2007-q1-answer}" in texinfo
    # No index pages: ":ref:`interview-topics`" is the page's title, not its label.
    assert "See the Topic Index." in " ".join(texinfo.split())


def test_latex_without_an_index(project: ProjectFactory) -> None:
    """With ``printindex`` off the PDF has no index to lead to: the reference is
    the page's title, not its label."""
    proj = project("full")
    proj.build("latex", latex_elements={"printindex": ""})
    assert proj.warnings() == []
    tex = next(proj.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "sphinxinterview-index" not in tex
    text = re.sub(r"\\DUrole\{[\w-]+\}\{|\}", "", tex)  # the role wrappers
    assert "See the Topic Index." in " ".join(text.split())


def test_epub(project: ProjectFactory) -> None:
    proj = project("full")
    proj.write(
        "conf.py",
        proj.read("conf.py") + 'version = release = "1.0"\ncopyright = "2026"\n',
    )
    proj.build("epub")
    assert proj.warnings() == []
    page = BeautifulSoup(proj.output("interview.xhtml"), "html.parser")
    assert QUESTION_1 in text_of(select_one(page, "#ivanov-2007-q1"))
    assert (proj.outdir / "_static" / "sphinx-interview.css").is_file()
    assert "_static/sphinx-interview.css" in proj.output("content.opf")


def test_gettext_extracts_the_spoken_text_only(built: SharedBuilds) -> None:
    proj = built("full", "gettext")
    assert proj.warnings() == []
    pot = proj.output("interview.pot")
    assert 'msgid "Interview of Igor Ivanov with RIA Novosti"' in pot
    assert QUESTION_1 in pot
    assert 'msgid "RIA Novosti"' in pot  # names in the header can be translated
    # Generated labels are the extension's own messages, not the document's.
    for generated in (
        'msgid "Question"',
        'msgid "Answer"',
        'msgid "Date"',
        "May 22, 2007",
    ):
        assert generated not in pot
