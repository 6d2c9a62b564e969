# Two entry points: `make export` runs the pipeline, `make test` runs every check (`make report`:
# the page of charts from the marts `make export` built; `make test-fast`: the tests that take
# seconds, while you work; `make test-pythons`: those under each other Python the classifiers claim).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
MELTANO_VENV := .meltano-venv
MELTANO := $(MELTANO_VENV)/bin/meltano
export MELTANO_SEND_ANONYMOUS_USAGE_STATS := false
# Python keeps each module it compiles (__pycache__, git-ignored; uv installs none). Where the
# environment sets PYTHONDONTWRITEBYTECODE (this machine's does), each of the suite's hundreds
# of processes (taps, Meltano, dbt, the workers) compiled Meltano, the SDK and dbt from source
# again: about 200 s of CPU from a fresh clone.
unexport PYTHONDONTWRITEBYTECODE
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# mkdocs-material prints a banner about MkDocs 2.0 on every build otherwise.
export NO_MKDOCS_2_WARNING := 1

# Branch coverage of the package, the taps the tests start included (see [tool.coverage.*]
# in pyproject.toml); its data goes in the venv, out of git's way. A whole run measured
# 95.0%; the floor leaves a point for branches only some runs take (retries, races).
COVERAGE := --cov=tap_smartlead_inbox --cov-branch --cov-report=term --cov-fail-under=94
export COVERAGE_FILE := $(abspath $(VENV))/.coverage
# The tests run in parallel (pytest-xdist); tests that share something (Meltano's run folder, a
# module's fixture) run in one worker: XDIST_GROUPS in tests/conftest.py. Three workers on this
# 2-core machine for the whole suite, whose taps spend much of their time waiting on the
# sandbox's clock: four took 336-397 s where two took 445-531 s, but starved the sandbox's threads
# enough to reorder its answers, and a test of a list that changes while it is read failed in
# about one run in seven (never in 18 runs three at a time). One worker a core for the fast
# suite, where each worker's collecting the tests costs more than the little waiting there is.
PARALLEL := -n 3 --dist loadgroup
FAST_PARALLEL := -n auto --dist loadgroup

.PHONY: export report test test-fast test-pythons install lint clean postgres chromium

export: $(VENV)/.installed .meltano/.installed
	MELTANO=$(MELTANO) $(VENV)/bin/python scripts/export.py

# One HTML page of charts (smartlead_report/) from the marts of the file `make export` loads on
# the sandbox; REPORT_DATABASE=output/smartlead_inbox.duckdb for the file your own load fills.
REPORT_DATABASE ?= output/sandbox_demo.duckdb
report: $(VENV)/.installed
	$(VENV)/bin/python -m smartlead_report --database $(REPORT_DATABASE)

# The whole suite, with `make lint` in the background on the CPU the suite leaves idle, then
# `make test-pythons` (scripts/test_all.sh).
test: $(VENV)/.installed .meltano/.installed postgres chromium
	VENV=$(VENV) MELTANO=$(MELTANO) bash scripts/test_all.sh $(PARALLEL) $(COVERAGE)

# No Meltano, no PostgreSQL, no tap started as a process (tests/conftest.py marks those slow),
# and a fifth of each property test's examples (tests/support/examples.py).
test-fast: $(VENV)/.installed
	EXAMPLES_SCALE=0.2 $(VENV)/bin/python -m pytest -m "not slow" -q $(FAST_PARALLEL)

# The fast suite under every Python the classifiers claim but $(VENV)'s, each in a venv of its
# own (.venv-3.X, made with uv); one not found is skipped with one line, a failure under CI.
test-pythons: $(VENV)/.installed
	VENV=$(VENV) bash scripts/test_pythons.sh

# The docs site too (mkdocs.yml): a broken link or anchor, or a page left out of nav, fails it.
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mkdocs build --strict

install: $(VENV)/.installed .meltano/.installed

# The warehouse tests start a PostgreSQL server of their own; this installs it if missing.
postgres:
	bash scripts/ensure_postgres.sh

# The report's tests open it in a real headless Chromium; this installs Debian's if missing.
chromium:
	bash scripts/ensure_chromium.sh

# The tap and its development tools, installed by uv (seconds where pip takes a minute), which
# pip first installs into the venv; the same range as pyproject.toml's.
UV := $(VENV)/bin/uv
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q 'uv>=0.5,<1'
	$(UV) pip install -q --python $(VENV)/bin/python -e '.[dev]'
	touch $@

# Meltano in its own environment (it pins SQLAlchemy < 2.1), then the plugins (Meltano makes
# their venvs with uv too).
$(MELTANO_VENV)/.installed: | $(VENV)/.installed
	rm -rf $(MELTANO_VENV)
	$(UV) venv -q --python $(PYTHON) $(MELTANO_VENV)
	$(UV) pip install -q --python $(MELTANO_VENV)/bin/python 'meltano~=4.4.1'
	touch $@

# The CSV loader is installed from loaders/ (a copy, not editable): a change there reinstalls it.
.meltano/.installed: meltano.yml pyproject.toml $(wildcard loaders/*/*) $(MELTANO_VENV)/.installed
	$(MELTANO) install
	touch $@

clean:
	rm -rf $(VENV) $(VENV)-3.* $(MELTANO_VENV) .meltano exports site transform/target transform/logs
