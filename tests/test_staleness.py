"""No page goes stale: whatever route a page takes to show something of another page
(a MyST link, ``:any:``, ``:ref:``, a topic, a filter of ``interview-topics``), an
incremental build shows what a fresh one does, warnings included."""

from __future__ import annotations

import pytest

from .helpers import Project, ProjectFactory, select_one, text_of
from .test_incremental import assert_same_as_fresh

CONF = (
    'extensions = ["sphinx_interview", "myst_parser"]\n'
    'myst_enable_extensions = ["colon_fence"]\n'
)


def talk(name: str, question: str, topics: str = "Résumé") -> str:
    return f"""\
{name.upper()}
{"=" * len(name)}

.. interview:: Talk {name}
   :name: {name}
   :interviewee: Ann Lee
   :topics: {topics}

   .. question:: {question}
   .. answer:: An answer.
"""


def archive(
    project: ProjectFactory, citing_md: str, citing_rst: str = "", *, clean: bool = True
) -> Project:
    """Two interviews and two pages citing them; ``clean``: the build must not warn."""
    proj = project(conf=CONF)
    proj.write(
        "index.rst",
        "Archive\n=======\n\n.. toctree::\n\n   ia\n   ib\n   cite-md\n   cite-rst\n",
    )
    proj.write("ia.rst", talk("ia", "What is the first question?"))
    proj.write("ib.rst", talk("ib", "And the second?", topics="resume"))
    proj.write("cite-md.md", f"# Cited in MyST\n\n{citing_md}\n")
    proj.write("cite-rst.rst", f"Cited\n=====\n\n{citing_rst or 'Nothing.'}\n")
    proj.build()
    assert proj.warnings() == [] or not clean
    return proj


def test_myst_links_follow_an_edited_question(project: ProjectFactory) -> None:
    proj = archive(project, "See [](#ia-q1) and [his answer](#ia-q1-answer).")
    proj.replace("ia.rst", "What is the first question?", "Is this the new one?")
    assert assert_same_as_fresh(proj) == []
    link = select_one(proj.html("cite-md"), "a[href='ia.html#ia-q1']")
    assert text_of(link) == "Q1. Is this the new one?"


def test_any_links_follow_an_edited_question(project: ProjectFactory) -> None:
    proj = archive(project, "", "See :any:`ia-q1` and :any:`ia-q1-answer`.")
    proj.replace("ia.rst", "What is the first question?", "Is this the new one?")
    assert assert_same_as_fresh(proj) == []
    link = select_one(proj.html("cite-rst"), "a[href='ia.html#ia-q1']")
    assert text_of(link) == "Q1. Is this the new one?"


def test_topic_links_follow_a_spelling_change(project: ProjectFactory) -> None:
    proj = archive(project, "{interview:topic}`resume`", ":interview:topic:`résumé`")
    proj.replace("ia.rst", ":topics: Résumé", ":topics: RÉSUMÉ")
    assert assert_same_as_fresh(proj) == []
    assert text_of(select_one(proj.html("cite-rst"), "a.reference")) == "RÉSUMÉ"


def test_topic_links_follow_the_toctree_order(project: ProjectFactory) -> None:
    proj = archive(project, "", ":interview:topic:`résumé`")
    assert text_of(select_one(proj.html("cite-rst"), "a.reference")) == "Résumé"
    proj.replace("index.rst", "   ia\n   ib\n", "   ib\n   ia\n")
    assert assert_same_as_fresh(proj) == []
    assert text_of(select_one(proj.html("cite-rst"), "a.reference")) == "resume"


def test_topic_list_of_a_renamed_interview(project: ProjectFactory) -> None:
    proj = archive(
        project, "", ".. interview-topics::\n   :interview: foo_bar\n", clean=False
    )
    proj.replace("ia.rst", ":name: ia", ":name: Foo_Bar")
    proj.build(fresh=False)
    assert "Résumé" in text_of(select_one(proj.html("cite-rst"), "div.body"))
    proj.replace("ia.rst", ":name: Foo_Bar", ":name: foo-bar")
    warnings = assert_same_as_fresh(proj)
    assert warnings == [
        'cite-rst.rst:4: WARNING: unknown interview "foo_bar" [interview.unknown_label]'
    ]
    assert "No topics yet." in text_of(select_one(proj.html("cite-rst"), "div.body"))


@pytest.mark.parametrize("where", ["rst", "md"])
def test_a_label_added_elsewhere_warns_as_in_a_fresh_build(
    project: ProjectFactory, where: str
) -> None:
    proj = archive(project, "", ":ref:`agenda`", clean=False)
    proj.replace(
        "ia.rst",
        ".. question:: What is the first question?",
        ".. question::\n      :name: agenda\n\n      What is the first question?",
    )
    proj.build(fresh=False)
    assert proj.warnings() == []
    if where == "rst":
        proj.write("cite-rst.rst", "Cited\n=====\n\n.. _agenda:\n\nAgenda\n------\n")
    else:
        proj.write("cite-md.md", "# Cited in MyST\n\n(agenda)=\n## Agenda\n")
    warnings = assert_same_as_fresh(proj)
    assert [w.split(": WARNING: ")[1] for w in warnings] == [
        f'label "agenda" is already defined in cite-{where}.{where}; use another '
        '":name:" [interview.duplicate_label]'
    ]


def test_index_pages_are_written_only_when_they_change(
    project: ProjectFactory,
) -> None:
    proj = archive(project, "{interview:topic}`resume`")
    page = proj.outdir / "interview-topics.html"
    speakers = proj.outdir / "interview-speakers.html"
    written = page.stat().st_mtime_ns
    speakers_written = speakers.stat().st_mtime_ns
    proj.replace("ia.rst", "An answer.", "An answer, a little longer.")
    assert assert_same_as_fresh(proj) == []
    assert page.stat().st_mtime_ns == written
    assert speakers.stat().st_mtime_ns == speakers_written
    # Kept as it was, the page is still linked to.
    link = select_one(proj.html("cite-md"), "a.reference")
    assert link["href"] == "interview-topics.html#topic-resume"
    proj.replace("ia.rst", ":topics: Résumé", ":topics: Résumé; Novelty")
    assert assert_same_as_fresh(proj) == []
    assert page.stat().st_mtime_ns != written
    assert "Novelty" in proj.output("interview-topics.html")
