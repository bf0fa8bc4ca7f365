# Two commands set up a fresh machine (see README):
#   make run   – virtualenv, packages, SQLite, demo data, app on http://127.0.0.1:8000
#   make test  – virtualenv, packages, ruff, the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The suite on both cores; tests through the real Celery worker stay together (tests/conftest.py).
PYTEST_ARGS ?= -n 2 --dist loadgroup

.PHONY: run test lint install worker

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: export DJANGO_DEBUG ?= 1
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

worker: export DJANGO_DEBUG ?= 1
worker: $(STAMP)
	$(BIN)/celery -A emulation worker --loglevel=info
