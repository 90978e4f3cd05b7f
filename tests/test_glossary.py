"""Glossary terms in interviews: first use linked as :term: does, tooltips, back-links."""

from __future__ import annotations

import pytest
from bs4 import Tag

from sphinx_interview.records import TermRecord
from sphinx_interview.terms import TermMatcher

from .helpers import (
    FinishedBuild,
    ProjectFactory,
    SharedBuilds,
    index_anchors,
    select_one,
    text_of,
    without_citations,
)


@pytest.fixture(scope="module")
def full(built: SharedBuilds) -> FinishedBuild:
    """The "full" root in HTML, built once: the tests below only read it."""
    return built("full")


def term_links(block: Tag) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in block.select("a.reference.internal")]


def exchange(page: Tag, number: int) -> Tag:
    return select_one(page, f"#ivanov-2007-q{number}").parent


def test_first_use_per_exchange_is_linked(full: FinishedBuild) -> None:
    assert full.warnings() == []
    page = full.html("interview")
    assert term_links(exchange(page, 1)) == [
        # The first of the entry's names that occurs, once per exchange.
        (
            "Shanghai Cooperation Organization",
            "glossary.html#term-Shanghai-Cooperation-Organization",
        ),
        ("three evils", "glossary.html#term-three-evils"),
    ]
    assert term_links(exchange(page, 2)) == [
        ("SCO", "glossary.html#term-SCO"),
        ("NATO", "glossary.html#term-NATO"),  # in "anti-NATO": whole word
    ]
    assert term_links(exchange(page, 3)) == [
        ("Peaceful Mission-2007", "glossary.html#term-Peaceful-Mission-2007"),
        ("Chelyabinsk Region", "glossary.html#term-Chelyabinsk-Region"),
    ]


def test_links_look_like_term_roles_and_carry_a_tooltip(
    project: ProjectFactory,
) -> None:
    proj = project("full")
    proj.write("extra.rst", "Extra\n=====\n\n:term:`NATO`\n")
    proj.replace("index.rst", "   topics\n", "   topics\n   extra\n")
    proj.build()
    by_role = select_one(proj.html("extra"), "div.body a.reference.internal")
    automatic = exchange(proj.html("interview"), 2).select("a.reference.internal")[1]
    assert automatic.get_text() == by_role.get_text() == "NATO"
    assert automatic["class"] == by_role["class"]
    assert (
        automatic.span["class"] == by_role.span["class"] == ["xref", "std", "std-term"]
    )
    # The tooltip is the definition's first sentence.
    assert (
        automatic["title"]
        == "The North Atlantic Treaty Organization, a military alliance."
    )


def test_never_in_literals_links_rubrics_intro_or_other_case(
    full: FinishedBuild,
) -> None:
    page = without_citations(full.html("interview"))
    interview = select_one(page, "div.sphinx-interview")
    # Introduction and metadata header stay plain.
    intro = interview.find_all("p", recursive=False)[-1]
    assert "SCO" in intro.get_text()
    assert intro.find("a") is None
    answer1 = select_one(page, "#ivanov-2007-q1-answer")
    assert answer1.select_one("code").find("a") is None
    assert select_one(answer1, "p.rubric").find("a") is None
    answer2 = select_one(page, "#ivanov-2007-q2-answer")
    # "sco" and "Nato" are not the acronyms; the existing link stays as it was.
    body_links = answer2.select("p:not(.sphinx-interview-header) a")
    assert [(a.get_text(), a["href"]) for a in body_links] == [
        ("NATO", "https://www.nato.int")
    ]
    # "Peaceful Missions" is not "Peaceful Mission-2007".
    answer3 = select_one(page, "#ivanov-2007-q3-answer")
    assert len(answer3.select('a[href$="#term-Peaceful-Mission-2007"]')) == 0


def test_myst_interviews_are_linked_too(full: FinishedBuild) -> None:
    block = select_one(full.html("second"), "div.sphinx-interview-exchange")
    assert [text for text, _href in term_links(block)] == [
        "Shanghai Cooperation Organization",
        "Chelyabinsk Region",
        "Peaceful Mission-2007",
    ]


@pytest.mark.parametrize(("mode", "count"), [("all", 3), ("none", 0), ("first", 1)])
def test_link_terms_modes(built: SharedBuilds, mode: str, count: int) -> None:
    proj = built("full", interview_link_terms=mode)
    block = exchange(proj.html("interview"), 3)
    assert len(block.select('a[href$="#term-Peaceful-Mission-2007"]')) == count


def test_unlinked_terms_still_make_topics_and_backlinks(built: SharedBuilds) -> None:
    proj = built("full", interview_link_terms="none")
    assert exchange(proj.html("interview"), 3).select('a[href*="#term-"]') == []
    backrefs = proj.html("glossary").select("p.sphinx-interview-backrefs a")
    assert "Ivanov 2007, Q3" in [text_of(a) for a in backrefs]
    index = select_one(proj.html("interview-topics"), "div.body")
    assert index_anchors(index)["Chelyabinsk Region"] == "topic-chelyabinsk-region"


