# auditdesk — two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB := .demo/auditdesk.db

.PHONY: demo test lint typecheck contracts pytest bench samples clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(DEMO_DB): $(VENV)/.installed $(wildcard sample_ledgers/*)
	mkdir -p .demo
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	rm -rf .demo/documents
	$(BIN)/auditdesk --db $(DEMO_DB) demo sample_ledgers --documents .demo/documents

demo: $(DEMO_DB)
	$(BIN)/auditdesk --db $(DEMO_DB)

test: $(VENV)/.installed-test
	$(BIN)/ruff check auditdesk tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -q

samples: $(VENV)/.installed
	$(BIN)/python -m auditdesk.samples sample_ledgers

bench: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/checks_bench.py

clean:
	rm -rf .demo .pytest_cache .mypy_cache .ruff_cache
