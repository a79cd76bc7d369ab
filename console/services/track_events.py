"""What a worker did along a day's track besides walking: check-ins at premises and incidents they reported.

The replay lays these on its timeline and map and lists them; the day sheet prints them. A check-in is drawn
where the worker scanned (the premise's position when the scan carried none); a report where the incident
is. Reports count only those the worker filed themselves (source grid_worker, reporter = their code), the
same rule the scoring applies."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.services.tracks import day_bounds
from db.models import CheckIn, Incident, Premise, Worker

CHECKIN = "checkin"
REPORT = "report"


@dataclass(frozen=True)
class TrackEvent:
    kind: str
    at: datetime
    lon: float
    lat: float
    ref: str
    title: str
    flagged: bool = False


def day_events(session: Session, worker_id: int, day: date) -> list[TrackEvent]:
    """The worker's check-ins and own incident reports of `day`, in time order."""
    start, end = day_bounds(day)
    events = [TrackEvent(CHECKIN, at, lon, lat, code, name, bool(flagged))
              for at, lon, lat, code, name, flagged in session.execute(select(CheckIn.at, func.coalesce(CheckIn.lon, Premise.lon),
                                     func.coalesce(CheckIn.lat, Premise.lat), Premise.code, Premise.name,
                                     CheckIn.flagged)
                              .join(Premise, Premise.id == CheckIn.premise_id)
                              .where(CheckIn.worker_id == worker_id, CheckIn.at >= start, CheckIn.at < end))]
    code = session.scalar(select(Worker.code).where(Worker.id == worker_id))
    events += [TrackEvent(REPORT, at, lon, lat, case_no, title) for at, lon, lat, case_no, title in
               session.execute(select(Incident.reported_at, Incident.lon, Incident.lat, Incident.case_no,
                                      Incident.title)
                               .where(Incident.source == "grid_worker", Incident.reporter == code,
                                      Incident.reported_at >= start, Incident.reported_at < end))]
    return sorted(events, key=lambda e: (e.at, e.kind, e.ref))
