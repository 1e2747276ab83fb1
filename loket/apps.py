from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoketConfig(AppConfig):
    name = "loket"
    verbose_name = _("Inwoner-loket")
    default_auto_field = "django.db.models.BigAutoField"
