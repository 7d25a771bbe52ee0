"""Health checks, request ids and structured logs."""

import json
import logging
import re
from http import HTTPStatus

import pytest
from django.db import OperationalError

from config import health
from config.logging import JsonFormatter, RequestIdFilter
from films.views import FilmListView

pytestmark = pytest.mark.django_db


def test_healthz_says_the_process_is_up(client):
    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/readyz")

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_readyz_names_the_database_when_it_is_down(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused\nmore lines")

    monkeypatch.setattr(health, "_database", refuse)

    response = client.get("/readyz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "down: OperationalError: connection refused", "cache": "ok"},
    }


def test_readyz_names_the_cache_when_redis_is_unreachable(client, settings):
    # Nothing listens on port 9 of loopback: a Redis that is down.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

    response = client.get("/readyz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("down: ConnectionError")


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_answer_over_plain_http_when_https_is_enforced(client, settings, path):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(path).status_code == HTTPStatus.OK
    assert client.get("/en/films/").status_code == HTTPStatus.MOVED_PERMANENTLY


def test_every_response_carries_a_request_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")

    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxy_request_id_is_kept_when_sane(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.42"})
    replaced = client.get("/healthz", headers={"X-Request-ID": "<script>" + "x" * 200})

    assert kept["X-Request-ID"] == "lb-7f3a.42"
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])


@pytest.fixture
def json_log():
    """Lines written by the production handler set-up (JSON formatter + request-id filter)."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


def test_errors_are_logged_as_json_with_request_id_path_method_and_user(
    client, reader, json_log, monkeypatch
):
    def explode(self):
        raise RuntimeError("the projector caught fire")

    monkeypatch.setattr(FilmListView, "get_queryset", explode)
    client.force_login(reader)
    client.raise_request_exception = False

    response = client.get("/en/films/?year=2025", headers={"X-Request-ID": "req-1234"})

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Traceback" not in response.content.decode()
    entries = [json.loads(line) for line in json_log]
    error = next(entry for entry in entries if entry["level"] == "ERROR")
    assert error["request_id"] == "req-1234" == response["X-Request-ID"]
    assert error["method"] == "GET"
    assert error["path"] == "/en/films/"
    assert error["user_id"] == reader.pk
    assert error["status_code"] == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "RuntimeError: the projector caught fire" in error["exception"]
    assert "request" not in error


def test_log_lines_outside_requests_have_a_placeholder_id():
    record = logging.LogRecord("starlight", logging.INFO, __file__, 1, "hello %s", ("x",), None)
    RequestIdFilter().filter(record)

    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "hello x"
    assert entry["request_id"] == "-"
    assert entry["level"] == "INFO"
