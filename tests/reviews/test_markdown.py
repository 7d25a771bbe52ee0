"""Images in review bodies: only our own uploads, at MEDIA_URL or, with S3, at the bucket's or
its CDN's address. Addresses are compared parsed, so a look-alike is never taken for ours."""

from html.parser import HTMLParser

import pytest

from reviews.markdown import render_article

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


# --- Markdown --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("# Title", "<h2>Title</h2>"),
        ("## Section", "<h2>Section</h2>"),
        ("### Detail", "<h3>Detail</h3>"),
        ("Some *emphasis* and **strength**", "<em>emphasis</em> and <strong>strength</strong>"),
        (
            "[Netflix](https://www.netflix.com/)",
            '<a href="https://www.netflix.com/" rel="noopener">Netflix</a>',
        ),
        (
            "[the film](/films/lost-in-starlight/)",
            '<a href="/films/lost-in-starlight/" rel="noopener">',
        ),
        ("[write](mailto:hello@example.com)", 'href="mailto:hello@example.com"'),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"),
        ("> A quote", "<blockquote>\n<p>A quote</p>\n</blockquote>"),
        ("`code`", "<code>code</code>"),
        ("![A still](/media/stills/one.jpg)", '<img src="/media/stills/one.jpg" alt="A still">'),
        ('"Quoted" -- typographer', "\u201cQuoted\u201d \u2013 typographer"),
    ],
)
def test_markdown_keeps_article_formatting(source, kept):
    assert kept in render_article(source)


def elements(html: str) -> list[tuple[str, dict]]:
    """The tags of rendered HTML with their attributes; escaped text is not a tag."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


def sources(html: str, tag: str, attribute: str) -> list[str]:
    return [
        attrs[attribute] for name, attrs in elements(html) if name == tag and attribute in attrs
    ]


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        ("# Title", "h1"),
        ("<script>alert(1)</script>", "script"),
        ('<div class="x">raw</div>', "div"),
        ('<a href="https://example.com">raw link</a>', "a"),
        ('<iframe src="https://example.com"></iframe>', "iframe"),
        ('<img src="/media/x.png" onerror="alert(1)">', "img"),
    ],
)
def test_markdown_drops_tags_an_article_may_not_contain(source, tag):
    assert tag not in [name for name, _attrs in elements(render_article(source))]


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "[click]: javascript:alert(1)\n\n[click]",
    ],
)
def test_markdown_links_cannot_run_script(source):
    assert sources(render_article(source), "a", "href") == []


def test_markdown_removes_event_handler_attributes():
    html = render_article('![x](/media/x.png "t")\n\n<img src=x onerror=alert(1)>')

    assert all("onerror" not in attrs for _tag, attrs in elements(html))
    assert sources(html, "img", "src") == ["/media/x.png"]


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/pixel.png",
        "//evil.example/media/pixel.png",
        "http://localhost/media/x.png",
        "media/x.png",
    ],
)
def test_markdown_drops_images_from_other_hosts(url):
    html = render_article(f"![A still from the film]({url})")

    assert sources(html, "img", "src") == []
    assert 'alt="A still from the film"' in html


def test_markdown_escapes_raw_html_as_text():
    html = render_article("Before <script>alert(1)</script> after")

    assert "&lt;script&gt;" in html
    assert "Before" in html
    assert "after" in html
