# The two commands of the README, and what they stand on.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench score

$(STAMP): pyproject.toml constraints.txt scripts/ensure-ocr
	./scripts/ensure-ocr
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Install, create the SQLite database, ingest the real packs, serve on http://127.0.0.1:8000
demo: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite (unit, integration with PostgreSQL + Redis + a real worker, browser), plus lint
test: $(STAMP)
	./scripts/ensure-chromium
	./scripts/ensure-axe
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/web.py

score: $(STAMP)
	$(BIN)/python bench/score_corpus.py --verbose
