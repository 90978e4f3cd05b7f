"""``InterviewDomain``: the one home of cross-document data.

It stores one :class:`DocRecord` per document (``data["docs"]``), which makes
``clear_doc`` and ``merge_domaindata`` exact, and the view of everything other
pages show of it as last written (``data["published"]``, see ``updates.py``).
Lookups are derived from the records on demand.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from .collector import collect
from .i18n import _
from .lookup import Lookup
from .records import DocRecord, Kind, Target
from .roles import InterviewXRefRole

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


#: Which kinds of target each role may link to.
ROLE_KINDS = {
    "question": {"question", "answer"},
    "answer": {"question", "answer"},
    "interview": {"interview"},
}


#: Sphinx names domain index pages ``<domain>-<index>``: see ``topic_index.py``.
TOPIC_INDEX_PAGE = "interview-topics"


def document_order(env: BuildEnvironment) -> list[str]:
    """Documents in the order a reader meets them: the toctree's, then the rest."""
    order: list[str] = []
    seen: set[str] = set()
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen.add(docname)
        order.append(docname)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    order.extend(sorted(env.found_docs - seen))
    return order


def interview_domain(env: BuildEnvironment) -> InterviewDomain:
    return cast("InterviewDomain", env.domains[InterviewDomain.name])


class InterviewDomain(Domain):
    name = "interview"
    label = "Interview"
    object_types = {
        "interview": ObjType(_("interview"), "interview"),
        "question": ObjType(_("question"), "question"),
        "answer": ObjType(_("answer"), "answer"),
    }
    roles = {
        "question": InterviewXRefRole(),
        "answer": InterviewXRefRole(),
        "interview": InterviewXRefRole(),
        "topic": InterviewXRefRole(),
    }
    #: ``mentions``: the glossary entries found in exchange texts, kept between
    #: builds (see ``Lookup.mentions``).
    initial_data = {"docs": {}, "published": {}, "mentions": {}}
    # Bump when the records change shape: Sphinx then re-reads every document.
    data_version = 1

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._lookup: Lookup | None = None
        #: Documents read in this build (in this process or merged from workers).
        self.read_now: set[str] = set()

    @property
    def docs(self) -> dict[str, DocRecord]:
        return cast("dict[str, DocRecord]", self.data["docs"])

    @property
    def published(self) -> dict[str, object]:
        return cast("dict[str, object]", self.data["published"])

    @property
    def lookup(self) -> Lookup:
        if self._lookup is None:
            self._lookup = Lookup(
                self.docs,
                document_order(self.env),
                auto_topics=self.env.config.interview_auto_topics,
                memo=self.data.setdefault("mentions", {}),
            )
        return self._lookup

    def _store(self, docname: str, record: DocRecord | None) -> None:
        if record:
            self.docs[docname] = record
        else:
            self.docs.pop(docname, None)
        self._lookup = None

    def clear_doc(self, docname: str) -> None:
        if docname in self.docs:
            self._store(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        # Duplicate labels across the workers' chunks are found in updates.py,
        # once every record is in, so -j N warns exactly as -j 1 does.
        for docname in docnames:
            self._store(docname, otherdata["docs"].get(docname))
        self.read_now.update(docnames)

    def process_doc(
        self, env: BuildEnvironment, docname: str, document: nodes.document
    ) -> None:
        link_terms = env.config.interview_link_terms != "none"
        self._store(docname, collect(docname, document, link_terms))
        self.read_now.add(docname)

    # -- resolving -------------------------------------------------------------

    def find(self, typ: str, target: str) -> Target | None:
        """The target a ``typ`` role may link to, or ``None``."""
        found = self.lookup.targets.get(target.lower())
        if found is None or found.kind not in ROLE_KINDS.get(typ, ()):
            return None
        return found

    def _refnode(
        self,
        builder: Builder,
        fromdocname: str,
        typ: str,
        found: Target,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference:
        anchor = found.anchor
        if typ == "question":
            anchor = found.question_anchor
        elif typ == "answer" and found.kind == "question":
            anchor = found.answer_anchor
        if not node.get("refexplicit"):
            text = self.lookup.link_text(found)
            contnode = nodes.inline(text, text, classes=contnode["classes"])
        # The tooltip names what the link leads to: ``:answer:`` given a
        # question's label leads to the answer.
        kind: Kind = found.kind
        if typ in ("question", "answer"):
            kind = cast("Kind", typ)
        title = self.lookup.ref_title(found, kind)
        return make_refnode(
            builder, fromdocname, found.docname, anchor, contnode, title
        )

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "topic":
            return self._topic_refnode(builder, fromdocname, target, node, contnode)
        found = self.find(typ, target)
        if found is None:
            return None
        return self._refnode(builder, fromdocname, typ, found, node, contnode)

    def _topic_refnode(
        self,
        builder: Builder,
        fromdocname: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """A link to a topic's entry on the index page.

        ``make_refnode`` raises ``NoUri`` for builders without that page (LaTeX,
        man, Texinfo); Sphinx then shows the text without a link or a warning.
        """
        topic = self.lookup.topic(target)
        if topic is None:
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline(topic.name, topic.name, classes=contnode["classes"])
        return make_refnode(
            builder, fromdocname, TOPIC_INDEX_PAGE, topic.anchor, contnode, topic.name
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        # Every label is also a standard label (see updates.py), which ``:any:``
        # and MyST ``[](#label)`` already find through the std domain; answering
        # here as well would make them warn "more than one target found".
        label = target.lower()
        if label in env.domains.standard_domain.labels:
            return []
        found = self.lookup.targets.get(label)
        if found is None:
            return []
        typ = found.kind
        return [
            (
                f"interview:{typ}",
                self._refnode(builder, fromdocname, typ, found, node, contnode),
            )
        ]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        return self.lookup.objects
