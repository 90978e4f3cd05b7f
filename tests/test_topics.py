"""The topic index: page, directive and filters, role, general index, LaTeX."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_interview.names import fold, fold_any, sort_key

from .helpers import (
    FinishedBuild,
    SharedBuilds,
    index_anchors,
    index_counts,
    index_headings,
    select_one,
    text_of,
)


@pytest.fixture(scope="module")
def full(built: SharedBuilds) -> FinishedBuild:
    """The "full" root in HTML, built once: the tests below only read it."""
    return built("full")


IVANOV_Q1 = ("Ivanov 2007, Q1", "interview.html#ivanov-2007-q1")
IVANOV_Q2 = ("Ivanov 2007, Q2", "interview.html#ivanov-2007-q2")
IVANOV_Q3 = ("Ivanov 2007, Q3", "interview.html#ivanov-2007-q3")
SECOND_Q1 = ("An official, 2010, Q1", "second.html#second-2010-q1")
# A topic set on a whole interview is listed once, for the interview.
IVANOV = ("Ivanov 2007 (whole interview)", "interview.html#ivanov-2007-interview")
SECOND = ("An official, 2010 (whole interview)", "second.html#second-2010")

EXPECTED = {
    "Chelyabinsk Region": [IVANOV_Q3, SECOND_Q1],
    "Drug trafficking": [IVANOV_Q1, SECOND_Q1],
    "Émigrés": [IVANOV_Q3],
    "exercises": [IVANOV_Q3, SECOND],
    "Military alliance": [IVANOV_Q2],
    "NATO": [IVANOV_Q2],
    "Peaceful Mission-2007": [IVANOV_Q3, SECOND_Q1],
    "SCO": [IVANOV_Q1, IVANOV_Q2, SECOND_Q1],
    "Security": [IVANOV],
    "three evils": [IVANOV_Q1],
}


def test_index_page(full: FinishedBuild) -> None:
    assert full.warnings() == []
    page = full.html("interview-topics")
    body = select_one(page, "div.body")
    assert text_of(select_one(body, "h1")) == "Topic Index"
    # Topics sort case-insensitively with accents folded ("Émigrés" under E);
    # "drug trafficking" from the second interview joins "Drug trafficking";
    # glossary entries used in an exchange are topics under their first name.
    found = index_headings(body)
    assert list(found) == list(EXPECTED)
    assert found == EXPECTED
    # Each topic is a heading with the number of exchanges it covers (a whole
    # interview counts its exchanges), and has an anchor :interview:topic:
    # links to.
    counts = index_counts(body)
    assert counts["Security"] == "(3)"
    assert counts["exercises"] == "(2)"
    nato = select_one(body, "#topic-nato")
    assert text_of(select_one(nato, "h3")) == "NATO (1)"
    # Each link is followed by the question's first sentence, not given it as a
    # tooltip too.
    assert text_of(select_one(nato, "li")) == (
        "Ivanov 2007, Q2 — Is the SCO an anti-NATO alliance?"
    )
    assert body.select(".sphinx-interview-index a[title]") == []
    letters = ["C", "D", "E", "M", "N", "P", "S", "T"]
    assert [text_of(h) for h in body.select("h2.sphinx-interview-letter")] == letters
    # Letters to jump to, each leading to its group.
    nav = select_one(body, "nav.sphinx-interview-letters")
    assert [(text_of(a), a["href"]) for a in nav.select("a")] == [
        (letter, f"#letter-{letter.lower()}") for letter in letters
    ]
    assert all(body.select(a["href"]) for a in nav.select("a"))


def test_directive_and_filters(full: FinishedBuild) -> None:
    sections = [
        section
        for section in full.html("topics").select("section section")
        if section.select_one(".sphinx-interview-index")
    ]
    all_topics, only_two, only_second = (index_headings(s) for s in sections)
    assert all_topics == EXPECTED
    assert only_two == {
        "Drug trafficking": EXPECTED["Drug trafficking"],
        "NATO": [IVANOV_Q2],
    }
    assert only_second == {
        topic: [link]
        for topic, links in EXPECTED.items()
        for link in links
        if link in (SECOND_Q1, SECOND)
    }
    # The same structure as the index page, with anchors of its own.
    first = sections[0]
    assert first.select_one("nav.sphinx-interview-letters a")["href"] == (
        "#topics-1-letter-c"
    )
    assert select_one(first, "#topics-1-topic-nato") is not None
    assert first.select("h3.sphinx-interview-letter")  # its section is an h2


def test_topic_role_and_ref(full: FinishedBuild) -> None:
    nato = select_one(
        full.html("analysis"), 'a[href="interview-topics.html#topic-nato"]'
    )
    assert nato.get_text() == "NATO"
    index_link = select_one(
        full.html("index"), 'div.body p a[href="interview-topics.html"]'
    )
    assert index_link.get_text() == "Topic Index"


def test_interview_topics_link_to_the_index(full: FinishedBuild) -> None:
    meta = select_one(full.html("interview"), "dl.sphinx-interview-meta")
    link = select_one(meta, "a.reference")
    assert (link.get_text(), link["href"]) == (
        "Security",
        "interview-topics.html#topic-security",
    )


def test_general_index_lists_topics(full: FinishedBuild) -> None:
    """Each topic once, leading to its entry on the topic index page (which lists
    its exchanges); a glossary term's own entry and its topic share a heading."""
    genindex = select_one(full.html("genindex"), "div.body")
    anchors = index_anchors(full.html("interview-topics"))

    def links(name: str) -> list[str]:
        (entry,) = [
            li
            for li in genindex.select("table.indextable li")
            if text_of(li).split(",")[0] == name
        ]
        return [a["href"] for a in entry.find_all("a", recursive=False)]

    assert links("Military alliance") == [
        f"interview-topics.html#{anchors['Military alliance']}"
    ]
    # A topic also used in another case is one entry, under its first spelling.
    assert links("Drug trafficking") == [
        f"interview-topics.html#{anchors['Drug trafficking']}"
    ]
    # A glossary term: its definition (in bold, the main entry), then the topic.
    assert links("Chelyabinsk Region") == [
        "glossary.html#term-Chelyabinsk-Region",
        f"interview-topics.html#{anchors['Chelyabinsk Region']}",
    ]


