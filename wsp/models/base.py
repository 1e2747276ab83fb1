"""Shared pieces of the WSP models."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio

kvk_validator = RegexValidator(
    r"^[0-9]{8}$", _("Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678.")
)
User = settings.AUTH_USER_MODEL


def _regio_fk(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("regio"),
    )
