# palabre — `make demo` and `make test` set everything up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE := $(shell $(PYTHON) -c 'import sys; print(f"lib/python{sys.version_info[0]}.{sys.version_info[1]}/site-packages")')
APT_PACKAGES := python3-grammalecte hunspell-fr chromium
DEMO_PORT ?= 8000

.PHONY: install system-deps demo serve test test-fast lint typecheck eval bench bench-http bench-large clean

## Debian packages (Grammalecte for the language checks, Chromium for the browser tests).
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets Debian :$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

$(BIN)/palabre: pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@# Grammalecte comes from Debian: expose that one package to the venv, not all dist-packages.
	mkdir -p $(VENV)/$(SITE)/_palabre_debian
	ln -sfn /usr/lib/python3/dist-packages/grammalecte $(VENV)/$(SITE)/_palabre_debian/grammalecte
	echo "_palabre_debian" > $(VENV)/$(SITE)/palabre_debian.pth
	$(BIN)/python -c "import grammalecte, palabre"
	touch $@

install: system-deps $(BIN)/palabre

demo: install
	$(BIN)/palabre demo --port $(DEMO_PORT)

serve: install
	$(BIN)/palabre serve

test: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests eval bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	MYPYPATH=src:tests $(BIN)/mypy --strict --explicit-package-bases tests
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not browser" -x -q

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/lint-imports
	$(BIN)/ruff format --check src tests eval bench

typecheck: install
	$(BIN)/mypy
	MYPYPATH=src:tests $(BIN)/mypy --strict --explicit-package-bases tests

eval: install
	$(BIN)/palabre eval

bench: install
	$(BIN)/python bench/engine_bench.py

## palabre against Isso 0.14 over HTTP (wrk, same data, same number of workers); docs/benchmarks.md.
bench-http: install
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -q wrk; }
	$(BIN)/python bench/run.py

## 1 million comments on SQLite and PostgreSQL, then unloaded read latencies and query plans.
bench-large: install
	$(BIN)/python bench/generate.py
	$(BIN)/python bench/large_read.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
