"""The README's pictures in docs/images/: the seed interview in the browser, in the
default theme (light) and in furo's dark mode, and a page of the showcase PDF.

``make images`` runs it (``python -m tests.images``); nothing in the test suite
writes to docs/.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import FloatRect, Page, sync_playwright

from .browser import (
    EXAMPLE_DOCS,
    LIGHT,
    OS_DARK,
    Appearance,
    build_showcase,
    launch_chromium,
    open_page,
    serve,
)
from .pdf import LatexBuild, compile_latex
from .tools import copy_project, run_tool

README_IMAGES = Path(__file__).parent.parent / "docs" / "images"

#: (theme, appearance, file) of each screenshot.
SCREENSHOTS: list[tuple[str, Appearance, str]] = [
    ("alabaster", LIGHT, "interview-light.png"),
    ("furo", OS_DARK, "interview-dark.png"),
]
PDF_PAGE = "pdf-page.png"


def save_interview_picture(page: Page, path: Path) -> None:
    """The article column of a 1000-pixel-wide window, from the page title to
    the first question and the start of its answer (cut between two
    paragraphs). The theme's sidebar and header are left out: the picture is
    about the interview."""
    page.set_viewport_size({"width": 1000, "height": 1000})
    page.evaluate("window.scrollTo(0, 0)")
    clip: FloatRect = page.evaluate(
        """() => {
            const title = document.querySelector("h1").getBoundingClientRect();
            const interview = document.querySelector(".sphinx-interview")
                .getBoundingClientRect();
            const [first, second] = document.querySelectorAll(
                "#ivanov-2007-q1-answer > p:not(.sphinx-interview-header)");
            const cut = (first.getBoundingClientRect().bottom
                         + second.getBoundingClientRect().top) / 2;
            const x = Math.max(0, title.left - 24), y = Math.max(0, title.top - 24);
            return {x, y: y + window.scrollY,
                    width: Math.min(1000, interview.right + 24) - x,
                    height: cut - y};
        }"""
    )
    page.screenshot(path=path, clip=clip, full_page=True)


def screenshots(workdir: Path) -> list[Path]:
    themes = sorted({theme for theme, _appearance, _name in SCREENSHOTS})
    build_showcase(workdir, themes)
    saved = []
    with serve(workdir) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for theme, appearance, name in SCREENSHOTS:
                page_url = f"{url}{theme}/ivanov-2007.html"
                with open_page(browser, page_url, appearance) as page:
                    save_interview_picture(page, README_IMAGES / name)
                saved.append(README_IMAGES / name)
        finally:
            browser.close()
    return saved


def pdf_page(workdir: Path) -> Path:
    """The first page of the showcase PDF on which several exchanges start.

    (The page of the first question is mostly the chapter title and the
    interview's header; the next one shows how exchange follows exchange.)
    """
    build: LatexBuild = compile_latex(
        copy_project(EXAMPLE_DOCS, workdir / "src"), workdir / "latex"
    )
    if build.make.returncode != 0:
        sys.exit(f"The showcase PDF did not compile:\n{build.errors()}")
    number = next(
        number
        for number, text in enumerate(build.pages, start=1)
        if len(re.findall(r"^Question \d+ — ", text, re.MULTILINE)) >= 2
    )
    destination = README_IMAGES / PDF_PAGE
    result = run_tool(
        "pdftoppm",
        *("-png", "-r", "80", "-f", str(number), "-l", str(number), "-singlefile"),
        str(build.pdf),
        str(destination.with_suffix("")),  # pdftoppm adds ".png"
    )
    if result.returncode != 0:
        sys.exit(f"pdftoppm failed:\n{result.stderr}")
    return destination


def main() -> None:
    README_IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="readme-images-") as tmp:
        saved = [
            *screenshots(Path(tmp) / "html"),
            pdf_page(Path(tmp) / "pdf"),
        ]
    for path in saved:
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


if __name__ == "__main__":
    main()
