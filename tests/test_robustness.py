"""Input a hostile tester or a new user wrote: it builds, keeps every word, links
right, and warns with file, line, type and subtype.

Each test stands for a class of defect: crashes on unusual text, text that
disappears, ids that collide, links to pages that do not exist, text in
included files, glossary entries counted wrong, misleading warnings.
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from .helpers import (
    ProjectFactory,
    index_anchors,
    index_headings,
    select_one,
    text_of,
    without_citations,
)
from .pdf import compile_latex

MYST_CONF = (
    'extensions = ["sphinx_interview", "myst_parser"]\n'
    'myst_enable_extensions = ["colon_fence"]\n'
)


def interview_page(topics: str, question: str = "Why?") -> str:
    return f"""\
Page
====

.. interview:: Talk
   :name: talk
   :topics: {topics}

   .. question:: {question}
   .. answer:: Because.
"""


# -- crashes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "topic", ["❶", "➀", "፩", "٣", "9" * 4400, "Q٣ and Q12", "C\u200b"]
)
def test_topics_of_any_digits_build_and_sort(
    project: ProjectFactory, topic: str
) -> None:
    proj = project()
    proj.write("index.rst", interview_page(f"{topic}; Q2; Q10"))
    proj.build()
    assert proj.warnings() == []
    page = proj.html("interview-topics")
    names = list(index_headings(page))
    assert names.index("Q2") < names.index("Q10")
    assert topic.replace("\u200b", "") in [name.replace("\u200b", "") for name in names]


def test_a_topic_with_nothing_visible_is_left_out(project: ProjectFactory) -> None:
    proj = project()
    proj.write("index.rst", interview_page("\u200b; \u200f; shown"))
    proj.build()
    assert proj.warnings() == [
        f'index.rst:6: WARNING: topic "{mark}" has no visible character; left out '
        "[interview.bad_option]"
        for mark in ("\u200b", "\u200f")
    ]
    names = list(index_headings(proj.html("interview-topics")))
    assert names == ["shown"]


def test_glossary_term_made_of_digit_signs_is_a_topic(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        "Page\n====\n\n.. glossary::\n\n   ❶\n      Number one.\n\n"
        + interview_page("x", "Is ❶ first?").split("\n", 3)[3],
    )
    proj.build()
    assert proj.warnings() == []
    names = list(index_headings(proj.html("interview-topics")))
    assert "❶" in names


@pytest.mark.parametrize("builder", ["json", "pickle"])
def test_serializing_builders(project: ProjectFactory, builder: str) -> None:
    proj = project("core")
    proj.build(builder)
    assert proj.warnings() == []
    suffix = ".fjson" if builder == "json" else ".fpickle"
    path = proj.outdir / f"interview-topics{suffix}"
    context = (
        json.loads(path.read_text(encoding="utf-8"))
        if builder == "json"
        else pickle.loads(path.read_bytes())
    )
    assert "information security" in context["body"]
    page = proj.outdir / f"interview{suffix}"
    assert page.exists()


# -- text that must not disappear ---------------------------------------------


def test_an_option_given_twice_keeps_everything(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        """\
Page
====

.. interview:: Talk
   :name: talk
   :topics: alpha
   :topics: beta
   :short: One
   :short: Two

   .. question::
      :topics: gamma
      :topics: delta

      Is anything lost?

   .. answer:: Nothing is lost.
""",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:7: WARNING: the option ":topics:" is given more than once; the '
        "values are combined [interview.bad_option]",
        'index.rst:9: WARNING: the option ":short:" is given more than once; the '
        "first value is used [interview.bad_option]",
        'index.rst:13: WARNING: the option ":topics:" is given more than once; the '
        "values are combined [interview.bad_option]",
    ]
    page = without_citations(proj.html())
    assert text_of(select_one(page, "#talk-q1")).endswith("Is anything lost?")
    assert "Nothing is lost." in text_of(select_one(page, "#talk-q1-answer"))
    names = set(index_headings(proj.html("interview-topics")))
    assert names == {"alpha", "beta", "gamma", "delta"}
    assert "One, Q1" in proj.output("interview-topics.html")


def test_no_blank_line_after_the_options(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        """\
Page
====

.. interview:: Talk
   :name: talk
   The introduction, right after the options.

   .. question::
      :topics: alpha
      What is *it*?

   .. answer::
      :speaker: Ann
      It is this.
      And that.
