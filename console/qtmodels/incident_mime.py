"""The drag payload of incidents picked up in the inbox: one MIME type every drop target (dispatch board,
map) reads, carrying what the target needs to check a drop at once (state, grid) and the version seen."""
from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData

from console.services.dispatch_targets import CaseRef

INCIDENT_MIME = "application/x-pingan-incidents"


def encode_cases(cases: Iterable[CaseRef]) -> QMimeData:
    mime = QMimeData()
    payload = [{"id": c.id, "version": c.version, "case_no": c.case_no, "state": c.state, "grid_id": c.grid_id}
               for c in cases]
    mime.setData(INCIDENT_MIME, QByteArray(json.dumps(payload).encode()))
    mime.setText("\n".join(c["case_no"] for c in payload))
    return mime


def decode_cases(mime: QMimeData | None) -> list[CaseRef]:
    """The cases of a drag, or [] for anything that is not an incident drag."""
    if mime is None or not mime.hasFormat(INCIDENT_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(INCIDENT_MIME).data()).decode())
        return [CaseRef(int(p["id"]), int(p["version"]), str(p["case_no"]), str(p["state"]), int(p["grid_id"]))
                for p in payload]
    except (ValueError, KeyError, TypeError):
        return []
