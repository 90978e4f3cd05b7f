"""Sphinx configuration of the sphinx_interview showcase (``make demo``)."""

from sphinx_interview import __version__

project = "sphinx_interview showcase"
author = "sphinx_interview"
copyright = "2007 RIA Novosti (interview text); sphinx_interview (showcase)"
# The showcase carries the version of the extension it shows (EPUB3 needs one).
version = release = __version__

# The extension itself, and MyST so that analysis.md can be written in Markdown.
extensions = ["sphinx_interview", "myst_parser"]
myst_enable_extensions = ["colon_fence"]  # allows :::{interview} fences too
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

exclude_patterns = ["_build"]

# The default theme (alabaster) is used: no html_theme setting. A short title keeps
# the navigation bars of themes such as pydata-sphinx-theme readable.
html_title = "sphinx_interview showcase"

# Translations: locale/<lang>/LC_MESSAGES/<document>.po, one catalogue per page.
# Build the Russian version with ``-D language=ru`` (``make demo LANGUAGE=ru``).
locale_dirs = ["locale/"]
gettext_compact = False

# PDF: ``make pdf`` expects the LaTeX file to be called sphinxinterviewshowcase.tex.
latex_documents = [
    (
        "index",  # start document
        "sphinxinterviewshowcase.tex",  # target file
        "Interviews: the SCO in 2007",  # title
        r"sphinx\_interview",  # author: raw LaTeX, hence the escaped underscore
        "manual",  # document class
    ),
]
