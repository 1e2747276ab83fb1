from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RbaConfig(AppConfig):
    name = "rba"
    verbose_name = _("Regionaal Beraad Arbeidsmarkt")
    default_auto_field = "django.db.models.BigAutoField"
