"""Screenshot of the worker card for docs/screenshots: the best-ranked worker of this month on the seeded demo
district with a month of field work (as tests.gui.review_screenshots writes it) and one supervisor's
adjustment, with the last day that has score lines selected (the demo's fixes are yesterday's).

    python -m tests.gui.card_screenshots [--out docs/screenshots] [--lang zh_CN|en]"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui.review_screenshots import ANCHOR, REPO, SIZE, _field_work, _seeded_db  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.orm import Session

    from console.qtmodels.review_ranking import period_range
    from console.qtmodels.tasks import TaskRunner
    from console.services.rankings import rankings
    from console.services.scoring import adjust_score, recompute_scores
    from console.services.users import system_actor
    from db.engine import make_engine, make_session_factory
    from widgets.app import CJK_FONT, install_translators
    from widgets.review.worker_card import WorkerCardPanel

    app = QApplication.instance() or QApplication([])
    install_translators(app, args.lang)
    if CJK_FONT in QFontDatabase.families():
        app.setFont(QFont(CJK_FONT, app.font().pointSize()))
    engine = make_engine(_seeded_db())
    day = ANCHOR - timedelta(days=1)
    month = period_range("this_month", ANCHOR)
    with Session(engine) as session, session.begin():
        actor = system_actor(session)
        _field_work(session, period_range("last_month", ANCHOR)[0], day)
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
    end = time.time() + 60
    while time.time() < end and (runner.pending or card.card is None):
        app.processEvents()
        time.sleep(0.01)
    card.select_day(max((d for d in card.card.days if d <= day and any(card.card.lines_of(d))), default=None))
    app.processEvents()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    card.grab().save(str(out / "worker_card.png"))
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
