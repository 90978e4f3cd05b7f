# sphinx_interview — every target sets up what it needs.
#
#   make demo                 build example_docs to HTML (creates .venv)
#   make demo LANGUAGE=ru     the same, in Russian
#   make test                 the whole test suite (creates .venv, installs system tools)
#   make lint                 ruff and mypy --strict
#   make images               the README's pictures in docs/images/
#   make pdf / make epub      example_docs as PDF (latexmk) / EPUB
#   make bench                the benchmark against plain Sphinx
#   make costs                what each promise costs a text edit (benchmarks/costs.py)

PYTHON ?= python3
VENV ?= .venv
LANGUAGE ?= en
PYTEST_ARGS ?= -n auto
# Extra pip arguments, e.g. PIP_ARGS="-c .ci/oldest-supported.txt".
PIP_ARGS ?=
BIN := $(VENV)/bin
DOCS := example_docs
AXE_CORE := tests/node_modules/axe-core/axe.min.js
BUILD := $(DOCS)/_build
# Doctrees live outside the output directories: the EPUB builder would list them.
SPHINXBUILD = $(BIN)/sphinx-build -W --keep-going -D language=$(LANGUAGE) \
	-d $(BUILD)/doctrees-$@-$(LANGUAGE)

.PHONY: demo test lint images pdf epub data bench costs system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One stamp per set of extras; reinstalled when pyproject.toml changes.
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet $(PIP_ARGS) -e '.[$*]'
	touch $@

demo: $(VENV)/.installed-myst
	$(SPHINXBUILD) -b html $(DOCS) $(BUILD)/html-$(LANGUAGE)
	@echo
	@echo "The showcase is built. Open it in a browser:"
	@echo "  file://$(CURDIR)/$(BUILD)/html-$(LANGUAGE)/index.html"

pdf: $(VENV)/.installed-myst system-deps
	$(SPHINXBUILD) -b latex $(DOCS) $(BUILD)/latex-$(LANGUAGE)
	$(MAKE) -C $(BUILD)/latex-$(LANGUAGE) LATEXMKOPTS="-interaction=nonstopmode -halt-on-error"
	@echo "PDF: $(CURDIR)/$(BUILD)/latex-$(LANGUAGE)/sphinxinterviewshowcase.pdf"

epub: $(VENV)/.installed-myst
	$(SPHINXBUILD) -b epub $(DOCS) $(BUILD)/epub-$(LANGUAGE)
	@echo "EPUB: $(CURDIR)/$(BUILD)/epub-$(LANGUAGE)/"

data: $(VENV)/.installed-myst
	$(SPHINXBUILD) -b interview-json $(DOCS) $(BUILD)/json-$(LANGUAGE)
	$(SPHINXBUILD) -b interview-tei $(DOCS) $(BUILD)/tei-$(LANGUAGE)
	@echo "interviews.json: $(CURDIR)/$(BUILD)/json-$(LANGUAGE)/interviews.json"
	@echo "TEI: $(CURDIR)/$(BUILD)/tei-$(LANGUAGE)/"

test: $(VENV)/.installed-test system-deps $(AXE_CORE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# axe-core for the browser tests, at the version tests/package-lock.json pins,
# installed before the tests so that they never reach the network.
$(AXE_CORE): tests/package.json tests/package-lock.json | system-deps
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	touch $@

images: $(VENV)/.installed-test system-deps
	$(BIN)/python -m tests.images

lint: $(VENV)/.installed-test
	$(BIN)/ruff check sphinx_interview tests benchmarks
	$(BIN)/ruff format --check sphinx_interview tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

costs: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.costs $(COSTS_ARGS)

# LaTeX, poppler, EPUBCheck, Java and Chromium for the output tests, npm for
# axe-core: installed with apt-get when missing (as root), else the missing ones
# are named.
system-deps:
	@sh .ci/system-deps.sh

clean:
	rm -rf $(BUILD) .pytest_cache .mypy_cache .ruff_cache
