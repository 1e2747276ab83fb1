"""Import and export of WBS/Sonar and Excel sheets (django-import-export).

Every resource works inside one regio: look-ups of foreign keys and of existing rows are
limited to it, and new rows land in it. Rows are matched on a natural key (KvK-nummer or
extern id), so importing the same file twice changes nothing. The export has the same columns.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, widgets

from werkcentrum.bestanden import VeiligeResource
from werkcentrum.models import Gemeente, Organisatie

from . import services
from .importwidgets import (
    DatumWidget,
    DecimaalWidget,
    GeheelGetalWidget,
    Importfout,
    JaNeeWidget,
    KeuzeWidget,
    RegioFK,
    RegioKeuzeWidget,
    SectorFK,
    TijdstipWidget,
    WspMedewerkerFK,
)
from .models import (
    Contactmoment,
    Contactpersoon,
    Doelstelling,
    Kandidaat,
    Plaatsing,
    Vacature,
    Werkgever,
    WspDoelgroep,
)


class LijstWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return [v.strip() for v in str(value or "").split(",") if v.strip()]

    def render(self, value, obj=None, **kwargs):
        return ",".join(value or [])


def _doelgroep() -> fields.Field:
    return fields.Field(
        attribute="doelgroep", column_name="doelgroep", widget=RegioKeuzeWidget(WspDoelgroep)
    )


class RegioResource(VeiligeResource):
    """Base: scoped to `regio`; `user` is recorded as the importer."""

    WIDGETS_MAP = {
        **VeiligeResource.WIDGETS_MAP,
        "DateField": DatumWidget,
        "DateTimeField": TijdstipWidget,
        "DecimalField": DecimaalWidget,
        "IntegerField": GeheelGetalWidget,
        "PositiveIntegerField": GeheelGetalWidget,
        "PositiveSmallIntegerField": GeheelGetalWidget,
        "SmallIntegerField": GeheelGetalWidget,
        "BigIntegerField": GeheelGetalWidget,
        "BooleanField": JaNeeWidget,
        "NullBooleanField": JaNeeWidget,
    }

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        # A choice by its code or its Dutch label, as WBS/Sonar exports write it.
        veld = super().field_from_django_field(field_name, django_field, readonly)
        if django_field.choices and not django_field.is_relation:
            veld.widget = KeuzeWidget(django_field.flatchoices)
        return veld

    # `regio` may be left out only to read the columns (the admin's export form does).
    def __init__(self, *, regio=None, user=None) -> None:
        super().__init__()
        self.regio = regio
        self.user = user
        self.voortgang = None  # (rows checked, rows with an error) -> None, see importeren
        self._met_fout = 0
        for veld in self.fields.values():
            if isinstance(veld.widget, RegioFK | RegioKeuzeWidget):
                veld.widget.regio = regio

    def get_queryset(self):
        return super().get_queryset().in_regio(self.regio)

    def get_instance(self, instance_loader, row):
        # The key columns are read before the row itself: an unreadable key (an unknown
        # werkgever, a bad date) is reported on its column like any other field.
        fouten = {}
        for naam in self.get_import_id_fields():
            veld = self.fields[naam]
            if veld.column_name in row:
                try:
                    veld.clean(row)
                except Importfout as exc:
                    fouten[veld.attribute] = [str(exc)]
                except (ValueError, TypeError, ArithmeticError):
                    waarde = row.get(veld.column_name, "")
                    fouten[veld.attribute] = [
                        _("'%(waarde)s' is niet te lezen.") % {"waarde": waarde}
                    ]
        if fouten:
            raise ValidationError(fouten)
        try:
            return super().get_instance(instance_loader, row)
        except self._meta.model.MultipleObjectsReturned as exc:
            raise ValidationError(
                _("Deze regel past op meer dan één rij die al in het portaal staat.")
            ) from exc

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # Any other widget's error (the library's English, a Decimal error) in Dutch too.
        try:
            super().import_field(field, instance, row, is_m2m, **kwargs)
        except Importfout:
            raise
        except (ValueError, TypeError, ArithmeticError, ObjectDoesNotExist) as exc:
            waarde = row.get(field.column_name, "")
            raise Importfout(_("'%(waarde)s' is niet te lezen.") % {"waarde": waarde}) from exc

    def import_row(self, row, instance_loader, **kwargs):
        uitkomst = super().import_row(row, instance_loader, **kwargs)
        # Progress is reported while checking; the confirmed pass repeats the same rows.
        if self.voortgang and kwargs.get("dry_run"):
            if uitkomst.errors or uitkomst.validation_error:
                self._met_fout += 1
            self.voortgang(kwargs.get("row_number", 0), self._met_fout)
        return uitkomst

    def init_instance(self, row=None):
        instance = super().init_instance(row)
        # New rows land in the importing regio (set before validation, which needs it).
        if hasattr(instance, "regio_id"):
            instance.regio = self.regio
        return instance


def _fk(column: str, model, veld: str, attribute: str | None = None, pad="regio"):
    return fields.Field(
        attribute=attribute or column, column_name=column, widget=RegioFK(model, veld, pad)
    )


class WerkgeverResource(RegioResource):
    """Every werkgever gets an accounthouder (the form requires one, nazorg mails them): the
    column's e-mail address, or else `standaard_accounthouder`, chosen on the preview. An
    empty column keeps the accounthouder an existing werkgever already has."""

    sector = fields.Field(
        attribute="sector",
        column_name="sector",
        widget=SectorFK(bestaand=("werkgevers", "kvk_nummer")),
    )
    accounthouder = fields.Field(
        attribute="accounthouder",
        column_name="accounthouder",
        widget=WspMedewerkerFK(actief=True),
        saves_null_values=False,
    )

    def __init__(self, *, regio=None, user=None, standaard_accounthouder=None) -> None:
        super().__init__(regio=regio, user=user)
        self.standaard_accounthouder = standaard_accounthouder
        # Rows that name no accounthouder and would get the default (counted while checking).
        self.zonder_accounthouder = 0
        # While only checking, a missing accounthouder is not an error: the preview asks
        # for the default. The import itself refuses a werkgever without one.
        self.accounthouder_verplicht = False

    class Meta:
        model = Werkgever
        fields = [
            "kvk_nummer",
            "naam",
            "sector",
            "partnerschap",
            "accounthouder",
            "website",
            "telefoon",
            "email",
            "externe_id",
        ]
        export_order = fields
        import_id_fields = ["kvk_nummer"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            if instance.accounthouder_id is None:
                if kwargs.get("dry_run"):
                    self.zonder_accounthouder += 1
                instance.accounthouder = self.standaard_accounthouder

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        fouten = dict(import_validation_errors or {})
        if (
            self.accounthouder_verplicht
            and instance.accounthouder_id is None
            and "accounthouder" not in fouten
        ):
            fouten["accounthouder"] = [
                _(
                    "Geen accounthouder: vul het e-mailadres van een WSP-adviseur in of kies "
                    "een standaard-accounthouder."
                )
            ]
        super().validate_instance(instance, fouten, validate_unique)


class WerkgeverExportResource(WerkgeverResource):
    """The admin's export of werkgevers. django-import-export's export form builds its column
    checkboxes from `resource()` without arguments, which RegioResource refused (the admin's
    export page answered 500). Exporting needs no regio: the rows are the admin's own
    regio-scoped changelist, and a foreign key renders without a look-up."""

    def __init__(self, *, regio=None, user=None) -> None:
        super().__init__(regio=regio, user=user)


class ContactpersoonResource(RegioResource):
    werkgever = _fk("werkgever_kvk", Werkgever, "kvk_nummer", attribute="werkgever")

    class Meta:
        model = Contactpersoon
        fields = ["externe_id", "werkgever", "naam", "functie", "email", "telefoon"]
        export_order = fields
        import_id_fields = ["externe_id"]
        clean_model_instances = True
        skip_unchanged = True

    def get_queryset(self):
        return Contactpersoon.objects.in_regio(self.regio)


class ContactmomentResource(RegioResource):
    """The contactmomenten history from WBS/Sonar: one row per contact with a werkgever of the
    regio (by KvK-nummer) and the WSP medewerker who had it (by e-mail; one who has left
    still counts, it is history). Matched on werkgever, datum, type and samenvatting, so
    importing the same history twice adds nothing."""

    werkgever = _fk("werkgever_kvk", Werkgever, "kvk_nummer", attribute="werkgever")
    medewerker = fields.Field(
        attribute="medewerker", column_name="medewerker", widget=WspMedewerkerFK(actief=False)
    )

    class Meta:
        model = Contactmoment
        fields = [
            "werkgever",
            "datum",
            "type",
            "samenvatting",
            "afspraken",
            "opvolgdatum",
            "opvolging_afgerond",
            "medewerker",
        ]
        export_order = fields
        import_id_fields = ["werkgever", "datum", "type", "samenvatting"]
        clean_model_instances = True
        skip_unchanged = True

    def get_queryset(self):
        return Contactmoment.objects.in_regio(self.regio).select_related("werkgever", "medewerker")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The rule of a contactmoment entered by hand: an adviseur records them with their
        # own accounts, a manager with every account of the regio.
        fouten = dict(import_validation_errors or {})
        werkgever = instance.werkgever if instance.werkgever_id else None
        if (
            werkgever is not None
            and "werkgever" not in fouten
            and (self.user is None or not services.mag_werkgever_bewerken(self.user, werkgever))
        ):
            fouten["werkgever"] = [
                _(
                    "Alleen de accounthouder, het accountteam of een WSP-manager legt "
                    "contactmomenten van %(naam)s vast."
                )
                % {"naam": werkgever.naam}
            ]
        super().validate_instance(instance, fouten, validate_unique)


class VacatureResource(RegioResource):
    werkgever = _fk("werkgever_kvk", Werkgever, "kvk_nummer", attribute="werkgever")
    gemeente = _fk("gemeente", Gemeente, "naam")
    sector = fields.Field(
        attribute="sector",
        column_name="sector",
        widget=SectorFK(bestaand=("vacatures", "externe_id")),
    )
    doelgroepen = fields.Field(
        attribute="doelgroepen", column_name="doelgroepen", widget=LijstWidget()
    )

    class Meta:
        model = Vacature
        fields = [
            "externe_id",
            "werkgever",
            "functie",
            "omschrijving",
            "uren_per_week",
            "gemeente",
            "sector",
            "opleidingsniveau",
            "startdatum",
            "sluitingsdatum",
            "status",
            "doelgroepen",
            "is_vacaturecreatie",
            "is_openbaar",
            "beroepscode",
        ]
        export_order = fields
        import_id_fields = ["externe_id"]
        clean_model_instances = True
        skip_unchanged = True

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._status_in_database = None if new else instance.status

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The status column follows the same rules as the status page and the API; a new row
        # may bring the status it had in WBS/Sonar as long as it fits the closing date.
        fouten = dict(import_validation_errors or {})
        if "status" not in fouten and "sluitingsdatum" not in fouten:
            try:
                services.vacaturestatus_controleren(
                    vacature=instance,
                    van=instance._status_in_database,
                    naar=instance.status,
                    door=self.user,
                    vandaag=timezone.localdate(),
                )
            except PermissionError as exc:
                fouten["status"] = [str(exc)]
            except ValidationError as exc:
                fouten = exc.update_error_dict(fouten)
        super().validate_instance(instance, fouten, validate_unique)


class KandidaatResource(RegioResource):
    doelgroep = _doelgroep()
    woongemeente = _fk("woongemeente", Gemeente, "naam")
    overgedragen_door = _fk("overgedragen_door", Organisatie, "naam")

    class Meta:
        model = Kandidaat
        fields = [
            "externe_id",
            "voornaam",
            "achternaam",
            "email",
            "telefoon",
            "woongemeente",
            "doelgroep",
            "doelgroepregister",
            "werkfit",
            "gewenst_beroep",
            "opleidingsniveau",
            "taalniveau",
            "rijbewijs",
            "uren_per_week",
            "beschikbaar_vanaf",
            "overgedragen_door",
            "overdrager_naam",
            "overgedragen_op",
            "toestemming",
            "toestemming_op",
        ]
        export_order = fields
        import_id_fields = ["externe_id"]
        clean_model_instances = True
        skip_unchanged = True


class PlaatsingResource(RegioResource):
    doelgroep = _doelgroep()
    werkgever = _fk("werkgever_kvk", Werkgever, "kvk_nummer", attribute="werkgever")
    kandidaat = _fk("kandidaat_id", Kandidaat, "externe_id", attribute="kandidaat")
    woongemeente = _fk("woongemeente", Gemeente, "naam")
    instrumenten = fields.Field(
        attribute="instrumenten", column_name="instrumenten", widget=LijstWidget()
    )

    class Meta:
        model = Plaatsing
        fields = [
            "externe_id",
            "werkgever",
            "kandidaat",
            "startdatum",
            "contractvorm",
            "uren_per_week",
            "doelgroep",
            "woongemeente",
            "instrumenten",
        ]
        export_order = fields
        import_id_fields = ["externe_id"]
        clean_model_instances = True
        skip_unchanged = True

    def after_save_instance(self, instance, row, **kwargs):
        # Same rule as a plaatsing entered by hand: two nazorg moments.
        services.nazorg_plannen(plaatsing=instance)


class DoelstellingResource(RegioResource):
    """One row per target; an empty gemeente is the target of the whole regio. Matched on
    (jaar, doelgroep, gemeente), so a re-import changes the numbers instead of adding rows."""

    doelgroep = _doelgroep()
    gemeente = _fk("gemeente", Gemeente, "naam")

    class Meta:
        model = Doelstelling
        fields = ["jaar", "doelgroep", "gemeente", "aantal"]
        export_order = fields
        import_id_fields = ["jaar", "doelgroep", "gemeente"]
        clean_model_instances = True
        skip_unchanged = True

    def get_queryset(self):
        return super().get_queryset().select_related("gemeente").order_by("jaar", "doelgroep")


RESOURCES: dict[str, tuple[str, type[RegioResource]]] = {
    "werkgevers": ("Werkgevers", WerkgeverResource),
    "contactpersonen": ("Contactpersonen", ContactpersoonResource),
    "contactmomenten": ("Contactmomenten", ContactmomentResource),
    "vacatures": ("Vacatures", VacatureResource),
    "kandidaten": ("Kandidaten", KandidaatResource),
    "plaatsingen": ("Plaatsingen", PlaatsingResource),
    "doelstellingen": ("Doelstellingen", DoelstellingResource),
}
