"""Nothing from the input can inject HTML, attributes, links or LaTeX commands."""

from __future__ import annotations

from .helpers import ProjectFactory, select_one

HOSTILE = r"""Security
========

.. interview:: <script>alert(1)</script> \input{/etc/passwd}
   :name: x" onmouseover="alert(1)
   :date: 2007
   :interviewer: <img src=x onerror=alert(1)>
   :interviewee: \textbf{boom} $x$ ^_~#%&
   :place: "><script>alert(2)</script>
   :source: https://example.org/"onmouseover="alert(3)
   :short: </a><b>short</b>
   :topics: <i>t</i>; \def\x{y}
   :class: evil" onclick="x

   .. question::
      :speaker: <svg onload=alert(4)>
      :name: <b>label</b>

      Body with <b>tags</b> and \section{LaTeX}.

   .. answer::
      :speaker: \immediate\write18{rm -rf /}

      Fine.

.. interview:: Links
   :source: javascript:alert(5)

   .. question:: Q?
   .. answer:: A.

:answer:`x-onmouseover-alert-1-q1`
"""


def test_html_escapes_every_option(project: ProjectFactory) -> None:
    proj = project()
    proj.write("index.rst", HOSTILE)
    proj.build()
    soup = proj.html()
    body = select_one(soup, "div.body")
    # No element or attribute came from the input.
    assert body.find_all(["script", "img", "svg", "b", "i"]) == []
    for tag in body.find_all(True):
        assert not any(name.startswith("on") for name in tag.attrs), tag
    # The text is there, as text.
    text = body.get_text()
    for shown in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(4)>",
        "</a><b>short</b>, A1",
        "<i>t</i>",
    ):
        assert shown in text
    # Only http(s) and relative URLs become links.
    hrefs = [a["href"] for a in body.find_all("a", href=True)]
    assert not any(href.lower().startswith("javascript:") for href in hrefs)
    assert "javascript:alert(5)" in text
    # Classes and ids are made into identifiers.
    interview = body.select("div.sphinx-interview")[0]
    assert interview["id"] == "x-onmouseover-alert-1"
    assert interview["class"] == ["sphinx-interview", "evil", "onclick-x"]


def test_latex_escapes_every_option(project: ProjectFactory) -> None:
    proj = project()
    proj.write("index.rst", HOSTILE)
    proj.build("latex")
    tex = next(proj.outdir.glob("*.tex")).read_text(encoding="utf-8")
    body = tex.split(r"\begin{document}", 1)[1]
    for command in (
        r"\input{",
        r"\textbf{boom}",
        r"\def\x",
        r"\section{LaTeX}",
        r"\immediate",
        r"\write18",
    ):
        assert command not in body, command
    # reST removes the backslashes (they escape the next character); the rest is
    # text, with its braces escaped.
    assert r"immediatewrite18\{rm \sphinxhyphen{}rf /\}" in body
