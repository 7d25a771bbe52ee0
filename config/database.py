"""Make sure the configured PostgreSQL database can be reached, creating it if missing.

Run before anything else touches the database (`python -m config.database`), so that a
stopped server gives a short message saying what was tried and how to fix it, not a traceback.
"""

import sys

import environ
import psycopg
from psycopg import sql

from config.settings import DATABASES

HELP = """\
Cannot reach PostgreSQL at {url}
  ({error})
Fix: start PostgreSQL, e.g.
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
or point DATABASE_URL (in .env or the environment) at a server you can reach."""


def _url(db: dict) -> str:
    password = ":***" if db.get("PASSWORD") else ""
    return f"postgres://{db.get('USER') or ''}{password}@{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"


def _connect(db: dict, dbname: str) -> psycopg.Connection:
    return psycopg.connect(
        dbname=dbname,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        connect_timeout=5,
        autocommit=True,
    )


def ensure_database(db: dict) -> str:
    """Return what was done; raise SystemExit with a plain message if the server is unreachable."""
    try:
        _connect(db, db["NAME"]).close()
        return "exists"
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise SystemExit(HELP.format(url=_url(db), error=_first_line(error))) from None
    try:
        with _connect(db, "postgres") as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    except psycopg.Error as error:
        raise SystemExit(HELP.format(url=_url(db), error=_first_line(error))) from None
    return "created"


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


if __name__ == "__main__":
    try:
        outcome = ensure_database(DATABASES["default"])
    except environ.ImproperlyConfigured as error:  # pragma: no cover - bad DATABASE_URL
        sys.exit(f"DATABASE_URL is not usable: {error}")
    if outcome == "created":
        print(f"Created database {DATABASES['default']['NAME']}.")
