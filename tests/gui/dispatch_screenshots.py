"""The dispatch board screenshot for docs/screenshots: the main window with the inbox's "to dispatch" queue
beside the docked board, just after two cases went to a department (the message bar offers 撤销), on the
seeded small demo district.

    python -m tests.gui.dispatch_screenshots [--db FILE] [--out docs/screenshots/dispatch_board.png] [--lang zh_CN|en]"""
from __future__ import annotations

import tempfile
from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, SIZE, actor_named, gui_app, run_script, wait_until

OPERATOR = "op_350206001"
READY_CASES = 5


def _file_cases(engine, actor) -> None:
    """A few cases waiting for dispatch in the operator's first grids (the demo data has none)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from console.services.incident_actions import file_incident
    from console.services.incidents import NewIncident, create_incident, transition
    from db.models import OrgUnit

    titles = ["小区消防通道被车辆堵塞", "人行道占道经营", "楼道堆放杂物", "路灯损坏不亮", "工地夜间施工噪音扰民"]
    with Session(engine) as s:
        grids = s.scalars(select(OrgUnit.id).where(OrgUnit.kind == "grid", OrgUnit.path.startswith(actor.org_path))
                          .order_by(OrgUnit.code).limit(2)).all()
        for k, title in enumerate(titles[:READY_CASES]):
            new = NewIncident(source="hotline_12345", category="fire_safety", title=title, lon=118.1, lat=24.5,
                              grid_id=grids[k % len(grids)], address=f"湖里区华泰路{k + 10}号")
            incident = create_incident(s, actor, new)
            transition(s, actor, incident.id, "accept")
            file_incident(s, actor, incident.id)
        s.commit()


def render(db: str, out: Path, language: str) -> None:
    from PySide6.QtCore import QSettings

    from console.qtmodels.incident_mime import decode_cases
    from db.engine import make_engine
    from widgets.main_window import MainWindow

    app = gui_app(language)
    engine = make_engine(db)
    actor = actor_named(engine, OPERATOR)
    _file_cases(engine, actor)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, actor, settings, language)
    window.resize(*SIZE)
    window.show()
    board, model = window.dispatch.board, window.inbox_model
    wait_until(app, lambda: window.is_ready and window.dispatch.model.loaded_once, "the main window's data")
    window.inbox_dock.raise_()
    window.inbox_panel.select_queue("to_dispatch")
    wait_until(app, lambda: model.query.queue == "to_dispatch" and not model.loading
               and model.rowCount() >= READY_CASES, "the to-dispatch queue")
    reloaded: list = []
    window.dispatch.model.sig_loaded.connect(lambda: reloaded.append(True))
    board.dispatch_to(decode_cases(model.mimeData([model.index(0, 0), model.index(1, 0)])),
                      window.dispatch.model.targets()[0])
    wait_until(app, lambda: bool(reloaded) and not model.loading and model.rowCount() == READY_CASES - 2,
               "the board and queue after dispatching")
    board.view.selectRow(0)
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    window.shutdown()
    engine.dispose()
    print(f"wrote {out}")


def main() -> None:
    run_script(__doc__, render, "--out", SCREENSHOTS / "dispatch_board.png")


if __name__ == "__main__":
    main()
