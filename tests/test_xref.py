"""Citing answers: roles, link texts, :ref:, MyST links, objects.inv, search index."""

from __future__ import annotations

import json

import pytest
from sphinx.util.inventory import InventoryFile

from sphinx_interview.archive import Archive
from sphinx_interview.labels import LabelTable, Target

from .helpers import (
    FinishedBuild,
    Output,
    ProjectFactory,
    SharedBuilds,
    select_one,
    text_of,
)

MYST_CONF = 'extensions = ["sphinx_interview", "myst_parser"]\n'


@pytest.fixture(scope="module")
def core(built: SharedBuilds) -> FinishedBuild:
    """The "core" root in HTML, built once: the tests below only read it."""
    return built("core")


def links(proj: Output, page: str) -> list[tuple[str, str, str | None]]:
    body = select_one(proj.html(page), "div.body")
    return [(text_of(a), a["href"], a.get("title")) for a in body.select("a.reference")]


def test_role_link_texts_targets_and_tooltips(core: FinishedBuild) -> None:
    assert core.warnings() == []
    q1 = "What issues do you discuss with your colleagues from other countries?"
    q2 = "What threats and challenges are the SCO and its members facing today?"
    q3 = "Is the SCO a military alliance?"
    assert links(core, "cite") == [
        ("Ivanov 2007, Q1", "interview.html#ivanov-2007-q1", f"Q1. {q1}"),
        (
            "Ivanov 2007, A3",
            "interview.html#ivanov-2007-q3-answer",
            f"Answer to Q3. {q3}",
        ),
        ("Ivanov 2007, Q1", "interview.html#ivanov-2007-q1", f"Q1. {q1}"),
        (
            "Ivanov 2007, A2",
            "interview.html#ivanov-2007-q2-answer",
            f"Answer to Q2. {q2}",
        ),
        (
            "the NATO answer",
            "interview.html#ivanov-2007-q3-answer",
            f"Answer to Q3. {q3}",
        ),
        # An answer not by the interviewee names its speaker.
        (
            "Ivanov 2007, A3 (Another official)",
            "interview.html#ivanov-2007-q3-answer-2",
            f"Answer to Q3 by Another official. {q3}",
        ),
        # :question: given an answer's label leads to the question.
        ("Ivanov 2007, Q2", "interview.html#ivanov-2007-q2", f"Q2. {q2}"),
        # :ref: shows the interview title, or the number and the question.
        (
            "Interview of Igor Ivanov with RIA Novosti",
            "interview.html#ivanov-2007",
            None,
        ),
        (f"Q1. {q1}", "interview.html#ivanov-2007-q1", None),
        (f"Answer to Q2. {q2}", "interview.html#ivanov-2007-q2-answer", None),
        (f"Q3. {q3}", "interview.html#ivanov-2007-q3", None),
        # :any: finds the label once (no "more than one target" warning).
        (f"Q2. {q2}", "interview.html#ivanov-2007-q2", None),
        (
            "Ivanov 2007",
            "interview.html#ivanov-2007",
            "Interview of Igor Ivanov with RIA Novosti",
        ),
    ]


def test_short_title_fallbacks(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        """\
Index
=====

.. interview:: First talk
   :interviewee: Igor Ivanov
   :date: 2007-05-22

   .. question:: One?
   .. answer:: Yes.

.. interview:: Second talk
   :interviewee: Igor Ivanov

   .. question:: Two?
   .. answer:: No.

:answer:`first-talk-q1` and :answer:`second-talk-q1`.
""",
    )
    proj.build()
    assert proj.warnings() == []
    texts = [text for text, _href, _title in links(proj, "index")]
    # interviewee and year; without a date, the title.
    assert texts[-2:] == ["Igor Ivanov, 2007, A1", "Second talk, A1"]


def test_myst_links_and_roles(project: ProjectFactory) -> None:
    proj = project("core", conf=MYST_CONF)
    proj.replace("index.rst", "   cite\n", "   cite\n   myst\n")
    proj.write(
        "myst.md",
        """\
# MyST citations

The answer on NATO: {answer}`ivanov-2007-q3`; [its permalink](#ivanov-2007-q3-answer);
[](#ivanov-threats); {interview:question}`custom text <ivanov-sco-agenda>`.
""",
    )
    proj.build()
    assert proj.warnings() == []
    found = [(text, href) for text, href, _title in links(proj, "myst")]
    assert found == [
        ("Ivanov 2007, A3", "interview.html#ivanov-2007-q3-answer"),
        ("its permalink", "interview.html#ivanov-2007-q3-answer"),
        (
            "Answer to Q2. What threats and challenges are the SCO and its members "
            "facing today?",
            "interview.html#ivanov-2007-q2-answer",
        ),
        ("custom text", "interview.html#ivanov-2007-q1"),
    ]


