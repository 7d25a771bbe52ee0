"""Two app servers, as on two machines: separate gunicorn processes on separate ports, sharing
only PostgreSQL and Redis. Nothing a reader does may depend on which one answers."""

import json
from http import HTTPStatus

import pytest
from django.db import connection

from reviews.discussion.models import Comment
from tests.factories import ReviewFactory, UserFactory, with_production_password
from tests.servers import (
    Browser,
    gunicorn,
    gunicorns,
    on_this_database,
    production_env,
    run_manage,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

PASSWORD = "orbit-2050-song"


@pytest.fixture
def shared_env():
    """Production settings against this test's database and a key prefix of its own in Redis."""
    with on_this_database(
        # Files unhashed (no collectstatic needed).
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        COMMENT_RATE_USER_COUNT="3",
        COMMENT_RATE_IP_COUNT="1000",
        COMMENT_RATE_WINDOW_SECONDS="3600",
        MODERATION_NEW_ACCOUNT_HELD="0",
    ) as env:
        yield env


@pytest.fixture
def two_servers(shared_env, tmp_path):
    with gunicorns(shared_env, [tmp_path / "a.log", tmp_path / "b.log"]) as (a, b):
        assert a.base != b.base
        yield a, b


def sign_in(server_base: str) -> Browser:
    browser = Browser(server_base)
    response = browser.post_form("/en/accounts/login/", {"login": "ha-na", "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND, response.body[:2000]
    return browser


@pytest.fixture
def reader_with_password():
    return with_production_password(UserFactory(username="ha-na"), PASSWORD)


def test_a_session_started_on_one_server_is_valid_on_the_other(two_servers, reader_with_password):
    a, b = two_servers
    on_a = sign_in(a.base)
    assert "sessionid" in on_a.cookies

    on_b = Browser(b.base, cookies=dict(on_a.cookies))
    profile = on_b.get("/en/account/profile/")

    assert profile.status_code == HTTPStatus.OK
    assert "ha-na" in profile.body
    # And the session is not in the database: it lives in Redis.
    assert not connection.cursor().execute("SELECT count(*) FROM django_session").fetchone()[0]
    # Every line either server wrote is a JSON object with a request id.
    for server in (a, b):
        lines = server.output().splitlines()
        assert lines
        assert all("request_id" in json.loads(line) for line in lines), server.output()


def test_the_comment_rate_limit_counts_posts_to_both_servers(two_servers, reader_with_password):
    a, b = two_servers
    review = ReviewFactory()
    on_a = sign_in(a.base)
    on_b = Browser(b.base, cookies=dict(on_a.cookies))
    review_path = f"/en/reviews/{review.slug}/"
    post_path = f"/en/reviews/{review.slug}/comments/"

    statuses = []
    for n, browser in enumerate([on_a, on_b, on_a, on_b]):
        response = browser.post_form(post_path, {"body": f"Thought {n}"}, form_path=review_path)
        statuses.append(response.status_code)

    # Three allowed in the window (COMMENT_RATE_USER_COUNT=3), wherever they were sent.
    assert statuses == [HTTPStatus.FOUND] * 3 + [HTTPStatus.BAD_REQUEST]
    assert "You are posting too fast" in response.body
    assert Comment.objects.count() == 3


def test_gunicorn_serves_hashed_compressed_static_files_for_a_long_time(tmp_path):
    env = production_env(STATIC_ROOT=str(tmp_path / "static"), SECURE_SSL_REDIRECT="false")
    collect = run_manage("collectstatic", "--noinput", "-v0", env=env, timeout=120)
    assert collect.returncode == 0, collect.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"

    with gunicorn(env, tmp_path / "static.log") as server:
        browser = Browser(server.base)
        response = browser.request("GET", f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
        plain = browser.request("GET", "/static/css/site.css")

    assert response.status_code == HTTPStatus.OK
    assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response.headers["Content-Encoding"] == "gzip"
    assert int(response.headers["Content-Length"]) < (tmp_path / "static" / hashed).stat().st_size
    assert plain.headers["Cache-Control"] == "max-age=86400, public"
