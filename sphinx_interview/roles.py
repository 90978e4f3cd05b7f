"""The cross-reference roles ``:question:``, ``:answer:`` and their domain forms."""

from __future__ import annotations

from docutils import nodes
from sphinx.roles import XRefRole


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
