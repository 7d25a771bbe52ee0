"""Security headers, cookies, the admin's sign-in and sign-in throttling."""

import re
from http import HTTPStatus
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from reviews.discussion.models import Comment
from tests.factories import EditorFactory, ReviewFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_pages_carry_the_security_headers(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = client.get(reverse("home"), secure=True)

    assert response.status_code == HTTPStatus.OK
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_content_security_policy_uses_a_nonce_and_allows_nothing_inline(client):
    response = client.get(reverse("home"))

    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    nonce = re.fullmatch(r"'self' 'nonce-([\w-]+)'", policy["script-src"])[1]
    # Every script on the page carries this response's nonce.
    html = response.content.decode()
    # JSON-LD is data, not script: CSP does not apply to it.
    scripts = [
        tag
        for tag in re.findall(r"<script\b[^>]*>", html)
        if 'type="application/ld+json"' not in tag
    ]
    assert scripts
    assert all(f'nonce="{nonce}"' in tag for tag in scripts), scripts
    # No inline styles, which the policy would block.
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)


def test_nonce_differs_between_responses(client):
    first = client.get(reverse("home"))["Content-Security-Policy"]
    second = client.get(reverse("home"))["Content-Security-Policy"]
    assert first != second


def test_cookies_are_secure_httponly_and_samesite(client, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    user = UserFactory(username="ha-na", password="orbit-2050-song")

    page = client.get(reverse("account_login"), secure=True)
    signed_in = client.post(
        reverse("account_login"),
        {"login": user.username, "password": "orbit-2050-song"},
        secure=True,
    )

    assert signed_in.status_code == HTTPStatus.FOUND
    csrf = page.cookies["csrftoken"]
    session = signed_in.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


def test_the_admin_signs_in_through_the_site_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/login/?next=/admin/"

    response = client.get(response["Location"])
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2F"


def test_an_editor_signing_in_on_the_site_reaches_the_admin(client):
    editor = EditorFactory(username="sora", password="night-sky-2050")

    response = client.post(
        "/en/accounts/login/?next=/admin/", {"login": editor.username, "password": "night-sky-2050"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == HTTPStatus.OK
    # Already signed in: the admin's sign-in sends the editor on.
    assert client.get("/admin/login/?next=/admin/reviews/")["Location"] == "/admin/reviews/"


def test_a_reader_opening_the_admin_is_refused_not_looped(client):
    client.force_login(UserFactory(username="rea"))

    response = client.get("/admin/", follow=True)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert len(response.redirect_chain) == 1


def test_the_admin_sign_in_refuses_to_send_anyone_elsewhere(client):
    editor = EditorFactory(username="sora", password="night-sky-2050")
    response = client.get("/admin/login/?next=https://evil.example/")
    sign_in = response["Location"]
    assert sign_in.startswith("/en/accounts/login/?next=%2F")  # back to this site only

    signed_in = client.post(sign_in, {"login": editor.username, "password": "night-sky-2050"})
    landed = client.get(signed_in["Location"])

    assert "evil.example" not in urlparse(signed_in["Location"]).netloc
    assert landed["Location"] == "/admin/"


def test_failed_sign_ins_are_throttled_per_account(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "50/m/ip,3/5m/key",
    }
    user = UserFactory(username="ha-na", password="orbit-2050-song")

    for _ in range(3):
        response = client.post(
            reverse("account_login"), {"login": user.username, "password": "wrong"}
        )
        assert "The username and/or password you specified are not correct." in (
            response.content.decode()
        )
    # Even the right password is refused until the window passes.
    response = client.post(
        reverse("account_login"), {"login": user.username, "password": "orbit-2050-song"}
    )

    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_attempts_from_one_address_get_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}

    statuses = [
        client.post(reverse("account_login"), {"login": f"x{n}", "password": "y"}).status_code
        for n in range(4)
    ]

    assert statuses[-1] == HTTPStatus.TOO_MANY_REQUESTS
    assert HTTPStatus.TOO_MANY_REQUESTS not in statuses[:3]


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "recorded"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy of ours: the header is anybody's say-so
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # what our proxy appended
        (2, "203.0.113.9, 10.0.0.5", "203.0.113.9"),  # CDN, then our load balancer
    ],
)
def test_rate_limits_count_the_reader_behind_our_proxies(
    reader_client, settings, proxies, forwarded_for, recorded
):
    settings.TRUSTED_PROXY_COUNT = proxies
    review = ReviewFactory()

    reader_client.post(
        reverse("discussion:comment-create", args=[review.slug]),
        {"body": "Seen from behind the proxy"},
        headers={"X-Forwarded-For": forwarded_for},
        REMOTE_ADDR="127.0.0.1",
    )

    assert Comment.objects.get().ip_address == recorded
