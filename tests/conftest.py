import pytest

from tests.factories import EditorFactory, FilmFactory, ModeratorFactory, UserFactory


@pytest.fixture
def editor(db):
    return EditorFactory(username="ed")


@pytest.fixture
def moderator(db):
    return ModeratorFactory(username="mod")


@pytest.fixture
def reader(db):
    return UserFactory(username="rea")


@pytest.fixture
def film(db):
    return FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
