"""The expected authorization matrix: URL name -> outcome per person.

Columns (in this order, see conftest.GEBRUIKERS):
  anoniem, gids, coordinator, partnermedewerker, wsp_adviseur, wsp_manager,
  rba_secretariaat, rba_lid, financieel_beheerder, beheerder, privacy_officer (fg),
  superuser, andere_regio
Outcomes: OK ok, LG login, NO verboden (403), NF niet_gevonden (404), MT methode (405),
OG ongeldig (400).

Notes on rows that look surprising:
- partnermedewerker gets 404 on a doorverwijzing: partners see only referrals to their own
  organisation and the matrix user has none.
- rba pages readable by every role: other staff see published meetings, openbaar stukken and
  openbaar + genomen besluiten (rba/selectors.py); the object used is a public one. Hidden
  rows are proved in test_regio_isolatie.py.
- andere_regio gets 404 on "new" pages of rba agendaregels/leden because regio B has no
  strategic agenda / the orgaan is regio A's.
- wsp:factsheet* versie rows use a version that does not exist (404 after the role check).
- factsheet_publiek:* rows use a fresh valid token link (public by design: whoever holds the
  link reads that one published version); expired, revoked and unknown tokens answer 410/404
  in tests/factsheets/test_links.py.
- wsp:exporteren as superuser is 403: the platform user has no regio to export.
- wsp-overdracht-detail is asked with ?doel=bemiddeling: the coordinator sees the
  Werkcentrum's handover but may not choose that purpose (403); gids and partner see only
  their own or their organisation's handovers (404: the matrix users offered none).
- privacy:inzage/inzage_export/verwijderen name a kandidaat of regio A: regio B's privacy
  officer gets 400 ("not a record of your regio"), the same answer as for a record that
  does not exist.
"""

from __future__ import annotations

from .conftest import GEBRUIKERS

OK, LG, NO, NF, MT, OG = "ok", "login", "verboden", "niet_gevonden", "methode", "ongeldig"


def _rij(*uitkomsten: str) -> dict[str, str]:
    assert len(uitkomsten) == len(GEBRUIKERS), uitkomsten
    return dict(zip(GEBRUIKERS, uitkomsten, strict=True))


