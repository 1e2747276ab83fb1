"""Reference data: clusters and sectoren (the national list plus a regio's own, see
werkcentrum.gedeelde_lijsten) and the shared skills."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkcentrum.gedeelde_lijsten import GedeeldeLijst
from werkcentrum.validators import enkele_regel_validator


class Cluster(GedeeldeLijst):
    """One of the four national WSP clusters, or a regio's own."""

    code = models.SlugField(_("code"), max_length=20)
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta(GedeeldeLijst.Meta):
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Sector(GedeeldeLijst):
    """A national sector, or a regio's own (under a national cluster or one of its own)."""

    code = models.SlugField(_("code"), max_length=30)
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="sectoren", verbose_name=_("cluster")
    )
    is_focussector = models.BooleanField(_("focussector"), default=False)

    class Meta(GedeeldeLijst.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")
        ordering = ["cluster__volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        super().clean()
        cluster = self.cluster if self.cluster_id else None
        if cluster is not None and cluster.regio_id not in (None, self.regio_id):
            raise ValidationError(
                {"cluster": _("Kies een landelijk cluster of een cluster van deze regio.")}
            )


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
