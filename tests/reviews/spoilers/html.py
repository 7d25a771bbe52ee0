"""Reading a rendered page as a reader of the gate sees it: which comments (and reader
reviews) are out in the open, and which are inside a collapsed `<details class="gated">`."""

from __future__ import annotations

from html.parser import HTMLParser


class _Gates(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # open <details>: whether each is a gate
        self.open_ids: set[str] = set()
        self.gated_ids: set[str] = set()
        self.summaries: list[str] = []
        self._in_summary = False
        self._summary = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details":
            self.stack.append("gated" in (attrs.get("class") or "").split())
        elif tag == "summary" and self.stack and self.stack[-1]:
            self._in_summary, self._summary = True, ""
        elif tag == "article" and (ident := attrs.get("id", "")).startswith("comment-"):
            (self.gated_ids if any(self.stack) else self.open_ids).add(ident)

    def handle_endtag(self, tag):
        if tag == "details" and self.stack:
            self.stack.pop()
        elif tag == "summary" and self._in_summary:
            self._in_summary = False
            self.summaries.append(" ".join(self._summary.split()))

    def handle_data(self, data):
        if self._in_summary:
            self._summary += data


def read_gates(html: str) -> _Gates:
    parser = _Gates()
    parser.feed(html)
    return parser


def comment_id(comment) -> str:
    return f"comment-{comment.pk}"
