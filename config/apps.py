from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The site's infrastructure as an app, so that its system checks are registered."""

    name = "config"
    verbose_name = "Site configuration"

    def ready(self) -> None:
        from config import checks  # noqa: F401  (registers them)
