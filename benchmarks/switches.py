"""Promises of the extension switched off inside one measured build.

Never an option of the extension: ``benchmarks.costs`` sets
``BENCHMARK_SWITCH_OFF`` and ``build_process.py`` calls :func:`switch_off` before
Sphinx starts, to price what one promise of the README or the specification costs
an incremental build. Each switch replaces one function of the measured snapshot;
a name that no longer exists stops the run instead of measuring nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

#: The switches whose replacement the build called: one that never ran switched
#: nothing off (``build_process.py`` reports them).
FIRED: set[str] = set()


def _replace(
    switch: str, module_name: str, path: str, make: Callable[[Any], Any]
) -> None:
    """Replace ``module.path`` (``"Class.method"`` or ``"function"``) by
    ``make(original)``, noting in :data:`FIRED` when it is called."""
    owner: Any = importlib.import_module(module_name)
    *parents, name = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    original = getattr(owner, name, None)
    if original is None:
        raise SystemExit(f"switches: {module_name}.{path} is gone; update the switch")
    replacement = make(original)

    def fired(*args: Any, **kwargs: Any) -> Any:
        FIRED.add(switch)
        return replacement(*args, **kwargs)

    setattr(owner, name, fired)


def automatic_ref() -> None:
    """Automatic anchors (``<id>-q3``, ``<id>-q3-answer``) are not lent to
    Sphinx's standard domain: no ``:ref:`` to them, no ``std:label`` entry in
    ``objects.inv``. (``:name:`` labels and interview ids still are.)"""

    def make(lend: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def lend_named(env: Any, domain: Any) -> Any:
            automatic = {
                label
                for record in domain.docs.values()
                for exchange in record.exchanges
                for label in (
                    exchange.auto_label,
                    *(a.auto_label for a in exchange.answers),
                )
            }
            table = domain.tables.labels
            targets = table.targets
            # A filtered copy for the call: the table itself, and its order,
            # stay as they are for the rest of the build.
            table.targets = {k: v for k, v in targets.items() if k not in automatic}
            try:
                return lend(env, domain)
            finally:
                table.targets = targets

        return lend_named

    _replace("automatic-ref", "sphinx_interview.publish", "_publish_labels", make)


def other_half() -> None:
    """``objects.inv`` without the entries by which a question's label names its
    answer and an answer's label its question. The search index keeps its
    entries: where one of those was searched, an entry named by its link text
    takes its place, as the inventory had before the search rode on labels."""

    def make(objects: Callable[[Any], Iterator[Any]]) -> Callable[[Any], Iterator[Any]]:
        def own_kind_only(table: Any) -> Iterator[Any]:
            for entry in objects(table):
                label, text, kind, docname, anchor, priority = entry
                target = table.targets.get(label)
                if target is None or target.kind == kind:
                    yield entry
                elif priority == 1:
                    yield text, text, kind, docname, anchor, 1

        return own_kind_only

    _replace("other-half", "sphinx_interview.labels", "LabelTable.objects", make)


def interview_contents() -> None:
    """No interview entries in Sphinx's contents (and so none for the questions,
    which hang below them)."""
    _replace(
        "interview-contents",
        "sphinx_interview.page_contents",
        "add_entries",
        lambda _: _nothing,
    )


def domain_objects() -> None:
    """No ``interview:`` entry in ``objects.inv`` and none in the search index
    (the labels lent to the standard domain stay)."""
    _replace(
        "domain-objects",
        "sphinx_interview.domain",
        "InterviewDomain.get_objects",
        lambda _: _none,
    )


def _nothing(*_: object) -> None:
    return None


def _none(*_: object) -> Iterator[Any]:
    return iter(())


SWITCHES: dict[str, Callable[[], None]] = {
    "automatic-ref": automatic_ref,
    "other-half": other_half,
    "interview-contents": interview_contents,
    "domain-objects": domain_objects,
}


def switch_off(names: list[str]) -> None:
    for name in names:
        SWITCHES[name]()
