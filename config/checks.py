"""System checks of the site's own settings, reported by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.mail import DEFAULT_MAILER_ALIAS

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@register(Tags.mail, deploy=True)
def check_mail_relay(app_configs, **kwargs) -> list[CheckMessage]:
    """With DEBUG off, mail goes over SMTP unless MAIL_BACKEND says otherwise. Without a relay
    named, the first reply e-mail would fail in the task worker; say so before it does."""
    mailer = settings.MAILERS.get(DEFAULT_MAILER_ALIAS, {})
    if settings.DEBUG or mailer.get("BACKEND") != SMTP_BACKEND:
        return []
    # "localhost" is the default, and .env.example's value: most likely nobody chose it.
    if mailer.get("OPTIONS", {}).get("host") not in ("", "localhost", None):
        return []
    return [
        Error(
            "Mail goes over SMTP, but MAIL_HOST names no relay (it is unset or 'localhost').",
            hint=(
                "Set MAIL_HOST, and MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD as your relay needs "
                "(README, 'Settings'). For a relay on this machine, set MAIL_HOST=127.0.0.1."
            ),
            id="config.E001",
        )
    ]
