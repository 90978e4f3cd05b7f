"""Fixtures: Sphinx's own test fixtures, our test roots, and a project builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import Project, ProjectFactory

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def project(tmp_path: Path, make_app: object) -> ProjectFactory:
    """``project("core")`` copies ``roots/test-core`` to a fresh directory.

    ``project()`` starts from an empty directory with only a conf.py.
    """

    count = 0

    def factory(root: str | None = None, conf: str | None = None) -> Project:
        nonlocal count
        count += 1
        return Project.create(tmp_path / f"project{count}", make_app, ROOTS, root, conf)

    return factory
