# The commands of the README: `make demo`, `make test` and `make test-fast`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEMO_PROVINCES := 52 64

.PHONY: demo test test-fast lint

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

# Migrates a SQLite database, loads the administrative units, demo agencies and accounts, and serves the portal.
demo: export DANVAN_DEBUG = 1
demo: export DANVAN_EMAIL_BACKEND = django.core.mail.backends.console.EmailBackend
demo: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_admin_units --agencies $(DEMO_PROVINCES)
	$(BIN)/python manage.py seed_demo
	# The day's reminders are queued; the task worker (reminders, large register imports) runs them beside the server
	# and stops with it. In production cron or a systemd timer runs `send_reminders` once a day.
	$(BIN)/python manage.py send_reminders
	$(BIN)/python manage.py db_worker & trap 'kill $$!' EXIT; $(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite; DATABASE_URL=postgres://… runs it on PostgreSQL. One process per core (WORKERS=0: a single one),
# each with its own test database; a test file runs whole in one process, so a module's shared data is built once.
WORKERS ?= auto
PARALLEL = -n $(WORKERS) --dist loadfile
test: $(INSTALLED)
	$(BIN)/python -m pytest $(PARALLEL) $(PYTEST_ARGS)

# The suite without the tests marked slow (those that seed the whole demo): for the edit-test loop; CI runs `make test`.
test-fast: $(INSTALLED)
	$(BIN)/python -m pytest $(PARALLEL) -m "not slow" $(PYTEST_ARGS)

lint: export DANVAN_DEBUG = 1
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
