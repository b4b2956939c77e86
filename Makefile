# The two commands of the README: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install system-deps lint messages clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Install, migrate a SQLite database, load the demo data and serve it on http://$(HOST):$(PORT)
demo: install
	$(VENV)/bin/observatory demo
	@echo ""
	@echo "  Open http://$(HOST):$(PORT)/  (API: http://$(HOST):$(PORT)/api/docs/, admin: /admin/)"
	@echo ""
	$(VENV)/bin/observatory runserver $(HOST):$(PORT)

## Install what the tests need (chromium, PostgreSQL) and run them on SQLite, then PostgreSQL
test: system-deps install
	$(VENV)/bin/ruff check .
	env -u DATABASE_URL $(VENV)/bin/pytest
	scripts/with-postgres.sh $(VENV)/bin/pytest

system-deps:
	scripts/install-system-deps.sh

lint: install
	$(VENV)/bin/ruff check .

## Refresh the translation catalogues after changing user-facing strings (needs gettext)
messages: install
	cd src/observatory && ../../$(VENV)/bin/observatory makemessages -l fr --no-obsolete
	cd src/observatory && ../../$(VENV)/bin/observatory compilemessages

clean:
	rm -rf $(VENV) observatory.sqlite3 test-artifacts
