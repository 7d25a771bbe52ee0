"""Where uploaded files (posters, review images) are served from, and which addresses are ours.

settings.py imports this module, so it reads Django's settings only inside functions.
"""

import re
from urllib.parse import unquote, urlsplit

from django.conf import settings

# A bucket name S3 can put in a host name (virtual-hosted style): lowercase, digits, hyphens.
# One with dots or capitals is addressed by path instead, as botocore does.
_VIRTUAL_HOST_BUCKET = re.compile(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def bucket_url(
    *, bucket: str, endpoint_url: str = "", region: str = "", custom_domain: str = ""
) -> str:
    """The public URL that the bucket's files sit under, ending in "/": the same address
    django-storages' S3Storage.url() gives them, with unsigned (public) URLs.

    A custom domain (a CDN) wins; then an endpoint of a non-AWS service (MinIO, R2...),
    addressed by path; then AWS itself. For AWS regions outside the standard partition (China,
    GovCloud), name a custom domain or the endpoint.
    """
    if custom_domain:
        return f"https://{custom_domain.strip('/')}/"
    if endpoint_url:
        return f"{endpoint_url.rstrip('/')}/{bucket}/"
    if _VIRTUAL_HOST_BUCKET.fullmatch(bucket):
        return f"https://{bucket}.s3.amazonaws.com/"
    host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    return f"https://{host}/{bucket}/"


def is_upload_url(url: str) -> bool:
    """`url` is under our uploads: MEDIA_URL, or the bucket's URL when uploads go to S3."""
    return any(
        _under(url, base) for base in (settings.MEDIA_URL, settings.MEDIA_BUCKET_URL) if base
    )


def _origin(parts) -> tuple[str, str | None, int | None]:
    port = parts.port  # ValueError for a port that is not a number
    return parts.scheme.lower(), parts.hostname, port or _DEFAULT_PORTS.get(parts.scheme.lower())


def _under(url: str, base: str) -> bool:
    """Same scheme, host and port as `base` (parsed, so "cdn.example.evil" is not
    "cdn.example"), and a path inside base's path that no dot segment can climb out of."""
    # Browsers read "\" as "/" in http(s) addresses; urlsplit does not.
    if "\\" in url:
        return False
    try:
        parts, base_parts = urlsplit(url), urlsplit(base)
        same_origin = _origin(parts) == _origin(base_parts)
    except ValueError:
        return False
    if not same_origin or parts.username is not None or parts.password is not None:
        return False
    # Browsers remove "..", also written "%2e%2e", before asking: "/bucket/../other/x.png"
    # is a file of another bucket on a shared endpoint.
    if {".", ".."} & set(unquote(parts.path).split("/")):
        return False
    return parts.path.startswith(base_parts.path)