def test_auto_topics_can_be_switched_off(built: SharedBuilds) -> None:
    proj = built("full", interview_auto_topics=False)
    found = index_headings(select_one(proj.html("interview-topics"), "div.body"))
    assert "Chelyabinsk Region" not in found
    assert found["NATO"] == [IVANOV_Q2]  # given by :topics:
    assert "SCO" not in found


def test_latex_gives_topics_in_the_general_index(built: SharedBuilds) -> None:
    """In the PDF the topics are in the back-of-book index, two levels deep
    (topic, then exchange), not in a separate flat list."""
    proj = built("full", "latex")
    assert proj.warnings() == []
    tex = next(proj.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxstyleindexentry{NATO}" not in tex
    # Sort keys have their numbers padded, so that Q2 comes before Q10.
    assert (
        r"\index{NATO@\spxentry{NATO}!Ivanov 002007, Q000002"
        r"@\spxentry{Ivanov 2007, Q2}" in tex
    )
    # A topic of the whole interview, once, at the interview.
    assert (
        r"\index{Security@\spxentry{Security}!Ivanov 002007"
        r"@\spxentry{Ivanov 2007}" in tex
    )
    assert "Security@\\spxentry{Security}!Ivanov 002007, Q" not in tex


def test_sorting_is_natural() -> None:
    names = ["b", "Émile", "a10", "A2", "ábc", "Z"]
    assert sorted(names, key=sort_key) == ["A2", "a10", "ábc", "b", "Émile", "Z"]
    assert fold("  Émigrés  Now ") == "emigres now"
    assert fold("Cross-Border  'Talks'") == "cross border 'talks'"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_folding_plain_ascii_takes_a_shortcut_to_the_same_key(name: str) -> None:
    assert fold(name) == fold_any(name)


def test_topic_names_are_searchable(full: FinishedBuild) -> None:
    """The page holding ``interview-topics`` is found by its topics' names
    (the generated links are left out of the search index on purpose)."""
    index = json.loads(
        full.output("searchindex.js").removeprefix("Search.setIndex(").rstrip(");\n")
    )
    topics_page = index["docnames"].index("topics")

    def pages(word: str) -> set[int]:
        found = index["terms"][word]
        return set(found) if isinstance(found, list) else {found}

    # "Émigrés" is written as a topic of the interview only, never in its text.
    assert topics_page in pages("émigré")
    assert topics_page in pages("chelyabinsk")
