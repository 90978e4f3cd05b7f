"""Finding one's way: link texts that say who spoke, the speaker index (page,
directive, role), and interviews whose link texts would read alike."""

from __future__ import annotations

import pytest

from .helpers import (
    Output,
    Project,
    ProjectFactory,
    index_counts,
    index_headings,
    select_one,
    text_of,
)
from .test_incremental import assert_same_as_fresh

PANEL = """\
Panel
=====

.. interview:: The harbour panel
   :name: panel
   :date: 1987-04-02
   :interviewer: Ruth Alder
   :interviewee: José Núñez-Bérard

   .. question:: Who built the pier?
   .. answer:: The town did.

   .. question:: Who repaired it?
      :speaker: Tom Baird

   .. answer:: Nobody, for years.
   .. answer::
      :speaker: Hélène Dupont

      I did, in 1979.
   .. answer::
      :speaker: HELENE DUPONT

      And again in 1984.
"""

KOVA = """\
{title}
{underline}

.. interview:: {title}
   :name: {name}
   :date: 2019-0{month}-01
   :interviewee: Marta Kova

   .. question:: What changed?
   .. answer:: {answer}
"""

CITING = """\
Citing
======

Question :question:`panel-q2`; answers :answer:`panel-q2`,
:answer:`panel-q2-answer-2`, :answer:`panel-q2-answer-3`. Kova:
:answer:`spring-q1`, :answer:`autumn-q1`. All speakers: :ref:`interview-speakers`.
"""


def archive(project: ProjectFactory) -> Project:
    proj = project()
    proj.write(
        "index.rst",
        "Archive\n=======\n\n.. toctree::\n\n   panel\n   spring\n   autumn\n"
        "   citing\n",
    )
    proj.write("panel.rst", PANEL)
    for name, title, month, answer in (
        ("spring", "Spring talk", 3, "The tide tables."),
        ("autumn", "Autumn talk", 9, "The pilots."),
    ):
        proj.write(
            f"{name}.rst",
            KOVA.format(
                name=name,
                title=title,
                underline="=" * len(title),
                month=month,
                answer=answer,
            ),
        )
    proj.write("citing.rst", CITING)
    proj.build()
    assert proj.warnings() == []
    return proj


def link_texts(proj: Project) -> dict[str, str]:
    body = select_one(proj.html("citing"), "div.body")
    return {str(a["href"]): text_of(a) for a in body.select("p a")}


def test_links_tell_questions_from_answers_and_name_other_speakers(
    project: ProjectFactory,
) -> None:
    proj = archive(project)
    assert link_texts(proj) == {
        "panel.html#panel-q2": "José Núñez-Bérard, 1987, Q2",
        "panel.html#panel-q2-answer": "José Núñez-Bérard, 1987, A2",
        # Her words are not attributed to him; her two answers read apart.
        "panel.html#panel-q2-answer-2": "José Núñez-Bérard, 1987, A2 (Hélène Dupont)",
        "panel.html#panel-q2-answer-3": (
            "José Núñez-Bérard, 1987, A2.3 (HELENE DUPONT)"
        ),
        # Same interviewee, same year, no :short:: told apart, in reading order.
        "spring.html#spring-q1-answer": "Marta Kova, 2019a, A1",
        "autumn.html#autumn-q1-answer": "Marta Kova, 2019b, A1",
        "interview-speakers.html": "Speaker Index",
    }


def test_speaker_index_lists_everyone_who_spoke(project: ProjectFactory) -> None:
    proj = archive(project)
    page = proj.html("interview-speakers")
    assert text_of(select_one(page, "h1")) == "Speaker Index"
    headings = index_headings(page)
    # Interviewers, interviewees and :speaker: names; names differing only in
    # case or accents are one speaker (under the first spelling read).
    assert list(headings) == [
        "Hélène Dupont",
        "José Núñez-Bérard",
        "Marta Kova",
        "Ruth Alder",
        "Tom Baird",
    ]
    assert [text for text, _href in headings["Hélène Dupont"]] == [
        "José Núñez-Bérard, 1987, A2 (Hélène Dupont)",
        "José Núñez-Bérard, 1987, A2.3 (HELENE DUPONT)",
    ]
    # What each spoke, in reading order, linked to where they spoke it.
    assert headings["José Núñez-Bérard"] == [
        ("José Núñez-Bérard, 1987, A1", "panel.html#panel-q1-answer"),
        ("José Núñez-Bérard, 1987, A2", "panel.html#panel-q2-answer"),
    ]
    assert headings["Ruth Alder"] == [
        ("José Núñez-Bérard, 1987, Q1", "panel.html#panel-q1")
    ]
    assert headings["Tom Baird"] == [
        ("José Núñez-Bérard, 1987, Q2", "panel.html#panel-q2")
    ]
    assert [text for text, _href in headings["Marta Kova"]] == [
        "Marta Kova, 2019a, A1",
        "Marta Kova, 2019b, A1",
    ]
    assert index_counts(page)["Hélène Dupont"] == "(2)"


