"""Mistakes in the templates that render without an error but show on the page."""

from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_comment_tags_close_on_their_own_line(path):
    """Django's {# #} comment ends with its line: spread over two, it is printed on the page
    ({% comment %} is for longer ones)."""
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if "{#" in line:
            assert "#}" in line[line.index("{#") :], (
                f"{path.name}:{number} opens {{# and never closes"
            )
