"""Matching films and people: the query's syntax, snippets, cleaning what readers type."""

import pytest

from films.search import MAX_QUERY_LENGTH, clean_query, parse_query, safe_snippet
from tests.factories import PersonFactory


def test_parse_query():
    parsed = parse_query('"lost in" starlite or Shinkia -mars')
    assert parsed.alternatives == ["lost in starlite", "Shinkia"]
    assert parsed.excluded == ["mars"]


def test_safe_snippet_escapes_and_pairs_markers():
    assert str(safe_snippet("a <b> \ue000c\ue001 \ue001 d > \ue000e")) == (
        "a &lt;b&gt; <mark>c</mark> d <mark>e</mark>"
    )
    assert str(safe_snippet("## Heading and a [link](/x/) with *stars*")) == (
        "Heading and a link with stars"
    )
    assert str(safe_snippet(None)) == ""


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  lost   in\tstarlight ", "lost in starlight"),
        ("!!!", ""),
        ("...---...", ""),
        ("\x00\x01", ""),
        ("x" * 500, "x" * MAX_QUERY_LENGTH),
        ("이 별에", "이 별에"),
        ("-mars", "-mars"),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


@pytest.mark.django_db
def test_a_persons_names_are_stored_in_their_search_vector():
    person = PersonFactory(name="Makoto Shinkai", original_name="新海誠")
    person.refresh_from_db()
    assert "shinkai" in str(person.search_vector)
    assert "新海誠" in str(person.search_vector)
