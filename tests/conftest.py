"""Fixtures: Sphinx's own test fixtures, our test roots, a project builder and
builds shared by the tests that only read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import Project, ProjectFactory, SharedBuilds

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


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> SharedBuilds:
    """``built("full")``: a fresh build of a test root, made once per test run
    for all the tests that only read it."""
    return SharedBuilds(tmp_path_factory, ROOTS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the slow tests first: under xdist, the other worker is then not
    left waiting for them at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
