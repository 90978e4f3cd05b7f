"""Benchmarks of sphinx_interview against plain Sphinx: ``python -m benchmarks.run``."""
