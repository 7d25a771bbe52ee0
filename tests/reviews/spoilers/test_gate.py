"""The spoiler gate: what it hides, its cache-key names, buckets, and the visitor's cookie."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from reviews.spoilers import gate as gates
from reviews.spoilers.gate import Gate
from reviews.spoilers.models import WatchProgress
from tests.factories import FilmFactory, UserFactory


@pytest.mark.parametrize(
    ("gate", "timecode", "spoilers", "hidden"),
    [
        (Gate(position=2700), 1800, False, False),  # before: shown
        (Gate(position=2700), 2700, False, False),  # at the position: shown
        (Gate(position=2700), 2701, False, True),  # after: hidden
        (Gate(position=2700), 4200, True, True),
        (Gate(position=2700), None, True, True),  # untagged spoiler: hidden
        (Gate(position=2700), None, False, False),
        (Gate(position=None), 60, False, True),  # progress unknown: everything tagged hidden
        (Gate(position=None), None, True, True),
        (Gate(position=None), None, False, False),
        (Gate(position=None, finished=True), 9000, True, False),
        (Gate(position=None, finished=True), None, True, False),
        (Gate(position=600, off=True), 9000, True, False),
        (Gate(position=None, off=True), None, True, False),
    ],
)
def test_hides(gate, timecode, spoilers, hidden):
    assert gate.hides(timecode=timecode, contains_spoilers=spoilers) is hidden


@pytest.mark.parametrize(
    ("gate", "key"),
    [
        (Gate(position=None), "open"),
        (Gate(position=0), "at0"),
        (Gate(position=2700), "at2700"),
        (Gate(position=None, finished=True), "done"),
        (Gate(position=2700, off=True), "off"),
        (Gate(position=None, finished=True, off=True), "off"),
    ],
)
def test_key_names_each_version(gate, key):
    assert gate.key == key


def test_summary_says_where_the_reader_is():
    assert Gate(position=2700).summary(timecode=4200) == "After 0:45 · reveal"
    assert Gate(position=2700).summary(timecode=None) == "Spoiler · reveal"
    assert Gate(position=None).summary(timecode=4200) == "At 1:10 · reveal"


@given(st.integers(min_value=0, max_value=gates.LONGEST))
def test_snapping_never_reveals_more_than_watched(seconds):
    snapped = gates.snap(seconds)
    assert snapped <= seconds < snapped + gates.BUCKET
    assert snapped % gates.BUCKET == 0


@given(st.integers(min_value=0, max_value=gates.LONGEST), st.integers(min_value=0, max_value=10**5))
def test_a_bucketed_gate_hides_all_an_exact_one_would(seconds, timecode):
    exact, bucketed = Gate(position=seconds), Gate(position=gates.snap(seconds))
    if exact.hides(timecode=timecode, contains_spoilers=False):
        assert bucketed.hides(timecode=timecode, contains_spoilers=False)


@pytest.mark.parametrize(
    ("cookie", "parsed"),
    [
        ("", {}),
        ("7=2820", {7: "2820"}),
        ("7=done.9=off", {7: "done", 9: "off"}),
        ("7=0045", {7: "45"}),
        ("7=-5", {}),
        ("7=1e3", {}),
        ("7=٣٠٠", {}),  # digits, but not ASCII ones
        ("x=300", {}),
        ("7=99999999999", {}),
        (f"7={gates.LONGEST + 1}", {}),
        ("7", {}),
        ("7=300=4", {}),
        ("....", {}),
        ("7=300.junk.8=done", {7: "300", 8: "done"}),
        ("7=DONE", {}),
    ],
)
def test_cookie_junk_is_ignored(cookie, parsed):
    assert gates.parse_cookie(cookie) == parsed


def test_a_long_cookie_is_cut_short():
    cookie = ".".join(f"{pk}=300" for pk in range(100))
    assert len(gates.parse_cookie(cookie)) == gates.COOKIE_FILMS


@pytest.mark.parametrize(
    ("cookie", "canonical"),
    [
        ("", ""),
        ("junk", ""),
        ("7=2820", "7=2700"),
        ("7=2700", "7=2700"),
        ("9=off.7=2999", "7=2700.9=off"),
        ("7=done", "7=done"),
    ],
)
def test_canonical_cookie_is_bucketed_and_ordered(cookie, canonical):
    assert gates.canonical_cookie(cookie) == canonical


@pytest.mark.django_db  # the film's premiere, asked when the cookie says nothing of it
@given(st.text(max_size=200))
def test_any_cookie_gives_a_gate(cookie):
    request = RequestFactory().get("/", HTTP_COOKIE="")
    request.COOKIES[gates.COOKIE] = cookie
    gate = gates.gate_for(request, 7)
    assert gate.position is None or gate.position % gates.BUCKET == 0
    assert gates.canonical_cookie(gates.canonical_cookie(cookie)) == gates.canonical_cookie(cookie)


def _visitor(cookie: str):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.COOKIES[gates.COOKIE] = cookie
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    ("cookie", "gate"),
    [
        ("", Gate(position=None)),
        ("7=2820", Gate(position=2700)),
        ("7=done", Gate(position=None, finished=True)),
        ("7=off", Gate(position=None, off=True)),
        ("8=2820", Gate(position=None)),  # another film's
    ],
)
@pytest.mark.django_db  # an open gate asks for the film's premiere
def test_visitors_gate_is_read_from_the_cookie(cookie, gate):
    assert gates.gate_for(_visitor(cookie), 7) == gate


@pytest.mark.django_db
def test_signed_in_readers_gate_is_their_row():
    reader, film = UserFactory(), FilmFactory()
    request = RequestFactory().get("/")
    request.user = reader
    request.COOKIES[gates.COOKIE] = f"{film.pk}=done"  # a cookie is not theirs to trust here
    assert gates.gate_for(request, film) == Gate(position=None)
    WatchProgress.objects.create(reader=reader, film=film, position=2999, gate_off=False)
    request = RequestFactory().get("/")
    request.user = reader
    assert gates.gate_for(request, film) == Gate(position=2700)
    WatchProgress.objects.filter(reader=reader).update(gate_off=True)
    request = RequestFactory().get("/")
    request.user = reader
    assert gates.gate_for(request, film.pk) == Gate(position=2700, off=True)
    assert gates.gate_for(request, film.pk).key == "off"
