from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews and discussion"

    def ready(self) -> None:
        from reviews.groups import sync_groups_after_migrate

        # post_migrate runs again after every test-database flush, so the groups survive it.
        post_migrate.connect(sync_groups_after_migrate, sender=self)
