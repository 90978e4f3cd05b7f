"""Random sequences of edits: after each, an incremental build equals a fresh one.

Steps add, edit, rename and delete interview pages, respell their topics, reorder
the toctree and edit the glossary. Two pages of analysis cite every interview in
every way a page can: roles, ``:ref:`` to a target written before a question,
``:any:``, MyST links, topic links; a topics page lists all topics.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.slow

TERMS = ["SCO", "NATO", "Bishkek", "three evils", "observer status"]
# Spellings of one topic each: the first written in reading order is shown.
TOPICS = [
    ["security", "Security", "SECURITY"],
    ["Résumé", "resume", "RÉSUMÉ"],
    ["C++", "c++"],
    ["❶ step", "❶ Step"],
    ["counter-terrorism", "Counter terrorism"],
]
CONF = 'extensions = ["sphinx_interview", "myst_parser"]\n'


def interview_page(name: str, version: int, topic: str, words: list[str]) -> str:
    sentence = " and ".join(words) or "nothing"
    return f"""\
{name}
{"=" * len(name)}

.. interview:: Talk {name} v{version}
   :name: {name}
   :interviewee: Person {name}
   :date: 20{10 + version % 10}
   :topics: {topic}

   .. question:: Question about {sentence}?
   .. answer:: An answer on {sentence}, version {version}.

   .. _{name}-target:

   .. question::
      :name: {name}-extra

      A second question, version {version}.

   .. answer:: The second answer.
"""


def glossary_page(terms: list[str]) -> str:
    entries = "\n".join(f"   {term}\n      The term {term}. More.\n" for term in terms)
    return f"Glossary\n========\n\n.. glossary::\n\n{entries}\n"


class IncrementalMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.base = Path(tempfile.mkdtemp(prefix="stateful-"))
        self.srcdir = self.base / "src"
        self.srcdir.mkdir()
        self.pages: dict[str, int] = {}
        #: Which topic, and which of its spellings, each page uses.
        self.spelling: dict[str, tuple[int, int]] = {}
        self.reversed = False
        self.terms = TERMS[:3]
        self.write("conf.py", CONF)
        self.write("glossary.rst", glossary_page(self.terms))
        self.write("topics.rst", "Topics\n======\n\n.. interview-topics::\n")
        self.counter = 0
        self.sync_index()
        self.build(fresh=True, builddir=self.base / "incremental")

    # -- helpers ---------------------------------------------------------------

    def write(self, name: str, text: str) -> None:
        (self.srcdir / name).write_text(text, encoding="utf-8")

    def sync_index(self) -> None:
        names = sorted(self.pages, reverse=self.reversed)
        pages = "".join(f"   {name}\n" for name in names)
        self.write(
            "index.rst",
            "Archive\n=======\n\n.. toctree::\n\n"
            f"{pages}   analysis\n   cited\n   glossary\n   topics\n",
        )
        cites = " ".join(
            f":answer:`{name}-q1` :question:`{name}-extra` :any:`{name}-q1` "
            f":ref:`{name}-target` :question:`{name}-target`"
            for name in sorted(self.pages)
        )
        topics = " ".join(f":interview:topic:`{group[0]}`" for group in TOPICS)
        self.write(
            "analysis.rst",
            f"Analysis\n========\n\nCited: {cites or 'nothing'}.\n\n{topics}\n",
        )
        links = " ".join(
            f"[](#{name}-q1) [the answer](#{name}-q1-answer) [](#{name}-target) "
            f"{{any}}`{name}-extra`"
            for name in sorted(self.pages)
        )
        self.write("cited.md", f"# Cited in MyST\n\n{links or 'Nothing.'}\n")

    def build(self, *, fresh: bool, builddir: Path) -> dict[str, str]:
        app = SphinxTestApp(
            "html", srcdir=self.srcdir, builddir=builddir, freshenv=fresh
        )
        try:
            app.build()
        finally:
            app.cleanup()
        pages = {}
        for path in sorted(Path(app.outdir).glob("*.html")):
            if path.stem == "search":
                continue
            if not any(
                (self.srcdir / f"{path.stem}{suffix}").exists()
                for suffix in (".rst", ".md")
            ) and path.stem not in ("interview-topics", "genindex"):
                continue  # pages of deleted documents stay on disk
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            body = soup.select_one("div.body")
            pages[path.name] = str(body)
        return pages

    def page_text(self, name: str, version: int) -> str:
        words = (
            [self.terms[(version + i) % len(self.terms)] for i in range(2)]
            if self.terms
            else []
        )
        group, spelling = self.spelling.setdefault(name, (version % len(TOPICS), 0))
        topic = TOPICS[group][spelling]
        return interview_page(name, version, topic, words)

    # -- steps -----------------------------------------------------------------

    @rule()
    def add_interview(self) -> None:
        self.counter += 1
        name = f"talk{self.counter}"
        self.pages[name] = self.counter
        self.write(f"{name}.rst", self.page_text(name, self.counter))
        self.sync_index()

    @precondition(lambda self: self.pages)
    @rule(data=st.data())
    def edit_interview(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.pages)))
        self.pages[name] += 7
        self.write(f"{name}.rst", self.page_text(name, self.pages[name]))

    @precondition(lambda self: self.pages)
    @rule(data=st.data())
    def rename_interview(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(sorted(self.pages)))
        self.counter += 1
        new = f"talk{self.counter}"
        (self.srcdir / f"{old}.rst").unlink()
        self.pages[new] = self.pages.pop(old)
        self.spelling[new] = self.spelling.pop(old)
        self.write(f"{new}.rst", self.page_text(new, self.pages[new]))
        self.sync_index()

    @precondition(lambda self: self.pages)
    @rule(data=st.data())
    def delete_interview(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.pages)))
        (self.srcdir / f"{name}.rst").unlink()
        del self.pages[name]
        del self.spelling[name]
        self.sync_index()

    @precondition(lambda self: self.pages)
    @rule(data=st.data())
    def respell_topic(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.pages)))
        group, spelling = self.spelling[name]
        self.spelling[name] = (group, (spelling + 1) % len(TOPICS[group]))
        self.write(f"{name}.rst", self.page_text(name, self.pages[name]))

    @rule()
    def reorder_toctree(self) -> None:
        self.reversed = not self.reversed
        self.sync_index()

    @rule(term=st.sampled_from(TERMS))
    def toggle_glossary_term(self, term: str) -> None:
        self.terms = (
            [t for t in self.terms if t != term]
            if term in self.terms
            else [*self.terms, term]
        )
        self.write("glossary.rst", glossary_page(self.terms))

    @invariant()
    def incremental_equals_fresh(self) -> None:
        incremental = self.build(fresh=False, builddir=self.base / "incremental")
        fresh_dir = self.base / "fresh"
        shutil.rmtree(fresh_dir, ignore_errors=True)
        fresh = self.build(fresh=True, builddir=fresh_dir)
        # Sphinx leaves a page it no longer writes on disk: the topic index once
        # no topic is left. Every page the fresh build writes must be identical.
        assert fresh.keys() <= incremental.keys()
        assert [page for page in fresh if incremental[page] != fresh[page]] == []

    def teardown(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


IncrementalMachine.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_incremental_state_machine = IncrementalMachine.TestCase
