"""Another project cites answers through intersphinx, reading objects.inv from disk."""

from __future__ import annotations

from .helpers import ProjectFactory, SharedBuilds, select_one, text_of

BASE_URL = "https://interviews.example.org/core/"


def test_external_answer_links(built: SharedBuilds, project: ProjectFactory) -> None:
    core = built("core")
    inventory = core.outdir / "objects.inv"

    citing = project("citing")
    citing.build(intersphinx_mapping={"core": (BASE_URL, str(inventory))})
    assert citing.warnings() == []
    body = select_one(citing.html(), "div.body")
    found = [(text_of(a), a["href"]) for a in body.select("a.reference.external")]
    assert found == [
        ("Ivanov 2007, A3", BASE_URL + "interview.html#ivanov-2007-q3-answer"),
        ("Ivanov 2007, Q2", BASE_URL + "interview.html#ivanov-2007-q2"),
        ("what Ivanov said", BASE_URL + "interview.html#ivanov-2007-q1-answer"),
        (
            "Interview of Igor Ivanov with RIA Novosti",
            BASE_URL + "interview.html#ivanov-2007",
        ),
        # Unknown in this project, so intersphinx finds it in the other one.
        ("Ivanov 2007, A2", BASE_URL + "interview.html#ivanov-2007-q2-answer"),
    ]
