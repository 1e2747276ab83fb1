"""Werkcentrum voor inwoners: vragen, spreekuren, gesprekken, sociale kaart, doorverwijzing."""
