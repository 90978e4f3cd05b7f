"""A Sphinx LaTeX build compiled as ``make pdf`` does, and the PDF read back with
poppler: the text of each page, its lines with their fonts and positions, links,
bookmarks, and the exchanges of an interview as they are set."""

from __future__ import annotations

import pickle
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from docutils import nodes

from sphinx_interview import nodes as interview_nodes

from .tools import run_tool, sphinx_build

#: LaTeX's complaints about references: each means a "??" or a dead link in the PDF.
UNDEFINED = re.compile(
    r"LaTeX Warning: (Reference|Citation|Hyper reference) `[^']*' on page \d+ undefined"
    r"|There were undefined (references|citations)"
    r"|Label\(s\) may have changed"
    r"|LaTeX Warning: There were multiply-defined labels"
    # Links and bookmarks that hyperref could not make.
    r"|Package hyperref Warning: .*"
)


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
