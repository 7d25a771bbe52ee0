from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews and discussion"

    def ready(self) -> None:
        from films import pages
        from reviews import stamps
        from reviews.diary.film_pages import readers_of_film
        from reviews.diary.film_reviews import reader_reviews_of_film
        from reviews.discussion import screening
        from reviews.film_pages import reviews_of_film
        from reviews.groups import sync_groups_after_migrate
        from reviews.moderation.screening import screen
        from reviews.premiere import rules as premiere_rules
        from reviews.premiere.film_pages import premiere_of_film
        from reviews.scenes.film_pages import scenes_of_film
        from reviews.spoilers.progress import progress_of_film

        # post_migrate runs again after every test-database flush, so the groups survive it.
        post_migrate.connect(sync_groups_after_migrate, sender=self)
        # Moderation screens every new comment; the discussion never imports it.
        screening.register(screen)
        # So do a premiere's rules, on every thread about its film while it is on.
        screening.register(premiere_rules.screen)
        # The film page shows its scene index, the critics' score and the reviews; the
        # catalogue never imports us.
        pages.register(scenes_of_film)
        pages.register(reviews_of_film)
        pages.register(premiere_of_film)
        pages.register(readers_of_film, per_reader=True)
        # The watch-progress form, then the reader reviews its gate collapses: per reader.
        pages.register(progress_of_film, per_reader=True)
        pages.register(reader_reviews_of_film, per_reader=True)
        # What review cards show beyond their row; when pages change by themselves.
        stamps.register()
