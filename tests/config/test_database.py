"""config/database.py: a plain message when PostgreSQL is unreachable; a missing database is made."""

import os
import uuid

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

from config.database import ensure_database
from tests.servers import run_python

pytestmark = pytest.mark.slow  # each test runs manage.py in another process

# Nothing listens on port 1, so the connection is refused at once.
UNREACHABLE = {"NAME": "starlight", "USER": "postgres", "HOST": "127.0.0.1", "PORT": 1}


@pytest.mark.parametrize(
    ("password", "shown"),
    [
        ("s3cret-pass", "postgres://postgres:***@127.0.0.1:1/starlight"),
        ("", "postgres://postgres@127.0.0.1:1/starlight"),
    ],
)
def test_unreachable_server_exits_with_the_masked_url_and_the_fix(password, shown):
    with pytest.raises(SystemExit) as exited:
        ensure_database({**UNREACHABLE, "PASSWORD": password})

    message = str(exited.value.code)
    assert message.startswith(f"Cannot reach PostgreSQL at {shown}\n")
    assert "s3cret-pass" not in message
    assert "Fix: start PostgreSQL" in message
    assert "DATABASE_URL" in message
    # No chained exception, so Python prints the message alone, not a traceback.
    assert exited.value.__cause__ is None
    assert exited.value.__suppress_context__


def test_running_the_check_prints_no_traceback():
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres:s3cret-pass@127.0.0.1:1/starlight",
    }

    result = run_python("-m", "config.database", env=env, timeout=30)

    assert result.returncode == 1
    assert (
        "Cannot reach PostgreSQL at postgres://postgres:***@127.0.0.1:1/starlight" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert "s3cret-pass" not in result.stderr


@pytest.fixture
def throwaway_database():
    """Connection settings for a database that does not exist yet; dropped afterwards."""
    server = settings.DATABASES["default"]
    db = {
        "NAME": f"starlight_dbcheck_{uuid.uuid4().hex[:12]}",
        "USER": server.get("USER"),
        "PASSWORD": server.get("PASSWORD"),
        "HOST": server.get("HOST"),
        "PORT": server.get("PORT"),
    }
    yield db
    with psycopg.connect(
        dbname="postgres",
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        autocommit=True,
    ) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db["NAME"])))


def test_missing_database_is_created_then_found(throwaway_database):
    assert ensure_database(throwaway_database) == "created"
    assert ensure_database(throwaway_database) == "exists"

    with psycopg.connect(
        dbname=throwaway_database["NAME"],
        user=throwaway_database["USER"] or None,
        host=throwaway_database["HOST"] or None,
        port=throwaway_database["PORT"] or None,
    ) as connection:
        assert connection.execute("SELECT current_database()").fetchone() == (
            throwaway_database["NAME"],
        )
