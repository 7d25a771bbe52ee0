"""Helpers for tests that run the site the way production does: in other processes, with a
production-like environment, over real HTTP."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
# A Redis database of the tests' own, apart from development's and the bench's.
REDIS_URL = "redis://127.0.0.1:6379/15"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


# Set empty, so that neither the developer's .env nor this shell switches them on.
EMPTY_IN_PRODUCTION = ("STATICFILES_BACKEND", "AWS_STORAGE_BUCKET_NAME", "S3_ENDPOINT_URL")
# Not set at all unless overridden: settings.py picks its production default.
LEFT_TO_SETTINGS = ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "LOG_FORMAT")


def production_env(**overrides: str) -> dict[str, str]:
    """The environment an operator would set, made for loopback: DEBUG off, a long secret,
    SMTP mail, Redis cache. Values given here win over the developer's .env (django-environ
    never overwrites a variable that is already set)."""
    env = {
        key: value
        for key, value in os.environ.items()
        # pytest-django, xdist and the browser tests (DJANGO_ALLOW_ASYNC_UNSAFE) leave their
        # own marks; a production process must not inherit them.
        if not key.startswith(("PYTEST_", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="starlight.example,127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS="https://starlight.example",
        CACHE_URL="redis://127.0.0.1:6379/1",
        MAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        MAIL_HOST="smtp.starlight.example",
        PYTHONUNBUFFERED="1",
        **dict.fromkeys(EMPTY_IN_PRODUCTION + LEFT_TO_SETTINGS, ""),
    )
    env.update(overrides)
    # An empty value means "not set": let settings.py pick its production default.
    for key in LEFT_TO_SETTINGS:
        if env[key] == "":
            del env[key]
    return env


@contextmanager
def on_this_database(**overrides: str) -> Iterator[dict[str, str]]:
    """`production_env` on the test's database, plain HTTP on loopback, and a Redis key prefix
    of its own (removed afterwards), so parallel runs never share sessions, pages or counters."""
    from django.db import connection

    prefix = f"starlight-test-{uuid.uuid4().hex[:12]}"
    env = production_env(
        DATABASE_URL=database_url(connection.settings_dict),
        CACHE_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        DATABASE_POOL_MIN_SIZE="1",
        DATABASE_POOL_MAX_SIZE="4",
        **overrides,
    )
    try:
        yield env
    finally:
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        client.close()


def run_python(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    """This Python with `args`, in the project's folder; its output captured as text."""
    return subprocess.run(
        [PYTHON, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_manage(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return run_python("manage.py", *args, env=env, timeout=timeout)


def settings_in(env: dict[str, str], *names: str) -> dict:
    """Read settings as another process with this environment sees them."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict: dict, **changes) -> str:
    """A DATABASE_URL for the database pytest-django created for this test (or another)."""
    db = {**settings_dict, **changes}
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db.get('USER') or 'postgres'}{password}@{db.get('HOST') or '127.0.0.1'}"
        f":{db.get('PORT') or 5432}/{db['NAME']}"
    )


@dataclass
class Response:
    status_code: int
    headers: http.client.HTTPMessage
    body: str

    def json(self):
        return json.loads(self.body)


@dataclass
class Browser:
    """A tiny HTTP client with a cookie jar of its own; follows no redirects."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        data: dict | None = None,
        timeout: float = 15,
        headers: dict | None = None,
    ) -> Response:
        url = urllib.parse.urlsplit(self.base)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        headers = {"Host": f"{url.hostname}:{url.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"{self.base}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
            text = (
                raw.decode("utf-8", "replace")
                if not response.getheader("Content-Encoding")
                else raw.hex()
            )
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return Response(response.status, response.headers, text)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post_form(self, path: str, data: dict, form_path: str | None = None) -> Response:
        """GET the page with the form (for the CSRF token), then POST to `path`."""
        page = self.get(form_path or path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        assert match, f"no CSRF token on {form_path or path} ({page.status})"
        return self.request("POST", path, data={"csrfmiddlewaretoken": match[1], **data})


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def wait_until_up(base: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')}")
        try:
            Browser(base).get("/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{base} did not answer in {timeout}s:\n{log.read_text(errors='replace')}")


@contextmanager
def gunicorns(env: dict[str, str], logs: list[Path], workers: int = 1) -> Iterator[list[Server]]:
    """gunicorns with the project's committed configuration, each on a free loopback port,
    started side by side; always stopped on the way out."""
    servers = []
    try:
        for log in logs:
            port = free_port()
            server_env = {
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": str(workers),
                # Threads, so that a browser's requests in parallel do not queue behind one
                # another in the one process.
                "GUNICORN_WORKER_CLASS": "gthread",
                "GUNICORN_THREADS": "4",
                "GUNICORN_GRACEFUL_TIMEOUT": "3",
            }
            with log.open("w") as out:
                process = subprocess.Popen(
                    [GUNICORN, "-c", "config/gunicorn.conf.py"],
                    cwd=ROOT,
                    env=server_env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            servers.append(Server(f"http://127.0.0.1:{port}", process, log))
        for server in servers:
            wait_until_up(server.base, server.process, server.log)
        yield servers
    finally:
        for server in servers:
            stop(server.process)


@contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 1) -> Iterator[Server]:
    with gunicorns(env, [log], workers) as (server,):
        yield server


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
