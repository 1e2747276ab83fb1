"""Reference data of the arbeidsmarktregio's, loaded by `manage.py seed_regio <code>`.

Gemeenten and CBS codes, and the partner organisations, are public facts (DOMAIN.md section 1).
The spreekuurlocaties are public buildings in each gemeente; their hours are demo values that
the regio's beheerder maintains in the portal.
"""

from datetime import time

REGIO_DATA = {
    "zkij": {
        "naam": "Zuid-Kennemerland en IJmond",
        "gemeenten": [
            # naam, CBS code, subregio, centrumgemeente
            ("Haarlem", "GM0392", "Zuid-Kennemerland", True),
            ("Zandvoort", "GM0473", "Zuid-Kennemerland", False),
            ("Heemstede", "GM0397", "Zuid-Kennemerland", False),
            ("Bloemendaal", "GM0377", "Zuid-Kennemerland", False),
            ("Velsen", "GM0453", "IJmond", False),
            ("Beverwijk", "GM0375", "IJmond", False),
            ("Heemskerk", "GM0396", "IJmond", False),
        ],
        "organisaties": [
            # naam, type, gemeente (only for type gemeente)
            ("Regionaal Werkcentrum ZKIJ", "werkcentrum", None),
            ("WSP Zuid-Kennemerland en IJmond", "wsp", None),
            ("UWV", "uwv", None),
            ("Gemeente Haarlem", "gemeente", "Haarlem"),
            ("Gemeente Zandvoort", "gemeente", "Zandvoort"),
            ("Gemeente Heemstede", "gemeente", "Heemstede"),
            ("Gemeente Bloemendaal", "gemeente", "Bloemendaal"),
            ("Gemeente Velsen", "gemeente", "Velsen"),
            ("Gemeente Beverwijk", "gemeente", "Beverwijk"),
            ("Gemeente Heemskerk", "gemeente", "Heemskerk"),
            ("Spaarne Werkt", "reintegratie", None),
            ("IJmond Werkt!", "reintegratie", None),
            ("Leerwerkloket Zuid-Kennemerland en IJmond", "onderwijs", None),
            ("Regionaal Mobiliteitsteam ZKIJ Werkt Door", "werkcentrum", None),
            ("RMC / Leerplein", "rmc", None),
            ("SBB", "sbb", None),
            ("NOVA College", "onderwijs", None),
            ("FNV", "vakbond", None),
            ("CNV", "vakbond", None),
            ("VNO-NCW", "werkgeversorganisatie", None),
            ("MKB-Nederland", "werkgeversorganisatie", None),
            ("AWVN", "werkgeversorganisatie", None),
            ("Techport", "overig", None),
            ("Agros", "overig", None),
            ("Heliomare", "overig", None),
            ("KvK", "overig", None),
        ],
        "locaties": [
            # naam, gemeente, straat, postcode, plaats, [(weekdag, van, tot)]
            (
                "Bibliotheek Haarlem Centrum",
                "Haarlem",
                "Gasthuisstraat 32",
                "2011 XP",
                "Haarlem",
                [(2, time(9, 30), time(12, 30)), (4, time(13, 0), time(16, 0))],
            ),
            (
                "Wijkcentrum Schalkwijk",
                "Haarlem",
                "Fie Carelsenplein 2",
                "2034 ND",
                "Haarlem",
                [(1, time(13, 0), time(16, 0))],
            ),
            (
                "Bibliotheek Zandvoort",
                "Zandvoort",
                "Prinsesseweg 34",
                "2042 NG",
                "Zandvoort",
                [(3, time(9, 30), time(12, 0))],
            ),
            (
                "Raadhuis Heemstede",
                "Heemstede",
                "Raadhuisplein 1",
                "2101 HA",
                "Heemstede",
                [(5, time(9, 0), time(12, 0))],
            ),
            (
                "Bibliotheek Velsen",
                "Velsen",
                "Dudokplein 16",
                "1971 EP",
                "IJmuiden",
                [(2, time(13, 0), time(16, 0))],
            ),
            (
                "Bibliotheek Beverwijk",
                "Beverwijk",
                "Kerkplein 1",
                "1941 EA",
                "Beverwijk",
                [(3, time(13, 0), time(16, 0))],
            ),
            (
                "Bibliotheek Heemskerk",
                "Heemskerk",
                "Maerten van Heemskerckplein 1",
                "1961 GC",
                "Heemskerk",
                [(4, time(9, 30), time(12, 30))],
            ),
        ],
    },
}
