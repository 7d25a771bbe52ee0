"""PostgreSQL restarted under a running app server: /readyz says so, nothing shows a traceback,
and the site recovers on its own, without restarting the app.

A throwaway PostgreSQL (initdb in a temporary directory, on a free port) is stopped and started;
the machine's own server on 5432, which other test runs use, is never touched.
"""

import os
import shutil
import subprocess
import tempfile
import time
from http import HTTPStatus
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import Browser, database_url, free_port, gunicorn, production_env

PG_BIN = Path("/usr/lib/postgresql/15/bin")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (PG_BIN / "initdb").exists() or os.geteuid() != 0 or not shutil.which("runuser"),
        reason="needs PostgreSQL 15's binaries and root (to run them as the postgres user)",
    ),
]


class ThrowawayPostgres:
    def __init__(self, root: Path, port: int):
        self.root, self.port, self.data = root, port, root / "data"

    def _as_postgres(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *args],
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def init(self) -> None:
        self._as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
            str(self.root / "postgres.log"), "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def postgres():
    root = Path(tempfile.mkdtemp(prefix="starlight-outage-"))
    shutil.chown(root, "postgres")
    server = ThrowawayPostgres(root, free_port())
    server.init()
    server.start()
    try:
        yield server
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", str(server.data),
             "-m", "immediate", "stop"],
            capture_output=True, check=False, timeout=30,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def copy_schema(source: dict, port: int) -> None:
    """The site's tables in the throwaway server: pg_dump | pg_restore, as for a backup."""
    subprocess.run(
        [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "starlight"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    dump = subprocess.run(
        [str(PG_BIN / "pg_dump"), "-Fc", "--schema-only", "--no-owner",
         "-h", source.get("HOST") or "127.0.0.1", "-p", str(source.get("PORT") or 5432),
         "-U", source.get("USER") or "postgres", source["NAME"]],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    subprocess.run(
        [str(PG_BIN / "pg_restore"), "--no-owner", "-h", "127.0.0.1", "-p", str(port),
         "-U", "postgres", "-d", "starlight"],
        input=dump.stdout, check=True, capture_output=True, timeout=60,
    )  # fmt: skip


def poll(browser: Browser, path: str, status: int, timeout: float = 30) -> list:
    """GET `path` until it answers `status`; return every response seen on the way."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = browser.get(path, timeout=15)
        seen.append(response)
        if response.status_code == status:
            return seen
        time.sleep(0.3)
    raise AssertionError(f"{path} never answered {status}: {[r.status_code for r in seen]}")


def test_readyz_follows_a_database_restart_and_the_site_recovers_by_itself(postgres, tmp_path):
    copy_schema(connection.settings_dict, postgres.port)
    env = production_env(
        DATABASE_URL=database_url({"NAME": "starlight"}, PORT=postgres.port),
        CACHE_URL="locmemcache://",
        SECURE_SSL_REDIRECT="false",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        DATABASE_POOL_TIMEOUT="3",
        # Whole cached pages would still be served without the database (as they should be);
        # this test is about the database path itself.
        PAGE_CACHE_ENABLED="false",
    )
    with gunicorn(env, tmp_path / "app.log") as app:
        browser = Browser(app.base)
        poll(browser, "/readyz", HTTPStatus.OK)
        assert browser.get("/en/films/").status_code == HTTPStatus.OK

        postgres.stop()
        t0 = time.monotonic()
        responses = poll(browser, "/readyz", HTTPStatus.SERVICE_UNAVAILABLE)
        down_after = time.monotonic() - t0
        down = responses[-1].json()
        assert down["status"] == "unavailable"
        assert down["checks"]["database"].startswith("down: ")
        assert down["checks"]["cache"] == "ok"
        page = browser.get("/en/films/")
        assert page.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
        responses.append(page)

        postgres.start()
        t0 = time.monotonic()
        responses += poll(browser, "/readyz", HTTPStatus.OK)
        up_after = time.monotonic() - t0
        films = browser.get("/en/films/")
        responses.append(films)

        assert films.status_code == HTTPStatus.OK
        assert app.process.poll() is None  # the same server throughout, never restarted
        for response in responses:
            assert "Traceback" not in response.body
        # Logged as JSON, with the failure's context.
        assert '"logger": "django.request"' in app.output()
        print(f"readyz: 503 {down_after:.1f}s after the stop, 200 {up_after:.1f}s after the start")
