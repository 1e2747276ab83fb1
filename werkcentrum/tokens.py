"""Random tokens for links opened without an account (factsheet links, the loket's
satisfaction question). Only the SHA-256 of a token is stored: the e-mail is the one place
the token exists, so a database copy or an admin opens nothing. A plain hash is enough: the
token is random and long (256 bits), so there is nothing to brute-force, and a lookup by
hash is one indexed query."""

from __future__ import annotations

import hashlib
import secrets


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
