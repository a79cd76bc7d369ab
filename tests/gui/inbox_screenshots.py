"""The inbox screenshot for docs/screenshots: the inbox and the detail panel side by side, the "in handling"
queue open and its first case shown, on the seeded small demo district.

    python -m tests.gui.inbox_screenshots [--db FILE] [--out docs/screenshots/inbox.png] [--lang zh_CN|en]"""
from __future__ import annotations

from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, SIZE, actor_named, gui_app, run_script, wait_until


def render(db: str, out: Path, language: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSplitter

    from console.qtmodels.inbox_model import InboxModel
    from console.qtmodels.tasks import TaskRunner
    from db.engine import make_engine, make_session_factory
    from widgets.inbox.detail_panel import IncidentDetailPanel
    from widgets.inbox.inbox_panel import InboxPanel

    app = gui_app(language)
    engine = make_engine(db)
    actor = actor_named(engine, "admin")
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
    wait_until(app, lambda: bool(model.counts) and not model.loading, "the inbox counts")
    inbox.select_queue("in_handling")
    wait_until(app, lambda: model.query.queue == "in_handling" and not model.loading and model.rowCount() > 0,
               "the in-handling queue")
    inbox.table.selectRow(0)
    wait_until(app, lambda: detail.detail is not None, "the case detail")
    out.parent.mkdir(parents=True, exist_ok=True)
    splitter.grab().save(str(out))
    runner.shutdown()
    engine.dispose()
    print(f"wrote {out}")


def main() -> None:
    run_script(__doc__, render, "--out", SCREENSHOTS / "inbox.png")


if __name__ == "__main__":
    main()
