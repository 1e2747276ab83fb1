"""The shared domain every app builds on: regio, gemeenten, organisaties, locaties, staff and
the audit log."""

from __future__ import annotations

import secrets
from pathlib import PurePosixPath

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .huisstijl import LOGO_EXTENSIES, LOGO_SOORTEN, kleur_validator, logo_validator
from .modules import alle_modules, modules_validator
from .tenancy import RegioManager, RegioQuerySet
from .validators import (
    cbs_code_validator,
    enkele_regel_validator,
    hostnaam_validator,
    is_portaaladres,
    postcode_validator,
    telefoon_validator,
)


def _logo_pad(instance: Arbeidsmarktregio, filename: str) -> str:
    # A new random name per upload: the logo's URL changes with it, so browsers may keep
    # one for a long time, and a replaced logo never shows from a cache.
    suffix = PurePosixPath(filename).suffix.lower()
    suffix = LOGO_SOORTEN[LOGO_EXTENSIES[suffix]][0] if suffix in LOGO_EXTENSIES else suffix
    return f"huisstijl/{secrets.token_urlsafe(12)}{suffix}"


class Arbeidsmarktregio(models.Model):
    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("Bijv. zkij"))
    naam = models.CharField(
        _("naam"), max_length=120, unique=True, validators=[enkele_regel_validator]
    )
    hostnaam = models.CharField(
        _("hostnaam"),
        max_length=253,
        blank=True,
        help_text=_(
            "Het eigen adres van de publieke website van deze regio, bijv. "
            "werkcentrum-zkij.nl. Leeg: de website staat onder /<code>/ op het adres van het "
            "portaal. Het portaal moet de naam ook in ALLOWED_HOSTS hebben."
        ),
        validators=[enkele_regel_validator, hostnaam_validator],
    )
    modules = models.JSONField(
        _("modules"),
        default=alle_modules,
        validators=[modules_validator],
        help_text=_(
            "Welke onderdelen deze regio in het portaal gebruikt, naast het loket: wsp, rba, "
            "financien. Een regio die zijn reserve elders beheert, laat financien weg."
        ),
    )
    huisstijl_kleur = models.CharField(
        _("huisstijlkleur"),
        max_length=7,
        blank=True,
        validators=[enkele_regel_validator, kleur_validator],
        help_text=_(
            "De hoofdkleur van de regio (#rrggbb) voor kop, knoppen en voet; leeg: de "
            "standaardkleur. Witte tekst erop moet goed leesbaar zijn (contrast 4,5:1)."
        ),
    )
    huisstijl_logo = models.FileField(
        _("logo"),
        upload_to=_logo_pad,
        max_length=100,
        blank=True,
        validators=[logo_validator],
        help_text=_(
            "PNG, JPEG of WebP, hoogstens 256 kB en 2000 bij 1000 pixels. Staat in de kop van "
            "de website, het portaal, de e-mails en de PDF's. Leeg: de naam van de regio."
        ),
    )
    huisstijl_logo_alt = models.CharField(
        _("tekst bij het logo"),
        max_length=200,
        blank=True,
        validators=[enkele_regel_validator],
        help_text=_(
            "Wat een schermlezer voorleest in plaats van het logo. Leeg: de naam van de regio."
        ),
    )

    # A regio "belongs" to itself: a beheerder sees only their own.
    regio_pad = "pk"
    objects = RegioManager()

    class Meta:
        verbose_name = _("arbeidsmarktregio")
        verbose_name_plural = _("arbeidsmarktregio's")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["hostnaam"], condition=~Q(hostnaam=""), name="regio_hostnaam_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        # The installation's own address serves every regio under /<code>/; given to one
        # regio, the others' public pages would disappear from it.
        if is_portaaladres(self.hostnaam):
            raise ValidationError(
                {"hostnaam": _("Dit is het adres van het hele portaal, niet van één regio.")}
            )

    @property
    def logo_url(self) -> str:
        """The logo's path on this portal ('' without a logo); its file name is part of it."""
        if not self.huisstijl_logo:
            return ""
        naam = PurePosixPath(self.huisstijl_logo.name).name
        return reverse("huisstijl_logo", args=[self.code, naam])

    @property
    def logo_alt(self) -> str:
        return self.huisstijl_logo_alt or self.naam

    @property
    def centrumgemeente(self) -> Gemeente | None:
        return self.gemeenten.filter(is_centrumgemeente=True).first()


