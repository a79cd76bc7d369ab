"""The text of an incident_history row: "[action] key=value …" then the person's note on the next line.

The table has no column for the action or its facts (a supervision order's due time, a cooperating
department), so they travel in a first line that both a person and `decode_note` can read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_HEAD = re.compile(r"^\[(?P<action>[a-z_]+)\](?P<rest>[^\n]*)(?:\n(?P<text>.*))?$", re.DOTALL)


@dataclass(frozen=True)
class DecodedNote:
    action: str | None
    details: dict[str, str]
    text: str | None


def _format(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    text = str(value)
    if any(c.isspace() for c in text) or "=" in text:
        raise ValueError(f"history detail {text!r} may not contain spaces or '='")
    return text


def encode_note(action: str, details: dict[str, Any], text: str | None) -> str:
    head = " ".join([f"[{action}]", *(f"{k}={_format(v)}" for k, v in details.items())])
    return f"{head}\n{text}" if text else head


def decode_note(note: str | None) -> DecodedNote:
    """Notes written before this format (or by hand) come back as plain text with no action."""
    match = _HEAD.match(note or "")
    if not match:
        return DecodedNote(None, {}, note)
    details = dict(part.split("=", 1) for part in match["rest"].split())
    return DecodedNote(match["action"], details, match["text"])


def detail_datetime(decoded: DecodedNote, key: str) -> datetime | None:
    value = decoded.details.get(key)
    return datetime.fromisoformat(value) if value else None
