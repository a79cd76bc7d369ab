"""The inbox screenshot for docs/screenshots: the inbox and the detail panel side by side, the "in handling"
queue open and its first case shown, on the seeded small demo district.

    python -m tests.gui.inbox_screenshots [--db FILE] [--out docs/screenshots/inbox.png] [--lang zh_CN|en]"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
SIZE = (1600, 900)
TIMEOUT_S = 60


def _seeded_db() -> str:
    from console.services.seed import seed_district
    from db.engine import make_engine
    from db.migrate import upgrade

    path = str(Path(tempfile.mkdtemp()) / "demo.sqlite")
    engine = make_engine(path)
    upgrade(engine)
    seed_district(engine, scale="small", seed=1)
    engine.dispose()
    return path


def _wait(app, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the inbox did not load in time")
        app.processEvents()
        time.sleep(0.01)


def render(db: str, out: Path, language: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication, QSplitter
    from sqlalchemy.orm import Session

    from console.qtmodels.inbox_model import InboxModel
    from console.qtmodels.tasks import TaskRunner
    from console.services.users import actor_by_username
    from db.engine import make_engine, make_session_factory
    from widgets.app import CJK_FONT, install_translators
    from widgets.inbox.detail_panel import IncidentDetailPanel
    from widgets.inbox.inbox_panel import InboxPanel

    app = QApplication.instance() or QApplication([])
    if CJK_FONT in QFontDatabase.families():
        app.setFont(QFont(CJK_FONT, app.font().pointSize()))
    install_translators(app, language)
    engine = make_engine(db)
    with Session(engine) as session:
        actor = actor_by_username(session, "admin")
    runner = TaskRunner(make_session_factory(engine))
    model = InboxModel(runner, actor)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    inbox = InboxPanel(model, splitter)
    detail = IncidentDetailPanel(runner, actor, parent=splitter)
    inbox.sig_incident_selected.connect(detail.show_incident)
    splitter.resize(*SIZE)
    splitter.setSizes([1000, 600])
    splitter.show()
    model.refresh()
    _wait(app, lambda: bool(model.counts) and not model.loading)
    inbox.select_queue("in_handling")
    _wait(app, lambda: model.query.queue == "in_handling" and not model.loading and model.rowCount() > 0)
    inbox.table.selectRow(0)
    _wait(app, lambda: detail.detail is not None)
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    splitter.grab().save(str(out))
    runner.shutdown()
    engine.dispose()
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an SQLite file with the demo district (default: seed a fresh one)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots" / "inbox.png")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    render(args.db or _seeded_db(), args.out, args.lang)


if __name__ == "__main__":
    main()
