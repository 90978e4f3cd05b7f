"""reST and MyST (both fence styles) give the same interview doctree."""

from __future__ import annotations

import pytest

from sphinx_interview.nodes import interview

from .helpers import ProjectFactory

CONF = 'extensions = ["sphinx_interview", "myst_parser"]\nmyst_enable_extensions = ["colon_fence"]\n'

RST = """\
Page
====

.. interview:: Interview of Igor Ivanov with RIA Novosti
   :name: ivanov-2007
   :date: 2007-05-22
   :interviewer: RIA Novosti
   :interviewee: Igor Ivanov
   :source: https://example.org/original-transcript
   :topics: SCO; security

   Optional introduction with *emphasis*.

   .. question::
      :name: ivanov-sco-agenda
      :topics: SCO; information security

      What issues do you discuss with your colleagues?

   .. answer::

      We deal with the same issues.

      A second paragraph with ``code``.

   .. question::
      :speaker: A reader

      Is the SCO a military alliance?

   .. answer::
      :name: alliance

      No.

   .. answer::
      :speaker: Another official

      Also no.
"""

MYST_BACKTICKS = """\
# Page

`````{interview} Interview of Igor Ivanov with RIA Novosti
:name: ivanov-2007
:date: 2007-05-22
:interviewer: RIA Novosti
:interviewee: Igor Ivanov
:source: https://example.org/original-transcript
:topics: SCO; security

Optional introduction with *emphasis*.

````{question}
:name: ivanov-sco-agenda
:topics: SCO; information security

What issues do you discuss with your colleagues?
````

````{answer}
We deal with the same issues.

A second paragraph with `code`.
````

````{question}
:speaker: A reader

Is the SCO a military alliance?
````

````{answer}
:name: alliance

No.
````

````{answer}
:speaker: Another official

Also no.
````
`````
"""

MYST_COLONS = (
    MYST_BACKTICKS.replace("`````{interview}", "::::{interview}")
    .replace("`````\n", "::::\n")
    .replace("````{", ":::{")
    .replace("````\n", ":::\n")
)


def interview_tree(project: ProjectFactory, name: str, text: str) -> str:
    proj = project(conf=CONF)
    proj.write(name, text)
    app = proj.build()
    assert proj.warnings() == []
    doctree = app.env.get_doctree("index")
    found = list(doctree.findall(interview))
    assert len(found) == 1
    return found[0].pformat()


@pytest.mark.parametrize(
    ("name", "text"),
    [("index.md", MYST_BACKTICKS), ("index.md", MYST_COLONS)],
    ids=["myst-backtick-fences", "myst-colon-fences"],
)
def test_myst_gives_the_same_doctree_as_rst(
    project: ProjectFactory, name: str, text: str
) -> None:
    assert ("````" in text) != (":::{question}" in text)  # one fence style per case
    expected = interview_tree(project, "index.rst", RST)
    # Sanity: the tree holds the parts a reader sees (the exchanges around the
    # questions and the header lines are made when writing).
    for part in ("<question", "<answer", "<interview_meta", "<interview_header"):
        assert part in expected
    assert interview_tree(project, name, text) == expected
