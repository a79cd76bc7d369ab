"""The installation's QR key and the payload printed for each premise.

The key lives in the shared database's settings table, so every workstation of one center signs and verifies
alike, while codes from another center's installation are refused."""
from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from console.domain import qr
from console.services.changes import record_change
from db.models import Premise, Setting

QR_KEY_SETTING = "qr_hmac_key"


def installation_key(session: Session) -> bytes:
    """The key, created at first use (32 random bytes, hex in settings)."""
    row = session.get(Setting, QR_KEY_SETTING)
    if row is None:
        row = Setting(key=QR_KEY_SETTING, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
        record_change(session, "setting", None, "insert", "system")
    return bytes.fromhex(row.value)


def premise_payload(session: Session, premise: Premise) -> str:
    return qr.encode(installation_key(session), premise.id, premise.code)