""",
    )
    proj.build()
    assert proj.warnings() == [
        "index.rst:6: WARNING: no blank line between the options and the text; the "
        "text is kept [interview.bad_option]",
        "index.rst:10: WARNING: no blank line between the options and the text; the "
        "text is kept [interview.bad_option]",
        "index.rst:14: WARNING: no blank line between the options and the text; the "
        "text is kept [interview.bad_option]",
    ]
    page = without_citations(proj.html())
    assert "The introduction, right after the options." in text_of(
        select_one(page, "div.sphinx-interview")
    )
    question = select_one(page, "#talk-q1")
    assert text_of(question) == "Question 1 What is it?"
    assert select_one(question, "em").get_text() == "it"
    answer = select_one(page, "#talk-q1-answer")
    assert text_of(answer) == "Answer — Ann It is this. And that."


def test_a_first_line_that_looks_like_a_field(project: ProjectFactory) -> None:
    proj = project(conf=MYST_CONF)
    proj.write(
        "index.rst",
        """\
Page
====

.. toctree::

   myst

.. interview:: Talk
   :name: talk

   .. question::

      :Moderator: Why *now*?

   .. answer::
      :Moderator Smith: Because.

   .. question::
      :name: second
      :Panel: Anyone?

   .. answer:: Yes.
""",
    )
    proj.write(
        "myst.md",
        """\
# MyST

::::{interview} Other
:name: other

:::{question}
:Moderator: Why?
:::

:::{answer}
Because.
:::
::::
""",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:16: WARNING: ":Moderator Smith:" is not an option of the "answer" '
        "directive (options: :name:, :speaker:, :topics:, :class:, :time:); the line is kept "
        "as text [interview.unknown_option]",
        'index.rst:20: WARNING: ":Panel:" is not an option of the "question" '
        "directive (options: :name:, :speaker:, :topics:, :class:, :time:); the line is kept "
        "as text [interview.unknown_option]",
        'myst.md:7: WARNING: ":Moderator:" is not an option of the "question" '
        "directive (options: :name:, :speaker:, :topics:, :class:, :time:); the line is kept "
        "as text [interview.unknown_option]",
    ]
    page = without_citations(proj.html())
    # After a blank line, a field is text that docutils reads as a field list.
    assert text_of(select_one(page, "#talk-q1 dl")) == "Moderator: Why now?"
    assert text_of(select_one(page, "#talk-q1-answer")).endswith(
        ":Moderator Smith: Because."
    )
    assert text_of(select_one(page, "#talk-q2")).endswith(":Panel: Anyone?")
    assert select_one(page, "#second") is not None
    assert text_of(select_one(page, "#talk-q2-answer")).endswith("Yes.")
    myst = without_citations(proj.html("myst"))
    assert text_of(select_one(myst, "#other-q1")).endswith(":Moderator: Why?")
    assert text_of(select_one(myst, "#other-q1-answer")).endswith("Because.")


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_interview_titled_footnotes(project: ProjectFactory, language: str) -> None:
    title = "Footnotes" if language == "en" else "Fußnoten"
    proj = project(conf='extensions = ["sphinx_interview"]\nproject = "P"\n')
    proj.write(
        "index.rst",
        f".. interview:: {title}\n\n   .. question:: Why?\n   .. answer:: Because.\n",
    )
    outputs = {"man": "p.1", "texinfo": "p.texi", "text": "index.txt", "latex": "p.tex"}
    for builder, name in outputs.items():
        proj.build(builder, language=language)
        assert proj.warnings() == []
        assert title in proj.output(name), builder
    assert r"\subsubsection*{" + title + "}" in proj.output("p.tex")


# -- ids, targets and links ----------------------------------------------------

SIMILAR = ["C", "C++", "C#", ".NET", "NET", '"quoted"', "quoted", "naïve", "Naive"]


def test_similar_topics_get_distinct_stable_anchors(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        interview_page("; ".join(SIMILAR))
        + "\nSee :interview:topic:`C++`, :interview:topic:`C`, "
        ":interview:topic:`.NET` and :interview:topic:`C\u200b`.\n",
    )
    proj.build()
    assert proj.warnings() == []
    page = proj.html("interview-topics")
    anchors = index_anchors(page)
    # "naïve" and "Naive" are one topic, shown as first written.
    assert sorted(anchors) == sorted(SIMILAR[:-1])
    assert len(set(anchors.values())) == len(anchors)
    assert anchors["C"] == "topic-c"
    assert anchors["naïve"] == "topic-naive"
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))
    links = proj.html().select("a[href^='interview-topics.html#']")
    by_text = {text_of(a): a["href"].split("#")[1] for a in links}
    assert by_text["C++"] == anchors["C++"]
    assert by_text[".NET"] == anchors[".NET"]
    # A zero-width space does not make another topic.
    assert {a["href"] for a in links if text_of(a) == "C"} == {
        "interview-topics.html#topic-c"
    }
    proj.build(builddir=proj.builddir.with_name("again"))
    again = index_anchors(proj.html("interview-topics"))
    assert again == anchors


def test_epub_with_similar_topics_passes_epubcheck(project: ProjectFactory) -> None:
    proj = project(
        conf='extensions = ["sphinx_interview"]\nproject = "P"\nversion = "1"\n'
        'epub_copyright = "P"\nepub_publisher = "P"\n'
    )
    proj.write("index.rst", interview_page("; ".join(SIMILAR)))
    proj.build("epub")
    assert proj.warnings() == []
    epub = next(proj.outdir.glob("*.epub"))
    result = subprocess.run(
        [*epubcheck(), str(epub)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout + result.stderr


def epubcheck() -> list[str]:
    """EPUBCheck's command: Debian links ``epubcheck`` to the jar itself."""
    found = shutil.which("epubcheck")
    assert found, "epubcheck is not installed (make system-deps)"
    path = Path(found).resolve()
    with path.open("rb") as file:
        if file.read(2) == b"PK":
            return ["java", "-jar", str(path)]
    return [found]


