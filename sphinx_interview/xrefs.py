"""Cross-references: the roles, the links they become, and their warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform

from . import nodes as interview_nodes
from .diagnostics import Subtype, warn
from .directives.context import has_interviews
from .links import (
    TOPIC_INDEX_PAGE,
    back_index_link,
    has_back_index,
    index_page_uri,
    link_to,
)
from .locale import _, __
from .values import format_time

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.domains import Domain

    from .labels import Target
    from .names import Heading
    from .records import Kind

#: Which kinds of target each role may link to.
ROLE_KINDS: dict[str, frozenset[str]] = {
    "question": frozenset({"question", "answer"}),
    "answer": frozenset({"question", "answer"}),
    "interview": frozenset({"interview"}),
}


class InterviewXRefRole(XRefRole):
    """A reference into the interview domain, also when used without the prefix.

    ``XRefRole`` takes the domain from the role name, so ``:question:`` alone would
    have none; this role always targets the ``interview`` domain. Labels are
    lower-cased like docutils names, and a dangling one is reported by
    ``warn-missing-reference`` (after intersphinx had its chance).
    """

    innernodeclass = nodes.inline

    def __init__(self) -> None:
        super().__init__(lowercase=True, warn_dangling=True)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "interview", self.name.rpartition(":")[2]
        self.classes = ["xref", "interview", f"interview-{self.reftype}"]
        if self.disabled:
            return self.create_non_xref_node()
        return self.create_xref_node()


def ref_title(target: Target, kind: Kind | None = None) -> str:
    """The ``:ref:`` text, also the tooltip: the title, or the numbered question.

    ``kind`` names what a link leads to when it differs from the label's target
    (``:answer:`` given a question's label).
    """
    kind = kind or target.kind
    if kind == "interview":
        return target.summary
    speaker = target.answer_speaker if kind == "answer" else ""
    return exchange_title(kind, target.number, target.summary, speaker)


def exchange_title(kind: Kind, number: int, summary: str, speaker: str = "") -> str:
    """ "Q3. First sentence of the question", "Answer to Q3. …", or, for an answer
    not by the interviewee, "Answer to Q3 by Anna Kova. …"."""
    values = {"number": number, "speaker": speaker}
    if kind == "question":
        title = str(_("Q%(number)d")) % values
    elif speaker:
        title = str(_("Answer to Q%(number)d by %(speaker)s")) % values
    else:
        title = str(_("Answer to Q%(number)d")) % values
    return f"{title}. {summary}" if summary else title


def refnode(
    builder: Builder,
    fromdocname: str,
    role: str,
    target: Target,
    node: pending_xref,
    contnode: nodes.Element,
) -> nodes.reference:
    """The link a ``role`` reference to ``target`` becomes (``NoUri`` where the
    builder has no page for it: Sphinx then shows the text)."""
    anchor, text = target.anchor, target.text
    kind: Kind = target.kind
    if role == "question":
        anchor, text, kind = target.question_anchor, target.question_text, "question"
    elif role == "answer":
        anchor, text, kind = target.answer_anchor, target.answer_text, "answer"
    if not node.get("refexplicit"):
        contnode = nodes.inline(text, text, classes=contnode["classes"])
    # The tooltip names what the link leads to, and where it is in the recording.
    title = ref_title(target, kind)
    time = {"question": target.question_time, "answer": target.answer_time}.get(kind)
    if time is not None:
        title = f"{title} · {format_time(time)}"
    return link_to(builder, fromdocname, target.docname, anchor, contnode, title)


def topic_refnode(
    builder: Builder,
    fromdocname: str,
    topic: Heading,
    node: pending_xref,
    contnode: nodes.Element,
    *,
    kept: bool,
) -> nodes.reference:
    """A link to a topic's entry on the index page; in a PDF to the back-of-book
    index; ``NoUri`` where the build has neither (single-page HTML, the page
    switched off)."""
    uri = index_page_uri(builder, fromdocname, TOPIC_INDEX_PAGE, kept=kept)
    if not node.get("refexplicit"):
        contnode = nodes.inline(topic.name, topic.name, classes=contnode["classes"])
    if uri is None:
        if not has_back_index(builder.name, builder.config):
            raise NoUri(topic.name)
        return back_index_link(contnode)
    reference = nodes.reference(
        "", "", internal=True, refuri=f"{uri}#{topic.anchor}", reftitle=topic.name
    )
    reference += contnode
    return reference


def warn_missing_reference(
    app: Sphinx, domain: Domain | None, node: pending_xref
) -> bool | None:
    """``warn-missing-reference``: our own message, type and subtype."""
    if domain is None or domain.name != "interview":
        return None
    target = node["reftarget"]
    role = node["reftype"]
    location = cast("nodes.Node", node)
    if role == "topic":
        if node.get("refwarn"):
            warn(__('unknown topic "%s"') % target, Subtype.UNKNOWN_TOPIC, location)
        return True
    from .domain import interview_domain

    found = interview_domain(app.env).tables.labels.find(target)
    if found is None:
        message = __('unknown %s label "%s"') % (role, target)
    else:
        wrong_kind = {
            "interview": __('"%s" is an interview, which :%s: cannot link to'),
            "question": __('"%s" is a question, which :%s: cannot link to'),
            "answer": __('"%s" is an answer, which :%s: cannot link to'),
        }
        message = wrong_kind[found.kind] % (target, role)
    warn(message, Subtype.UNKNOWN_LABEL, location)
    return True


class MystLocalLinks(SphinxTransform):
    """MyST links to a target on a question, answer or interview of the same page.

    MyST resolves ``[](#label)`` to a target of its own page itself, and gives
    the link the label as text ("#label") for want of a title; it gets the text
    ``:ref:`` would show, as links from other pages do.
    """

    # Right after MyST's ResolveAnchorIds (879).
    default_priority = 880

    def apply(self, **kwargs: Any) -> None:
        if not has_interviews(self.env):
            return
        for reference in self.document.findall(nodes.reference):
            target = self.document.ids.get(reference.get("refid", ""))
            if not isinstance(target, _CITABLE):
                continue
            text = reference.astext()
            if len(reference) != 1 or not text.startswith("#"):
                continue
            title = _local_title(target)
            if title:
                reference.children = []
                reference += nodes.inline(title, title, classes=["std", "std-ref"])


_CITABLE = (interview_nodes.interview, interview_nodes.question, interview_nodes.answer)


def _local_title(node: nodes.Element) -> str:
    """What ``:ref:`` shows for an element of the page being read."""
    from .summaries import SUMMARY_LENGTH, body_text, summarize

    if isinstance(node, interview_nodes.interview):
        title = next(iter(node.findall(interview_nodes.interview_title)), None)
        return " ".join(title.astext().split()) if title is not None else ""
    number = node.get("number")
    if not number:
        return ""
    question = node
    if isinstance(node, interview_nodes.answer) and node.parent is not None:
        # Its question is the one of the same number, in the same interview.
        question = next(
            (
                child
                for child in node.parent.children
                if isinstance(child, interview_nodes.question)
                and child.get("number") == number
            ),
            node,
        )
    kind: Kind = "answer" if isinstance(node, interview_nodes.answer) else "question"
    return exchange_title(kind, number, summarize(body_text(question), SUMMARY_LENGTH))
