from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WspConfig(AppConfig):
    name = "wsp"
    verbose_name = _("Werkgeversservicepunt")
    default_auto_field = "django.db.models.BigAutoField"
