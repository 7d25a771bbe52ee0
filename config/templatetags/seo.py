"""Tags for what search engines, feed readers and link previews read in any page's head; the
apps add their own (`film_seo`, `review_seo`)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

SITE_DESCRIPTION = _(
    "Reviews, credits and discussion of Lost in Starlight (이 별에 필요한) and the animated "
    "films around it."
)
DEFAULT_IMAGE = "img/og-default.png"

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def canonical(request) -> str:
    """The page's address without the query string, except a page number past the first."""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    # isascii(): "²".isdigit() is true, but int("²") fails.
    if page.isascii() and page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(
    context,
    title: str = "",
    description: str = "",
    image: str = "",
    image_alt: str = "",
    type: str = "website",  # Open Graph's own word
) -> dict:
    """Canonical link, Open Graph and Twitter card tags, with the site's defaults."""
    request = context["request"]
    return {
        "canonical_url": canonical(request),
        "site_name": settings.SITE_NAME,
        "title": title or settings.SITE_NAME,
        "description": " ".join((description or SITE_DESCRIPTION).split())[:300],
        "image": request.build_absolute_uri(image or static(DEFAULT_IMAGE)),
        "image_alt": image_alt or (settings.SITE_NAME if not image else title),
        "type": type,
    }


@register.simple_tag
def json_ld(data: dict | list) -> SafeString:
    """`<script type="application/ld+json">` with the data, escaped like `json_script`."""
    dumped = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumped))


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, *pairs) -> SafeString:
    """Breadcrumbs after Home, as name, path, name, path, ..."""
    trail = list(zip(pairs[::2], pairs[1::2], strict=True))
    return json_ld(breadcrumbs(context["request"], trail))


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def website_json_ld(context) -> SafeString:
    """The site itself, with its search, for the home page."""
    request = context["request"]
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.SITE_NAME,
            "url": request.build_absolute_uri(reverse("home")),
            "potentialAction": {
                "@type": "SearchAction",
                "target": request.build_absolute_uri(reverse("reviews:search"))
                + "?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        }
    )


def breadcrumbs(request: HttpRequest, trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, path) pairs; Home comes first by itself."""
    trail = [(settings.SITE_NAME, reverse("home")), *trail]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


# Open Graph names locales with a region.
_OG_LOCALES = {"en": "en_GB", "ko": "ko_KR"}


@register.simple_tag(takes_context=True)
def language_alternates(context) -> SafeString:
    """The page in each of the site's languages (`hreflang`), and `x-default`: the address
    without a language, which sends each reader to theirs. Nothing on pages whose address
    names no language (the admin)."""
    request = context["request"]
    current = translation.get_language()
    if translation.get_language_from_path(request.path_info) is None:
        return mark_safe("")
    page = canonical(request)
    links = [
        format_html(
            '<link rel="alternate" hreflang="{}" href="{}">',
            code,
            translate_url(page, code),
        )
        for code, _name in settings.LANGUAGES
    ]
    links.append(
        format_html(
            '<link rel="alternate" hreflang="x-default" href="{}">',
            _without_language(page, current),
        )
    )
    links.append(format_html('<meta property="og:locale" content="{}">', _OG_LOCALES[current]))
    links += [
        format_html('<meta property="og:locale:alternate" content="{}">', _OG_LOCALES[code])
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return mark_safe("\n  ".join(links))


def _without_language(url: str, language: str) -> str:
    scheme, netloc, path, query, fragment = urlsplit(url)
    prefix = f"/{language}/"
    if path.startswith(prefix):
        path = "/" + path.removeprefix(prefix)
    return urlunsplit((scheme, netloc, path, query, fragment))
