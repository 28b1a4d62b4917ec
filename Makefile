# Every target creates .venv when missing and installs the project into it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo ui test lint bench fixtures schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	bash scripts/demo.sh

ui: $(STAMP)
	$(BIN)/casefacts serve --demo

test: $(STAMP)
	bash scripts/install-system-deps.sh
	bash scripts/test.sh

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench.throughput

fixtures: $(STAMP)
	$(BIN)/python -m fixtures.generate

schema: $(STAMP)
	$(BIN)/casefacts schema > schemas/casefile.schema.json

clean:
	rm -rf $(VENV) out test-artifacts .pytest_cache