def test_objects_inv(core: FinishedBuild) -> None:
    with (core.outdir / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "https://example.org/", lambda a, b: b)
    data = inventory.data if hasattr(inventory, "data") else inventory

    def entry(objtype: str, name: str) -> tuple[str, str]:
        item = data[objtype][name]
        uri = getattr(item, "uri", None) or item[2]
        dispname = getattr(item, "display_name", None) or item[3]
        return uri, dispname

    assert entry("interview:interview", "ivanov-2007") == (
        "https://example.org/interview.html#ivanov-2007",
        "Ivanov 2007",
    )
    assert entry("interview:question", "ivanov-2007-q3") == (
        "https://example.org/interview.html#ivanov-2007-q3",
        "Ivanov 2007, Q3",
    )
    # An exchange's label names its question and its first answer.
    assert entry("interview:answer", "ivanov-2007-q3") == (
        "https://example.org/interview.html#ivanov-2007-q3-answer",
        "Ivanov 2007, A3",
    )
    assert entry("interview:answer", "ivanov-threats") == (
        "https://example.org/interview.html#ivanov-2007-q2-answer",
        "Ivanov 2007, A2",
    )
    # An answer's label names its question too, by the question's text.
    assert entry("interview:question", "ivanov-threats") == (
        "https://example.org/interview.html#ivanov-2007-q2",
        "Ivanov 2007, Q2",
    )
    assert entry("interview:answer", "ivanov-2007-q3-answer-2")[0].endswith(
        "#ivanov-2007-q3-answer-2"
    )
    # Questions and first answers are found by the search page through their
    # labels' entries, without extra entries named "Ivanov 2007, Q3".
    assert not {"Ivanov 2007, Q3", "Ivanov 2007, A3"} & {
        name
        for objtype in data
        if objtype.startswith("interview:")
        for name in data[objtype]
    }
    # Labels are standard labels too, so other projects can :ref: them.
    assert entry("std:label", "ivanov-sco-agenda") == (
        "https://example.org/interview.html#ivanov-2007-q1",
        "Q1. What issues do you discuss with your colleagues from other countries?",
    )


def test_search_index_objects(core: FinishedBuild) -> None:
    script = core.output("searchindex.js").strip()
    index = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    objtypes = index["objtypes"]
    # Entries are [document, type, priority, anchor, name]; the name shown and
    # searched is the link text readers know ("Ivanov 2007, Q3").
    found = {
        (objtypes[str(entry[1])], entry[3], entry[4])
        for entries in index["objects"].values()
        for entry in entries
    }
    assert ("interview:interview", "ivanov-2007", "Ivanov 2007") in found
    assert ("interview:question", "ivanov-2007-q3", "Ivanov 2007, Q3") in found
    assert (
        "interview:answer",
        "ivanov-2007-q3-answer-2",
        "Ivanov 2007, A3 (Another official)",
    ) in found


def test_search_entries_keep_their_anchors() -> None:
    """The search page rebuilds an entry's anchor from its shown name when the
    anchor is the entry's name or its type and name ("question-time-q1" for
    the label "time-q1"): such an entry must not be the searched one."""
    question = Target(
        kind="question",
        docname="talk",
        anchor="question-time-q1",
        interview_id="question-time",
        number=1,
        text="Time 2007, Q1",
        summary="",
        source="talk.rst",
        line=3,
        question_anchor="question-time-q1",
        answer_anchor="question-time-q1-answer",
        question_text="Time 2007, Q1",
        answer_text="Time 2007, A1",
    )
    table = LabelTable({}, Archive({}, []))
    table.targets = {"time-q1": question, "question-time-q1": question}
    searched = [entry for entry in table.objects() if entry[5] == 1]
    assert sorted((kind, anchor, text) for _, text, kind, _, anchor, _ in searched) == [
        ("answer", "question-time-q1-answer", "Time 2007, A1"),
        ("question", "question-time-q1", "Time 2007, Q1"),
    ]
    for name, _, kind, _, anchor, _ in searched:
        assert anchor not in (name, f"{kind}-{name}")