def test_targets_before_a_question(project: ProjectFactory) -> None:
    proj = project(conf=MYST_CONF)
    proj.write(
        "index.rst",
        """\
Page
====

.. toctree::

   myst

.. interview:: Talk
   :name: talk

   .. _my-q:

   .. question:: Which target?

   .. _my-a:

   .. answer:: This one.

See :question:`my-q`, :answer:`my-q`, :ref:`my-q`, :ref:`my-a` and :question:`my-mq`.
""",
    )
    proj.write(
        "myst.md",
        """\
# MyST

::::{interview} Other
:name: other

(my-mq)=
:::{question}
Which MyST target?
:::

:::{answer}
That one.
:::
::::

See {question}`my-q` and [](#my-mq).
""",
    )
    proj.build()
    assert proj.warnings() == []
    refs = proj.html().select("p a.reference.internal")
    assert [(text_of(a), a["href"]) for a in refs] == [
        ("Talk, Q1", "#talk-q1"),
        ("Talk, A1", "#talk-q1-answer"),
        ("Q1. Which target?", "#talk-q1"),
        ("Answer to Q1. Which target?", "#talk-q1-answer"),
        ("Other, Q1", "myst.html#other-q1"),
    ]
    # The target's id is on the question, not on the exchange around it.
    assert question_of(proj.html(), "my-q")["id"] == "talk-q1"
    assert question_of(proj.html(), "my-a")["id"] == "talk-q1-answer"
    myst = proj.html("myst")
    assert question_of(myst, "my-mq")["id"] == "other-q1"
    assert "Q1. Which MyST target?" in [text_of(a) for a in myst.select("p a")]


def question_of(page: BeautifulSoup, node_id: str) -> Tag:
    """The question or answer carrying ``node_id`` (docutils writes a second id
    as an empty span at the start of the element)."""
    found = select_one(page, f"#{node_id}")
    if not found.get("class"):
        found = found.parent
    assert {"sphinx-interview-question", "sphinx-interview-answer"} & set(
        found["class"]
    )
    return found


def test_an_interview_named_like_an_earlier_question(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        """\
Page
====

.. interview:: One
   :name: c-one

   .. question:: First question?
   .. answer:: Yes.

.. interview:: Two
   :name: c-one-q1

   .. question:: Hello?
   .. answer:: World.

Cite :question:`c-one-q1`.
""",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:10: WARNING: duplicate label "c-one-q1", also defined in index.rst '
        "(line 7); links lead there [interview.duplicate_label]"
    ]
    link = proj.html().select("p a.reference.internal")[-1]
    assert link["href"] == "#c-one-q1"
    assert text_of(link) == "One, Q1"


