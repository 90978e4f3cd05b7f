"""The README's first steps work as pasted: its ``conf.py`` and ``index.rst``
build without a warning into what it says they give."""

from __future__ import annotations

import re
from pathlib import Path

from .helpers import ProjectFactory, select_one, text_of

README = Path(__file__).parent.parent / "README.md"


def first_steps() -> dict[str, str]:
    """The code blocks of the "First steps" section, by language."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### First steps", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```(\w+)\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    return dict(blocks)


def test_first_steps_build_as_pasted(project: ProjectFactory) -> None:
    blocks = first_steps()
    assert set(blocks) == {"python", "rst"}
    proj = project(conf=blocks["python"])
    proj.write("index.rst", blocks["rst"])
    proj.build()
    assert proj.warnings() == []
    page = proj.html()
    assert len(page.select(".sphinx-interview-question")) == 2
    links = {text_of(a): a["href"] for a in select_one(page, "div.body").select("p a")}
    assert links["Elsa Marten, 1998, A2"] == "#marten-1998-q2-answer"
    assert links["Topic Index"] == "interview-topics.html"
    assert links["Speaker Index"] == "interview-speakers.html"
    for name in ("interview-topics.html", "interview-speakers.html"):
        assert (proj.outdir / name).is_file()
