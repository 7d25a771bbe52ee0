"""Markdown to safe HTML for editors' review articles."""

import re

import nh3
from markdown_it import MarkdownIt

from config.media import is_upload_url

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
    """Images may come from our own uploads only (MEDIA_URL, or the bucket's or its CDN's
    URL when uploads go to S3); a foreign `src` is dropped."""
    if tag == "img" and attribute == "src" and not is_upload_url(value):
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


# Readers get a smaller language: emphasis, links, quotes, inline code, lists and ||spoilers||.
_comment_markdown = MarkdownIt("zero", {"linkify": False}).enable(
    ["emphasis", "link", "autolink", "blockquote", "backticks", "list", "newline", "escape"]
)
COMMENT_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "span"}
COMMENT_ATTRIBUTES = {"a": {"href"}}
# Private-use characters mark spoilers through the Markdown pass; readers' own are removed first.
_SPOILER_OPEN, _SPOILER_CLOSE = "\ue000", "\ue001"
_SPOILER = re.compile(r"\|\|(?=\S)([^\n]*?\S)\|\|")
_SPOILER_HTML_OPEN = (
    '<label class="spoiler"><input type="checkbox" class="spoiler__toggle" '
    'aria-label="Reveal spoiler"><span class="spoiler__text">'
)


def render_comment(source: str) -> str:
    """A reader's comment as safe HTML; links are marked as user content and not followed."""
    source = source.replace(_SPOILER_OPEN, "").replace(_SPOILER_CLOSE, "")
    source = _SPOILER.sub(lambda match: f"{_SPOILER_OPEN}{match[1]}{_SPOILER_CLOSE}", source)
    html = _comment_markdown.render(source)
    html = html.replace(_SPOILER_OPEN, '<span class="spoiler">').replace(_SPOILER_CLOSE, "</span>")
    # nh3 re-balances the markup, so a spoiler that crossed other tags still closes properly.
    html = nh3.clean(
        html,
        tags=COMMENT_TAGS,
        attributes=COMMENT_ATTRIBUTES,
        allowed_classes={"span": {"spoiler"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )
    # Only spoiler spans survive sanitising, so each becomes the no-JavaScript reveal control.
    return html.replace('<span class="spoiler">', _SPOILER_HTML_OPEN).replace(
        "</span>", "</span></label>"
    )
