"""QR payloads for premises: the premise's id and code, signed with HMAC-SHA256 under a per-installation key.

Why both id and code are signed: a code printed for one premise and stuck on another still verifies as the
first premise, so the check-in lands on it (and the distance check flags it); altering the id alone breaks
the signature. The format is short ASCII so the QR stays small: "PA1.<id>.<code>.<signature>"."""
from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

PREFIX = "PA1"
MIN_KEY_BYTES = 16


class QrRefused(ValueError):
    """The payload is not a valid code of this installation; the text says why in one sentence."""


@dataclass(frozen=True)
class QrPayload:
    premise_id: int
    premise_code: str


def _signature(key: bytes, premise_id: int, premise_code: str) -> str:
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the QR key must have at least {MIN_KEY_BYTES} bytes")
    mac = hmac.new(key, f"{PREFIX}|{premise_id}|{premise_code}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def encode(key: bytes, premise_id: int, premise_code: str) -> str:
    if "." in premise_code or not premise_code:
        raise ValueError(f"premise code {premise_code!r} cannot be put in a QR payload")
    return f"{PREFIX}.{premise_id}.{premise_code}.{_signature(key, premise_id, premise_code)}"


def verify(key: bytes, payload: str, expected_premise_id: int | None = None) -> QrPayload:
    """The premise a payload names; raises QrRefused for foreign, malformed, tampered or misplaced codes."""
    parts = payload.strip().split(".")
    if len(parts) != 4 or parts[0] != PREFIX:
        raise QrRefused("not a premise QR code of this console")
    _, id_text, code, signature = parts
    if not id_text.isdigit():
        raise QrRefused("the premise id in the QR code is not a number")
    premise_id = int(id_text)
    if not hmac.compare_digest(signature.encode("ascii", "replace"),
                               _signature(key, premise_id, code).encode("ascii")):
        raise QrRefused("the QR signature does not match: forged, altered or from another installation")
    if expected_premise_id is not None and premise_id != expected_premise_id:
        raise QrRefused(f"the QR code belongs to premise {premise_id} ({code}), not to premise "
                        f"{expected_premise_id}: copied from another premise")
    return QrPayload(premise_id, code)
