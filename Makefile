# Guerilla Policy: `make run` to see the site, `make test` to check it. `make help` lists the rest.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
DEMO_PASSWORD ?= guerilla-demo
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export TEST_DATABASE_URL
# A database of the benchmark's own: it adds 11,000 pages to whatever it is given.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/guerilla_bench
# The demo content alone, for `make size-bench` to compare with.
DEMO_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/guerilla_demo

.DEFAULT_GOAL := help
.PHONY: help install install-dev run worker deploy backup restore setup test lint check pytest pytest-sqlite pytest-postgres screenshots benchmark bench size-bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed ## Create .venv and install the site

install-dev: $(VENV)/.installed-dev ## Create .venv with the development extras

setup: install ## Migrate, set up roles and load the demo content
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_roles
	$(MANAGE) load_demo_content --password '$(DEMO_PASSWORD)' --site-address 'http://$(HOST):$(PORT)'
	@echo
	@echo "Demo accounts (password: $(DEMO_PASSWORD)):"
	@echo "  admin  - administrator"
	@echo "  editor - Editors"
	@echo "  guest  - Guest bloggers"
	@echo "Site:  http://$(HOST):$(PORT)/    Admin: http://$(HOST):$(PORT)/admin/"

# The task worker (emails, index updates) runs beside the server in its own process group,
# and the whole group is stopped when the server stops (Ctrl-C included).
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: setup ## Set everything up and serve the site with demo content, with its task worker
	@setsid $(MANAGE) db_worker --reload & worker=$$!; \
	trap 'kill -TERM -$$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

deploy: install ## A deployment's steps on production settings: migrate, collectstatic, roles
	@bash scripts/deploy.sh

backup: install ## Save the database and media to backups/ (or OUTPUT=path.tar.gz)
	$(MANAGE) backup $(if $(OUTPUT),--output '$(OUTPUT)')

restore: install ## Replace the database and media with a backup: make restore BACKUP=path.tar.gz
	@test -n '$(BACKUP)' || { echo "Say which archive: make restore BACKUP=backups/….tar.gz"; exit 2; }
	$(MANAGE) restore '$(BACKUP)'

worker: install ## Run the background task worker alone (production runs one per deployment)
	$(MANAGE) db_worker

lint: install-dev ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install-dev ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

pytest-sqlite: install-dev ## The test suite on SQLite
	DATABASE_URL= $(BIN)/pytest

pytest-postgres: install-dev ## The test suite on PostgreSQL at TEST_DATABASE_URL
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest

test: install-dev ## Lint, checks and the whole suite on SQLite, then on PostgreSQL when reachable
	@bash scripts/test.sh

screenshots: install-dev ## Full-page PNGs of every public page type at 375 and 1280 px in screenshots/
	DATABASE_URL= REQUIRE_BROWSER=1 SCREENSHOTS_DIR="$(CURDIR)/screenshots" \
		$(BIN)/pytest tests/browser/screenshots.py -q -s -p no:cacheprovider

benchmark: install-dev ## Search timings on 10,000 essays and 1,000 roundups at BENCH_DATABASE_URL (three runs, with the load)
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(MANAGE) migrate --no-input -v0
	for run in 1 2 3; do \
		echo "run $$run, load: $$(uptime)"; \
		DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(MANAGE) search_benchmark --generate || exit 1; \
	done

bench: install-dev ## Pages/s uncached, page cache, Varnish and nginx on BENCH_DATABASE_URL (apt: wrk varnish nginx redis-server)
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(MANAGE) migrate --no-input -v0
	@if [ "$$(DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) shell -v 0 -c 'from home.models import HomePage; print(HomePage.objects.exists())')" != "True" ]; then \
		DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(MANAGE) load_demo_content --password '$(DEMO_PASSWORD)'; fi
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(MANAGE) search_benchmark --generate >/dev/null
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python scripts/page_bench.py

size-bench: install-dev ## Each page's time on the demo site and at 10,000 essays (DEMO_DATABASE_URL, BENCH_DATABASE_URL)
	DATABASE_URL=$(DEMO_DATABASE_URL) DEBUG=0 $(MANAGE) migrate --no-input -v0
	@if [ "$$(DATABASE_URL=$(DEMO_DATABASE_URL) $(MANAGE) shell -v 0 -c 'from home.models import HomePage; print(HomePage.objects.exists())')" != "True" ]; then \
		DATABASE_URL=$(DEMO_DATABASE_URL) DEBUG=0 $(MANAGE) load_demo_content --password '$(DEMO_PASSWORD)'; fi
	DEMO_DATABASE_URL=$(DEMO_DATABASE_URL) BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python scripts/size_bench.py

clean: ## Remove the virtual environment, database and media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media static_collected
