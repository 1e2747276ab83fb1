from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancienConfig(AppConfig):
    name = "financien"
    verbose_name = _("Regionale reserve")
    default_auto_field = "django.db.models.BigAutoField"
