# Two commands set up a fresh machine (see README):
#   make run   – virtualenv, packages, SQLite, demo data, app on http://127.0.0.1:8000 (make run PORT=8001)
#   make test  – virtualenv, packages, ruff, the whole test suite
# Besides python3 (3.11) and make, WeasyPrint needs Pango: `make check-system` says what to install.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Debian/Ubuntu packages the PDF documents need (the Dockerfile installs the same).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2

# The suite on both cores; the tests of an xdist group (the shared demo load, tests/demo_fixture.py) in one process.
PYTEST_ARGS ?= -n 2 --dist loadgroup --durations=30

.PHONY: run test lint install worker check-system lock

# What the browser tests inject into pages (axe-core, package.json), when npm is there; without it those tests skip.
NPM := $(shell command -v npm 2>/dev/null)
BROWSER_CHECKS := $(if $(NPM),node_modules/.installed)
node_modules/.installed: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --silent
	touch $@

# requirements.lock pins every package, for this virtualenv and for the image (Dockerfile) alike.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock ".[test]"
	touch $(STAMP)

install: $(STAMP) check-system

check-system: $(STAMP)
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || { \
	  echo "WeasyPrint cannot load Pango, so no PDF can be made. On Debian/Ubuntu install:"; \
	  echo "  sudo apt-get install $(SYSTEM_PACKAGES)"; \
	  echo "(other systems: the Pango packages named in WeasyPrint's installation notes)"; exit 1; }

run: export DJANGO_DEBUG ?= 1
run: $(STAMP) check-system
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/python -m ruff check .

test: $(STAMP) check-system lint $(BROWSER_CHECKS)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

worker: export DJANGO_DEBUG ?= 1
worker: $(STAMP)
	$(BIN)/python -m celery -A emulation worker --loglevel=info

# After changing the dependencies in pyproject.toml: pin them again.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/python -m piptools compile --quiet --extra test --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.lock pyproject.toml
