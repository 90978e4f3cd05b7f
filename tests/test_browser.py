"""The showcase in headless Chromium, in alabaster, furo and pydata-sphinx-theme,
light and dark: what a reader sees of questions, answers, anchors, the topic index
and the glossary back-links, on desktop, on a phone and on paper, and whether
axe-core finds WCAG 2.1 A/AA problems in them.

Screenshots for people to look at go to tests/artifacts/ (the README's pictures
are made by `make images`, tests/images.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .browser import (
    DESKTOP,
    LIGHT,
    LONG_LINES_PAGE,
    MOBILE,
    THEMES,
    Appearance,
    artifact,
    axe_core,
    block_style,
    describe_violations,
    launch_chromium,
    open_page,
    run_axe,
    serve,
    shared_showcase,
    theme_appearances,
)

pytestmark = pytest.mark.browser

INTERVIEW = "ivanov-2007.html"
# Each page of the showcase with our markup, and the selector of our components
# on it: everything else on those pages belongs to Sphinx or the theme.
COMPONENTS = {
    INTERVIEW: ".sphinx-interview",
    "interview-topics.html": ".sphinx-interview-topic-page",
    "interview-speakers.html": ".sphinx-interview-speaker-page",
    "topics.html": ".sphinx-interview-topics",
    "glossary.html": ".sphinx-interview-backrefs",
}
# Each theme's light scheme and its system-dark one (alabaster has none). The
# switcher variants reach the same colours through other selectors, which
# test_questions_and_answers_look_distinct checks in all of them.
MAIN_SCHEMES = [
    case for case in theme_appearances() if case.values[1].name in ("light", "dark")
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL under which /<theme>/ is the showcase built with that theme."""
    with serve(shared_showcase(tmp_path_factory)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    return axe_core()


def distance(a: Sequence[float], b: Sequence[float]) -> float:
    """Euclidean distance of two sRGB colours (0-255 per channel)."""
    return math.dist(a[:3], b[:3])


def assert_readable(page: Page, axe_script: Path, selector: str) -> None:
    """Every text inside ``selector`` has WCAG AA contrast against its background,
    as axe-core's color-contrast rule measures it."""
    result = run_axe(page, axe_script, [selector], rules=["color-contrast"])
    checked = sum(len(rule["nodes"]) for rule in result["passes"])
    assert checked > 0, f"no text found in {selector}"
    violations = result["violations"]
    assert violations == [], (
        f"low contrast in {selector}:\n{describe_violations(violations)}"
    )


def assert_scheme(page: Page, appearance: Appearance) -> None:
    """The theme really draws the page light or dark, as the appearance says."""
    luminance: float = page.evaluate("probe.pageLuminance()")
    if appearance.dark:
        assert luminance < 0.1, f"expected a dark page, luminance {luminance:.2f}"
    else:
        assert luminance > 0.6, f"expected a light page, luminance {luminance:.2f}"


@pytest.mark.parametrize(("theme", "appearance"), theme_appearances())
def test_questions_and_answers_look_distinct(
    site: str, browser: Browser, axe_script: Path, theme: str, appearance: Appearance
) -> None:
    """Questions and answers differ at a glance in every theme and scheme, our
    colours follow the theme's light or dark page, and all text is readable."""
    with open_page(browser, f"{site}{theme}/{INTERVIEW}", appearance) as page:
        if appearance.name in ("light", "dark"):  # the switcher variants look alike
            page.screenshot(
                path=artifact(f"interview-{theme}-{appearance.name}.png"),
                full_page=True,
            )
        assert_scheme(page, appearance)
        question = block_style(page, "#ivanov-2007-q1")
        answer = block_style(page, "#ivanov-2007-q1-answer")

        # The question is set in bold on a tinted panel with an accent rule;
        # the answer in regular weight on the page, indented behind a thin rule.
        assert question["textWeight"] >= 600, question
        assert answer["textWeight"] <= 400, answer
        assert distance(question["background"], answer["background"]) > 8, (
            question,
            answer,
        )
        assert question["borderLeft"] != answer["borderLeft"]

        # The panel follows the page: dark on a dark page (not the light-blue
        # tint), light on a light one, and the text on it stays readable.
        if appearance.dark:
            assert question["luminance"] < 0.05, question
            assert answer["textLuminance"] > 0.4, answer
        else:
            assert question["luminance"] > 0.7, question
            assert answer["textLuminance"] < 0.1, answer
        assert_readable(page, axe_script, COMPONENTS[INTERVIEW])


def target_cases() -> list[object]:
    """Where a link to an exchange is followed: light and dark on a desktop
    (the highlight has its own colours), and on a phone, where furo's and
    pydata's sticky headers take the most room, also to an answer."""
    cases: list[object] = [
        pytest.param(*case.values, DESKTOP, "q3", id=case.id) for case in MAIN_SCHEMES
    ]
    for theme in THEMES:
        cases += [
            pytest.param(
                theme, LIGHT, MOBILE, fragment, id=f"{theme}-mobile-{fragment}"
            )
            for fragment in ("q3", "q3-answer")
        ]
    return cases


@pytest.mark.parametrize(
    ("theme", "appearance", "viewport", "fragment"), target_cases()
)
def test_link_to_an_exchange_shows_and_highlights_it(
    site: str,
    browser: Browser,
    axe_script: Path,
    theme: str,
    appearance: Appearance,
    viewport: dict[str, int],
    fragment: str,
) -> None:
    """Following a link to an exchange shows it below any sticky header, and
    highlighted, as the one the reader was sent to."""
    target_id = f"ivanov-2007-{fragment}"
    other_id = target_id.replace("q3", "q2")
    url = f"{site}{theme}/{INTERVIEW}#{target_id}"
    with open_page(browser, url, appearance, viewport) as page:
        # Whatever the browser finds at points of the "Question 3 — ..." line
        # must belong to the target: a sticky header there would cover it.
        seen = page.evaluate(
            """(id) => {
                const target = document.getElementById(id);
                const box = target.getBoundingClientRect();
                const line = target.querySelector(".sphinx-interview-header")
                    .getBoundingClientRect();
                const y = line.top + line.height / 2;
                const covering = [line.left + 4, line.left + line.width / 2]
                    .map((x) => document.elementFromPoint(x, y))
                    .filter((el) => !target.contains(el))
                    .map((el) => el ? el.outerHTML.slice(0, 100) : "nothing");
                return {top: box.top, scrollY: window.scrollY,
                        viewport: window.innerHeight, covering};
            }""",
            target_id,
        )
        assert seen["scrollY"] > 0, "the page did not scroll to the fragment"
        assert 0 <= seen["top"] < seen["viewport"] / 2, seen
        assert seen["covering"] == [], seen

        # The target stands out from its neighbours, and stays readable.
        target = block_style(page, f"#{target_id}")
        other = block_style(page, f"#{other_id}")
        assert distance(target["background"], other["background"]) > 20, (
            target,
            other,
        )
        assert target["outline"].startswith("solid"), target
        assert not other["outline"].startswith("solid"), other
        if fragment == "q3":
            # A cited question brings its answer along.
            answer = block_style(page, f"#{target_id}-answer")
            plain = block_style(page, f"#{other_id}-answer")
            assert distance(answer["background"], plain["background"]) > 20, (
                answer,
                plain,
            )
        assert_readable(
            page, axe_script, f".sphinx-interview-exchange:has(#{target_id})"
        )
        if viewport == MOBILE:
            page.screenshot(path=artifact(f"target-{theme}-{fragment}-mobile.png"))


#: Where each theme shows the page's own contents ("On this page").
PAGE_CONTENTS = {
    "furo": ".toc-drawer .toc-tree",
    "pydata_sphinx_theme": "#pst-page-toc-nav",
}


@pytest.mark.parametrize("theme", list(PAGE_CONTENTS))
def test_page_contents_lead_to_the_questions(
    site: str, browser: Browser, theme: str
) -> None:
    """The "On this page" panel lists the interview and its questions; following
    one shows that question."""
    url = f"{site}{theme}/{INTERVIEW}#ivanov-2007-q3"
    # Wide enough for furo to show its panel beside the text (from 82em).
    with open_page(browser, url, LIGHT, {"width": 1440, "height": 900}) as page:
        panel = page.locator(PAGE_CONTENTS[theme])
        links = panel.locator("a")
        texts = [" ".join(text.split()) for text in links.all_inner_texts()]
        # furo lists the page's title first (and hides it).
        start = next(i for i, text in enumerate(texts) if text.startswith("Interview"))
        assert texts[start] == (
            "Interview: Igor Ivanov, Secretary of the Russian Security Council"
        )
        assert [text[:3] for text in texts[start + 1 :]] == [
            "Q1.",
            "Q2.",
            "Q3.",
            "Q4.",
            "Q5.",
        ]
        question = panel.locator("a[href='#ivanov-2007-q4']")
        assert question.is_visible()
        question.click()
        page.wait_for_function(
            "() => { const box = document.getElementById('ivanov-2007-q4')"
            ".getBoundingClientRect(); return box.top >= 0 && box.top < 300; }"
        )


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
@pytest.mark.parametrize("theme", THEMES)
def test_lists_and_highlight_stay_inside_the_answer(
    site: str, browser: Browser, theme: str, viewport: dict[str, int]
) -> None:
    """A list's markers sit inside the answer, clear of its rule, and the
    highlight of a linked answer stays within the text column."""
    url = f"{site}{theme}/{LONG_LINES_PAGE}#long-lines-q1-answer"
    with open_page(browser, url, LIGHT, viewport) as page:
        seen = page.evaluate(
            """() => {
                const answer = document.getElementById("long-lines-q1-answer");
                const box = answer.getBoundingClientRect();
                const style = getComputedStyle(answer);
                const rule = box.left + parseFloat(style.borderLeftWidth);
                const outside = Math.max(0, parseFloat(style.outlineOffset)
                    + parseFloat(style.outlineWidth));
                // The column: the nearest ancestor holding the page's text.
                let column = answer.parentElement;
                while (column.getBoundingClientRect().width <= box.width + 1) {
                    column = column.parentElement;
                }
                const edges = column.getBoundingClientRect();
                const columnStyle = getComputedStyle(column);
                return {
                    // Markers hang about 1em left of an item's text.
                    gaps: [...answer.querySelectorAll("li")].map((item) =>
                        item.getBoundingClientRect().left - rule),
                    em: parseFloat(style.fontSize),
                    left: box.left - outside
                        - (edges.left + parseFloat(columnStyle.paddingLeft)),
                    right: edges.right - parseFloat(columnStyle.paddingRight)
                        - (box.right + outside),
                };
            }"""
        )
    assert len(seen["gaps"]) == 4, seen
    assert min(seen["gaps"]) >= 1.2 * seen["em"], seen
    assert seen["left"] >= -0.5, seen
    assert seen["right"] >= -0.5, seen


@pytest.mark.parametrize("page_name", [*COMPONENTS, LONG_LINES_PAGE])
@pytest.mark.parametrize("theme", THEMES)
def test_no_horizontal_scrolling_on_a_phone(
    site: str, browser: Browser, theme: str, page_name: str
) -> None:
    """Our pages fit a 375-pixel-wide phone screen: nothing to scroll sideways."""
    measure = """(selector) => {
        const width = document.documentElement.clientWidth;
        const sticksOut = (el) => {
            const box = el.getBoundingClientRect();
            return box.width && (box.left < -0.5 || box.right > width + 0.5);
        };
        const overflowing = (root) => [root, ...root.querySelectorAll("*")]
            .filter(sticksOut)
            .map((el) => el.outerHTML.slice(0, 100));
        // What sticks out outside the theme's header and navigation bars.
        const outsideChrome = [...document.body.querySelectorAll("*")]
            .filter((el) => sticksOut(el) && !el.closest("header, nav"))
            .map((el) => el.outerHTML.slice(0, 100));
        const content = document.querySelector('[role="main"], main');
        // Field names of the metadata header broken over two lines.
        const broken = [...document.querySelectorAll(".sphinx-interview-meta > dt")]
            .filter((dt) => {
                const range = document.createRange();
                range.selectNodeContents(dt);
                const tops = [...range.getClientRects()].map((r) => Math.round(r.top));
                return new Set(tops).size > 1;
            })
            .map((dt) => dt.textContent);
        return {broken,
            scroll: document.documentElement.scrollWidth, client: width,
            ours: [...document.querySelectorAll(selector)].flatMap(overflowing),
            content: content ? overflowing(content) : ["no main content?"],
            outsideChrome,
        };
    }"""
    selector = COMPONENTS.get(page_name, ".sphinx-interview")
    with open_page(browser, f"{site}{theme}/{page_name}", LIGHT, MOBILE) as page:
        widths = page.evaluate(measure, selector)
        if page_name in (INTERVIEW, LONG_LINES_PAGE):
            # The first screen of the interview itself, as a phone shows it.
            page.locator(".sphinx-interview-title").scroll_into_view_if_needed()
            name = page_name.removesuffix(".html")
            page.screenshot(path=artifact(f"{name}-{theme}-mobile.png"))
        assert widths["client"] == MOBILE["width"]
        # Every box of ours, and everything in the page's main content, fits.
        assert widths["ours"] == [], widths
        assert widths["content"] == [], widths
        assert widths["broken"] == [], widths
        if widths["scroll"] > widths["client"]:
            # Tolerated only where the theme's own header or navigation is wider
            # than a phone (pydata-sphinx-theme's buttons next to a long page
            # title): nothing outside them may stick out.
            assert widths["outsideChrome"] == [], (
                f"{page_name} scrolls sideways ({widths['scroll']}px > "
                f"{widths['client']}px): {widths['outsideChrome']}"
            )


@pytest.mark.parametrize("theme", THEMES)
def test_print_hides_permalinks_and_keeps_questions_distinct(
    site: str, browser: Browser, theme: str
) -> None:
    """Printed, the ¶ permalinks disappear and questions stay bold."""
    count_shown = """() => [...document.querySelectorAll(
        ".sphinx-interview a.headerlink")].map(
        (a) => getComputedStyle(a).display !== "none").filter(Boolean).length"""
    with open_page(browser, f"{site}{theme}/{INTERVIEW}", LIGHT) as page:
        # On screen the ¶ links are there (shown on hover); on paper they are noise.
        permalinks = page.locator(".sphinx-interview a.headerlink").count()
        assert permalinks == 11  # the interview, 5 questions, 5 answers
        assert page.evaluate(count_shown) == permalinks
        page.emulate_media(media="print")
        assert page.evaluate(count_shown) == 0
        assert block_style(page, "#ivanov-2007-q1")["textWeight"] >= 600
        assert block_style(page, "#ivanov-2007-q1-answer")["textWeight"] <= 400


@pytest.mark.parametrize("page_name", list(COMPONENTS))
@pytest.mark.parametrize(("theme", "appearance"), MAIN_SCHEMES)
def test_accessibility(
    site: str,
    browser: Browser,
    axe_script: Path,
    theme: str,
    appearance: Appearance,
    page_name: str,
) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation inside our components."""
    selector = COMPONENTS[page_name]
    with open_page(browser, f"{site}{theme}/{page_name}", appearance) as page:
        assert page.locator(selector).count() > 0, f"{selector} not on {page_name}"
        assert_scheme(page, appearance)
        violations = run_axe(page, axe_script, [selector])["violations"]
        assert violations == [], describe_violations(violations)
