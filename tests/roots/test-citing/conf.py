# A second project citing the "core" project through intersphinx. The mapping
# is set by the test (confoverrides) to read core's objects.inv from disk.
extensions = ["sphinx.ext.intersphinx", "sphinx_interview"]
project = "Citing"
intersphinx_mapping: dict[str, tuple[str, str]] = {}
