"""Where the bench runs: its settings, its database and Redis db, and its signed-in sessions."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
OUT = BASE_DIR / "var" / "bench"
HOST = "127.0.0.1"
APP_PORT, NGINX_PORT = 8771, 8772
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/starlight_bench"
)
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")


def server_env() -> dict[str, str]:
    """`make serve`'s settings (Makefile, SERVE_ENV), on the bench's database and Redis db."""
    secret = BASE_DIR / "var" / "secret_key"
    if not secret.exists():
        secret.parent.mkdir(parents=True, exist_ok=True)
        secret.write_text(secrets.token_urlsafe(50))
        secret.chmod(0o600)
    return {
        **os.environ,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "CACHE_URL": CACHE_URL,
        "CACHE_KEY_PREFIX": "bench",
        "MAIL_BACKEND": os.environ.get("MAIL_BACKEND")
        or "django.core.mail.backends.console.EmailBackend",
        "SECRET_KEY": secret.read_text().strip(),
        "STATICFILES_BACKEND": "",
        "LOG_FORMAT": "json",
        "DATABASE_URL": DATABASE_URL,
        "GUNICORN_BIND": f"{HOST}:{APP_PORT}",
        # Behind nginx, which logs requests: gunicorn's own access log off, warnings only.
        "ACCESS_LOG": "false",
        "LOG_LEVEL": "WARNING",
        # The comment POST endpoint is measured, not the rate limits (bench only).
        "COMMENT_RATE_USER_COUNT": "100000000",
        "COMMENT_RATE_IP_COUNT": "100000000",
        "MODERATION_NEW_ACCOUNT_HELD": "0",
        "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
    }


def manage(env, *args, quiet=False) -> str:
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if quiet else None,
    )
    return result.stdout or ""


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"Created database {name}.")


def prepare(env) -> dict:
    """Migrate, seed (once), collect the static files; the sessions and the static file's URL."""
    ensure_database()
    print("Migrating the bench database...")
    manage(env, "migrate", "--no-input", "-v0")
    print("Seeding (once; later runs reuse the data)...")
    manage(env, "bench_seed")
    manage(env, "collectstatic", "--no-input", "-v0")
    manifest = json.loads((BASE_DIR / "var" / "static" / "staticfiles.json").read_text())
    script = "from config.bench.sessions import print_sessions; print_sessions()"
    output = manage(env, "shell", "-v0", "-c", script, quiet=True)
    sessions = json.loads(output.strip().splitlines()[-1])
    sessions["css"] = "/static/" + manifest["paths"]["css/site.css"]
    # On now for the premiere row, scheduled again each run.
    sessions["premiere"] = int(manage(env, "bench_premiere", quiet=True).strip().splitlines()[-1])
    return sessions