@pytest.mark.parametrize(
    ("options", "expected", "warning"),
    [
        (":interview: spring", {"Marta Kova": ["Marta Kova, 2019a, A1"]}, None),
        (
            ":speakers: helene dupont; Nobody Known",
            {
                "Hélène Dupont": [
                    "José Núñez-Bérard, 1987, A2 (Hélène Dupont)",
                    "José Núñez-Bérard, 1987, A2.3 (HELENE DUPONT)",
                ]
            },
            'unknown speaker "Nobody Known" [interview.unknown_speaker]',
        ),
    ],
    ids=["one-interview", "some-speakers"],
)
def test_speakers_directive_places_part_of_the_index(
    project: ProjectFactory,
    options: str,
    expected: dict[str, list[str]],
    warning: str | None,
) -> None:
    proj = archive(project)
    proj.write(
        "citing.rst",
        f"Citing\n======\n\nWho spoke\n---------\n\n.. interview-speakers::\n"
        f"   {options}\n",
    )
    proj.build(fresh=False)
    body = select_one(proj.html("citing"), "div.body")
    shown = {
        name: [text for text, _href in links]
        for name, links in index_headings(body).items()
    }
    assert shown == expected
    # Under a section heading, letters and names are headings one level down.
    assert body.select("h3.sphinx-interview-letter")
    assert body.select("h4.sphinx-interview-index-name")
    warnings = [w.split(": WARNING: ")[1] for w in proj.warnings()]
    assert warnings == ([warning] if warning else [])
    # At the directive.
    assert warnings == [] or proj.warnings()[0].startswith("citing.rst:7: ")


