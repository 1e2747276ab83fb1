from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_rollen(sender, **kwargs) -> None:
    from .rollen import rollen_synchroniseren

    rollen_synchroniseren()


class WerkcentrumConfig(AppConfig):
    name = "werkcentrum"
    verbose_name = _("Werkcentrum (kern)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registration side effects; the core's demo generator registers before the apps'.
        from . import checks, demo_medewerkers, signals, werkplek_items  # noqa: F401

        # After every app's migrate, so permissions of later apps reach their groups too.
        post_migrate.connect(_sync_rollen, dispatch_uid="werkcentrum_rollen")
