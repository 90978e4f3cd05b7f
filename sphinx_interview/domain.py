"""``InterviewDomain``: the one home of cross-document data.

It keeps one :class:`DocRecord` per document (``data["docs"]``), which makes
``clear_doc`` and ``merge_domaindata`` exact. Also kept between builds: the
glossary mentions already found (``data["mentions"]``), the digests of what other
pages show of the project as last written (``data["published"]``, see
``updates.py``) and what was written into Sphinx's own domains
(``data["lent"]``, see ``publish.py``). Tables are derived from the records on
demand (``tables.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import TYPE_CHECKING, Any, cast

from sphinx.domains import Domain, ObjType

from .collector import exchange_texts
from .labels import Entry, label_key
from .links import TOPIC_INDEX_PAGE, one_doctree_per_document
from .locale import _
from .records import DocRecord
from .tables import Tables
from .xrefs import ROLE_KINDS, InterviewXRefRole, refnode, topic_refnode

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


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
    initial_data = {
        "docs": {},
        # The texts of the exchanges read in this build: see collector.Collected.
        "texts": {},
        "mentions": {},
        "published": {},
        "lent": {},
    }
    # Bump when the records change shape: Sphinx then re-reads every document.
    data_version = 2

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._tables: Tables | None = None
        #: Documents read in this build (in this process or merged from workers).
        self.read_now: set[str] = set()
        #: Whether this build looked at the index pages on disk, and those kept
        #: as they are (see ``writers/html_index_pages.skip_unchanged_pages``).
        self.pages_checked = False
        self.pages_kept: set[str] = set()
        #: This build's builder (``builder-inited``), which Sphinx gives neither
        #: the indexes (``index_pages.py``) nor ``links.IndexPageReferences``.
        self.builder: Builder | None = None

    @property
    def docs(self) -> dict[str, DocRecord]:
        return cast("dict[str, DocRecord]", self.data["docs"])

    @property
    def tables(self) -> Tables:
        if self._tables is None:
            self._tables = Tables(
                self.docs,
                document_order(self.env),
                self.data["mentions"],
                self.text_of,
                auto_topics=self.env.config.interview_auto_topics,
            )
        return self._tables

    def note_record(
        self, docname: str, record: DocRecord, texts: dict[str, str]
    ) -> None:
        """Keep what the collector read from ``docname`` (``doctree-read``)."""
        self._store(docname, record)
        self.data["texts"][docname] = texts
        self.read_now.add(docname)

    def remember_mentions(self) -> None:
        """Keep the glossary mentions found in this build for the next one, and
        let the texts they were found in go: they are not worth their space in
        the stored environment (``text_of`` finds them again if need be)."""
        self.data["mentions"] = self.tables.mentions.memo()
        self.data["texts"] = {}

    def text_of(self, docname: str, text_key: str) -> str:
        """An exchange's text: read in this build, else from its stored doctree
        (only when the glossary's names changed since the document was read)."""
        texts: dict[str, dict[str, str]] = self.data["texts"]
        if docname not in texts or text_key not in texts[docname]:
            doctree = self.env.get_doctree(docname)
            texts[docname] = exchange_texts(docname, doctree)
        return texts[docname].get(text_key, "")

    def _store(self, docname: str, record: DocRecord | None) -> None:
        if record:
            self.docs[docname] = record
        else:
            self.docs.pop(docname, None)
        self._tables = None

    def lacks(
        self, builder: Builder, docname: str, needs: Callable[[DocRecord], bool]
    ) -> bool:
        """Whether the doctree of ``docname`` surely holds nothing a handler
        ``needs`` (judged by the record, without walking the doctree)."""
        if not one_doctree_per_document(builder):
            return False
        record = self.docs.get(docname)
        return record is None or not needs(record)

    def clear_doc(self, docname: str) -> None:
        self.data["texts"].pop(docname, None)
        if docname in self.docs:
            self._store(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        # Duplicate labels across the workers' chunks are found in updates.py,
        # once every record is in, so -j N warns exactly as -j 1 does.
        for docname in docnames:
            self._store(docname, otherdata["docs"].get(docname))
            if docname in otherdata["texts"]:
                self.data["texts"][docname] = otherdata["texts"][docname]
        self.read_now.update(docnames)

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
            topic = self.tables.topics.find(target)
            if topic is None:
                return None
            kept = TOPIC_INDEX_PAGE in self.pages_kept
            return topic_refnode(builder, fromdocname, topic, node, contnode, kept=kept)
        found = self.tables.labels.find(target)
        if found is None or found.kind not in ROLE_KINDS.get(typ, ()):
            return None
        return refnode(builder, fromdocname, typ, found, node, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.tables.labels.find(target)
        # Our labels are standard labels too (see publish.py), which ``:any:``
        # and MyST ``[](#label)`` already find through the std domain; answering
        # here as well would make them warn "more than one target found".
        if found is None or label_key(target) in env.domains.standard_domain.labels:
            return []
        link = refnode(builder, fromdocname, found.kind, found, node, contnode)
        return [(f"interview:{found.kind}", link)]

    def get_objects(self) -> Iterable[Entry]:
        return self.tables.labels.objects()