# fmt: off
MATRIX: dict[str, dict[str, str]] = {
    #                                   ano gids coo par wspa wspm rbas rbal fin beh fg  su  B
    "api-docs":                         _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "api-root":                         _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "api-schema":                       _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "factsheet_publiek:factsheet":      _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "factsheet_publiek:pdf":            _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "financien-begroting-detail":       _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, NF),
    "financien-begroting-list":         _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, OK),
    "financien-geldstroom-detail":      _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, NF),
    "financien-geldstroom-list":        _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, OK),
    "financien-mutatie-detail":         _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, NF),
    "financien-mutatie-list":           _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:begroting":              _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, OK),
    "financien:begrotingspost_nieuw":   _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:begrotingsregel":        _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:besluiten":              _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, OK),
    "financien:correctie_nieuw":        _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, NF),
    "financien:export":                 _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:geldstroom":             _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, NF),
    "financien:geldstroom_nieuw":       _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:geldstroom_wijzigen":    _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, NF),
    "financien:import_voorbeeld":       _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:importeren":             _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    # An import's progress page: its uploader's only (the file may hold personal data).
    "importtaak":                       _rij(LG, NF, NF, NF, NF, NF, NF, NF, OK, NF, NF, NF, NF),
    "importtaak_bevestigen":            _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "financien:mutatie":                _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, NF),
    "financien:mutaties":               _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:overzicht":              _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, OK),
    "financien:realisatie_nieuw":       _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, NF),
    "financien:reserve":                _rij(LG, NO, NO, NO, NO, OK, NO, OK, OK, NO, NO, OK, OK),
    "financien:storting_nieuw":         _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:verplichting_nieuw":     _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, OK),
    "financien:vrijval_nieuw":          _rij(LG, NO, NO, NO, NO, NO, NO, NO, OK, NO, NO, OK, NF),
    "gemeente-detail":                  _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "gemeente-list":                    _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "home":                             _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "huisstijl":                        _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "huisstijl_id":                     _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "huisstijl_logo":                   _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "verklaring":                       _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "locatie-detail":                   _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "locatie-list":                     _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "locaties":                         _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket-dienst-detail":              _rij(LG, OK, OK, OK, NO, NO, NO, NO, NO, OK, NO, OK, NF),
    "loket-dienst-list":                _rij(LG, OK, OK, OK, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    "loket-doorverwijzing-detail":      _rij(LG, OK, OK, NF, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket-doorverwijzing-list":        _rij(LG, OK, OK, OK, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket-doorverwijzing-status":      _rij(LG, MT, MT, MT, NO, NO, NO, NO, NO, NO, NO, MT, MT),
    "loket-gesprek-list":               _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    "loket:dashboard":                  _rij(LG, NO, OK, NO, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    # One person, one story (issue 23): the offerer's view of a Werkcentrum handover (the
    # matrix gids did not offer it: 404, as a partner of another organisation).
    "loket:overdracht_tijdlijn":        _rij(LG, NF, OK, NF, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:overdracht_toestemming_intrekken":
                                        _rij(LG, NF, OK, NF, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:dashboard_export":           _rij(LG, NO, OK, NO, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    "loket:dienst_bewerken":            _rij(LG, NO, OK, NO, NO, NO, NO, NO, NO, OK, NO, OK, NF),
    "loket:dienst_nieuw":               _rij(LG, NO, OK, OK, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    "loket:doorverwijzing":             _rij(LG, OK, OK, NF, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:doorverwijzing_nieuw":       _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:doorverwijzingen":           _rij(LG, OK, OK, OK, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:doorverwijzingen_bewaken":   _rij(LG, NO, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:doorverwijzing_opnieuw":     _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "loket:doorverwijzing_doorsturen":  _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "loket:gesprek":                    _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:gesprek_nieuw":              _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:gesprekken":                 _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    "loket:sociale_kaart":              _rij(LG, OK, OK, OK, NO, NO, NO, NO, NO, OK, NO, OK, OK),
    "loket:toeleiding_nieuw":           _rij(LG, NO, NO, OK, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:traject":                    _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:traject_nieuw":              _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:trajecten":                  _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket:vraag":                      _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:vraag_beantwoorden":         _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "loket:vraag_sluiten":              _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "loket:vraag_heropenen":            _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "loket:vraag_toewijzen":            _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "loket:vragen":                     _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    # A gids records a werkgever's verzoek for the WSP; the platform account has no regio.
    "loket:werkgeversverzoek_nieuw":    _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK),
    # Warme overdracht, offering side (issue 23): gids, coordinator and partner offer; the
    # matrix partner has no organisation, so it may not offer (403) and sees no offer (404);
    # the detail names an offer of the matrix gids; the platform account has no regio's WSP.
    "loket:overdracht":                 _rij(LG, OK, OK, NF, NO, NO, NO, NO, NO, NO, NO, OK, NF),
    "loket:overdracht_nieuw":           _rij(LG, OK, OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK),
    "loket:overdracht_vacatures":       _rij(LG, NO, NO, OK, NO, NO, NO, NO, NO, NO, NO, NO, OK),
    "loket:overdrachten":               _rij(LG, OK, OK, OK, NO, NO, NO, NO, NO, NO, NO, OK, OK),
    "loket_publiek:doorverwijzing_link": _rij(NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF),
    "loket_publiek:home":               _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket_publiek:pagina":             _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket_publiek:rubriek":            _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket_publiek:spreekuren":         _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket_publiek:tevredenheid":       _rij(NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF, NF),
    "loket_publiek:vraag":              _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket_publiek:vraag_ontvangen":    _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "loket_publiek:wegwijzer":          _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "medewerkers_zoeken":               _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "organisatie-detail":               _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "organisatie-list":                 _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "organisaties":                     _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "platform:overzicht":               _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, NO),
    "platform:regio":                   _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, NO),
    "platform:regio_bevestigen":        _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "platform:regio_nieuw":             _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, NO),
    "privacy:inzage":                   _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK, OG),
    "privacy:inzage_export":            _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK, OG),
    "privacy:logboek":                  _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK, OK),
    "privacy:logboek_export":           _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK, OK),
    "privacy:personen":                 _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK, OK),
    "privacy:verwijderen":              _rij(LG, NO, NO, NO, NO, NO, NO, NO, NO, NO, OK, OK, OG),
    "rba-actie-detail":                 _rij(LG, NO, NO, NO, NO, NO, OK, OK, NO, NO, NO, OK, NF),
    "rba-actie-list":                   _rij(LG, NO, NO, NO, NO, NO, OK, OK, NO, NO, NO, OK, OK),
    "rba-besluit-detail":               _rij(LG, NO, NO, NO, NO, NO, OK, OK, OK, NO, NO, OK, NF),
    "rba-besluit-list":                 _rij(LG, NO, NO, NO, NO, NO, OK, OK, OK, NO, NO, OK, OK),
    "rba-openbaar-besluit-detail":      _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba-openbaar-besluit-list":        _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba-vergadering-detail":           _rij(LG, NO, NO, NO, NO, NO, OK, OK, NO, NO, NO, OK, NF),
    "rba-vergadering-list":             _rij(LG, NO, NO, NO, NO, NO, OK, OK, NO, NO, NO, OK, OK),
    "rba:actie":                        _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:actie_nieuw":                  _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, OK),
    "rba:acties":                       _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:agenda_publiceren":            _rij(LG, NO, NO, NO, NO, NO, MT, NO, NO, NO, NO, MT, MT),
    "rba:agendapunt_toevoegen":         _rij(LG, NO, NO, NO, NO, NO, MT, NO, NO, NO, NO, MT, MT),
    "rba:besluit":                      _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "rba:besluit_corrigeren":           _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:besluit_nieuw":                _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, OK),
    "rba:besluit_status":               _rij(LG, NO, NO, NO, NO, NO, MT, NO, NO, NO, NO, MT, MT),
    "rba:besluit_wijzigen":             _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:besluiten":                    _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:index":                        _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:lid":                          _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:lid_nieuw":                    _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:monitoring":                   _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:monitoring_export":            _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:onderwerp":                    _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "rba:onderwerp_nieuw":              _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, OK),
    "rba:onderwerp_wijzigen":           _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:onderwerpen":                  _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:orgaan":                       _rij(LG, NO, NO, NO, NO, NO, OK, OK, NO, NO, NO, OK, NF),
    "rba:orgaan_nieuw":                 _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, OK),
    "rba:orgaan_wijzigen":              _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:organen":                      _rij(LG, NO, NO, NO, NO, NO, OK, OK, NO, NO, NO, OK, OK),
    "rba:raadsinformatie":              _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "rba:regel":                        _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "rba:regel_nieuw":                  _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, OK),
    "rba:regel_wijzigen":               _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:stuk_downloaden":              _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "rba:stuk_uploaden":                _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:vergadering":                  _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NF),
    "rba:vergadering_gehouden":         _rij(LG, NO, NO, NO, NO, NO, MT, NO, NO, NO, NO, MT, MT),
    "rba:vergadering_nieuw":            _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, OK),
    "rba:vergadering_wijzigen":         _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba:vergaderingen":                _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba:verslag":                      _rij(LG, NO, NO, NO, NO, NO, OK, NO, NO, NO, NO, OK, NF),
    "rba_publiek:besluit":              _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba_publiek:besluiten":            _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba_publiek:feed_json":            _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "rba_publiek:feed_rss":             _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "set_language":                     _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "werkplek":                         _rij(LG, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "wsp-doelstelling-detail":          _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-doelstelling-list":            _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-kandidaat-detail":             _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-kandidaat-list":               _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-nazorgmoment-detail":          _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-nazorgmoment-list":            _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-overdracht-aannemen":          _rij(LG, MT, MT, MT, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp-overdracht-detail":            _rij(LG, NF, NO, NF, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-overdracht-list":              _rij(LG, OK, OK, OK, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-overdracht-teruggeven":        _rij(LG, MT, MT, MT, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp-plaatsing-detail":             _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-plaatsing-list":               _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-vacature-detail":              _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-vacature-list":                _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-vacature-status":              _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp-voordracht-detail":            _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-voordracht-list":              _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp-werkgever-detail":             _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp-werkgever-list":               _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:activiteiten":                 _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:contactmoment_nieuw":          _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:contactpersoon_nieuw":         _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:dashboard":                    _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:doelstelling_vastleggen":      _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, OK),
    # A werknemer's referral by the WSP: an adviseur sees the ones they made (the matrix
    # adviseur made none: 404), a wsp_manager all of the regio (the purpose question: 200).
    "wsp:doorverwijzing":               _rij(LG, NO, NO, NO, NF, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:doorverwijzingen":             _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:exporteren":                   _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, NO, OK),
    "wsp:factsheet":                    _rij(LG, NO, NF, NO, NF, NF, NF, NF, NO, NF, NO, NF, NF),
    "wsp:factsheet_dashboard":          _rij(LG, NO, OK, NO, NO, OK, NO, OK, NO, OK, NO, OK, OK),
    "wsp:factsheet_export":             _rij(LG, NO, NF, NO, NO, NF, NO, NF, NO, NF, NO, NF, NF),
    "wsp:factsheet_gemeente":           _rij(LG, NO, NF, NO, NF, NF, NF, NF, NO, NF, NO, NF, NF),
    "wsp:factsheet_link_intrekken":     _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    # Chain figures of the warme overdracht (issue 23, keten-cijfers).
    "wsp:ketencijfers":                 _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:ketencijfers_export":          _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:factsheet_maken":              _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "wsp:factsheet_ontvanger_bewerken": _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:factsheet_ontvanger_nieuw":    _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:factsheet_ontvanger_verwijderen": _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:factsheet_ontvangers":         _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:factsheet_pdf":                _rij(LG, NO, NF, NO, NF, NF, NF, NF, NO, NF, NO, NF, NF),
    "wsp:factsheet_publiceren":         _rij(MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT, MT),
    "wsp:factsheet_teksten":            _rij(LG, NO, NO, NO, NO, NF, NO, NO, NO, NO, NO, NF, NF),
    "wsp:factsheets":                   _rij(LG, NO, OK, NO, OK, OK, OK, OK, NO, OK, NO, OK, OK),
    "wsp:importeren":                   _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:kandidaat":                    _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:kandidaat_bewerken":           _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:kandidaat_tijdlijn":           _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:toestemming_intrekken":        _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:kandidaat_nieuw":              _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:kandidaten":                   _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:kandidaten_zoeken":            _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:nazorg_extra":                 _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:nazorg_vastleggen":            _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:opvolging_afronden":           _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp:nazorg":                       _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:opvolgingen":                  _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    # Warme overdracht, the WSP's side (issue 23): the regio's WSP only.
    "wsp:overdrachten":                 _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:overdracht":                   _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:overdracht_aannemen":          _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp:overdracht_teruggeven":        _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp:plaatsing":                    _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:plaatsing_nieuw":              _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:plaatsing_startdatum":         _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:plaatsingen":                  _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:vacature":                     _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:vacature_bewerken":            _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:vacature_nieuw":               _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:vacature_status":              _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:vacatures":                    _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:verzoek":                      _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:verzoek_nieuw":                _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:verzoek_oppakken":             _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp:verzoeken":                    _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:vestiging_nieuw":              _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:voordracht_status":            _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp:voordragen":                   _rij(LG, NO, NO, NO, MT, MT, NO, NO, NO, NO, NO, MT, MT),
    "wsp:werkgever":                    _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:werkgever_bewerken":           _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:werknemer_doorverwijzen":      _rij(LG, NO, NO, NO, NO, OK, NO, NO, NO, NO, NO, OK, NF),
    "wsp:werkgever_nieuw":              _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:werkgevers":                   _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp:werkgevers_zoeken":            _rij(LG, NO, NO, NO, OK, OK, NO, NO, NO, NO, NO, OK, OK),
    "wsp_publiek:ik_ben_werkgever":     _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "wsp_publiek:vacature":             _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "wsp_publiek:vacaturekrant":        _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "wsp_publiek:vacaturekrant_json":   _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "wsp_publiek:vacaturekrant_rss":    _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "wsp_publiek:verzoek_ontvangen":    _rij(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
}
# fmt: on

# The third regio (loaded from a definition file, no demo data) meets regio B's wall, except
# where B's answer comes from B's own data: the strategische agenda exists only in regio's
# with one, so regio C gets a 404 where Amersfoort (with its demo agenda) gets its own.
DERDE_AFWIJKEND = {
    "rba:monitoring_export": NF,
    "rba:regel_nieuw": NF,
}
