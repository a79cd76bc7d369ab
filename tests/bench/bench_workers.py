"""Grid-worker benchmarks on SQLite: load one worker-day (~17k fixes at 1 fix / 5 s), rankings for 600
workers over a month of score lines, and the simulator's write throughput.

Targets from the issue: ≤ 100 ms, ≤ 500 ms, ≥ 1,000 fixes/s. Medians of repeated runs; nothing asserts."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.qtmodels.review_replay import load_replay_day
from console.services.jurisdiction import Actor
from console.services.rankings import rankings
from console.services.simulator import simulate
from console.services.tracks import day_summary, load_day, load_day_filtered
from console.services.worker_card import worker_card
from db.engine import make_engine
from db.migrate import upgrade
from db.models import OrgUnit, Worker
from db.models_scoring import ScoreLineRow

TOWNSHIPS, COMMUNITIES_PER_TOWNSHIP, GRIDS_PER_COMMUNITY = 6, 10, 10  # 600 grids, one worker each
DAY = date(2026, 11, 29)
MONTH = (date(2026, 11, 1), date(2026, 11, 30))
ADMIN = Actor(1, "bench", "bench", Role.ADMIN, 1, "/1/")
LINES_PER_WORKER_DAY = 8


def _median_ms(fn, repeat: int = 7) -> float:
    fn()  # warm the page cache and SQLAlchemy's statement cache
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build_district(engine: Engine) -> list[int]:
    """600 grids with square boundaries around Xiamen and one worker each; returns the worker ids."""
    units, workers = [{"id": 1, "code": "350206000000", "name": "区", "kind": "district", "path": "/1/"}], []
    next_id = 2
    for t in range(TOWNSHIPS):
        tid, next_id = next_id, next_id + 1
        units.append({"id": tid, "code": f"350206{t + 1:03d}000", "name": f"街道{t}", "kind": "township",
                      "parent_id": 1, "path": f"/1/{tid}/"})
        for c in range(COMMUNITIES_PER_TOWNSHIP):
            cid, next_id = next_id, next_id + 1
            units.append({"id": cid, "code": f"350206{t + 1:03d}{c + 1:03d}", "name": f"社区{t}-{c}",
                          "kind": "community", "parent_id": tid, "path": f"/1/{tid}/{cid}/"})
            for g in range(GRIDS_PER_COMMUNITY):
                gid, next_id = next_id, next_id + 1
                lon, lat = 118.05 + (len(workers) % 30) * 0.005, 24.45 + (len(workers) // 30) * 0.005
                ring = [[lon, lat], [lon + 0.005, lat], [lon + 0.005, lat + 0.005], [lon, lat + 0.005], [lon, lat]]
                units.append({"id": gid, "code": f"350206{t + 1:03d}{c + 1:03d}{g + 1:03d}", "name": f"网格{gid}",
                              "kind": "grid", "parent_id": cid, "path": f"/1/{tid}/{cid}/{gid}/",
                              "boundary_geojson": f'{{"type":"Polygon","coordinates":[{ring}]}}'})
                workers.append({"id": len(workers) + 1, "code": f"W{gid}", "name": f"网格员{gid}",
                                "phone": "13800000000", "grid_id": gid, "org_path": f"/1/{tid}/{cid}/{gid}/"})
    with engine.begin() as conn:
        for unit in units:  # parents first: the foreign key is checked row by row
            conn.execute(insert(OrgUnit), [{"parent_id": None, "boundary_geojson": None, **unit}])
        conn.execute(insert(Worker), workers)
    return [w["id"] for w in workers]


def fill_day(engine: Engine) -> int:
    """A realistic day for the first worker: the simulator walking their grid at 1 fix / 5 s."""
    start = datetime.combine(DAY, datetime.min.time())
    return simulate(engine, workers=1, rate_s=5, duration_s=86_395, seed=2, start=start).fixes


def fill_month_of_scores(engine: Engine, worker_ids: list[int], paths: dict[int, str]) -> int:
    """Score lines for two months (the ranked month and the one before, for movement)."""
    count = 0
    day = date(2026, 10, 1)
    while day <= MONTH[1]:
        rows = [{"worker_id": w, "org_path": paths[w], "day": day, "kind": "home_visit",
                 "points": float((w * 7 + k + day.day) % 5), "source": f"inspections:{w}{k}", "note": ""}
                for w in worker_ids for k in range(LINES_PER_WORKER_DAY)]
        with engine.begin() as conn:
            conn.execute(insert(ScoreLineRow), rows)
        count += len(rows)
        day += timedelta(days=1)
    return count


def _open_and_draw_ms(engine: Engine, worker_id: int) -> float:
    """What the supervisor waits for: the day read (load_replay) and drawn by the replay panel, timed until
    the plot has painted the track, its stops and events (a grab forces the paint)."""
    from PySide6.QtWidgets import QApplication

    from console.qtmodels.review_replay import load_replay
    from console.qtmodels.tasks import TaskRunner
    from db.engine import make_session_factory
    from widgets.review.replay_panel import TrackReplayPanel

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner(make_session_factory(engine))
    panel = TrackReplayPanel(runner, ADMIN)
    panel.resize(1280, 720)
    panel.show()
    app.processEvents()

    def open_and_draw() -> None:
        with Session(engine) as s:
            replay = load_replay(s, [worker_id], DAY)
        panel._show_replay(replay)
        panel.plot.grab()

    ms = _median_ms(open_and_draw)
    runner.wait()
    runner.shutdown()
    panel.deleteLater()
    app.processEvents()
    return ms


def run(report: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(str(Path(tmp) / "bench.sqlite"))
        upgrade(engine)
        worker_ids = build_district(engine)
        with Session(engine) as s:
            paths = dict(s.execute(select(Worker.id, Worker.org_path)).all())
        fixes = fill_day(engine)
        lines = fill_month_of_scores(engine, worker_ids, paths)
        with Session(engine) as s:
            load_ms = _median_ms(lambda: load_day(s, worker_ids[0], DAY))
            filtered_ms = _median_ms(lambda: load_day_filtered(s, worker_ids[0], DAY))
            summary_ms = _median_ms(lambda: day_summary(s, worker_ids[0], DAY), repeat=5)
            replay_ms = _median_ms(lambda: load_replay_day(s, worker_ids[0], DAY))
            rank_ms = {level: _median_ms(lambda level=level: rankings(s, ADMIN, level, *MONTH), repeat=5)
                       for level in ("worker", "grid", "community", "township")}
            card_ms = _median_ms(lambda: worker_card(s, ADMIN, worker_ids[0], *MONTH, today=MONTH[1]),
                                 repeat=5)
        draw_ms = _open_and_draw_ms(engine, worker_ids[0])
        sim = simulate(engine, workers=len(worker_ids), rate_s=5, duration_s=300, seed=1)
        engine.dispose()
    report += [
        "## Grid workers (SQLite)", "",
        "| measure | size | median | target |", "|---|---|---|---|",
        f"| load one worker-day (`tracks.load_day`) | {fixes:,} fixes | {load_ms:.1f} ms | ≤ 100 ms |",
        f"| load + filter one worker-day (`load_day_filtered`) | {fixes:,} fixes | {filtered_ms:.1f} ms | — |",
        f"| day figures incl. stops and grid time (`day_summary`) | {fixes:,} fixes | {summary_ms:.1f} ms | — |",
        (f"| open a replay: fixes read once, filtered, projected, day figures and events "
         f"(`review_replay.load_replay_day`) | {fixes:,} fixes | {replay_ms:.1f} ms | ≤ 100 ms |"),
        (f"| open and draw a replay: read, filtered, projected, figures and events, drawn by the replay "
         f"panel until painted | {fixes:,} fixes | {draw_ms:.1f} ms | ≤ 100 ms |"),
        *(f"| rankings, {level} level, one month (`rankings.rankings`) | {len(worker_ids)} workers, "
          f"{lines:,} score lines over 2 months | {ms:.1f} ms | ≤ 500 ms |" for level, ms in rank_ms.items()),
        (f"| worker card, one month: score lines with their records, distance per day "
         f"(`worker_card.worker_card`) | {LINES_PER_WORKER_DAY * MONTH[1].day} lines, {MONTH[1].day} days "
         f"of fixes read | {card_ms:.1f} ms | — |"),
        (f"| simulator (`simulator.simulate`, back-fill) | {sim.workers} workers × {sim.simulated_s:.0f} s "
         f"at 1 fix/5 s = {sim.fixes:,} fixes, {sim.checkins} check-ins | {sim.fixes_per_s:,.0f} fixes/s "
         "| ≥ 1,000 fixes/s |"),
        ""]


if __name__ == "__main__":
    lines: list[str] = []
    run(lines)
    print("\n".join(lines))
    sys.exit(0)
