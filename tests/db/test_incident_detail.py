"""The detail of a case as the panel shows it: a grid worker's report names the worker beside the code it
was filed under."""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from console.services.incident_detail import load_detail
from console.services.incidents import NewIncident, create_incident
from db.models import Incident
from tests.db.incident_district import GRID_CENTRES, T0, actor, build


def test_a_grid_workers_report_shows_the_workers_name_and_code(engine):
    build(engine)
    with Session(engine) as s, s.begin():
        lon, lat = GRID_CENTRES[4]
        worker_case = create_incident(s, actor("op"), NewIncident("grid_worker", "litter", "垃圾堆放", lon, lat,
                                                                  reporter="W1"), now=T0).id
        phoned = create_incident(s, actor("op"), NewIncident("hotline_12345", "litter", "垃圾", lon, lat,
                                                             reporter="W1"), now=T0).id
        unknown = create_incident(s, actor("op"), NewIncident("grid_worker", "litter", "垃圾", lon, lat,
                                                              reporter="W99"), now=T0).id
    with Session(engine) as s:
        assert load_detail(s, actor("op"), worker_case, T0).reporter == "网格员1（W1）"
        assert load_detail(s, actor("op"), phoned, T0).reporter == "W1"  # a caller's text stays as written
        assert load_detail(s, actor("op"), unknown, T0).reporter == "W99"
    with Session(engine) as s, s.begin():
        s.execute(update(Incident).where(Incident.id == worker_case).values(reporter=None))
    with Session(engine) as s:
        assert load_detail(s, actor("op"), worker_case, T0).reporter is None
