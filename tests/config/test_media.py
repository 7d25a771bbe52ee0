"""Uploads on disk: Django serves them itself at MEDIA_URL with DEBUG off, nginx serves them
first when it is in front. In a bucket: Django does not route them at all, and the bucket's
address, worked out from the settings, is where review images and the CSP let images come from."""

import json
import re
from http import HTTPStatus
from io import BytesIO

import pytest
from PIL import Image
from storages.backends.s3 import S3Storage

from config.media import bucket_url
from tests.servers import ROOT, production_env, run_manage


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "posters").mkdir(parents=True)
    return settings.MEDIA_ROOT


def png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (4, 6), (20, 30, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_django_serves_an_upload_from_media_root_with_debug_off(client, settings, media_root):
    (media_root / "posters" / "sky.png").write_bytes(png())
    assert settings.DEBUG is False

    response = client.get("/media/posters/sky.png")

    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == png()
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=86400"
    again = client.get("/media/posters/sky.png", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/media/posters/missing.png", HTTPStatus.NOT_FOUND),
        ("/media/posters/", HTTPStatus.NOT_FOUND),  # no directory listings
        ("/media/../secret.txt", HTTPStatus.BAD_REQUEST),
        ("/media/posters/../../secret.txt", HTTPStatus.BAD_REQUEST),
    ],
)
def test_django_serves_nothing_outside_media_root(client, media_root, path, status):
    (media_root.parent / "secret.txt").write_text("not an upload")

    response = client.get(path)

    assert response.status_code == status
    assert b"not an upload" not in response.content


@pytest.mark.slow
@pytest.mark.parametrize(
    ("bucket", "routed"), [("", "routed"), ("starlight-media", "not routed")], ids=["disk", "s3"]
)
def test_django_routes_media_only_when_uploads_are_on_disk(bucket, routed):
    code = (
        "from django.urls import Resolver404, resolve\n"
        "try:\n    resolve('/media/posters/a.png')\n"
        "except Resolver404:\n    print('not routed')\n"
        "else:\n    print('routed')"
    )
    env = production_env(AWS_STORAGE_BUCKET_NAME=bucket, AWS_S3_CUSTOM_DOMAIN="media.example")

    result = run_manage("shell", "--no-imports", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == routed


def nginx_location(prefix: str) -> str:
    conf = (ROOT / "config" / "nginx.conf").read_text()
    match = re.search(rf"^\s*location {re.escape(prefix)} \{{(.*?)^\s*\}}", conf, re.M | re.S)
    assert match, f"no location {prefix} in config/nginx.conf"
    return match[1]


def test_nginx_serves_uploads_from_media_root_itself():
    block = nginx_location("/media/")

    assert re.search(r"^\s*alias __MEDIA_ROOT__/;", block, re.M)
    assert "proxy_pass" not in block  # Django never sees these requests
    assert re.search(r'^\s*add_header X-Content-Type-Options "nosniff";', block, re.M)
    assert re.search(r"^\s*expires 1d;", block, re.M)


def test_every_name_in_the_nginx_config_is_filled_in_by_the_bench_and_named_in_the_readme():
    conf = (ROOT / "config" / "nginx.conf").read_text()
    directives = "\n".join(line for line in conf.splitlines() if not line.lstrip().startswith("#"))
    names = set(re.findall(r"__[A-Z_]+__", directives))
    bench = "\n".join(path.read_text() for path in (ROOT / "config" / "bench").glob("*.py"))
    readme = (ROOT / "README.md").read_text()

    assert "__MEDIA_ROOT__" in names
    assert [name for name in sorted(names) if f'"{name}"' not in bench] == []
    assert [name for name in sorted(names) if f"`{name}`" not in readme] == []


# --- Uploads in a bucket ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"bucket": "starlight-media", "custom_domain": "media.starlight.example"},
            "https://media.starlight.example/",
        ),
        (
            {"bucket": "starlight-media", "custom_domain": "cdn.example/starlight"},
            "https://cdn.example/starlight/",
        ),
        (
            {"bucket": "starlight-media", "endpoint_url": "https://s3.storage.example"},
            "https://s3.storage.example/starlight-media/",
        ),
        (
            {"bucket": "starlight-media", "endpoint_url": "http://127.0.0.1:9000/", "region": "x"},
            "http://127.0.0.1:9000/starlight-media/",
        ),
        ({"bucket": "starlight-media"}, "https://starlight-media.s3.amazonaws.com/"),
        (
            {"bucket": "starlight-media", "region": "eu-west-1"},
            "https://starlight-media.s3.amazonaws.com/",
        ),
        (
            {"bucket": "starlight.media", "region": "eu-west-1"},
            "https://s3.eu-west-1.amazonaws.com/starlight.media/",
        ),
        ({"bucket": "starlight.media"}, "https://s3.amazonaws.com/starlight.media/"),
    ],
)
def test_bucket_url_is_where_django_storages_puts_the_files(options, expected):
    storage = S3Storage(
        bucket_name=options["bucket"],
        endpoint_url=options.get("endpoint_url"),
        region_name=options.get("region"),
        custom_domain=options.get("custom_domain"),
        querystring_auth=False,
    )

    assert bucket_url(**options) == expected
    # Building a URL touches no network.
    assert storage.url("posters/sky.png") == f"{expected}posters/sky.png"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("bucket_env", "allowed"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.starlight.example"}, "https://media.starlight.example/"),
        (
            {"S3_ENDPOINT_URL": "https://s3.storage.example"},
            "https://s3.storage.example/starlight-media/",
        ),
    ],
    ids=["custom-domain", "endpoint"],
)
def test_production_with_a_bucket_lets_review_images_and_the_csp_use_its_address(
    bucket_env, allowed
):
    env = production_env(
        AWS_STORAGE_BUCKET_NAME="starlight-media",
        CSP_MEDIA_ORIGINS="https://images.partner.example",
        **bucket_env,
    )
    code = (
        "import json; from django.test import Client; from reviews.markdown import render_article\n"
        "r = Client().get('/healthz', HTTP_HOST='starlight.example', secure=True)\n"
        "print(json.dumps([r['Content-Security-Policy'],\n"
        f"    render_article('![Poster]({allowed}posters/sky.png)'),\n"
        "    render_article('![Poster](https://evil.example/posters/sky.png)')]))"
    )

    result = run_manage("shell", "--no-imports", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    csp, kept, dropped = json.loads(result.stdout.strip().splitlines()[-1])
    policy = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert policy["img-src"] == f"'self' data: {allowed} https://images.partner.example"
    assert f'src="{allowed}posters/sky.png"' in kept
    assert "src=" not in dropped
