"""Reference data shared by every regio: clusters, sectoren, skills."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkcentrum.validators import enkele_regel_validator


class Cluster(models.Model):
    """One of the four WSP clusters; shared reference data for every regio."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Sector(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="sectoren", verbose_name=_("cluster")
    )
    is_focussector = models.BooleanField(_("focussector"), default=False)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")
        ordering = ["cluster__volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Skill(models.Model):
    """The shared skills vocabulary; adviseurs may add new terms."""

    naam = models.CharField(
        _("naam"), max_length=80, unique=True, validators=[enkele_regel_validator]
    )

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
