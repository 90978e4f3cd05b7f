"""The test suite; a package, so that its helper modules import one another."""

import pytest

# The helper modules assert too: pytest explains their failures as it does the
# tests' own (it rewrites only test modules and conftest.py by itself).
pytest.register_assert_rewrite("tests.helpers", "tests.pdf", "tests.tools")