@pytest.mark.parametrize("glossary_name", ["aaa-glossary", "zzz-glossary"])
def test_glossary_read_before_or_after_the_interviews(
    project: ProjectFactory, glossary_name: str
) -> None:
    proj = project("full")
    (proj.srcdir / "glossary.rst").rename(proj.srcdir / f"{glossary_name}.rst")
    proj.replace("index.rst", "   glossary\n", f"   {glossary_name}\n")
    proj.build()
    assert proj.warnings() == []
    links = term_links(exchange(proj.html("interview"), 2))
    assert links == [
        ("SCO", f"{glossary_name}.html#term-SCO"),
        ("NATO", f"{glossary_name}.html#term-NATO"),
    ]


def test_mentioned_in_backlinks(full: FinishedBuild) -> None:
    glossary = full.html("glossary")
    backrefs = {
        text_of(dd.find_previous_sibling("dt")): [
            (text_of(a), a["href"]) for a in dd.select("p.sphinx-interview-backrefs a")
        ]
        for dd in glossary.select("dl.glossary > dd")
    }
    assert backrefs["Shanghai Cooperation Organization"] == [
        ("Ivanov 2007, Q1", "interview.html#ivanov-2007-q1"),
        ("Ivanov 2007, Q2", "interview.html#ivanov-2007-q2"),
        ("An official, 2010, Q1", "second.html#second-2010-q1"),
    ]
    assert backrefs["NATO"] == [("Ivanov 2007, Q2", "interview.html#ivanov-2007-q2")]
    assert backrefs["Bishkek"] == []
    # A line of links: each has the question's first sentence as its tooltip.
    titles = [
        a["title"]
        for dd in glossary.select("dl.glossary > dd")
        if text_of(dd.find_previous_sibling("dt")) == "NATO"
        for a in dd.select("p.sphinx-interview-backrefs a")
    ]
    assert titles == ["Is the SCO an anti-NATO alliance?"]
    labels = glossary.select("dl.glossary > dd p.sphinx-interview-backrefs strong")
    assert {label.get_text() for label in labels} == {"Mentioned in:"}


def test_backlinks_can_be_switched_off(built: SharedBuilds) -> None:
    proj = built("full", interview_glossary_backrefs=False)
    assert proj.html("glossary").select("p.sphinx-interview-backrefs") == []


def record(*names: str) -> TermRecord:
    return TermRecord("glossary", names, tuple(f"term-{n}" for n in names), "", 1)


def test_matcher_whole_words_case_and_longest_match() -> None:
    matcher = TermMatcher(
        [record("SCO"), record("SCO Charter"), record("observer status")]
    )
    text = "The SCO Charter, SCOs, sco, OBSERVER STATUS and observer\nstatus; (SCO)."
    found = [(text[m.start : m.end], m.term) for m in matcher.matches(text)]
    assert found == [
        ("SCO Charter", 1),
        ("OBSERVER STATUS", 2),
        ("observer\nstatus", 2),
        ("SCO", 0),
    ]


def test_matcher_finds_exactly_the_names_of_a_large_glossary() -> None:
    """5,000 entries whose names share words and prefixes ("term1 word",
    "term17 word", "term170 word", "term17 word list"): a text naming some of
    them among near misses gives exactly those, each its longest name."""
    terms = [record(f"term{i} word") for i in range(5000)]
    terms.append(record("term17 word list"))  # entry 5000: a longer name
    matcher = TermMatcher(terms)
    named = [*range(0, 5000, 97), 4999]
    near_misses = [
        "term5000 word",  # no such entry
        "xterm3 word",  # not at a word's start
        "term3 words",  # not at a word's end
        "term3word",
        "term3_ word",
        "term 3 word",
    ]
    pieces: list[str] = []
    expected: list[tuple[str, int]] = []
    for position, index in enumerate(named):
        name = f"term{index} word"
        if position % 3 == 1:
            name = name.upper()  # not an acronym: any case matches
        pieces += [near_misses[position % len(near_misses)], name]
        expected.append((name, index))
    pieces += ["term17 word list", "term17 word", "term170 word"]
    expected += [("term17 word list", 5000), ("term17 word", 17), ("term170 word", 170)]
    text = ", ".join(pieces)
    found = [(text[m.start : m.end], m.term) for m in matcher.matches(text)]
    assert found == expected


def test_a_nested_question_links_each_name_once(project: ProjectFactory) -> None:
    """A question inside an answer is walked with the outer exchange, then with
    its own: the links the first walk made count as uses in the second."""
    proj = project("full")
    proj.write(
        "nested.rst",
        "Nested\n======\n\n.. interview:: Nested talk\n   :interviewee: Ann Roe\n\n"
        "   .. question:: Is it about the SCO?\n\n"
        "   .. answer::\n\n      It is.\n\n"
        "      .. question:: And the SCO, then NATO, and NATO again, and the SCO?\n",
    )
    proj.replace("index.rst", "   topics\n", "   topics\n   nested\n")
    proj.build()
    nested = select_one(
        proj.html("nested"), "#nested-talk-q1-answer .sphinx-interview-question"
    )
    assert [text for text, _href in term_links(nested)] == ["SCO", "NATO"]
