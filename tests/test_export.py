"""Data out and citation (SPEC §11): ``interviews.json`` against its schema,
TEI read back with an XML parser, citations on the pages, BibTeX and CSL-JSON
files read by the libraries reference tools use, JSON-LD read as linked data."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest
import rdflib
from bs4 import BeautifulSoup
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from defusedxml import ElementTree

from sphinx_interview.export import model

from .helpers import Project, ProjectFactory, select_one, text_of

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
BASE = "https://archive.example.org/oral/"

CONF = f"""\
extensions = ["sphinx_interview", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
project = "Harbour Voices"
html_baseurl = "{BASE}"
version = release = "1.0"
"""

PANEL = """\
Panel
=====

.. interview:: Life by the sea
   :name: panel
   :date: 1987-06-02
   :interviewer: Bob Roe
   :interviewee: Ann Lee
   :topics: coast
   :media: https://media.example.org/panel.mp3

   .. question:: Where were you born?
      :time: 0:05
      :topics: childhood

      In the village?

   .. answer:: By the sea, near the old LORAN station.
      :time: 0:09.5

      We moved inland later.

   .. answer:: I was born inland.
      :speaker: Hélène Dupont
      :time: 1:00

   .. question:: Untimed?

   .. answer:: Yes.

Terms
-----

.. glossary::

   LORAN
      A radio navigation system.
"""

MYST = """\
# Markdown

::::{interview} A Markdown talk
:name: md-talk
:interviewer: Kim Park
:interviewee: José Núñez

:::{question}
Why Markdown?
:::

:::{answer}
Because it is plain.
:::
::::
"""


def archive(project: ProjectFactory) -> Project:
    proj = project(conf=CONF)
    proj.write("index.rst", "Archive\n=======\n\n.. toctree::\n\n   panel\n   md\n")
    proj.write("panel.rst", PANEL)
    proj.write("md.md", MYST)
    return proj


def schema() -> dict[str, Any]:
    path = resources.files("sphinx_interview.export") / "interviews.schema.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def read_json(proj: Project) -> dict[str, Any]:
    data = json.loads((proj.outdir / "interviews.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    return dict(data)


def test_interviews_json(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build("interview-json")
    assert proj.warnings() == []
    data = read_json(proj)
    assert data["version"] == 1
    panel, talk = data["interviews"]
    assert {key: panel[key] for key in ("id", "title", "short", "date")} == {
        "id": "panel",
        "title": "Life by the sea",
        "short": "Ann Lee, 1987",
        "date": "1987-06-02",
    }
    assert (panel["interviewer"], panel["interviewee"]) == ("Bob Roe", "Ann Lee")
    assert panel["docname"] == "panel"
    # The section "Panel" holds the id "panel": the interview gets the next.
    assert panel["anchor"] == "panel-interview"
    assert panel["url"] == BASE + "panel.html#panel-interview"
    assert panel["media"] == "https://media.example.org/panel.mp3"
    assert panel["topics"] == ["coast"]
    # No :language: on the interview: the build's (Sphinx's default, English).
    assert panel["language"] == "en"
    first, second = panel["exchanges"]
    assert first["number"] == 1
    assert first["url"] == BASE + "panel.html#" + first["anchor"]
    assert first["topics"] == ["childhood"]
    assert first["terms"] == ["LORAN"]
    question = first["question"]
    assert question["speaker"] == "Bob Roe"
    assert question["text"] == "Where were you born?\n\nIn the village?"
    assert (question["time"], question["timecode"]) == (5, "0:00:05")
    own, other = first["answers"]
    assert own["speaker"] == "Ann Lee"
    # Word for word, paragraphs kept, without the generated header line.
    assert own["text"] == (
        "By the sea, near the old LORAN station.\n\nWe moved inland later."
    )
    assert own["time"] == 9.5
    assert (other["speaker"], other["time"]) == ("Hélène Dupont", 60)
    assert "time" not in second["question"]
    # MyST as reST.
    assert talk["id"] == "md-talk"
    assert talk["exchanges"][0]["answers"][0]["text"] == "Because it is plain."
    assert talk["exchanges"][0]["question"]["speaker"] == "Kim Park"


def test_json_without_base_url_and_in_parallel(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.replace("conf.py", f'html_baseurl = "{BASE}"', "")
    proj.build("interview-json")
    serial = read_json(proj)
    assert serial["interviews"][0]["url"] == "panel.html#panel-interview"
    proj.build("interview-json", parallel=2)
    assert read_json(proj) == serial


def test_tei(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build("interview-tei")
    assert proj.warnings() == []
    assert sorted(p.name for p in proj.outdir.glob("*.xml")) == [
        "md-talk.xml",
        "panel.xml",
    ]
    root = ElementTree.parse(proj.outdir / "panel.xml").getroot()
    assert root.tag == f"{TEI}TEI"
    title = root.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
    assert title is not None
    assert title.text == "Life by the sea"
    persons = {
        person.get(XML_ID): (person.get("role"), person.findtext(f"{TEI}persName"))
        for person in root.iter(f"{TEI}person")
    }
    assert sorted(persons.values()) == [
        ("interviewee", "Ann Lee"),
        ("interviewer", "Bob Roe"),
        ("speaker", "Hélène Dupont"),
    ]
    # Every utterance names its speaker by a person's id, in document order.
    utterances = list(root.iter(f"{TEI}u"))
    speakers = [persons[u.get("who", "")[1:]][1] for u in utterances]
    assert speakers == ["Bob Roe", "Ann Lee", "Hélène Dupont", "Bob Roe", "Ann Lee"]
    assert [seg.text for seg in utterances[1].iter(f"{TEI}seg")] == [
        "By the sea, near the old LORAN station.",
        "We moved inland later.",
    ]
    # Times: each timed utterance starts at a point of the timeline.
    points = {
        when.get(XML_ID): when.get("interval") for when in root.iter(f"{TEI}when")
    }
    starts = [points.get(u.get("start", "#")[1:]) for u in utterances]
    assert starts == ["5", "9.5", "60", None, None]
    keywords = [term.text for term in root.iter(f"{TEI}term")]
    assert keywords == ["coast", "childhood"]
    # No timeline where nothing is timed.
    talk = ElementTree.parse(proj.outdir / "md-talk.xml").getroot()
    assert talk.find(f".//{TEI}timeline") is None


def test_changed_interview_files_rewritten_others_not(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build("interview-tei")
    panel = proj.outdir / "panel.xml"
    talk = proj.outdir / "md-talk.xml"
    before = (panel.stat().st_mtime_ns, talk.stat().st_mtime_ns)
    proj.replace("md.md", "Because it is plain.", "Because it reads well.")
    proj.build("interview-tei", fresh=False)
    assert panel.stat().st_mtime_ns == before[0]
    assert talk.stat().st_mtime_ns != before[1]
    assert "Because it reads well." in talk.read_text(encoding="utf-8")
    # The JSON follows the edit too.
    proj.build("interview-json")
    proj.replace("md.md", "Because it reads well.", "Because.")
    proj.build("interview-json", fresh=False)
    talk_data = read_json(proj)["interviews"][1]
    assert talk_data["exchanges"][0]["answers"][0]["text"] == "Because."


def cites(page: BeautifulSoup) -> list[str]:
    return [
        text_of(select_one(cite, ".sphinx-interview-cite-text"))
        for cite in page.select("details.sphinx-interview-cite")
    ]


def test_cite_every_question_and_answer(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build()
    assert proj.warnings() == []
    page = proj.html("panel")
    work = "Ann Lee, interview by Bob Roe, “Life by the sea”, 1987-06-02"
    url = BASE + "panel.html#"
    anchors = [
        block["id"]
        for block in page.select(".sphinx-interview-question, .sphinx-interview-answer")
    ]
    assert cites(page) == [
        f"{work}, {BASE}panel.html#panel-interview.",
        f"{work}, question 1, at 0:00:05, {url}{anchors[0]}.",
        f"{work}, answer 1, at 0:00:09.500, {url}{anchors[1]}.",
        f"{work}, answer 1.2 (Hélène Dupont), at 0:01:00, {url}{anchors[2]}.",
        f"{work}, question 2, {url}{anchors[3]}.",
        f"{work}, answer 2, {url}{anchors[4]}.",
    ]
    # Each question's and answer's own, inside it, usable without JavaScript.
    for block in page.select(".sphinx-interview-question, .sphinx-interview-answer"):
        cite = select_one(block, "details.sphinx-interview-cite")
        assert select_one(cite, "summary").get_text() == "Cite"
        assert select_one(cite, "a")["href"] == url + block["id"]


def test_citation_files(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build()
    page = proj.html("panel")
    header = select_one(page, ".sphinx-interview > details.sphinx-interview-cite")
    files = {text_of(a): str(a["href"]) for a in header.select("a[download]")}
    assert files == {"BibTeX": "panel.bib", "CSL-JSON": "panel.csl.json"}
    bib = bibtexparser.loads((proj.outdir / files["BibTeX"]).read_text("utf-8"))
    (entry,) = bib.entries
    assert entry["ID"] == "panel"
    assert entry["author"] == "Ann Lee"
    assert entry["title"] == "Life by the sea"
    assert entry["howpublished"] == "Interview by Bob Roe"
    assert entry["year"] == "1987"
    assert entry["url"] == BASE + "panel.html#panel-interview"
    items = json.loads((proj.outdir / files["CSL-JSON"]).read_text("utf-8"))
    assert items[0]["type"] == "interview"
    assert items[0]["interviewer"] == [{"literal": "Bob Roe"}]
    assert items[0]["issued"] == {"date-parts": [[1987, 6, 2]]}
    # CSL's medium names a kind of medium; the recording's URL is no such thing.
    assert "medium" not in items[0]
    # The CSL-JSON renders with a CSL style.
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(
        style, CiteProcJSON(items), formatter.plain
    )
    bibliography.register(Citation([CitationItem("panel")]))
    (rendered,) = [str(item) for item in bibliography.bibliography()]
    assert rendered == (
        "Ann Lee (1987) “Life by the sea”, Harbour Voices. Available at: "
        f"{BASE}panel.html#panel-interview."
    )


def test_meta_tags_and_json_ld(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build()
    page = proj.html("panel")
    meta = [(m["name"], m["content"]) for m in page.select("meta[name^=citation_]")]
    assert ("citation_title", "Life by the sea") in meta
    assert ("citation_author", "Ann Lee") in meta
    assert ("citation_date", "1987-06-02") in meta
    assert ("citation_language", "en") in meta
    (script,) = page.select('script[type="application/ld+json"]')
    graph = linked_data(script.string or "")
    schema = rdflib.Namespace("https://schema.org/")
    interview = rdflib.URIRef(BASE + "panel.html#panel-interview")
    assert (interview, rdflib.RDF.type, schema.Conversation) in graph
    assert str(graph.value(interview, schema.name)) == "Life by the sea"
    author = graph.value(interview, schema.author)
    assert str(graph.value(author, schema.name)) == "Ann Lee"
    role = graph.value(interview, schema.contributor)
    assert str(graph.value(role, schema.roleName)) == "interviewer"
    interviewer = graph.value(role, schema.contributor)
    assert str(graph.value(interviewer, schema.name)) == "Bob Roe"
    questions = list(graph.objects(interview, schema.hasPart))
    assert len(questions) == 2
    assert all((q, rdflib.RDF.type, schema.Question) in graph for q in questions)
    answers = list(graph.subjects(rdflib.RDF.type, schema.Answer))
    assert len(answers) == 3
    # A page without an interview carries none of it.
    index = proj.html("index")
    assert not index.select('script[type="application/ld+json"], meta[name^=citation_]')


def linked_data(text: str) -> rdflib.Graph:
    """The page's JSON-LD as RDF, offline: the schema.org context given inline."""
    data = json.loads(text)
    assert data["@context"] == "https://schema.org"
    data["@context"] = {"@vocab": "https://schema.org/"}
    graph = rdflib.Graph()
    graph.parse(data=json.dumps(data), format="json-ld")
    return graph


def test_switched_off(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.build(interview_citations=False, interview_jsonld=False)
    page = proj.html("panel")
    assert not page.select(".sphinx-interview-cite, meta[name^=citation_]")
    assert not page.select('script[type="application/ld+json"]')
    assert not list(proj.outdir.glob("*.bib"))
    # JSON-LD without citations, and the other way round.
    proj.build(interview_citations=False)
    page = proj.html("panel")
    assert page.select('script[type="application/ld+json"]')
    assert not page.select(".sphinx-interview-cite")


HOSTILE = """\
Odd
===

.. interview:: </script><b>Title</b> {with} 100% & #1_~^ a\\\\b
   :name: odd
   :date: spring 1987
   :interviewer: Smith and Sons
   :interviewee: A {B} C

   .. question:: Anything?

   .. answer:: Nothing </script> at all.
"""


@pytest.mark.parametrize("builder", ["html", "interview-json", "interview-tei"])
def test_odd_metadata(project: ProjectFactory, builder: str) -> None:
    proj = project(conf=CONF)
    proj.write("index.rst", HOSTILE)
    proj.build(builder)
    # The date is shown as written, with a warning; everything else is valid.
    assert proj.warnings() == [
        'index.rst:6: WARNING: invalid ":date:" value "spring 1987" (expected '
        "YYYY-MM-DD, YYYY-MM or YYYY); shown as written [interview.bad_option]"
    ]
    title = "</script><b>Title</b> {with} 100% & #1_~^ a\\b"
    if builder == "interview-json":
        interview = read_json(proj)["interviews"][0]
        # Only a date that is one: the page shows what was written.
        assert (interview["title"], interview["date"]) == (title, None)
    elif builder == "interview-tei":
        root = ElementTree.parse(proj.outdir / "odd.xml").getroot()
        assert root.findtext(f".//{TEI}title") == title
    else:
        page = proj.html()
        (script,) = page.select('script[type="application/ld+json"]')
        assert (
            str(
                linked_data(script.string or "").value(
                    rdflib.URIRef(BASE + "index.html#odd-interview"),
                    rdflib.URIRef("https://schema.org/name"),
                )
            )
            == title
        )
        (entry,) = bibtexparser.loads(
            Path(proj.outdir, "odd.bib").read_text("utf-8")
        ).entries
        # Special characters escaped; a name with "and" kept whole.
        assert entry["author"] == r"A \{B\} C"
        assert entry["howpublished"] == "Interview by Smith and Sons"
        assert entry["title"] == (
            r"</script><b>Title</b> \{with\} 100\% \& \#1\_"
            r"\textasciitilde{}\textasciicircum{} a\textbackslash{}b"
        )
        assert "year" not in entry
        csl = json.loads(Path(proj.outdir, "odd.csl.json").read_text("utf-8"))
        assert "issued" not in csl[0]


def test_schema_and_model_agree() -> None:
    """The schema shipped for readers names exactly the fields the exports
    are made of."""
    definitions = schema()["$defs"]
    for name, shape in (
        ("interview", model.Interview),
        ("exchange", model.Exchange),
        ("block", model.Block),
    ):
        keys = shape.__required_keys__ | shape.__optional_keys__
        assert set(definitions[name]["properties"]) == keys, name
        optional = {"time", "timecode"} if name == "block" else set()
        assert set(definitions[name]["required"]) == keys - optional, name


@pytest.mark.parametrize(
    ("builder", "page", "bib", "count", "url"),
    [
        ("singlehtml", "index", "panel.bib", 9, "index.html#panel-q1"),
        ("dirhtml", "panel/index", "../panel.bib", 6, "panel/#panel-q1"),
    ],
)
def test_cite_in_other_html_builders(
    project: ProjectFactory, builder: str, page: str, bib: str, count: int, url: str
) -> None:
    proj = archive(project)
    proj.build(builder)
    assert proj.warnings() == []
    html = proj.html(page)
    # Each interview's header and each question and answer on the page: in a
    # single page, both interviews'.
    cites = html.select("details.sphinx-interview-cite")
    assert len(cites) == count
    assert cites[1].select_one("a[href]") is not None
    assert text_of(cites[1]).endswith(f"{BASE}{url}.")
    assert html.select_one(f'a[download][href="{bib}"]') is not None
    assert (proj.outdir / "panel.bib").is_file()
    assert (proj.outdir / "md-talk.csl.json").is_file()
    assert html.select('script[type="application/ld+json"]')


def test_citations_in_a_csl_style(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.write(
        "conf.py",
        proj.read("conf.py") + 'interview_citation_style = "harvard-cite-them-right"\n',
    )
    proj.build()
    assert proj.warnings() == []
    page = proj.html("panel")
    reference = "Ann Lee (1987) “Life by the sea”, Harbour Voices. Available at: "
    url = BASE + "panel.html#"
    assert cites(page)[:3] == [
        f"{reference}{url}panel-interview.",
        f"{reference}{url}panel-q1. Question 1, at 0:00:05.",
        f"{reference}{url}panel-q1-answer. Answer 1, at 0:00:09.500.",
    ]
    # The URL is a link wherever the style puts it.
    first = page.select("details.sphinx-interview-cite")[1]
    assert (
        select_one(first, ".sphinx-interview-cite-text a")["href"] == f"{url}panel-q1"
    )


def test_a_csl_style_that_cannot_be_loaded(project: ProjectFactory) -> None:
    proj = archive(project)
    proj.write(
        "conf.py", proj.read("conf.py") + 'interview_citation_style = "nowhere"\n'
    )
    proj.build()
    (warning,) = proj.warnings()
    assert warning.startswith(
        "conf.py:6: WARNING: interview_citation_style = 'nowhere' cannot be used: "
    )
    assert warning.endswith("; using the built-in citations [interview.bad_config]")
    # The built-in citations instead.
    assert cites(proj.html("panel"))[1].startswith("Ann Lee, interview by Bob Roe")