class Gemeente(models.Model):
    regio = models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name="gemeenten",
        verbose_name=_("regio"),
    )
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[cbs_code_validator, enkele_regel_validator],
    )
    subregio = models.CharField(
        _("subregio"), max_length=100, blank=True, validators=[enkele_regel_validator]
    )
    is_centrumgemeente = models.BooleanField(_("centrumgemeente"), default=False)
    # Near for matching (wsp): from the regio's definition file; mutual by nature.
    buren = models.ManyToManyField(
        "self", symmetrical=True, blank=True, verbose_name=_("buurgemeenten")
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "naam"], name="gemeente_naam_uniek_per_regio"),
            models.UniqueConstraint(
                fields=["regio"],
                condition=Q(is_centrumgemeente=True),
                name="een_centrumgemeente_per_regio",
            ),
            models.CheckConstraint(
                condition=Q(cbs_code__regex=r"^GM[0-9]{4}$"), name="gemeente_cbs_code_vorm"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Organisatie(models.Model):
    class Type(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        UWV = "uwv", _("UWV")
        REINTEGRATIE = "reintegratie", _("Re-integratiebedrijf")
        WSP = "wsp", _("Werkgeversservicepunt")
        WERKCENTRUM = "werkcentrum", _("Werkcentrum")
        ONDERWIJS = "onderwijs", _("Onderwijs")
        VAKBOND = "vakbond", _("Vakbond")
        WERKGEVERSORGANISATIE = "werkgeversorganisatie", _("Werkgeversorganisatie")
        SBB = "sbb", _("SBB")
        RMC = "rmc", _("RMC / Leerplein")
        OVERIG = "overig", _("Overig")

    regio = models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name="organisaties",
        verbose_name=_("regio"),
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    type = models.CharField(_("type"), max_length=30, choices=Type.choices, db_index=True)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisaties",
        verbose_name=_("gemeente"),
        help_text=_("Alleen bij organisaties van het type gemeente: welke gemeente dit is."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("algemeen e-mailadres"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
    )
    # The contact route of an organisation without partnermedewerkers in the portal: warme
    # doorverwijzingen reach it as a single-use link (loket), never with personal data.
    functionele_mailbox = models.EmailField(
        _("functionele mailbox voor doorverwijzingen"),
        blank=True,
        help_text=_(
            "Voor organisaties zonder medewerkers in het portaal: dit adres krijgt bij een "
            "warme doorverwijzing een persoonlijke, eenmalige link."
        ),
    )
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "naam"], name="organisatie_naam_uniek_per_regio"
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        if self.gemeente_id and self.regio_id and self.gemeente.regio_id != self.regio_id:
            raise ValidationError({"gemeente": _("Deze gemeente hoort bij een andere regio.")})


class Locatie(models.Model):
    """A spreekuurlocatie where gidsen hold their conversations."""

    regio = models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name="locaties",
        verbose_name=_("regio"),
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="locaties", verbose_name=_("gemeente")
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locaties",
        verbose_name=_("gastorganisatie"),
    )
    straat = models.CharField(
        _("straat en huisnummer"), max_length=150, validators=[enkele_regel_validator]
    )
    postcode = models.CharField(
        _("postcode"), max_length=7, validators=[postcode_validator, enkele_regel_validator]
    )
    plaats = models.CharField(_("plaats"), max_length=100, validators=[enkele_regel_validator])
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Bereikbaarheid, ingang, toegankelijkheid.")
    )
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("spreekuurlocatie")
        verbose_name_plural = _("spreekuurlocaties")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "naam"], name="locatie_naam_uniek_per_regio")
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        if self.gemeente_id and self.regio_id and self.gemeente.regio_id != self.regio_id:
            raise ValidationError({"gemeente": _("Deze gemeente hoort bij een andere regio.")})
        if self.organisatie_id and self.regio_id and self.organisatie.regio_id != self.regio_id:
            raise ValidationError(
                {"organisatie": _("Deze organisatie hoort bij een andere regio.")}
            )

    @property
    def adres(self) -> str:
        return f"{self.straat}, {self.postcode} {self.plaats}"


