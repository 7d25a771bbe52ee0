"""Production settings, as a process started with the operator's environment sees them."""

import json

import pytest

from tests.servers import production_env, run_manage, settings_in

pytestmark = pytest.mark.slow  # each test runs manage.py in another process

SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


# MAIL_BACKEND="" is "not set", and wins over one named in the developer's .env.
@pytest.mark.parametrize("mail_backend", [SMTP, ""], ids=["smtp-named", "mail-backend-unset"])
def test_check_deploy_reports_nothing_with_production_settings(mail_backend):
    env = production_env(MAIL_BACKEND=mail_backend)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_without_mail_backend_production_sends_over_smtp_to_its_relay():
    seen = settings_in(production_env(MAIL_BACKEND="", MAIL_PORT="2525"), "MAILERS")

    assert seen["MAILERS"]["default"]["BACKEND"] == SMTP
    assert seen["MAILERS"]["default"]["OPTIONS"]["host"] == "smtp.starlight.example"
    assert seen["MAILERS"]["default"]["OPTIONS"]["port"] == 2525


def test_without_mail_backend_development_prints_mails_on_the_console():
    seen = settings_in(production_env(DEBUG="true", MAIL_BACKEND=""), "MAILERS")

    assert seen["MAILERS"]["default"] == {"BACKEND": CONSOLE}


# Unset, MAIL_HOST is "localhost" (the default, and .env.example's value).
@pytest.mark.parametrize("mail_host", ["", "localhost"])
def test_check_deploy_fails_when_smtp_names_no_relay(mail_host):
    result = run_manage(
        "check", "--deploy", env=production_env(MAIL_BACKEND="", MAIL_HOST=mail_host)
    )

    assert result.returncode != 0
    assert "(config.E001) Mail goes over SMTP, but MAIL_HOST names no relay" in result.stderr
    assert "System check identified 1 issue" in result.stderr


def test_debug_off_turns_on_the_hardening_and_the_shared_state():
    seen = settings_in(
        production_env(),
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_ENGINE",
        "CACHES",
        "STORAGES",
        "LOGGING",
    )

    assert seen["DEBUG"] is False
    assert seen["SECURE_SSL_REDIRECT"] is True
    assert seen["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert seen["SESSION_COOKIE_SECURE"] is seen["CSRF_COOKIE_SECURE"] is True
    assert seen["CSRF_COOKIE_HTTPONLY"] is True
    assert seen["SESSION_COOKIE_SAMESITE"] == "Lax"
    # Nothing kept in one process's memory: sessions and cache (rate limits) in Redis.
    assert (
        seen["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    )  # Django's, one client per pool
    assert seen["SESSION_ENGINE"] == "django.contrib.sessions.backends.cache"
    assert seen["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert seen["STORAGES"]["default"]["BACKEND"] == ("django.core.files.storage.FileSystemStorage")
    assert seen["LOGGING"]["handlers"]["console"]["formatter"] == "json"


def test_uploads_go_to_s3_compatible_storage_when_a_bucket_is_named():
    env = production_env(
        AWS_STORAGE_BUCKET_NAME="starlight-media",
        S3_ENDPOINT_URL="https://s3.storage.example",
        AWS_S3_CUSTOM_DOMAIN="media.starlight.example",
    )
    code = (
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__module__, type(s).__name__, s.bucket_name, s.endpoint_url, "
        "s.url('posters/a.jpg'))"
    )
    # Building the storage and a URL touches no network.
    result = run_manage("shell", "--no-imports", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3",
        "S3Storage",
        "starlight-media",
        "https://s3.storage.example",
        "https://media.starlight.example/posters/a.jpg",
    ]


def test_the_admin_address_is_configurable():
    code = "from django.urls import reverse; print(reverse('admin:index'), reverse('admin:login'))"
    result = run_manage(
        "shell", "--no-imports", "-c", code, env=production_env(ADMIN_URL="backstage-7f3a")
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/backstage-7f3a/", "/backstage-7f3a/login/"]


def test_the_demo_seed_refuses_production_settings():
    result = run_manage("seed_demo", env=production_env())

    assert result.returncode != 0
    assert "Refusing to seed demo accounts with known passwords" in result.stderr


def test_production_logs_are_json_lines_printed_once():
    code = "import logging; logging.getLogger('django.request').error('boom', extra={'k': 1})"
    result = run_manage("shell", "--no-imports", "-c", code, env=production_env())

    lines = [line for line in result.stderr.splitlines() if '"boom"' in line]
    assert len(lines) == 1, result.stderr
    entry = json.loads(lines[0])
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["request_id"] == "-"
    assert entry["k"] == 1
