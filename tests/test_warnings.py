"""Every bad input: one located, typed warning — and the author's text still shows."""

from __future__ import annotations

import pytest

from .helpers import FinishedBuild, ProjectFactory, SharedBuilds, select_one, text_of

EXPECTED = [
    "index.rst:9: WARNING: question outside an interview; put it inside an interview "
    "directive [interview.outside_interview]",
    'index.rst:18: WARNING: unknown option ":topic:" of the "interview" directive; '
    'did you mean ":topics:"? [interview.unknown_option]',
    'index.rst:19: WARNING: unknown option ":intervewer:" of the "interview" '
    'directive; did you mean ":interviewer:"? [interview.unknown_option]',
    'index.rst:15: WARNING: invalid ":date:" value "22/05/2007" (expected YYYY-MM-DD, '
    "YYYY-MM or YYYY); shown as written [interview.bad_option]",
    'index.rst:17: WARNING: invalid ":language:" value "english!" (expected a language '
    'tag such as "en" or "pt-BR"); ignored [interview.bad_option]',
    'index.rst:16: WARNING: ":source:" value "javascript:alert(1)" is not an http(s) '
    "or relative URL; shown as text, not as a link [interview.bad_option]",
    "index.rst:21: WARNING: answer without a question before it in the interview "
    "[interview.orphan_answer]",
    'index.rst:26: WARNING: unknown option ":speeker:" of the "question" directive; '
    'did you mean ":speaker:"? [interview.unknown_option]',
    "index.rst:25: WARNING: the question is empty [interview.empty]",
    'index.rst:34: WARNING: duplicate label "dup" in this document '
    "[interview.duplicate_label]",
    'index.rst:39: WARNING: ":speaker:" value "*Unclosed" is not valid inline markup; '
    "shown as plain text [interview.bad_option]",
    "index.rst:43: WARNING: an interview cannot contain another interview; its "
    "content is shown as part of the enclosing interview [interview.nested]",
    "myst.md:3: WARNING: answer outside an interview; put it inside an interview "
    "directive [interview.outside_interview]",
    'myst.md:9: WARNING: invalid ":date:" value "2007-13-40" (expected YYYY-MM-DD, '
    "YYYY-MM or YYYY); shown as written [interview.bad_option]",
    'myst.md:12: WARNING: unknown option ":topic:" of the "question" directive; did '
    'you mean ":topics:"? [interview.unknown_option]',
    "other.rst:12: WARNING: the answer is empty [interview.empty]",
    'other.rst:7: WARNING: duplicate label "dup", also defined in index.rst (line 28); '
    "links lead there [interview.duplicate_label]",
    'other.rst:14: WARNING: duplicate label "first", also defined in index.rst '
    "(line 13); links lead there [interview.duplicate_label]",
    'index.rst:47: WARNING: unknown answer label "missing-label" '
    "[interview.unknown_label]",
    'index.rst:47: WARNING: "first" is an interview, which :question: cannot link to '
    "[interview.unknown_label]",
    'index.rst:47: WARNING: unknown topic "nope" [interview.unknown_topic]',
    'myst.md:18: WARNING: unknown answer label "nowhere" [interview.unknown_label]',
]


@pytest.fixture(scope="module")
def bad_input(built: SharedBuilds) -> FinishedBuild:
    """The "warnings" root in HTML: one fresh build, read by the two tests below."""
    return built("warnings")


def test_each_bad_input_warns_once_with_location(bad_input: FinishedBuild) -> None:
    assert bad_input.warnings() == EXPECTED


def test_parallel_build_warns_the_same(project: ProjectFactory) -> None:
    proj = project("warnings")
    proj.build(parallel=2)
    # Read-time warnings of the workers arrive in any order; the set is the same.
    assert sorted(proj.warnings()) == sorted(EXPECTED)


def test_bad_input_keeps_the_text(bad_input: FinishedBuild) -> None:
    page = text_of(select_one(bad_input.html(), "div.body"))
    for text in (
        "A question outside any interview.",
        "An answer before any question.",
        "Text of the answer.",
        "Is this label taken?",
        "Yes.",
        "Inside the nested interview?",
        "*Unclosed",
        "22/05/2007",
        "javascript:alert(1)",
    ):
        assert text in page, text
    # A refused URL is text, never a link.
    assert bad_input.html().find("a", href="javascript:alert(1)") is None
    myst = text_of(select_one(bad_input.html("myst"), "div.body"))
    assert "An answer outside any interview." in myst
    assert "Misspelt option in MyST?" in myst


def test_warnings_can_be_silenced(built: SharedBuilds) -> None:
    proj = built("warnings", suppress_warnings=["interview"])
    assert proj.warnings() == []


def test_one_subtype_can_be_silenced(built: SharedBuilds) -> None:
    proj = built("warnings", suppress_warnings=["interview.unknown_option"])
    assert proj.warnings() == [w for w in EXPECTED if "unknown_option" not in w]


def test_bad_config_falls_back_with_a_warning(project: ProjectFactory) -> None:
    proj = project(
        "core",
        conf='extensions = ["sphinx_interview"]\n'
        'interview_link_terms = "sometimes"\n'
        'interview_auto_topics = "yes"\n',
    )
    proj.build()
    assert proj.warnings() == [
        "conf.py:2: WARNING: interview_link_terms = 'sometimes' is not valid (expected "
        "'first' | 'all' | 'none'); using 'first' [interview.bad_config]",
        "conf.py:3: WARNING: interview_auto_topics = 'yes' is not valid (expected bool); "
        "using True [interview.bad_config]",
    ]


def test_names_needing_targets_are_plain_text(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        """\
Page
====

.. interview:: Talk
   :interviewer: Smith_ |sub| [1]_

   .. question:: Why?
   .. answer:: Because.
""",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:5: WARNING: ":interviewer:" value "Smith_ |sub| [1]_" is not valid '
        "inline markup; shown as plain text [interview.bad_option]"
    ]
    header = select_one(proj.html(), "#talk-q1 .sphinx-interview-header")
    assert text_of(header) == "Question 1 — Smith_ |sub| [1]_"