class Openingstijd(models.Model):
    """A weekly recurring spreekuur at a locatie."""

    class Weekdag(models.IntegerChoices):
        MAANDAG = 1, _("maandag")
        DINSDAG = 2, _("dinsdag")
        WOENSDAG = 3, _("woensdag")
        DONDERDAG = 4, _("donderdag")
        VRIJDAG = 5, _("vrijdag")
        ZATERDAG = 6, _("zaterdag")
        ZONDAG = 7, _("zondag")

    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, related_name="openingstijden", verbose_name=_("locatie")
    )
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekdag.choices)
    begintijd = models.TimeField(_("van"))
    eindtijd = models.TimeField(_("tot"))

    regio_pad = "locatie__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["locatie", "weekdag", "begintijd"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eindtijd__gt=models.F("begintijd")), name="openingstijd_eind_na_begin"
            ),
            models.CheckConstraint(
                condition=Q(weekdag__gte=1, weekdag__lte=7), name="openingstijd_weekdag_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekdag_display()} {self.begintijd:%H:%M}-{self.eindtijd:%H:%M}"

    def clean(self) -> None:
        if self.begintijd and self.eindtijd and self.eindtijd <= self.begintijd:
            raise ValidationError({"eindtijd": _("De eindtijd moet na de begintijd liggen.")})


class MedewerkerManager(BaseUserManager.from_queryset(RegioQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> Medewerker:
        if not email:
            raise ValueError("Een medewerker heeft een e-mailadres nodig.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> Medewerker:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> Medewerker:
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class Medewerker(AbstractUser):
    """A staff user: belongs to one regio and one organisatie; roles are groups."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    # AbstractUser's name fields, declared again only to hold one line each: a name reaches
    # mail headers and exports (see enkele_regel_validator).
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    regio = models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("regio"),
        help_text=_("Leeg alleen voor de platformbeheerder (superuser), die alle regio's ziet."),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("organisatie"),
    )
    serviceaccount = models.BooleanField(
        _("serviceaccount"),
        default=False,
        help_text=_(
            "Een koppeling, geen persoon: logt nooit in met een wachtwoord en gebruikt de API "
            "alleen met een API-token dat de beheerder uitgeeft."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = MedewerkerManager()

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["first_name", "last_name", "email"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_superuser=True) | Q(regio__isnull=False),
                name="medewerker_heeft_regio",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.email.lower()
        if not self.is_superuser and not self.regio_id:
            raise ValidationError({"regio": _("Een medewerker hoort bij een regio.")})
        if self.organisatie_id and self.regio_id and self.organisatie.regio_id != self.regio_id:
            raise ValidationError(
                {"organisatie": _("Deze organisatie hoort bij een andere regio.")}
            )

    @property
    def rollen(self) -> set[str]:
        """The role codes (group names) of this user, read once per instance: the request's
        user is loaded fresh on every request, so a withdrawn role counts on the next one
        (like Django's ModelBackend caches permissions on the instance)."""
        if not hasattr(self, "_rollen_cache"):
            self._rollen_cache = set(self.groups.values_list("name", flat=True))
        return self._rollen_cache

    def heeft_rol(self, *codes: str) -> bool:
        return self.is_superuser or bool(self.rollen.intersection(codes))


class AuditEventQuerySet(RegioQuerySet):
    def update(self, **kwargs):
        raise PermissionError("Het logboek is alleen aan te vullen, niet te wijzigen.")

    def delete(self):
        raise PermissionError("Het logboek is alleen aan te vullen, niet te wijzigen.")


class AuditEvent(models.Model):
    """One append-only line in the logboek dataverwerkingen.

    Never holds the personal data itself: the object is named by type and primary key.
    In PostgreSQL a trigger refuses UPDATE and DELETE as well (migration 0002).
    """

    class Actie(models.TextChoices):
        INGEZIEN = "ingezien", _("ingezien")
        AANGEMAAKT = "aangemaakt", _("aangemaakt")
        GEWIJZIGD = "gewijzigd", _("gewijzigd")
        VERWIJDERD = "verwijderd", _("verwijderd")
        GEEXPORTEERD = "geexporteerd", _("geëxporteerd")
        INGELOGD = "ingelogd", _("ingelogd")
        GEBLOKKEERD = "geblokkeerd", _("inloggen geblokkeerd")

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(
        Medewerker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    regio = models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regio"),
    )
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    event = models.CharField(
        _("gebeurtenis"), max_length=80, db_index=True, validators=[enkele_regel_validator]
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("soort object")
    )
    object_id = models.CharField(
        _("object-id"), max_length=64, blank=True, validators=[enkele_regel_validator]
    )
    doel = models.CharField(
        _("doel"), max_length=200, blank=True, validators=[enkele_regel_validator]
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = models.Manager.from_queryset(AuditEventQuerySet)()

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek dataverwerkingen")
        ordering = ["-tijdstip", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["gebruiker", "tijdstip"], name="audit_gebruiker_idx"),
            models.Index(fields=["regio", "tijdstip"], name="audit_regio_idx"),
            # The privacy officer's filters, always within one regio (werkcentrum/logboek.py).
            models.Index(
                fields=["regio", "gebruiker", "tijdstip"], name="audit_regio_gebruiker_idx"
            ),
            models.Index(fields=["regio", "actie", "tijdstip"], name="audit_regio_actie_idx"),
            models.Index(
                fields=["regio", "content_type", "object_id"], name="audit_regio_object_idx"
            ),
            # On PostgreSQL also a GIN index on details, for the list events naming a person
            # (migration 0005; raw SQL, as SQLite has no GIN).
        ]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.tijdstip):%Y-%m-%d %H:%M} {self.event}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise PermissionError("Het logboek is alleen aan te vullen, niet te wijzigen.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Het logboek is alleen aan te vullen, niet te wijzigen.")


class Hartslag(models.Model):
    """The last sign of life of a background process, read by /health/."""

    naam = models.CharField(max_length=50, unique=True, validators=[enkele_regel_validator])
    laatst = models.DateTimeField()
    aantal = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("hartslag")
        verbose_name_plural = _("hartslagen")

    def __str__(self) -> str:
        return f"{self.naam} {self.laatst:%Y-%m-%d %H:%M:%S}"


class UitgaandeTaak(models.Model):
    """Transactional outbox: a Celery task recorded in the transaction that decided to run it.

    Written by `WerkcentrumTask.delay_on_commit` in the caller's transaction, published after
    commit, and re-published by the relay (`werkcentrum.outbox`) while the broker was away.
    A row without `verzonden_op` is work that is not yet in the broker.
    """

    taak = models.CharField(max_length=200, validators=[enkele_regel_validator])
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    aangemaakt = models.DateTimeField(default=timezone.now)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    pogingen = models.PositiveIntegerField(default=0)
    laatste_fout = models.TextField(blank=True)

    class Meta:
        verbose_name = _("uitgaande taak")
        verbose_name_plural = _("uitgaande taken")
        indexes = [
            # The relay scans only the open rows, oldest first.
            models.Index(
                fields=["aangemaakt"],
                name="uitgaandetaak_open_idx",
                condition=Q(verzonden_op__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.taak} #{self.pk}"


class Formulieralarm(models.Model):
    """A public form of a regio hit its flood limit in one window (werkcentrum/
    formulierbescherming.py). The row is the marker that the regio's beheerder is mailed once
    per form and window: created by the request that reached the limit, claimed by the task
    that sends the mail."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.CASCADE, related_name="+", verbose_name=_("regio")
    )
    formulier = models.CharField(_("formulier"), max_length=40, validators=[enkele_regel_validator])
    venster = models.DateTimeField(_("begin van het uur"))
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("formulieralarm")
        verbose_name_plural = _("formulieralarmen")
        ordering = ["-venster"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "formulier", "venster"], name="formulieralarm_eenmaal_per_uur"
            )
        ]

    def __str__(self) -> str:
        return f"{self.formulier} {timezone.localtime(self.venster):%Y-%m-%d %H:%M}"


class ImportTaak(models.Model):
    """One uploaded import file and its run in the worker (issue 20, point 6).

    The request only stores the file and queues the work; the worker checks every row (the
    preview) and, once the user confirmed, imports all-or-nothing. `status` is the claim
    marker: the worker acts only on WACHTRIJ (preview) or BEVESTIGD (import) under a row lock,
    so a re-run or a second confirm imports nothing twice. The file is emptied once the
    taak is finished (it may hold personal data).
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("wordt gecontroleerd")
        GECONTROLEERD = "gecontroleerd", _("gecontroleerd, wacht op bevestiging")
        BEVESTIGD = "bevestigd", _("wordt geïmporteerd")
        GEIMPORTEERD = "geimporteerd", _("geïmporteerd")
        AFGEKEURD = "afgekeurd", _("niets opgeslagen")

    LOPEND = (Status.WACHTRIJ, Status.BEVESTIGD)

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    gebruiker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", verbose_name=_("medewerker")
    )
    soort = models.CharField(_("soort"), max_length=50, validators=[enkele_regel_validator])
    bestandsnaam = models.CharField(
        _("bestandsnaam"), max_length=255, validators=[enkele_regel_validator]
    )
    inhoud = models.BinaryField(_("inhoud"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTRIJ
    )
    totaal = models.PositiveIntegerField(_("regels"), default=0)
    verwerkt = models.PositiveIntegerField(_("verwerkt"), default=0)
    fouten = models.JSONField(_("fouten"), default=list, blank=True)
    samenvatting = models.JSONField(_("samenvatting"), default=dict, blank=True)
    # Choices the uploader made on the upload page or the preview, for the import function
    # (e.g. {"accounthouder": <pk>}, the default for werkgevers without one in the file).
    opties = models.JSONField(_("opties"), default=dict, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("importtaak")
        verbose_name_plural = _("importtaken")
        ordering = ["-aangemaakt"]

    def __str__(self) -> str:
        return f"{self.soort} {self.bestandsnaam} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in self.LOPEND


class ApiToken(models.Model):
    """An API token of a service account: its scope, expiry and who issued it (issue 20,
    point 9). The secret itself lives only as a hash in knox's AuthToken; revoking deletes
    that and keeps this row as the record."""

    class Apps(models.TextChoices):
        WERKCENTRUM = "werkcentrum", _("Kern (regio, organisaties, locaties)")
        LOKET = "loket", _("Loket")
        WSP = "wsp", _("Werkgeversservicepunt")
        RBA = "rba", _("RBA")
        FINANCIEN = "financien", _("Regionale reserve")

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    serviceaccount = models.ForeignKey(
        Medewerker,
        on_delete=models.PROTECT,
        related_name="api_tokens",
        verbose_name=_("serviceaccount"),
    )
    token = models.OneToOneField(
        "knox.AuthToken",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scope",
        editable=False,
    )
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    alleen_lezen = models.BooleanField(_("alleen lezen"), default=True)
    apps = models.JSONField(
        _("onderdelen"), default=list, blank=True, help_text=_("Leeg: alle onderdelen.")
    )
    geldig_tot = models.DateTimeField(_("geldig tot"))
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", verbose_name=_("uitgegeven door")
    )
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["-aangemaakt"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.serviceaccount})"

    @property
    def geldig(self) -> bool:
        return self.token_id is not None and self.geldig_tot > timezone.now()


class Websitegegevens(models.Model):
    """What a regio's public site shows in its footer: how to reach the Werkcentrum and the
    privacy- and toegankelijkheidsverklaring. One row per regio, edited by its beheerder;
    empty fields fall back (werkcentrum/websitegegevens.py): contact data to the
    Werkcentrum's organisatie and locatie, the statements to a default text. Texts are plain
    paragraphs, shown escaped: no markup from users reaches the page."""

    regio = models.OneToOneField(
        Arbeidsmarktregio,
        on_delete=models.CASCADE,
        related_name="websitegegevens",
        verbose_name=_("regio"),
    )
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[enkele_regel_validator, telefoon_validator],
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    adres = models.CharField(
        _("bezoekadres"),
        max_length=200,
        blank=True,
        validators=[enkele_regel_validator],
        help_text=_("Bijv. Stationsplein 1, 2011 LR Haarlem."),
    )
    privacyverklaring = models.TextField(
        _("privacyverklaring"),
        max_length=20000,
        blank=True,
        help_text=_("Alinea's scheiden met een witregel. Leeg: de standaardtekst."),
    )
    toegankelijkheidsverklaring = models.TextField(
        _("toegankelijkheidsverklaring"),
        max_length=20000,
        blank=True,
        help_text=_("Alinea's scheiden met een witregel. Leeg: de standaardtekst."),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("gegevens publieke website")
        verbose_name_plural = _("gegevens publieke website")

    def __str__(self) -> str:
        return str(self.regio)
