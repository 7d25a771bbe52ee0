"""Markdown to safe HTML for editors' review articles."""

import nh3
from django.conf import settings
from markdown_it import MarkdownIt

# Raw HTML is switched off in the parser and anything that slips through is removed by nh3,
# so an article can only contain the tags listed here.
_markdown = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["replacements", "smartquotes"]
)

ARTICLE_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "em", "strong", "a", "ul", "ol", "li",
    "blockquote", "code", "pre", "img",
}  # fmt: skip
ARTICLE_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}


def _only_our_images(tag: str, attribute: str, value: str) -> str | None:
    """Images may come from our own media only; a foreign `src` is dropped.

    Django already gives a relative MEDIA_URL ("media/") its leading slash ("/media/").
    """
    if tag == "img" and attribute == "src" and not value.startswith(settings.MEDIA_URL):
        return None
    return value


def render_article(source: str) -> str:
    html = _markdown.render(source)
    # The page's headline is the only h1; an article's own "# heading" becomes a section.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ARTICLE_TAGS,
        attributes=ARTICLE_ATTRIBUTES,
        attribute_filter=_only_our_images,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )
