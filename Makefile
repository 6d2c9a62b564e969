# Two entry points: `make export` runs the pipeline, `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
MELTANO_VENV := .meltano-venv
MELTANO := $(MELTANO_VENV)/bin/meltano
export MELTANO_SEND_ANONYMOUS_USAGE_STATS := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: export test install lint clean postgres

export: $(VENV)/.installed .meltano/.installed
	MELTANO=$(MELTANO) $(VENV)/bin/python scripts/export.py

test: $(VENV)/.installed .meltano/.installed postgres lint
	MELTANO=$(MELTANO) $(VENV)/bin/python -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

install: $(VENV)/.installed .meltano/.installed

# The warehouse tests start a PostgreSQL server of their own; this installs it if missing.
postgres:
	bash scripts/ensure_postgres.sh

# The tap and its development tools.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -e '.[dev]'
	touch $@

# Meltano in its own environment (it pins SQLAlchemy < 2.1), then the plugins.
$(MELTANO_VENV)/.installed:
	$(PYTHON) -m venv $(MELTANO_VENV)
	$(MELTANO_VENV)/bin/python -m pip install -q --upgrade pip
	$(MELTANO_VENV)/bin/python -m pip install -q 'meltano~=4.4.1'
	touch $@

# The CSV loader is installed from loaders/ (a copy, not editable): a change there reinstalls it.
.meltano/.installed: meltano.yml pyproject.toml $(wildcard loaders/*/*) $(MELTANO_VENV)/.installed
	$(MELTANO) install
	touch $@

clean:
	rm -rf $(VENV) $(MELTANO_VENV) .meltano exports
