"""Screenshots of the review panels for docs/screenshots: a worker-day replay with its check-ins, that day's
printed sheet (rendered from the PDF) and the workers' ranking, on the seeded demo district (its fixes are the
day before the anchor; scores are recomputed for this and last month).

    python -m tests.gui.review_screenshots [--db FILE] [--out docs/screenshots] [--lang zh_CN|en]"""
from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, SIZE, field_work, gui_app, seeded_demo_db, wait_until

ANCHOR = date.today()


def _visits_along(session, worker_id: int, day: date) -> None:
    """Check-ins at the premise nearest each stop, scanned a minute after arriving, and one report filed
    from the longest stop: the field work a field app records along the track (the seed writes none)."""
    import numpy as np
    from sqlalchemy import insert, select, update

    from console.domain.checkins import assess_distance
    from console.domain.geo import haversine_many_m
    from console.services.tracks import day_summary, from_seconds
    from db.models import CheckIn, Incident, Premise, Worker

    code, path = session.execute(select(Worker.code, Worker.org_path).where(Worker.id == worker_id)).one()
    ids, lon, lat = (np.array(v) for v in zip(*session.execute(
        select(Premise.id, Premise.lon, Premise.lat).where(Premise.org_path == path))))
    stops = day_summary(session, worker_id, day).track.stops
    rows = []
    for stop in stops:
        k = int(np.argmin(haversine_many_m(lon, lat, stop.lon, stop.lat)))
        distance = assess_distance(float(lon[k]), float(lat[k]), stop.lon, stop.lat)
        rows.append({"worker_id": worker_id, "premise_id": int(ids[k]), "lon": stop.lon, "lat": stop.lat,
                     "at": from_seconds(stop.start + 60), "distance_m": distance.distance_m,
                     "flagged": distance.flagged})
    session.execute(insert(CheckIn), rows)
    longest = max(stops, key=lambda s: s.duration_s)
    case = session.scalars(select(Incident.id).where(Incident.org_path == path,
                                                     Incident.source == "grid_worker")
                           .order_by(Incident.id).limit(1)).first()
    session.execute(update(Incident).where(Incident.id == case).values(
        reporter=code, reported_at=from_seconds((longest.start + longest.end) / 2), lon=longest.lon,
        lat=longest.lat))


def _sheet_png(pdf: Path, png: Path, width: int = 1240) -> None:
    """The day sheet's first page as the printer would show it, rendered from the PDF itself."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0)
    document.render(0, QSize(width, round(width * size.height() / size.width()))).save(str(png))


def _widest_worker(session, day: date, candidates: int = 30) -> int:
    """Of the first workers with fixes that day, the one whose track spans the most ground: their patrol
    reads as streets, where a worker in a small grid draws a tangle."""
    from sqlalchemy import select

    from console.qtmodels.review_replay import load_replay_day
    from console.services.tracks import day_bounds
    from db.models import GpsFix

    start, end = day_bounds(day)
    ids = session.scalars(select(GpsFix.worker_id).where(GpsFix.t >= start, GpsFix.t < end)
                          .group_by(GpsFix.worker_id).order_by(GpsFix.worker_id).limit(candidates)).all()

    def extent(worker_id: int) -> float:
        replay = load_replay_day(session, worker_id, day)
        return float(replay.x.max() - replay.x.min()) + float(replay.y.max() - replay.y.min())

    return max(ids, key=extent)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--out", default=str(SCREENSHOTS))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    from sqlalchemy.orm import Session

    from console.qtmodels.review_ranking import period_range
    from console.qtmodels.tasks import TaskRunner
    from console.services.scoring import recompute_scores
    from console.services.users import system_actor
    from db.engine import make_engine, make_session_factory
    from widgets.review.day_sheet import write_day_sheet
    from widgets.review.ranking_panel import RankingPanel
    from widgets.review.replay_panel import TrackReplayPanel

    app = gui_app(args.lang)
    engine = make_engine(args.db or seeded_demo_db(ANCHOR))
    day = ANCHOR - timedelta(days=1)
    with Session(engine) as session, session.begin():
        actor = system_actor(session)
        field_work(session, period_range("last_month", ANCHOR)[0], day)
        for period in ("last_month", "this_month"):
            recompute_scores(session, actor, *period_range(period, ANCHOR), as_of=datetime.now())
        worker_id = _widest_worker(session, day)
        _visits_along(session, worker_id, day)
    runner = TaskRunner(make_session_factory(engine))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def settle(what: str) -> None:
        wait_until(app, lambda: not runner.pending, what)

    replay = TrackReplayPanel(runner, actor)
    replay.resize(*SIZE)
    replay.show()
    settle("the replay panel")
    replay.show_worker(worker_id, day)
    settle("the worker's day")
    replay.slider.setValue(int(replay.slider.maximum() * 0.62))
    app.processEvents()
    replay.grab().save(str(out / "replay.png"))
    pdf = Path(tempfile.mkdtemp()) / "day_sheet.pdf"
    write_day_sheet(pdf, [replay.model.day])
    _sheet_png(pdf, out / "day_sheet.png")

    ranking = RankingPanel(runner, actor, today=ANCHOR)
    ranking.resize(*SIZE)
    ranking.show()
    settle("the ranking")
    ranking.grab().save(str(out / "ranking.png"))
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
