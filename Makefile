# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
AXE_VERSION := 4.14.1
AXE_DIR := .cache/axe
VNU_VERSION := 26.9.27
VNU_DIR := .cache/vnu
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_DIR := .cache/lighthouse
# pip's machine-wide mirror settings print one warning per package; keep the output readable.
PIP := $(BIN)/pip install --quiet --disable-pip-version-check
QUIET_PIP := { grep -v "is ignored: it is neither a file nor a directory" || true; }

# Links in feeds, the sitemap and emails name the address the portal is served at.
SITE_DOMAIN ?= 127.0.0.1:$(PORT)
export SITE_DOMAIN
# The processes the Procfile starts find gunicorn and celery in the venv.
STACK_PATH := $(abspath $(BIN)):$(PATH)

.PHONY: run test install install-dev axe vnu serve worker beat stack static migrate demo check \
	soak bench lighthouse clean help

help:
	@echo "make run   - install, migrate, load demo content, serve on http://127.0.0.1:$(PORT)"
	@echo "make test  - install test tools and run the whole test suite"
	@echo "make stack - gunicorn, a Celery worker and beat in one terminal (see README)"
	@echo "make check - ruff, migrations in step with models, Django's deployment checks"
	@echo "make soak  - a few minutes of mixed load on production's stack (bench/soak.py)"
	@echo "make bench - page speed: floor, static nginx, portal cached/uncached/behind nginx"
	@echo "make lighthouse - Lighthouse (mobile) on a running portal (BASE, default :$(PORT))"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(PIP) -r requirements.txt 2>&1 | $(QUIET_PIP)
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(PIP) -r requirements-dev.txt 2>&1 | $(QUIET_PIP)
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# axe-core checks every page the browser tests visit; it lives outside git.
$(AXE_DIR)/node_modules/axe-core/axe.min.js:
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-save --no-package-lock --no-audit --no-fund \
	    --prefix $(AXE_DIR) axe-core@$(AXE_VERSION); \
	else echo "npm not found: accessibility checks will be skipped outside CI"; fi

axe: $(AXE_DIR)/node_modules/axe-core/axe.min.js

# The Nu Html Checker (a jar, run with Java) checks every sitemap URL (tests/browser/test_html_valid.py).
$(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar:
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-save --no-package-lock --no-audit --no-fund \
	    --prefix $(VNU_DIR) vnu-jar@$(VNU_VERSION); \
	else echo "npm not found: HTML validation will be skipped outside CI"; fi

vnu: $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar

migrate: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo
	@echo "  The portal:  http://127.0.0.1:$(PORT)/"
	@echo "  Staff login: http://127.0.0.1:$(PORT)/en/admin/  (user: admin, password: admin — demo only)"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# One test process per core (pytest-xdist); TEST_PROCESSES=0 runs them all in this one.
TEST_PROCESSES ?= auto
test: $(VENV)/.installed-dev axe vnu
	DJANGO_SETTINGS_MODULE=center.settings.test $(BIN)/python -m pytest \
	  -n $(TEST_PROCESSES) --dist loadgroup $(PYTEST_ARGS)

# The full stack (see README): gunicorn, a Celery worker and beat, from the Procfile.
static: $(VENV)/.installed
	$(BIN)/python manage.py collectstatic --noinput -v0

# The stack serves uploads itself unless told a web server in front does (README).
stack: migrate static
	@echo "honcho: web on http://127.0.0.1:$(PORT)/, worker and beat (Ctrl-C stops all three)"
	@PATH="$(STACK_PATH)" DJANGO_SERVE_MEDIA=$${DJANGO_SERVE_MEDIA:-true} \
	  $(BIN)/honcho start --procfile Procfile --port $(PORT)

# One process each, for a terminal per process or a process manager.
serve: static
	$(BIN)/gunicorn center.wsgi --config deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

worker: $(VENV)/.installed
	$(BIN)/celery -A center worker --loglevel=info

beat: $(VENV)/.installed
	$(BIN)/celery -A center beat --loglevel=info

# What CI checks besides the tests: lint, the import map (pyproject.toml), no missing
# migration, production's deploy checks
# (with placeholder values for the variables production requires).
check: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=center.settings.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  SITE_DOMAIN=portal.example.org EMAIL_URL=smtp://mail.example.org:587 \
	  CELERY_BROKER_URL=redis://127.0.0.1:6379/0 CACHE_URL=redis://127.0.0.1:6379/1 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# A few minutes of mixed browsing and form posts through production's stack on loopback
# (PostgreSQL, Redis, gunicorn with 3 workers, a Celery worker): 0 errors, 0 lost submissions,
# bounded memory growth (bench/soak.py; SOAK_SECONDS sets the length).
soak: $(VENV)/.installed-dev
	$(BIN)/python bench/soak.py

# Page speed in one table: a bare Django view (the floor) and nginx serving the same bytes
# (the limit) against the portal cached, uncached and behind deploy/nginx, with wrk
# (bench/pages/run.py; BENCH_SECONDS per target, default 5; about 5 minutes in all).
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/pages/run.py

# Lighthouse from npm with Debian's Chromium, against a portal already serving at BASE.
BASE ?= http://127.0.0.1:$(PORT)
$(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse:
	npm install --silent --no-save --no-package-lock --no-audit --no-fund \
	  --prefix $(LIGHTHOUSE_DIR) lighthouse@$(LIGHTHOUSE_VERSION)

lighthouse: $(VENV)/.installed $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse
	$(BIN)/python bench/lighthouse.py $(BASE)

clean:
	rm -rf $(VENV) .cache .pytest_cache staticfiles .test-media .test-db.sqlite3