@pytest.mark.parametrize(
    ("setting", "builder", "speakers_page"),
    [
        ("False", "html", False),
        ('["py-modindex"]', "html", False),
        ('["interview-speakers"]', "html", True),
        ("True", "singlehtml", False),
    ],
)
def test_no_links_to_a_topic_index_that_is_not_written(
    project: ProjectFactory, setting: str, builder: str, speakers_page: bool
) -> None:
    proj = project(
        conf=f'extensions = ["sphinx_interview"]\nhtml_domain_indices = {setting}\n'
    )
    spoken = interview_page("alpha").replace(
        ":topics: alpha\n", ":topics: alpha\n   :interviewee: Ann Lee\n"
    )
    proj.write(
        "index.rst",
        spoken + "\nSee :interview:topic:`alpha`, the :ref:`interview-topics`,"
        " :any:`topics <interview-topics>` and :ref:`who spoke <interview-speakers>`.\n",
    )
    proj.build(builder)
    assert not (proj.outdir / "interview-topics.html").exists()
    assert "interview-topics.html" not in proj.output("index.html")
    body = select_one(proj.html(), "div.body")
    assert "See alpha, the Topic Index, topics and who spoke." in text_of(body)
    assert (proj.outdir / "interview-speakers.html").exists() == speakers_page
    speakers = [str(a["href"]) for a in body.select("a") if text_of(a) == "who spoke"]
    assert speakers == (["interview-speakers.html"] if speakers_page else [])
    if builder == "html":
        assert proj.warnings() == [
            "conf.py:2: WARNING: html_domain_indices leaves out the topic index "
            "(interview-topics); topic links are shown as plain text "
            "[interview.topic_index_off]"
        ]
    else:
        assert proj.warnings() == []


def test_references_to_an_index_page_follow_it_in_and_out(
    project: ProjectFactory,
) -> None:
    """Sphinx writes an index page only when the index has an entry: a page
    referring to it links it once the first topic comes, in an incremental
    build as in a fresh one, and no longer when the last one goes."""
    proj = project(conf=MYST_CONF)
    proj.write(
        "index.rst",
        "Home\n====\n\n.. toctree::\n\n   talk\n   notes\n\n"
        "See the :ref:`interview-topics`.\n",
    )
    proj.write("notes.md", "# Notes\n\nSee [the topics](interview-topics).\n")
    without_topics = interview_page("alpha").replace("   :topics: alpha\n", "")

    def links() -> list[int]:
        """Links to the page in each page's own text (not the sidebar's)."""
        found = 'div.body a[href="interview-topics.html"]'
        return [len(proj.html(page).select(found)) for page in ("index", "notes")]

    proj.write("talk.rst", without_topics)
    proj.build()
    assert not (proj.outdir / "interview-topics.html").exists()
    assert "See the Topic Index." in text_of(select_one(proj.html(), "div.body"))
    assert links() == [0, 0]
    proj.write("talk.rst", interview_page("alpha"))
    proj.build(fresh=False)
    assert (proj.outdir / "interview-topics.html").is_file()
    assert links() == [1, 1]
    proj.write("talk.rst", without_topics)
    proj.build(fresh=False)
    assert links() == [0, 0]
    assert proj.warnings() == []


# -- included files --------------------------------------------------------------

INCLUDED_CONF = 'extensions = ["sphinx_interview"]\nexclude_patterns = ["_inc"]\n'


