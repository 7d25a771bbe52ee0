"""Watch progress on a reader's account: each service's happy path and refusals."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from config import pagecache
from reviews.diary import services as diary
from reviews.spoilers import services
from reviews.spoilers.gate import progress_stamp
from reviews.spoilers.models import WatchProgress
from tests.factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def film():
    return FilmFactory(running_time=100)


def row(reader, film):
    return WatchProgress.objects.filter(reader=reader, film=film).first()


def test_progress_set_keeps_the_position(reader, film):
    services.progress_set(reader=reader, film=film, position=2820)
    assert (row(reader, film).position, row(reader, film).finished) == (2820, False)
    services.progress_set(reader=reader, film=film, position=600)  # back: rewatching
    assert row(reader, film).position == 600
    assert WatchProgress.objects.count() == 1


def test_finished_forgets_the_position(reader, film):
    services.progress_set(reader=reader, film=film, position=2820)
    services.progress_set(reader=reader, film=film, finished=True)
    assert (row(reader, film).position, row(reader, film).finished) == (None, True)


@pytest.mark.parametrize(
    ("position", "code"), [(-1, "negative"), (100 * 60 + 1, "timecode_after_end")]
)
def test_progress_set_refuses_a_point_outside_the_film(reader, film, position, code):
    with pytest.raises(ValidationError) as refused:
        services.progress_set(reader=reader, film=film, position=position)
    assert refused.value.code == code
    assert not WatchProgress.objects.exists()


def test_progress_set_takes_one_of_position_or_finished(reader, film):
    with pytest.raises(TypeError):
        services.progress_set(reader=reader, film=film, position=60, finished=True)
    with pytest.raises(TypeError):
        services.progress_set(reader=reader, film=film)


def test_gate_off_and_on_keeps_the_position(reader, film):
    services.progress_set(reader=reader, film=film, position=2820)
    services.gate_set(reader=reader, film=film, off=True)
    assert (row(reader, film).position, row(reader, film).gate_off) == (2820, True)
    services.gate_set(reader=reader, film=film, off=False)
    assert (row(reader, film).position, row(reader, film).gate_off) == (2820, False)


def test_saying_how_far_turns_the_gate_on_again(reader, film):
    services.gate_set(reader=reader, film=film, off=True)
    services.progress_set(reader=reader, film=film, position=60)
    assert not row(reader, film).gate_off


def test_gate_off_without_progress_and_on_again_leaves_nothing(reader, film):
    services.gate_set(reader=reader, film=film, off=True)
    assert row(reader, film).gate_off
    services.gate_set(reader=reader, film=film, off=False)
    assert row(reader, film) is None
    assert services.gate_set(reader=reader, film=film, off=False) is None
    assert not WatchProgress.objects.exists()


def test_progress_clear(reader, film):
    other = UserFactory()
    services.progress_set(reader=reader, film=film, position=60)
    services.progress_set(reader=other, film=film, position=60)
    services.progress_clear(reader=reader, film=film)
    assert row(reader, film) is None
    assert row(other, film) is not None


def test_every_write_bumps_the_readers_progress_stamp(reader, film, monkeypatch):
    bumped = []
    monkeypatch.setattr(pagecache, "changed", lambda *stamps: bumped.extend(stamps))
    services.progress_set(reader=reader, film=film, position=60)
    services.gate_set(reader=reader, film=film, off=True)
    services.progress_clear(reader=reader, film=film)
    assert bumped == [progress_stamp(reader.pk)] * 3


def test_logging_a_watch_means_finished(reader, film):
    services.progress_set(reader=reader, film=film, position=60)
    diary.watch_log(reader=reader, film=film)
    assert row(reader, film).finished
    assert row(reader, film).position is None
