"""Images in review bodies: only our own uploads, at MEDIA_URL or, with S3, at the bucket's or
its CDN's address. Addresses are compared parsed, so a look-alike is never taken for ours."""

import pytest

from reviews.markdown import render_article
from tests.reviews.test_models import sources

CDN = "https://media.starlight.example/"
BUCKET = "https://s3.storage.example/starlight-media/"


def image_sources(src: str) -> list[str]:
    return sources(render_article(f"![A still from the film]({src})"), "img", "src")


@pytest.mark.parametrize("bucket_url", ["", CDN, BUCKET], ids=["disk", "cdn", "bucket"])
def test_our_own_media_is_always_kept(settings, bucket_url):
    settings.MEDIA_BUCKET_URL = bucket_url

    assert image_sources("/media/stills/one.jpg") == ["/media/stills/one.jpg"]


@pytest.mark.parametrize(
    ("bucket_url", "src"),
    [
        (CDN, "https://media.starlight.example/stills/one.jpg"),
        (CDN, "https://media.starlight.example:443/stills/one.jpg"),
        (CDN, "https://media.starlight.example/posters/variants/sky-200w.webp?v=2"),
        (BUCKET, "https://s3.storage.example/starlight-media/stills/one.jpg"),
    ],
)
def test_images_from_the_bucket_or_its_cdn_are_kept(settings, bucket_url, src):
    settings.MEDIA_BUCKET_URL = bucket_url

    assert image_sources(src) == [src]


@pytest.mark.parametrize(
    ("bucket_url", "src"),
    [
        # Look-alikes of the CDN's address.
        (CDN, "https://media.starlight.example.evil/stills/one.jpg"),
        (CDN, "https://evilmedia.starlight.example/stills/one.jpg"),
        (CDN, "https://media.starlight.example@evil.example/stills/one.jpg"),
        (CDN, "https://media.starlight.example%2F@evil.example/stills/one.jpg"),
        (CDN, "http://media.starlight.example/stills/one.jpg"),
        (CDN, "https://media.starlight.example:8443/stills/one.jpg"),
        (CDN, "//media.starlight.example.evil/stills/one.jpg"),
        (CDN, "https://evil.example/?https://media.starlight.example/stills/one.jpg"),
        # Other buckets on the same shared endpoint.
        (BUCKET, "https://s3.storage.example/other-bucket/x.png"),
        (BUCKET, "https://s3.storage.example/starlight-media-evil/x.png"),
        (BUCKET, "https://s3.storage.example/starlight-media/../other-bucket/x.png"),
        (BUCKET, "https://s3.storage.example/starlight-media/%2e%2e/other-bucket/x.png"),
        (BUCKET, "https://s3.storage.example/starlight-media/.%2E/other-bucket/x.png"),
        # Our own media's path, climbed out of.
        (CDN, "/media/../accounts/pixel.png"),
        # Foreign, with or without a bucket.
        (CDN, "https://evil.example/pixel.png"),
        (BUCKET, "https://evil.example/starlight-media/pixel.png"),
        ("", "https://media.starlight.example/stills/one.jpg"),
    ],
)
def test_look_alike_and_foreign_images_are_dropped(settings, bucket_url, src):
    settings.MEDIA_BUCKET_URL = bucket_url

    assert image_sources(src) == []
