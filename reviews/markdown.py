"""Markdown to safe HTML for editors' review articles."""

import re
from dataclasses import dataclass

import nh3
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from markdown_it import MarkdownIt

from config.media import is_upload_url
from films import timecodes

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


@dataclass(frozen=True)
class Block:
    """One top-level block of an article (a paragraph, heading, list, quote, code or rule):
    its Markdown source, and the tokens it renders from."""

    text: str
    tokens: tuple


def article_blocks(source: str) -> tuple[list[Block], dict]:
    """The article's top-level blocks in order, and the parser's env (link references), which
    rendering them needs."""
    env: dict = {}
    tokens = _markdown.parse(source, env)
    lines = source.splitlines()
    blocks, start = [], None
    for index, token in enumerate(tokens):
        if token.level != 0:
            continue
        if token.nesting == 1:
            start = index
            continue
        first = start if token.nesting == -1 else index
        opening = tokens[first]
        begin, end = opening.map or (0, 0)
        blocks.append(Block("\n".join(lines[begin:end]).strip(), tuple(tokens[first : index + 1])))
        start = None
    return blocks, env


def _clean_article_html(html: str) -> str:
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


_FIRST_TAG = re.compile(r"^<([a-z0-9]+)")


def note_marker(anchor: str) -> str:
    """Left after each anchored block in the stored HTML: where its note count goes
    (reviews/notes/display.py). A comment, so the HTML reads the same without it."""
    return f"<!--notes:{anchor}-->"


def render_article(source: str, anchors: list[str] | None = None) -> str:
    """The article as safe HTML. With `anchors` (one per top-level block, reviews/notes), each
    block gets `id="<anchor>"` and a `note_marker` after it."""
    blocks, env = article_blocks(source)
    if anchors is None or len(anchors) != len(blocks):
        return _clean_article_html(_markdown.render(source))
    parts = []
    for block, anchor in zip(blocks, anchors, strict=True):
        html = _clean_article_html(
            _markdown.renderer.render(list(block.tokens), _markdown.options, env)
        ).strip()
        # Anchors are made by reviews/notes/services.py ("p-" and letters), never by a writer.
        html = _FIRST_TAG.sub(rf'<\1 id="{anchor}"', html, count=1)
        parts.append(html + note_marker(anchor))
    return "\n".join(parts) + "\n"


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


def render_comment(source: str, *, film=None) -> str:
    """A reader's comment as safe HTML; links are marked as user content and not followed.
    With the `film` it is about, times in it ("at 1:12:30") link to the scene then."""
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
    html = html.replace('<span class="spoiler">', _SPOILER_HTML_OPEN).replace(
        "</span>", "</span></label>"
    )
    return link_timecodes(html, film=film) if film is not None else html


# Tags and text apart; sanitised HTML has no ">" inside a tag's attributes unescaped.
_TAG = re.compile(r"(<[^>]*>)")
_NOT_LINKED_INSIDE = {"a", "code"}


def film_path(film) -> str:
    """The film page's address without a language (/films/<slug>/): kept in stored HTML,
    the reader's language is added by LocaleMiddleware when they follow it."""
    with translation.override(None):
        path = reverse("films:film-detail", args=[film.slug])
    language_prefix = re.match(r"^/[\w-]+(?=/films/)", path)
    return path[language_prefix.end() :] if language_prefix else path


def link_timecodes(html: str, *, film) -> str:
    """Each time in the film in the text of sanitised `html` (films.timecodes.IN_TEXT, within
    its running time) as a link to the film's `?t=` address; text inside a link or code is
    left alone."""
    if not timecodes.IN_TEXT.search(html):
        return html
    base = film_path(film)

    def linked(match: re.Match) -> str:
        try:
            seconds = timecodes.parse(match[1], running_time=film.running_time)
        except ValidationError:
            return match[0]
        label = timecodes.format(seconds)
        return (
            f'<a class="timecode" href="{base}?t={label}" data-timecode="{seconds}">{match[1]}</a>'
        )

    inside, parts = 0, []
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name[1].lower() in _NOT_LINKED_INSIDE and not part.endswith("/>"):
                inside += -1 if part.startswith("</") else 1
            parts.append(part)
        else:
            parts.append(part if inside > 0 else timecodes.IN_TEXT.sub(linked, part))
    return "".join(parts)