def test_speaker_index_follows_edits(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.replace("panel.rst", ":speaker: Tom Baird", ":speaker: Tom Bairds")
    proj.remove("autumn.rst")
    proj.replace("index.rst", "   autumn\n", "")
    proj.replace("citing.rst", ", :answer:`autumn-q1`", "")
    assert assert_same_as_fresh(proj) == []
    headings = index_headings(proj.html("interview-speakers"))
    assert "Tom Baird" not in headings
    assert "Tom Bairds" in headings
    # Alone again, the spring interview loses its letter.
    assert [text for text, _href in headings["Marta Kova"]] == ["Marta Kova, 2019, A1"]


# -- questions in the page's contents -------------------------------------------

CONTENTS_CONF = """\
extensions = ["sphinx_interview", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
html_sidebars = {"**": ["localtoc.html"]}
"""

SECTIONED = """\
Hearing
=======

Opening
-------

Some words first.

.. interview:: The harbour hearing
   :name: dredging
   :interviewee: Ann Lee

   .. question:: Who pays for the dredging? It is costly and the town is small.
   .. answer:: The port.
   .. question:: When?
   .. answer:: Next year.

Closing
-------

The end.
"""

MYST = """\
# Talk in Markdown

::::{interview} A talk in Markdown
:name: md-talk

:::{question}
What is MyST?
:::

:::{answer}
Markdown for Sphinx.
:::
::::
"""


def contents(proj: Project, page: str) -> list[tuple[int, str, str]]:
    """The page's own contents (alabaster's local contents): (depth, text, href)."""
    sidebar = select_one(proj.html(page), "div.sphinxsidebarwrapper")
    return [
        (len(a.find_parents("ul")), text_of(a), str(a["href"]))
        for a in sidebar.select("ul a")
    ]


def test_questions_are_in_the_page_contents(project: ProjectFactory) -> None:
    proj = project(conf=CONTENTS_CONF)
    proj.write(
        "index.rst", "Archive\n=======\n\n.. toctree::\n   :numbered:\n\n   hearing\n"
    )
    proj.write("hearing.rst", SECTIONED)
    proj.write("md.md", f"---\norphan: true\n---\n{MYST}")
    proj.build()
    assert proj.warnings() == []
    # Below the section holding the interview, before the next section; the
    # question's first sentence, short. Section numbers are unchanged.
    assert contents(proj, "hearing") == [
        (1, "1. Hearing", "#"),
        (2, "1.1. Opening", "#opening"),
        (3, "The harbour hearing", "#dredging"),
        (4, "Q1. Who pays for the dredging?", "#dredging-q1"),
        (4, "Q2. When?", "#dredging-q2"),
        (2, "1.2. Closing", "#closing"),
    ]
    page = proj.html("hearing")
    assert text_of(select_one(page, "#closing h2")).startswith("1.2. Closing")
    # The same from Markdown.
    assert contents(proj, "md") == [
        (1, "Talk in Markdown", "#"),
        (2, "A talk in Markdown", "#md-talk"),
        (3, "Q1. What is MyST?", "#md-talk-q1"),
    ]
    # A toctree shows the interview as deep as its :maxdepth: allows (here,
    # all); the questions are in their own page's contents only.
    toctree = select_one(proj.html(), "div.toctree-wrapper")
    assert [text_of(a) for a in toctree.select("a")] == [
        "1. Hearing",
        "1.1. Opening",
        "The harbour hearing",
        "1.2. Closing",
    ]


def navigation(page: Output) -> list[str]:
    """The texts of the sidebar's toctree (the global toctree)."""
    sidebar = select_one(page, "div.sphinxsidebarwrapper")
    return [text_of(a) for a in sidebar.select("ul a")]


def sidebar(*, hearing: bool = False, md: bool = False) -> list[str]:
    """The global toctree of the project below, with the hearing's and the
    Markdown talk's questions or without."""
    return [
        "Hearing",
        "Opening",
        "The harbour hearing",
        *(["Q1. Who pays for the dredging?", "Q2. When?"] if hearing else []),
        "Closing",
        "Talk in Markdown",
        "A talk in Markdown",
        *(["Q1. What is MyST?"] if md else []),
    ]


@pytest.mark.parametrize("parallel", [0, 2])
def test_questions_are_in_their_own_page_only(
    project: ProjectFactory, parallel: int
) -> None:
    """Questions appear in the page being read (its contents, the sidebar's
    branch of that page), not in other pages' toctrees and sidebars; where one
    output holds every page, in its contents."""
    proj = project(
        conf=CONTENTS_CONF.replace("localtoc.html", "globaltoc.html")
        + 'html_theme_options = {"globaltoc_collapse": False}\n'
        + 'version = release = "1"\ncopyright = "2026"\n'
    )
    proj.write("index.rst", "Archive\n=======\n\n.. toctree::\n\n   hearing\n   md\n")
    proj.write("hearing.rst", SECTIONED)
    proj.write("md.md", MYST)
    proj.build(parallel=parallel)
    assert proj.warnings() == []
    assert navigation(proj.html("hearing")) == sidebar(hearing=True)
    assert navigation(proj.html("md")) == sidebar(md=True)
    assert navigation(proj.html()) == sidebar()
    # The pages stay as they are with the environment kept in memory.
    page = proj.output("hearing.html")
    proj.app.build()  # type: ignore[union-attr]
    assert proj.output("hearing.html") == page

    proj.build("singlehtml")
    assert proj.warnings() == []
    assert navigation(proj.html()) == sidebar(hearing=True, md=True)
    proj.build("epub")
    assert proj.warnings() == []
    # EPUB's navigation, to its depth (`epub_tocdepth`, 3: the hearing's
    # questions are a level deeper, below its section).
    book = proj.output("nav.xhtml")
    assert '<a href="md.xhtml#md-talk-q1">Q1. What is MyST?</a>' in book


def test_interview_titles_and_questions_are_headings(project: ProjectFactory) -> None:
    proj = project(conf=CONTENTS_CONF)
    proj.write("index.rst", SECTIONED)
    proj.build()
    page = proj.html()
    headings = [
        (tag["aria-level"], text_of(tag))
        for tag in page.select("div.body [role=heading]")
    ]
    # Under the "Opening" h2: the title a level 3 heading, questions level 4;
    # answers are not headings.
    assert headings == [
        ("3", "The harbour hearing"),
        ("4", "Question 1"),
        ("4", "Question 2"),
    ]
