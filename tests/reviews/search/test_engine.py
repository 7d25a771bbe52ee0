"""The search's one statement: counts, slices, kinds, and its fixed query plan."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.search.engine import SearchResults
from tests.reviews.search.conftest import SEARCH, SEARCH_QUERIES, make_matches, search


def test_search_results_count_matches_the_rows(catalogue):
    results = SearchResults("comet")
    assert results.count() == len(results[0:100]) == 2


def test_slices_agree_with_the_whole_list(catalogue):
    whole = [(result.kind, result.object.pk) for result in SearchResults("comet or mars")[0:10]]
    assert len(whole) == 4
    parts = []
    for start in range(4):
        parts += [(r.kind, r.object.pk) for r in SearchResults("comet or mars")[start : start + 1]]
    assert parts == whole


def test_filtering_by_kind_still_counts_the_other_kind(client, catalogue):
    response = search(client, q="comet", kind="film")
    counts = {option["kind"]: option["count"] for option in response.context["kinds"]}
    assert counts == {"": 2, "film": 1, "review": 1}
    assert response.context["paginator"].count == 1


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="No such kind"):
        SearchResults("comet", kind="people")


# --- Query count -----------------------------------------------------------------------------


@pytest.mark.parametrize(("films", "reviews"), [(1, 1), (40, 6)])
def test_search_page_query_count_is_fixed(client, db, django_assert_num_queries, films, reviews):
    make_matches(films, reviews)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(SEARCH, {"q": "comet"})
    assert response.context["paginator"].count == films + reviews
    kinds = {result.kind for result in response.context["results"]}
    assert kinds == {"film", "review"}


def statements(queries) -> list[str]:
    """The ranking statements among the queries a request made."""
    return [query["sql"] for query in queries if "search_credited" in query["sql"]]


@pytest.mark.parametrize(("page", "statements_run"), [("1", 1), ("3", 1), ("5", 1), ("99", 2)])
def test_a_page_and_the_counts_come_from_one_statement(client, db, page, statements_run):
    """Any page in range: counts and keys together. Past the end, the Paginator falls back to
    the last page, which costs a second statement."""
    make_matches(40, 6)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "comet", "page": page})
    assert len(statements(queries.captured_queries)) == statements_run
    assert response.context["paginator"].count == 46
    assert len(response.context["results"]) == (6 if page in ("5", "99") else 10)


@pytest.mark.parametrize("kind", ["", "film", "review"])
def test_the_statement_reads_each_table_once(db, kind):
    """People, credits, films and reviews are each matched once per search, however many
    times the statement uses the matches (the counts, the ranked keys, the credits shown)."""
    results = SearchResults("comet or Shinkia", kind=kind, year=2016)
    sql, params = results.statement(slice(0, 10))
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    scanned = re.findall(r'"Relation Name": "(\w+)"', json.dumps(plan))
    # The year filter joins the films again for the reviews: that is the reviews' own join.
    assert sorted(scanned) == sorted(
        ["films_person", "films_credit", "films_film", "reviews_review", "films_film"]
    )


def test_review_vectors_stay_in_the_row(db):
    """Ranking reads every matching review's vector: kept in the row (storage MAIN, films
    migration 0006), not in the TOAST table, where each read costs an index look-up."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = 'reviews_review'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)


def test_search_page_query_count_for_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(2):  # genre choices in the form, genres to browse
        client.get(SEARCH)


def test_search_page_query_count_for_no_results(client, db, django_assert_num_queries):
    make_matches(3, 3)
    # Genre choices, the counts (with an empty page), and the spelling suggestions (films,
    # people).
    with django_assert_num_queries(4):
        client.get(SEARCH, {"q": "zebra"})
