"""Reference lists shared by every regio with room for a regio's own items (sectoren,
clusters, loket doelgroepen).

Why not a copy per regio: the national rows (regio NULL) keep one code and one meaning in
every regio, so factsheets and benchmarks compare regio's on the same codes. A regio adds its
own rows (regio set) and hides national ones it does not use (`verborgen_in`); the choices
and the check live in `wsp.regiolijsten` and `loket.regiolijsten`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Arbeidsmarktregio
from .tenancy import RegioManager


class GedeeldeLijst(models.Model):
    # werkcentrum.tenancy: the rows without a regio belong to every regio.
    regio_gedeeld = True

    regio = models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regio"),
        help_text=_("Leeg: de landelijke lijst, voor elke regio."),
    )
    verborgen_in = models.ManyToManyField(
        Arbeidsmarktregio,
        blank=True,
        related_name="+",
        verbose_name=_("verborgen in"),
        help_text=_(
            "Regio's die dit landelijke item niet gebruiken: daar staat het niet in de "
            "keuzelijsten. Gegevens die het al hebben, houden het."
        ),
    )

    objects = RegioManager()

    class Meta:
        abstract = True
        constraints = [
            # One meaning per code: unique among the national rows, and within a regio.
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(regio__isnull=True),
                name="%(app_label)s_%(class)s_code_landelijk_uniek",
            ),
            models.UniqueConstraint(
                fields=["regio", "code"], name="%(app_label)s_%(class)s_code_per_regio_uniek"
            ),
        ]

    @property
    def is_landelijk(self) -> bool:
        return self.regio_id is None

    def clean(self) -> None:
        super().clean()
        if not (self.regio_id and self.code):
            return
        # The admin leaves `regio` off a regio beheerder's form, so Django does not check the
        # (regio, code) constraint itself: without this a duplicate would be a 500.
        anderen = type(self)._default_manager.exclude(pk=self.pk)
        if anderen.filter(regio_id=self.regio_id, code=self.code).exists():
            raise ValidationError(
                {
                    "code": gettext("De code '%(code)s' bestaat al in deze regio.")
                    % {"code": self.code}
                }
            )
        if anderen.filter(regio__isnull=True, code=self.code).exists():
            raise ValidationError(
                {
                    "code": gettext(
                        "De code '%(code)s' is al een landelijke code; kies een andere code "
                        "voor het eigen item van de regio."
                    )
                    % {"code": self.code}
                }
            )


def keuzes_voor(model, regio, *, ook: Iterable = ()) -> models.QuerySet:
    """The national items the regio did not hide, the regio's own, and `ook` (a record's
    current items, so editing it keeps them even when hidden since)."""
    regio_id = getattr(regio, "pk", regio)
    # A queryset (a record's many-to-many) stays a subquery: no extra query for the form.
    ook_ids = (
        ook.values("pk")
        if isinstance(ook, models.QuerySet)
        else [getattr(o, "pk", o) for o in ook if o]
    )
    zichtbaar = models.Q(regio__isnull=True) | models.Q(regio_id=regio_id)
    verborgen = models.Q(pk__in=[])
    if regio_id is not None:
        verborgen = models.Q(
            pk__in=model.verborgen_in.through.objects.filter(arbeidsmarktregio_id=regio_id).values(
                f"{model._meta.model_name}_id"
            )
        )
    q = zichtbaar & ~verborgen
    if isinstance(ook_ids, models.QuerySet) or ook_ids:
        q |= models.Q(pk__in=ook_ids)
    return model._default_manager.filter(q)


def controleren(
    model, *, regio, items: Iterable, huidig: Iterable = (), veld: str, soort: str
) -> None:
    """Raises ValidationError (Dutch, on `veld`) for an item of another regio (never allowed)
    or one the regio hid (allowed only when the record already has it)."""
    regio_id = getattr(regio, "pk", regio)
    items = [i for i in items if i is not None]
    if not items:
        return
    fouten = [
        ValidationError(
            gettext("%(soort)s '%(naam)s' hoort bij een andere regio."),
            code="andere_regio",
            params={"soort": soort, "naam": i.naam},
        )
        for i in items
        if i.regio_id is not None and i.regio_id != regio_id
    ]
    huidig_ids = {getattr(h, "pk", h) for h in huidig if h}
    landelijk = [i for i in items if i.regio_id is None and i.pk not in huidig_ids]
    if landelijk and regio_id is not None:
        kolom = f"{model._meta.model_name}_id"
        verborgen = set(
            model.verborgen_in.through.objects.filter(
                arbeidsmarktregio_id=regio_id, **{f"{kolom}__in": [i.pk for i in landelijk]}
            ).values_list(kolom, flat=True)
        )
        fouten += [
            ValidationError(
                gettext("%(soort)s '%(naam)s' wordt in deze regio niet gebruikt."),
                code="verborgen",
                params={"soort": soort, "naam": i.naam},
            )
            for i in landelijk
            if i.pk in verborgen
        ]
    if fouten:
        raise ValidationError({veld: fouten})


def van_andere_regio(obj: models.Model, veld: str) -> dict[str, str]:
    """For a model's clean(): {veld: message} when its item of a shared list (`veld`, a
    foreign key) belongs to another regio than `obj`; a national item is always fine here
    (whether the regio hid it is the form's check: it knows the record's previous value)."""
    if not getattr(obj, f"{veld}_id", None) or not getattr(obj, "regio_id", None):
        return {}
    item = getattr(obj, veld)
    if item.regio_id is not None and item.regio_id != obj.regio_id:
        return {veld: gettext("Dit hoort bij een andere regio.")}
    return {}


def in_gebruik(item: models.Model) -> bool:
    """Whether a record points to the item (foreign key or many-to-many). A foreign key is
    PROTECTed, but a many-to-many row would vanish silently with the item."""
    for rel in item._meta.get_fields(include_hidden=True):
        if not rel.auto_created or rel.concrete or rel.related_model._meta.auto_created:
            continue
        if rel.related_model._base_manager.filter(**{rel.field.name: item}).exists():
            return True
    return False


# --- The regio definition file: `<sectie>: {eigen: [{code, naam, ...}], verbergen: [codes]}`.
# A present section describes the regio's list completely (a missing key is an empty list):
# own items missing from a later file and national ones no longer listed under `verbergen`
# are hidden or shown again accordingly; nothing is deleted (records may use it).

CODE_TEKENS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")


def sectie_controleren(
    sectie: str,
    waarde: Any,
    *,
    model,
    extra: dict[str, Callable[[Any, str], list[str]]] | None = None,
) -> list[str]:
    """Every problem of one section, in Dutch, naming the place in the file. `extra` checks
    the further keys an own item has ({key: check(value, where) -> problems})."""
    extra = extra or {}
    if waarde is None:
        return []
    if not isinstance(waarde, dict) or set(waarde) - {"eigen", "verbergen"}:
        return [f"'{sectie}' heeft alleen de onderdelen 'eigen' en 'verbergen'."]
    landelijk = set(
        model._default_manager.filter(regio__isnull=True).values_list("code", flat=True)
    )
    max_code = model._meta.get_field("code").max_length
    max_naam = model._meta.get_field("naam").max_length
    fouten: list[str] = []
    eigen = waarde.get("eigen") or []
    if not isinstance(eigen, list):
        fouten.append(f"{sectie}.eigen: verwacht een lijst met per regel een code en een naam.")
        eigen = []
    codes: list[str] = []
    for i, item in enumerate(eigen, start=1):
        waar = f"{sectie}.eigen[{i}]"
        sleutels = {"code", "naam", *extra}
        if not isinstance(item, dict) or set(item) - sleutels:
            fouten.append(
                f"{waar}: verwacht alleen {', '.join(repr(s) for s in sorted(sleutels))}."
            )
            continue
        code = str(item.get("code") or "").strip()
        naam = item.get("naam")
        if not code:
            fouten.append(f"{waar}: 'code' ontbreekt.")
        elif set(code) - CODE_TEKENS or len(code) > max_code:
            fouten.append(
                f"{waar}: code '{code}' mag alleen kleine letters, cijfers, '-' en '_' "
                f"bevatten (hoogstens {max_code} tekens)."
            )
        elif code in landelijk:
            fouten.append(
                f"{waar}: code '{code}' is al een landelijke code; geef het eigen item een "
                "andere code (of verberg het landelijke)."
            )
        else:
            codes.append(code)
        if not isinstance(naam, str) or not naam.strip():
            fouten.append(f"{waar}: 'naam' ontbreekt of is leeg.")
        elif len(naam.strip()) > max_naam or any(ord(t) < 32 for t in naam):
            fouten.append(f"{waar}: 'naam' is één regel van hoogstens {max_naam} tekens.")
        for sleutel, check in extra.items():
            fouten += check(item.get(sleutel), f"{waar}.{sleutel}")
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        fouten.append(f"{sectie}.eigen: code '{code}' staat er meer dan één keer in.")
    verbergen = waarde.get("verbergen") or []
    if not isinstance(verbergen, list):
        fouten.append(f"{sectie}.verbergen: verwacht een lijst met landelijke codes.")
        verbergen = []
    for i, code in enumerate(verbergen, start=1):
        if str(code) not in landelijk:
            fouten.append(
                f"{sectie}.verbergen[{i}]: '{code}' is geen landelijke code; kies uit "
                f"{', '.join(sorted(landelijk))}."
            )
    return fouten


def sectie_laden(
    sectie: str,
    waarde: Any,
    *,
    model,
    regio,
    samenvatting,
    extra: Callable[[dict], dict] | None = None,
) -> None:
    """Makes the regio's part of the list what the (checked) section says. Idempotent: a
    second load changes and counts nothing. `extra` gives an own item's further fields."""
    if waarde is None:
        return  # without the section the regio keeps what its beheerder set
    manager = model._default_manager
    through = model.verborgen_in.through
    kolom = f"{model._meta.model_name}_id"
    verborgen = set(
        through.objects.filter(arbeidsmarktregio_id=regio.pk).values_list(kolom, flat=True)
    )
    eigen = {i.code: i for i in manager.filter(regio=regio)}
    zichtbaar: set[int] = set()
    for item in waarde.get("eigen") or []:
        code = str(item["code"]).strip()
        velden = {"naam": item["naam"].strip(), **(extra(item) if extra else {})}
        bestaand = eigen.pop(code, None)
        if bestaand is None:
            bestaand = manager.create(regio=regio, code=code, **velden)
            samenvatting.tel(sectie, True)
        else:
            anders = {k: v for k, v in velden.items() if getattr(bestaand, k) != v}
            if anders:
                manager.filter(pk=bestaand.pk).update(**anders)
                samenvatting.tel(sectie, False)
        zichtbaar.add(bestaand.pk)
    te_verbergen = {i.pk for i in eigen.values()}  # own items the file no longer lists
    codes = [str(c) for c in waarde.get("verbergen") or []]
    landelijk = dict(manager.filter(regio__isnull=True).values_list("code", "pk"))
    te_verbergen |= {landelijk[c] for c in codes}
    zichtbaar |= set(landelijk.values()) - te_verbergen
    nieuw_verborgen = te_verbergen - verborgen
    weer_zichtbaar = zichtbaar & verborgen
    through.objects.bulk_create(
        [through(arbeidsmarktregio_id=regio.pk, **{kolom: pk}) for pk in sorted(nieuw_verborgen)]
    )
    through.objects.filter(
        arbeidsmarktregio_id=regio.pk, **{f"{kolom}__in": weer_zichtbaar}
    ).delete()
    for _pk in range(len(nieuw_verborgen) + len(weer_zichtbaar)):
        samenvatting.tel(sectie, False)
