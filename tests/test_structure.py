"""What a reader sees of an interview in HTML: structure, numbers, speakers, anchors."""

from __future__ import annotations

import pytest

from .helpers import FinishedBuild, ProjectFactory, SharedBuilds, select_one, text_of


@pytest.fixture(scope="module")
def core(built: SharedBuilds) -> FinishedBuild:
    """The "core" root in HTML, built once: the tests below only read it."""
    return built("core")


def test_interview_html(core: FinishedBuild) -> None:
    assert core.warnings() == []
    page = core.html("interview")

    interview = select_one(page, "div.sphinx-interview")
    assert interview["id"] == "ivanov-2007"
    assert interview["lang"] == "en"
    title = select_one(interview, ".sphinx-interview-title")
    assert text_of(title) == "Interview of Igor Ivanov with RIA Novosti"
    assert select_one(title, "a.headerlink")["href"] == "#ivanov-2007"

    meta = select_one(interview, "dl.sphinx-interview-meta")
    rows = {
        text_of(dt).rstrip(": "): text_of(dd)
        for dt, dd in zip(meta.find_all("dt"), meta.find_all("dd"), strict=True)
    }
    assert rows == {
        "Date": "May 22, 2007",
        "Place": "Moscow",
        "Interviewer": "RIA Novosti",
        "Interviewee": "Igor Ivanov",
        "Language": "English",
        "Source": "https://example.org/original-transcript",
        "Topics": "SCO, security",
    }
    assert (
        select_one(meta, "a.external")["href"]
        == "https://example.org/original-transcript"
    )

    # The introduction stays before the first exchange.
    paragraphs = interview.find_all("p", recursive=False)
    assert [text_of(p) for p in paragraphs][1:] == [
        "Published at 08:00 on 22 May 2007."
    ]

    exchanges = interview.select("div.sphinx-interview-exchange")
    assert len(exchanges) == 3
    questions = interview.select("div.sphinx-interview-question")
    assert [q["id"] for q in questions] == [
        "ivanov-2007-q1",
        "ivanov-2007-q2",
        "ivanov-2007-q3",
    ]
    assert [text_of(q.select_one(".sphinx-interview-number")) for q in questions] == [
        "1",
        "2",
        "3",
    ]
    headers = [text_of(q.select_one(".sphinx-interview-header")) for q in questions]
    assert headers == [
        "Question 1 — RIA Novosti",
        "Question 2 — RIA Novosti",
        "Question 3 — A reader",
    ]

    answers = interview.select("div.sphinx-interview-answer")
    assert [a["id"] for a in answers] == [
        "ivanov-2007-q1-answer",
        "ivanov-2007-q2-answer",
        "ivanov-2007-q3-answer",
        "ivanov-2007-q3-answer-2",
    ]
    speakers = [text_of(a.select_one(".sphinx-interview-speaker")) for a in answers]
    assert speakers == ["Igor Ivanov", "Igor Ivanov", "Igor Ivanov", "Another official"]
    # Markup in a speaker's name is rendered, not shown raw.
    assert answers[3].select_one(".sphinx-interview-speaker em").get_text() == "Another"

    # Each exchange holds its question, then its answers.
    assert [
        [child["id"] for child in exchange.find_all("div", recursive=False)]
        for exchange in exchanges
    ] == [
        ["ivanov-2007-q1", "ivanov-2007-q1-answer"],
        ["ivanov-2007-q2", "ivanov-2007-q2-answer"],
        ["ivanov-2007-q3", "ivanov-2007-q3-answer", "ivanov-2007-q3-answer-2"],
    ]

    # Every question and answer has a permalink to its own anchor.
    for block in [*questions, *answers]:
        link = select_one(block, ".sphinx-interview-header a.headerlink")
        assert link["href"] == f"#{block['id']}"
        assert link.get_text() == "¶"

    # Explicit labels add their id; the automatic anchor stays first.
    assert page.find(id="ivanov-sco-agenda") is not None
    assert page.find(id="ivanov-threats") is not None

    # No text is lost: every paragraph of the source is in the page.
    body = text_of(interview)
    for sentence in (
        "What issues do you discuss with your colleagues from other countries?",
        "We deal with the same issues. The only difference is in emphasis.",
        "Sometimes, we have to make urgent decisions.",
        "It goes without saying that every country has to face its own challenges.",
        "We have never considered its transformation into a military alliance.",
        "A second answer from a panel member.",
    ):
        assert sentence in body


def test_stylesheet_is_linked_and_shipped(core: FinishedBuild) -> None:
    page = core.html("interview")
    assert page.select_one('link[href*="_static/sphinx-interview.css"]') is not None
    css = core.output("_static/sphinx-interview.css")
    assert "--sphinx-interview-accent" in css
    assert "prefers-color-scheme: dark" in css


def test_short_form_question_and_defaults(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        """\
Page
====

.. interview:: Panel on water
   :interviewer: Ann; Bob
   :interviewee: Carla
   :date: 1999-03

   .. question:: Who pays for the pipes?

   .. answer:: The city does.
""",
    )
    proj.build()
    assert proj.warnings() == []
    page = proj.html()
    interview = select_one(page, "div.sphinx-interview")
    # Without :name: the id comes from the title.
    assert interview["id"] == "panel-on-water"
    assert (
        select_one(page, "#panel-on-water-q1 .sphinx-interview-header")
        .get_text(" ", strip=True)
        .startswith("Question 1 — Ann, Bob")
    )
    assert "Who pays for the pipes?" in text_of(select_one(page, "#panel-on-water-q1"))
    assert "The city does." in text_of(select_one(page, "#panel-on-water-q1-answer"))
    meta = text_of(select_one(page, "dl.sphinx-interview-meta"))
    assert "March 1999" in meta
