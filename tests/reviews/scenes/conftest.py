import pytest

from tests.factories import FilmFactory, SceneFactory


@pytest.fixture
def starlight(db):
    return FilmFactory(lost_in_starlight=True, running_time=96)


@pytest.fixture
def scenes(starlight):
    """Three scenes: 0:00-0:20, 0:20-1:12:30, 1:12:30-1:36."""
    return [
        SceneFactory(film=starlight, number=1, title="Launch day", slug="launch-day", start=0),
        SceneFactory(film=starlight, number=2, title="The repair shop", slug="repair-shop",
                     start=1200),
        SceneFactory(film=starlight, number=3, title="Nodeul Island", slug="nodeul-island",
                     start=4350),
    ]  # fmt: skip
