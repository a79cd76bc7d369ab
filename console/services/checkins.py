"""Check-in ingest: arrival times from QR scans, refused when the code is not genuine, flagged when far away.

A refused row is reported and not stored (a forged code is no evidence of a visit); a far-away check-in is
stored with its distance and flagged, because supervisors review it (a copied code, or a scan from the
office) and the scoring reads the flag. All stored rows are written in the caller's transaction."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain import qr
from console.domain.checkins import assess_distance
from console.importers.checkins import ParsedCheckins
from console.importers.fixes import RejectedRow
from console.services.changes import record_change
from console.services.jurisdiction import Actor
from console.services.qr_codes import installation_key
from db.models import CheckIn, Premise, Worker


@dataclass
class CheckinReport:
    read: int
    stored: int = 0
    flagged: list[str] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)


def ingest_checkins(session: Session, actor: Actor, parsed: ParsedCheckins) -> CheckinReport:
    key = installation_key(session)
    report = CheckinReport(read=len(parsed.checkins) + len(parsed.rejected), rejected=list(parsed.rejected))
    workers = {code: wid for code, wid in session.execute(
        select(Worker.code, Worker.id).where(Worker.code.in_({c.worker for c in parsed.checkins})))}
    for row in parsed.checkins:
        def reject(field_name: str, reason: str, line: int = row.line) -> None:
            report.rejected.append(RejectedRow(parsed.path, line, field_name, reason))

        try:
            code = qr.verify(key, row.qr)
        except qr.QrRefused as exc:
            reject("qr", str(exc))
            continue
        premise = session.get(Premise, code.premise_id)
        if premise is None or premise.code != code.premise_code:
            reject("qr", f"premise {code.premise_id} ({code.premise_code}) no longer exists")
            continue
        if not actor.covers(premise.org_path):
            reject("qr", f"premise {premise.code} lies outside the jurisdiction of {actor.username}")
            continue
        if row.worker not in workers:
            reject("worker", f"no worker with code {row.worker!r}")
            continue
        distance = assess_distance(premise.lon, premise.lat, row.lon, row.lat)
        checkin = CheckIn(worker_id=workers[row.worker], premise_id=premise.id, at=row.at, lon=row.lon,
                          lat=row.lat, distance_m=distance.distance_m, flagged=distance.flagged)
        session.add(checkin)
        report.stored += 1
        if distance.flagged:
            report.flagged.append(f"{parsed.path}:{row.line}: {row.worker} at {premise.code} "
                                  f"{distance.distance_m:.0f} m from the premise")
    session.flush()
    if report.stored:
        record_change(session, "checkin", None, "import", actor.username)
    return report