def test_included_glossary_and_interview(project: ProjectFactory) -> None:
    proj = project(conf=INCLUDED_CONF)
    proj.write(
        "index.rst",
        "Page\n====\n\n.. toctree::\n\n   terms\n\n.. include:: _inc/talk.rst\n",
    )
    proj.write("terms.rst", "Terms\n=====\n\n.. include:: _inc/terms.rst\n")
    proj.write(
        "_inc/terms.rst",
        ".. glossary::\n\n   LORAN\n      Long range navigation.\n",
    )
    proj.write(
        "_inc/talk.rst",
        ".. interview:: Talk\n   :name: talk\n   :topics: navigation\n\n"
        "   .. question:: What is LORAN?\n   .. answer:: A system.\n",
    )
    proj.build()
    assert proj.warnings() == []
    backrefs = select_one(proj.html("terms"), ".sphinx-interview-backrefs")
    assert text_of(backrefs) == "Mentioned in: Talk, Q1"
    proj.build("latex")
    tex = next(proj.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\index{navigation@\spxentry{navigation}!Talk@\spxentry{Talk}" in tex
    # The exchange's sort key has its number padded: Q2 comes before Q10.
    assert r"\index{LORAN@\spxentry{LORAN}!Talk, Q000001@\spxentry{Talk, Q1}" in tex


def test_warnings_name_the_included_file(project: ProjectFactory) -> None:
    proj = project(conf=INCLUDED_CONF)
    proj.write(
        "index.rst",
        "Page\n====\n\n.. interview:: Talk\n   :name: talk\n\n"
        "   .. question:: First?\n\n.. include:: _inc/talk.rst\n",
    )
    proj.write(
        "_inc/talk.rst",
        "\n\n.. interview:: Again\n   :name: genindex\n\n"
        "   .. question:: Second?\n      :name: talk-q1\n",
    )
    proj.build()
    assert proj.warnings() == [
        '_inc/talk.rst:7: WARNING: duplicate label "talk-q1" in this document '
        "[interview.duplicate_label]",
        '_inc/talk.rst:3: WARNING: label "genindex" names Sphinx\'s page "genindex"; '
        'use another ":name:" [interview.duplicate_label]',
    ]


# -- glossary and index entries --------------------------------------------------


GLOSSARY = """\
Glossary
========

.. glossary::

   LORAN
      Long range navigation. A radio system.

      Term A
         A definition list inside the definition.

   keeper's log
      The book a lighthouse keeper writes.

   Peaceful Mission-2007
      An exercise.
"""


def glossary_project(project: ProjectFactory, exchange: str, topics: str = "x"):  # type: ignore[no-untyped-def]
    proj = project()
    proj.write("glossary.rst", GLOSSARY)
    proj.write(
        "index.rst",
        "Page\n====\n\n.. toctree::\n\n   glossary\n\n"
        f".. interview:: Talk\n   :name: talk\n\n   .. question::\n"
        f"      :topics: {topics}\n\n      {exchange}\n\n   .. answer:: Fine.\n",
    )
    return proj


def test_only_the_glossarys_own_entries_count(project: ProjectFactory) -> None:
    proj = glossary_project(project, "Is Term A a LORAN thing?")
    proj.build()
    assert proj.warnings() == []
    question = select_one(without_citations(proj.html()), "#talk-q1")
    links = question.select("a:not(.headerlink)")
    assert [(text_of(a), a["href"]) for a in links] == [
        ("LORAN", "glossary.html#term-LORAN")
    ]
    names = set(index_headings(proj.html("interview-topics")))
    assert "Term A" not in names


def test_an_authors_term_link_is_the_first_use(project: ProjectFactory) -> None:
    proj = glossary_project(project, "Is :term:`LORAN` still used? LORAN is old.")
    proj.build()
    assert proj.warnings() == []
    links = select_one(without_citations(proj.html()), "#talk-q1").select("a.reference")
    assert [text_of(a) for a in links] == ["LORAN"]
    assert links[0]["title"] == "Long range navigation."
    backrefs = select_one(proj.html("glossary"), ".sphinx-interview-backrefs")
    assert text_of(backrefs) == "Mentioned in: Talk, Q1"


def test_general_index_lists_a_term_and_its_topic_once(project: ProjectFactory) -> None:
    proj = glossary_project(
        project,
        "What about the keeper's log and Peaceful Mission-2007?",
        topics="keeper's log; Peaceful Mission-2007",
    )
    proj.build()
    assert proj.warnings() == []
    entries = [
        li.get_text().strip().split("\n")[0].split(",")[0]
        for li in proj.html("genindex").select("table.indextable td > ul > li")
    ]
    normalised = [entry.replace("’", "'") for entry in entries]
    assert normalised.count("keeper's log") == 1, entries
    assert normalised.count("Peaceful Mission-2007") == 1, entries
    topics = set(index_headings(proj.html("interview-topics")))
    assert len([t for t in topics if t.startswith("keeper")]) == 1


@pytest.mark.latex
def test_pdf_index_lists_a_term_and_its_topic_once(
    project: ProjectFactory, tmp_path: Path
) -> None:
    proj = glossary_project(
        project,
        "What about the keeper's log and Peaceful Mission-2007?",
        topics="keeper's log; Peaceful Mission-2007",
    )
    build = compile_latex(proj.srcdir, tmp_path / "latex")
    assert build.warnings == []
    index = (build.outdir / f"{build.name}.ind").read_text(encoding="utf-8")
    items = [line.split("{", 1)[1] for line in index.splitlines() if "\\item " in line]
    assert len([item for item in items if item.startswith("Peaceful")]) == 1, items
    assert len([item for item in items if item.startswith("keeper")]) == 1, items


def test_inventory_entries_are_one_line(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        "Page\n====\n\n.. interview:: Talk\n   :name: talk\n   :short: Line one\n"
        "      line two\n\n   .. question:: Why?\n   .. answer:: Because.\n",
    )
    proj.build()
    assert proj.warnings() == []
    data = (proj.outdir / "objects.inv").read_bytes()
    body = zlib.decompress(data.split(b"\n", 4)[4]).decode()
    entries = [line for line in body.splitlines() if line.startswith("talk")]
    assert "talk interview:question -1 index.html#$ Line one line two, Q1" not in body
    assert any(line.endswith("Line one line two, Q1") for line in entries)
    assert all(len(line.split(" ", 4)) == 5 for line in body.splitlines())


# -- warnings ----------------------------------------------------------------------


def test_an_interview_with_topics_and_no_questions(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        "Page\n====\n\n.. interview:: Talk\n   :topics: Lonely\n\n   An introduction.\n",
    )
    proj.build()
    assert proj.warnings() == []
    assert "Lonely" in text_of(select_one(proj.html(), ".sphinx-interview-meta"))


def test_a_changed_class_is_warned_about(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        "Page\n====\n\n.. interview:: Talk\n   :class: Bad Class!\n\n"
        "   .. question:: Why?\n",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:5: WARNING: ":class:" value "Bad Class!" is not a list of class '
        'names; used as "bad class" [interview.bad_option]'
    ]
    assert "bad" in select_one(proj.html(), "div.sphinx-interview")["class"]


def test_substitutions_in_titles(project: ProjectFactory) -> None:
    proj = project(conf='extensions = ["sphinx_interview"]\nrelease = "2.5"\n')
    proj.write(
        "index.rst",
        "Page\n====\n\n.. interview:: Release |release| with |later|\n"
        "   :place: |nowhere|\n\n   .. question:: Why?\n\n"
        ".. |later| replace:: defined later\n",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:5: WARNING: undefined substitution "|nowhere|"; shown as written '
        "[interview.bad_option]"
    ]
    page = proj.html()
    title = select_one(page, ".sphinx-interview-title")
    assert text_of(title) == "Release 2.5 with defined later"
    assert "|nowhere|" in text_of(select_one(page, ".sphinx-interview-meta"))


def test_wrong_kind_of_label_reads_well(project: ProjectFactory) -> None:
    proj = project()
    proj.write(
        "index.rst",
        interview_page("x") + "\n:interview:interview:`talk-q1`, "
        ":interview:interview:`talk-q1-answer`, :question:`talk`.\n",
    )
    proj.build()
    assert proj.warnings() == [
        'index.rst:11: WARNING: "talk-q1" is a question, which :interview: cannot '
        "link to [interview.unknown_label]",
        'index.rst:11: WARNING: "talk-q1-answer" is an answer, which :interview: '
        "cannot link to [interview.unknown_label]",
        'index.rst:11: WARNING: "talk" is an interview, which :question: cannot link '
        "to [interview.unknown_label]",
    ]


@pytest.mark.parametrize(
    ("question", "summary"),
    [
        ("这是什么？后面还有一句。", "Q1. 这是什么？"),
        ("これは何ですか。次の文。", "Q1. これは何ですか。"),
        ("ما هذا؟ جملة أخرى.", "Q1. ما هذا؟"),
        ("What is it? Another one.", "Q1. What is it?"),
    ],
)
def test_summaries_end_at_the_first_sentence(
    project: ProjectFactory, question: str, summary: str
) -> None:
    proj = project()
    proj.write("index.rst", interview_page("x", question) + "\n:ref:`talk-q1`\n")
    proj.build()
    assert proj.warnings() == []
    link = proj.html().select("p a.reference.internal")[-1]
    assert text_of(link) == summary


def test_topic_index_entries_of_some_documents(project: ProjectFactory) -> None:
    proj = project("core")
    app = proj.build("json")  # a builder that keeps the index's entries as data
    domain = app.env.domains["interview"]
    (index,) = [cls(domain) for cls in domain.indices if cls.name == "topics"]
    every, _ = index.generate()
    assert {entry.docname for _, entries in every for entry in entries} == {"interview"}
    assert index.generate(["index", "cite"]) == ([], False)
    some, _ = index.generate(["interview"])
    assert some == every
