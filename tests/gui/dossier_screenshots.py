"""The dossier screenshots for docs/screenshots, on the seeded small demo district: a restaurant with a
history (a visit with a minor problem, its re-inspection, an edit of the owner's phone, a QR check-in) and
today's visit with a serious problem; then the dossier, the checklist entry dialog, and the printed
rectification notice (its PDF's first page rendered through QtPdf).

    python -m tests.gui.dossier_screenshots [--db FILE] [--out-dir docs/screenshots] [--lang zh_CN|en]"""
from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, actor_named, gui_app, run_script, wait_until

PANEL_SIZE = (560, 1000)
NOTICE_DPI = 110


def _history(engine, actor) -> int:
    """Give one green restaurant a past through the services; returns its id."""
    from dataclasses import replace

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from console.services.inspections import Visit, record_visit
    from console.services.premise_dossier import checklists_for, responsible_workers
    from console.services.premise_edit import PremiseForm, update_premise
    from console.services.sms_outbox import FolderGateway, deliver_pending
    from db.models import CheckIn, Premise

    now = datetime.now().replace(microsecond=0)
    with Session(engine) as s:
        p = s.scalars(select(Premise).where(Premise.type == "restaurant", Premise.status == "green",
                                            Premise.owner_phone.like("1%")).order_by(Premise.id)).first()
        fire = checklists_for(s, p.type)[0]
        minor = next(i for i, _t, sev in fire.items if sev == "minor")
        workers = responsible_workers(s, p.grid_id)
        worker = workers[0][0] if workers else None
        base = Visit(p.id, p.version, fire.id, now - timedelta(days=40), worker_id=worker,
                     failed={minor: None}, notes="店内应急灯损坏一盏")
        record_visit(s, actor, base)
        s.commit()
        record_visit(s, actor, replace(base, expected_version=s.get(Premise, p.id).version,
                                       finished_at=now - timedelta(days=34), failed={}, notes="已更换"))
        s.commit()
        p = s.get(Premise, p.id)
        form = PremiseForm(p.name, p.type, p.address, p.grid_id, p.lon, p.lat, p.owner, "13959201234",
                           p.licence_no)
        update_premise(s, actor, p.id, p.version, form, now=now - timedelta(days=20))
        if worker is not None:
            s.add(CheckIn(worker_id=worker, premise_id=p.id, at=now - timedelta(minutes=25), lon=p.lon,
                          lat=p.lat, distance_m=6.0, flagged=False))
        s.commit()
        deliver_pending(s, FolderGateway(Path(tempfile.mkdtemp())), now=now)
        s.commit()
        return p.id


def render(db: str, out_dir: Path, language: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    from console.qtmodels.premise_dossier import PremiseDossier
    from console.qtmodels.premise_print import write_notice_pdf
    from console.qtmodels.tasks import TaskRunner
    from db.engine import make_engine, make_session_factory
    from widgets.premises.dossier_panel import DossierPanel

    app = gui_app(language)
    engine = make_engine(db)
    actor = actor_named(engine, "admin")
    premise_id = _history(engine, actor)
    runner = TaskRunner(make_session_factory(engine))
    model = PremiseDossier(runner, actor)
    panel = DossierPanel(model)
    panel.resize(*PANEL_SIZE)
    panel.show()
    panel.show_premise(premise_id)
    wait_until(app, lambda: model.dossier is not None, "the dossier")

    panel.inspect()
    dialog = panel.inspection_dialog
    checklist = model.dossier.checklists[0]
    ticked = [next(i for i, _t, sev in checklist.items if sev == "serious"),
              next(i for i, _t, sev in checklist.items if sev == "minor")]
    for item_id in ticked:
        dialog.item_row(item_id).setCheckState(0, Qt.CheckState.Checked)
    dialog.item_row(ticked[0]).setText(3, "后门被杂物堵塞")
    dialog.notes.setPlainText("已当场要求清理通道，店主签字确认。")
    app.processEvents()
    out_dir.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out_dir / "inspection.png"))
    visits = len(model.dossier.timeline)
    dialog.sig_submit.emit()
    wait_until(app, lambda: panel.inspection_dialog is None and model.dossier is not None
               and len(model.dossier.timeline) > visits, "the dossier with today's visit")
    panel.grab().save(str(out_dir / "dossier.png"))

    pdf = Path(tempfile.mkdtemp()) / "notice.pdf"
    write_notice_pdf(pdf, model.dossier, datetime.now().date())
    doc = QPdfDocument()
    doc.load(str(pdf))
    size = doc.pagePointSize(0) * NOTICE_DPI / 72
    page = doc.render(0, size.toSize())
    sheet = QImage(page.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, page)
    painter.end()
    sheet.save(str(out_dir / "notice.png"))
    runner.shutdown()
    engine.dispose()
    print(f"wrote {out_dir / 'dossier.png'}, {out_dir / 'inspection.png'}, {out_dir / 'notice.png'}")


def main() -> None:
    run_script(__doc__, render, "--out-dir", SCREENSHOTS)


if __name__ == "__main__":
    main()
