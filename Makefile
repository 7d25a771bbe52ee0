# The README's two commands: `make run` (site with demo data) and `make test` (whole suite).
# Each does its own set-up: virtualenv, locked dependencies, .env, database, migrations.

PYTHON ?= python3.13
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers suit the two cores of this project's machines.
PYTEST_WORKERS ?= 2
MO := config/locale/ko/LC_MESSAGES/django.mo

.PHONY: run serve test setup db seed worker lint format lock browser tools clean bench messages

run: setup db
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	@echo
	@echo "  Lost in Starlight is at http://$(HOST):$(PORT)/en/ and, in Korean, http://$(HOST):$(PORT)/ko/  (admin: http://$(HOST):$(PORT)/admin/)"
	@$(MANAGE) seed_demo --print-sign-ins
	@echo "  The task worker (reply e-mails) runs alongside; mails are printed here."
	@echo
	@$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

# The production configuration on this machine: DEBUG off, hashed and compressed static files,
# sessions and cache in Redis, gunicorn and the task worker (Ctrl-C stops both). Plain HTTP on
# loopback, so the HTTPS redirect and Secure cookies are off, and mails are printed (no relay
# here; production's default is SMTP); see README, "Deploying".
SERVE_ENV = env DEBUG=false SECURE_SSL_REDIRECT=false SECURE_COOKIES=false \
	ALLOWED_HOSTS=$(HOST),localhost CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/0} \
	MAIL_BACKEND=$${MAIL_BACKEND:-django.core.mail.backends.console.EmailBackend} \
	SECRET_KEY="$$(cat var/secret_key)" STATICFILES_BACKEND= LOG_FORMAT=json \
	GUNICORN_BIND=$(HOST):$(PORT)

serve: setup db var/secret_key
	$(SERVE_ENV) $(MANAGE) migrate --no-input
	$(SERVE_ENV) $(MANAGE) collectstatic --no-input -v0
	@echo
	@echo "  Production configuration at http://$(HOST):$(PORT)/  (gunicorn + task worker; Ctrl-C stops)"
	@echo
	@$(SERVE_ENV) $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(SERVE_ENV) $(BIN)/gunicorn -c config/gunicorn.conf.py

# A secret key for `make serve`, made once and kept out of git (var/ is ignored).
var/secret_key:
	@mkdir -p var
	@umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Load test of the production configuration, side by side with a static file (README,
# "Performance"): seeds its own database once, then gunicorn (three configurations) and nginx
# on loopback under wrk. The table goes to var/bench/results.md. BENCH_ARGS="--duration 20",
# BENCH_ARGS="--configs mechanisms" (what each caching mechanism is worth).
bench: setup db
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { \
		echo "Installing Debian's wrk and nginx-light for the benchmark..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; } \
		|| { echo "Could not install wrk and nginx: run 'apt-get install wrk nginx-light' as root."; exit 1; }
	$(BIN)/python -m config.bench $(BENCH_ARGS)

# The background task worker alone (make run starts one for you).
worker: setup db
	$(MANAGE) db_worker

test: setup db browser tools
	$(BIN)/pytest -n $(PYTEST_WORKERS) --create-db $(PYTEST_ARGS)

setup: $(VENV)/.installed .env $(MO)

# The Korean catalogue, compiled from the committed .po (the .mo is never committed); Debian's
# gettext installed when missing.
$(MO): config/locale/ko/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || { \
		echo "Installing Debian's gettext to build the Korean translation..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } \
		|| { echo "Could not install gettext: run 'apt-get install gettext' as root."; exit 1; }
	msgfmt --check --output-file=$@ $<

# After marking new strings: collect them into the Korean catalogue, then translate the new ones.
messages: $(VENV)/.installed
	$(MANAGE) makemessages --locale ko --no-obsolete --add-location file --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*'

$(VENV)/.installed: requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "Python 3.13 is needed: 'pyenv install 3.13' (the repository's .python-version asks for it)."; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

.env:
	cp .env.example .env
	@echo "Wrote .env from .env.example (development settings)."

# Stops with a plain message if PostgreSQL cannot be reached; creates the database if missing.
db: setup
	@$(BIN)/python -m config.database

seed: setup db
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo

# The browser tests drive Debian's Chromium, with Noto CJK so that Hangul shows as text in the
# screenshots; install them when missing (needs root).
browser:
	@{ test -x /usr/bin/chromium && dpkg -s fonts-noto-cjk >/dev/null 2>&1 && command -v nginx >/dev/null; } || { \
		echo "Installing Debian's chromium, fonts-noto-cjk and nginx-light for the browser and config tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk nginx-light >/dev/null; } \
		|| { echo "Could not install them: run 'apt-get install chromium fonts-noto-cjk nginx-light' as root."; exit 1; }

# The Nu HTML Checker for the page-quality tests (run with Java; axe-core comes from PyPI).
# Installed into var/tools (git-ignored), never as a top-level package.json; pinned here.
VNU_VERSION := 26.9.27
VNU_JAR := var/tools/node_modules/vnu-jar/build/dist/vnu.jar
# Lighthouse, for its SEO audit (hreflang) in both languages; in a prefix of its own, since npm
# prunes what a --no-save install did not name.
LIGHTHOUSE_VERSION := 12.8.2
tools: var/tools/.vnu-$(VNU_VERSION) var/tools/.lighthouse-$(LIGHTHOUSE_VERSION)

var/tools/.lighthouse-$(LIGHTHOUSE_VERSION):
	npm install --prefix var/tools/lighthouse --no-save --no-audit --no-fund --ignore-scripts lighthouse@$(LIGHTHOUSE_VERSION)
	@test -f var/tools/lighthouse/node_modules/lighthouse/cli/index.js && touch $@

var/tools/.vnu-$(VNU_VERSION):
	@command -v java >/dev/null || { echo "Java 17 is needed for the Nu HTML Checker: apt-get install openjdk-17-jre-headless"; exit 1; }
	npm install --prefix var/tools --no-save --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION)
	@test -f $(VNU_JAR) && touch $@

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-lock after changing pyproject.toml's dependencies (exact versions, no index URLs).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --python-version 3.13 -o requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache
