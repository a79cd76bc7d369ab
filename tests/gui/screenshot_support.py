"""Start-up shared by the screenshot scripts (tests/gui/*_screenshots.py): the demo district seeded into a
temporary SQLite file, the Qt application set up as the console sets it up (font, translators), and waiting
on the event loop until the data a picture shows has landed."""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.domain.scoring import CATEGORY_CODES
from console.services.jurisdiction import Actor
from console.services.seed import seed_district
from console.services.users import actor_by_username
from db.engine import make_engine
from db.migrate import upgrade
from db.models import CheckIn, Premise, Worker
from db.models_scoring import WorkerTask
from widgets.app import SCREENSHOT_SIZE, _set_font, install_translators

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
SIZE = SCREENSHOT_SIZE
TIMEOUT_S = 60


def seeded_demo_db(anchor: date | None = None) -> str:
    """A fresh migrated SQLite file holding the small demo district (seed 1, anchored `anchor` or today)."""
    path = str(Path(tempfile.mkdtemp()) / "demo.sqlite")
    engine = make_engine(path)
    upgrade(engine)
    seed_district(engine, scale="small", seed=1, anchor=anchor)
    engine.dispose()
    return path


def gui_app(language: str) -> QApplication:
    """The (offscreen unless told otherwise) application with the console's CJK font and translators."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    _set_font(app)
    install_translators(app, language)
    return app  # type: ignore[return-value]


def wait_until(app: QApplication, done: Callable[[], bool], what: str, timeout_s: float = TIMEOUT_S) -> None:
    """Run the event loop until `done()`, then once more so the last change is painted; a picture of a panel
    still loading would be wrong, so a timeout raises, naming `what` did not arrive."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not arrive within {timeout_s:g} s")
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def actor_named(engine: Engine, username: str) -> Actor:
    with Session(engine) as session:
        return actor_by_username(session, username)


def run_script(doc: str, render: Callable[[str, Path, str], None], out_flag: str,
               default_out: Path) -> None:
    """The command line the panel scripts share, `[--db FILE] [OUT_FLAG PATH] [--lang zh_CN|en]`, then
    `render(db, out, language)` on that database or a freshly seeded one."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--db", help="an SQLite file with the demo district (default: seed a fresh one)")
    parser.add_argument(out_flag, type=Path, default=default_out)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    render(args.db or seeded_demo_db(), vars(args)[out_flag.lstrip("-").replace("-", "_")], args.lang)


def field_work(session: Session, first: date, last: date, seed: int = 7) -> None:
    """Check-ins and logged tasks on workdays, each worker with a diligence of their own, as a field app would
    have written them: the demo seed has none, and a ranking of deductions alone looks like nobody works."""
    rng = np.random.default_rng(seed)
    tasks = [c for c in CATEGORY_CODES if c != "checkin"]
    premises: dict[str, list[int]] = {}
    for pid, path in session.execute(select(Premise.id, Premise.org_path)):
        premises.setdefault(path, []).append(pid)
    checkins, logged = [], []
    for worker_id, path in session.execute(select(Worker.id, Worker.org_path).where(Worker.active.is_(True))):
        diligence = rng.uniform(0.5, 1.0)
        day = first
        while day <= last:
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=int(rng.integers(30, 60)))
            if day.weekday() < 5 and rng.random() < diligence and premises.get(path):
                checkins.append({"worker_id": worker_id, "premise_id": int(rng.choice(premises[path])), "at": at,
                                 "flagged": False})
                for k in range(int(rng.poisson(5 * diligence))):
                    logged.append({"worker_id": worker_id, "category": str(rng.choice(tasks)),
                                   "at": at + timedelta(minutes=40 * (k + 1))})
            day += timedelta(days=1)
    session.execute(insert(CheckIn), checkins)
    session.execute(insert(WorkerTask), logged)
