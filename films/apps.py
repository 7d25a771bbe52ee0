from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"
    verbose_name = "Film catalogue"

    def ready(self) -> None:
        from config import pagecache
        from films.stamps import next_premiere_change

        # A premiere's banner changes at its start and end with nothing bumped.
        pagecache.changes_by_itself(next_premiere_change)
