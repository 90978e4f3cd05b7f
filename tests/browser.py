"""Headless Chromium for the browser tests and the README's pictures: the showcase
built per theme and served over http, colour schemes as each theme's switcher sets
them, and axe-core."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, Playwright

from .helpers import once_per_run

TESTS = Path(__file__).parent
EXAMPLE_DOCS = TESTS.parent / "example_docs"
ARTIFACTS = TESTS / "artifacts"
# Installed by `make test` (npm ci --prefix tests) at the version package.json pins.
AXE_PACKAGE = TESTS / "node_modules" / "axe-core"

THEMES = ("alabaster", "furo", "pydata_sphinx_theme")

# The system Chromium (Debian package, installed by `make test`): Playwright must
# never download a browser. We may run as root (no sandbox), and the test network
# is closed, so everything that phones home is switched off.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 740}


@dataclass(frozen=True)
class Appearance:
    """A colour scheme as a reader gets it.

    ``color_scheme`` is what the operating system prefers; ``storage`` is what the
    theme's light/dark switcher would have saved in localStorage; ``dark`` is
    whether the theme should then draw a dark page.
    """

    name: str
    color_scheme: Literal["light", "dark"]
    dark: bool
    storage: Mapping[str, str] = field(default_factory=dict)


LIGHT = Appearance("light", "light", dark=False)
# Furo and pydata-sphinx-theme follow the system by default ("auto").
OS_DARK = Appearance("dark", "dark", dark=True)

APPEARANCES: dict[str, list[Appearance]] = {
    # Alabaster has no dark mode: a dark system must not give it our dark colours.
    "alabaster": [LIGHT, Appearance("os-dark", "dark", dark=False)],
    "furo": [
        LIGHT,
        OS_DARK,
        # The switcher overrides the system, both ways (body[data-theme]).
        Appearance("dark-switch", "light", dark=True, storage={"theme": "dark"}),
        Appearance("light-switch", "dark", dark=False, storage={"theme": "light"}),
    ],
    "pydata_sphinx_theme": [
        LIGHT,
        OS_DARK,
        # pydata keeps the choice in "mode" and sets html[data-theme] from it.
        Appearance(
            "dark-switch",
            "light",
            dark=True,
            storage={"mode": "dark", "theme": "dark"},
        ),
        Appearance(
            "light-switch",
            "dark",
            dark=False,
            storage={"mode": "light", "theme": "light"},
        ),
    ],
}


def theme_appearances() -> list[Any]:
    """(theme, appearance) pairs as pytest params with readable ids."""
    return [
        pytest.param(theme, appearance, id=f"{theme}-{appearance.name}")
        for theme, appearances in APPEARANCES.items()
        for appearance in appearances
    ]


def artifact(name: str) -> Path:
    """Where a screenshot for people to look at goes (tests/artifacts, git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


# -- building and serving ----------------------------------------------------------


# A page the seed interview lacks: a long source URL, a long name and long
# unbreakable words, which must wrap on a phone instead of widening the page;
# lists in an answer.
LONG_LINES_PAGE = "long-lines.html"
_LONG_URL = (
    "https://example.org/archives/2007/05/22/interview-of-secretary-of-the-"
    "russian-security-council-igor-ivanov-with-ria-novosti-full-transcript.html"
)
_LONG_LINES_RST = f"""\
:orphan:

Long lines
==========

.. interview:: Interview-with-a-Correspondent-of-the-Russian-News-and-Information-Agency
   :name: long-lines
   :date: 2007-05-22
   :interviewer: Correspondent-of-the-Russian-News-and-Information-Agency-RIA-Novosti
   :interviewee: Igor Ivanov
   :source: {_LONG_URL}

   .. question::

      Where can readers find the transcript? {_LONG_URL}

   .. answer::

      At {_LONG_URL}, under Pneumonoultramicroscopicsilicovolcanoconiosis-like-file-names.

      * the full transcript, with the questions as the agency sent them,
      * the recording.

      1. first the transcript,
      2. then the recording.
"""


def build_showcase(outdir: Path, themes: Sequence[str] = THEMES) -> None:
    """Build a copy of example_docs to ``outdir/<theme>`` for each theme.

    The copy gets one extra orphan page, long-lines.rst. Each theme is built by
    its own sphinx-build process, in parallel: the themes and the extension
    register global state, and the builds are independent of the test process.
    """
    srcdir = outdir / "src"
    shutil.copytree(EXAMPLE_DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    (srcdir / "long-lines.rst").write_text(_LONG_LINES_RST, encoding="utf-8")
    processes = {
        theme: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-b",
                "html",
                "-D",
                f"html_theme={theme}",
                "-d",
                str(outdir / "doctrees" / theme),
                str(srcdir),
                str(outdir / theme),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for theme in themes
    }
    for theme, process in processes.items():
        output, _ = process.communicate(timeout=300)
        # The showcase must build cleanly in every theme, or the pictures
        # show a broken page.
        if process.returncode != 0 or "WARNING" in output or "ERROR" in output:
            pytest.fail(f"sphinx-build with html_theme={theme}:\n{output}")


def shared_showcase(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase of :func:`build_showcase`, built once per test run (every
    xdist worker that runs browser tests serves the same files)."""

    def build(root: Path) -> Path:
        build_showcase(root)
        return root

    return once_per_run(tmp_path_factory, "browser-showcase", build)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with byte ranges as web servers serve them: browsers seek
    in a recording only when the server answers ``Range`` requests."""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log would drown pytest's output

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if wanted is None or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        start = int(wanted[1])
        end = min(int(wanted[2]) if wanted[2] else size - 1, size - 1)
        if start > end:
            self.send_error(416)
            return None
        with path.open("rb") as stream:
            stream.seek(start)
            body = stream.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free localhost port; yields the base URL.

    Over http rather than file://, as readers get it: localStorage, fragment
    scrolling and the themes' scripts behave as on a real site.
    """
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_chromium(playwright: Playwright) -> Browser:
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail(
            "Chromium is missing: `make test` installs it (apt-get install chromium)."
        )
    return playwright.chromium.launch(
        executable_path=executable, args=CHROMIUM_ARGS, headless=True
    )


@contextlib.contextmanager
def open_page(
    browser: Browser,
    url: str,
    appearance: Appearance,
    viewport: Mapping[str, int] = DESKTOP,
) -> Iterator[Page]:
    """A fresh browser context (own localStorage) showing ``url``, settled."""
    context = browser.new_context(
        viewport={"width": viewport["width"], "height": viewport["height"]},
        color_scheme=appearance.color_scheme,
    )
    try:
        if appearance.storage:
            # Before the page's own scripts run, as if the reader had chosen
            # the scheme on an earlier visit.
            context.add_init_script(
                "for (const [k, v] of Object.entries("
                f"{json.dumps(dict(appearance.storage))})) localStorage.setItem(k, v);"
            )
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.add_script_tag(content=PROBE_JS)
        wait_until_still(page)
        yield page
    finally:
        context.close()


def wait_until_still(page: Page) -> None:
    """Wait until the page stops scrolling.

    Bootstrap (pydata) turns on smooth scrolling, so the jump to a fragment is
    an animation; positions measured during it would be wrong.
    """
    page.evaluate(
        """() => new Promise((resolve) => {
            let last = NaN, still = 0, frames = 0;
            const tick = () => {
                still = window.scrollY === last ? still + 1 : 0;
                last = window.scrollY;
                if (still >= 5 || ++frames > 300) resolve();
                else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
        })"""
    )


# -- axe-core ----------------------------------------------------------------------


def axe_core() -> Path:
    """axe.min.js at the version tests/package.json pins.

    `make test` installs it beforehand: the tests themselves never reach the
    network.
    """
    pinned = json.loads((TESTS / "package.json").read_text(encoding="utf-8"))[
        "devDependencies"
    ]["axe-core"]
    try:
        installed = json.loads(
            (AXE_PACKAGE / "package.json").read_text(encoding="utf-8")
        )["version"]
    except FileNotFoundError:
        installed = None
    script = AXE_PACKAGE / "axe.min.js"
    if installed != pinned or not script.is_file():
        pytest.fail(
            f"axe-core {pinned} is not installed (found: {installed}). "
            "`make test` installs it: npm ci --prefix tests"
        )
    return script


WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(
    page: Page, axe_script: Path, include: list[str], rules: Sequence[str] = ()
) -> dict[str, Any]:
    """axe-core's results inside the elements matching ``include``: of its WCAG
    2.1 A/AA rules, or of the given ``rules`` only."""
    page.add_script_tag(path=str(axe_script))
    run_only = (
        {"type": "rule", "values": list(rules)}
        if rules
        else {"type": "tag", "values": WCAG_AA}
    )
    result: dict[str, Any] = page.evaluate(
        """([include, runOnly]) => axe.run(
            {include: include.map((selector) => [selector])}, {runOnly})""",
        [include, run_only],
    )
    return result


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)


# -- what the reader sees ------------------------------------------------------------

# Helpers injected into every page as window.probe: the look of a block and of the
# page. Colours are read through a canvas, which understands every CSS colour
# syntax a theme may use. (Whether text is readable is axe-core's color-contrast
# rule's to say.)
PROBE_JS = """
window.probe = (() => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});

  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgba(0, 0, 0, 0)";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = ([r, g, b, a], [R, G, B]) =>
    [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];

  // What is painted behind an element: its and its ancestors' backgrounds,
  // composited on the white canvas.
  const background = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    return chain.reduce(
      (bg, e) => over(rgba(getComputedStyle(e).backgroundColor), bg),
      [255, 255, 255]);
  };
  const foreground = (el) => over(rgba(getComputedStyle(el).color), background(el));

  // WCAG 2.1 relative luminance.
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  // The look of one question or answer block and of its first text paragraph.
  const block = (selector) => {
    const el = document.querySelector(selector);
    const text = el.querySelector(":scope > p:not(.sphinx-interview-header)");
    const style = getComputedStyle(el);
    return {
      background: background(el).map(Math.round),
      luminance: luminance(background(el)),
      borderLeft: [style.borderLeftWidth, style.borderLeftStyle,
                   rgba(style.borderLeftColor).slice(0, 3)].join(" "),
      outline: [style.outlineStyle, style.outlineWidth,
                rgba(style.outlineColor).slice(0, 3)].join(" "),
      textWeight: parseInt(getComputedStyle(text).fontWeight, 10),
      textLuminance: luminance(foreground(text)),
    };
  };

  const pageLuminance = () => luminance(background(document.querySelector(
    ".sphinx-interview, .sphinx-interview-topic-page, "
    + ".sphinx-interview-speaker-page, .sphinx-interview-topics, "
    + ".sphinx-interview-backrefs").parentElement));

  return {block, pageLuminance};
})();
"""


def block_style(page: Page, selector: str) -> dict[str, Any]:
    style: dict[str, Any] = page.evaluate("(s) => probe.block(s)", selector)
    return style
