"""Screenshot of the worker card for docs/screenshots: the best-ranked worker of this month on the seeded demo
district with a month of field work (as tests.gui.review_screenshots writes it) and one supervisor's
adjustment, with the last day that has score lines selected (the demo's fixes are yesterday's).

    python -m tests.gui.card_screenshots [--out docs/screenshots] [--lang zh_CN|en]"""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, SIZE, field_work, gui_app, seeded_demo_db, wait_until

ANCHOR = date.today()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(SCREENSHOTS))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    from sqlalchemy.orm import Session

    from console.qtmodels.review_ranking import period_range
    from console.qtmodels.tasks import TaskRunner
    from console.services.rankings import rankings
    from console.services.scoring import adjust_score, recompute_scores
    from console.services.users import system_actor
    from db.engine import make_engine, make_session_factory
    from widgets.review.worker_card import WorkerCardPanel

    app = gui_app(args.lang)
    engine = make_engine(seeded_demo_db(ANCHOR))
    day = ANCHOR - timedelta(days=1)
    month = period_range("this_month", ANCHOR)
    with Session(engine) as session, session.begin():
        actor = system_actor(session)
        field_work(session, period_range("last_month", ANCHOR)[0], day)
        recompute_scores(session, actor, *month, as_of=datetime.now())
        worker_id = rankings(session, actor, "worker", *month)[0].id
        adjust_score(session, actor, worker_id, max(month[0], day - timedelta(days=3)), 2.0,
                     "协助社区防汛值守两晚")
        recompute_scores(session, actor, *month, as_of=datetime.now())
    runner = TaskRunner(make_session_factory(engine))
    card = WorkerCardPanel(runner, actor, today=ANCHOR)
    card.resize(*SIZE)
    card.show()
    card.show_worker(worker_id, "this_month")
    wait_until(app, lambda: not runner.pending and card.card is not None, "the worker card")
    card.select_day(max((d for d in card.card.days if d <= day and any(card.card.lines_of(d))), default=None))
    app.processEvents()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    card.grab().save(str(out / "worker_card.png"))
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
