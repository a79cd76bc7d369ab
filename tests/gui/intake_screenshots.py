"""Screenshots of intake for docs/screenshots: the new-incident form filled in for a phone call, its point
placed and its grid found (intake.png), and the import dialog after a dry run of a GBK case list with one
bad row (incident_import.png), on the seeded small demo district.

    python -m tests.gui.intake_screenshots [--db FILE] [--out-dir docs/screenshots] [--lang zh_CN|en]"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, actor_named, gui_app, run_script, wait_until


def _case_list(path: Path, lon: float, lat: float) -> None:
    lines = ["事件名称,类别,来源,经度,纬度,上报时间,地址",
             f"井盖缺失,市容环境,12345热线,{lon:.6f},{lat:.6f},2026-11-29 09:30,湖里大道12号",
             f"夜间施工噪音,噪声扰民,12345热线,{lon + 0.001:.6f},{lat:.6f},2026-11-29 22:10,兴隆路8号",
             f"占道堆放建材,施工管理,网格员上报,{lon:.6f},{lat + 0.001:.6f},2026-11-30 08:15,金山路3号",
             f"店外经营,街面秩序,来电,{lon - 0.001:.6f},{lat:.6f},2026-11-30 09:05,华泰路20号"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def render(db: str, out_dir: Path, language: str) -> None:
    from shapely.geometry import shape
    from sqlalchemy import text

    from console.qtmodels.tasks import TaskRunner
    from db.engine import make_engine, make_session_factory
    from widgets.inbox.import_dialog import ImportDialog
    from widgets.inbox.intake_dialog import IntakeDialog

    app = gui_app(language)
    engine = make_engine(db)
    actor = actor_named(engine, "admin")
    with engine.connect() as conn:
        boundary = conn.execute(text("SELECT boundary_geojson FROM org_units WHERE kind = 'grid' AND "
                                     "boundary_geojson IS NOT NULL ORDER BY id LIMIT 1")).scalar_one()
    data = json.loads(boundary)
    point = shape(data.get("geometry", data)).representative_point()
    runner = TaskRunner(make_session_factory(engine))
    out_dir.mkdir(parents=True, exist_ok=True)

    intake = IntakeDialog(runner, actor, pick_point=lambda _callback: None)
    intake.source_combo.setCurrentIndex(intake.source_combo.findData("phone"))
    intake.category_combo.setCurrentIndex(intake.category_combo.findData("street_order"))
    intake.priority_combo.setCurrentIndex(intake.priority_combo.findData(1))
    intake.title_edit.setText("菜市场门口占道经营，影响通行")
    intake.description_edit.setPlainText("早高峰有摊贩在人行道和非机动车道摆摊，行人只能绕行机动车道。")
    intake.name_edit.setText("张先生")
    intake.phone_edit.setText("138-0013-8000")
    intake.address_edit.setText("湖里大道菜市场南门")
    intake.show()
    intake.set_location(point.x, point.y)
    wait_until(app, lambda: "·" in intake.location_label.text() and "…" not in intake.location_label.text(),
               "the grid of the placed point")
    intake.grab().save(str(out_dir / "intake.png"))
    print(f"wrote {out_dir / 'intake.png'}")

    csv_path = Path(tempfile.mkdtemp()) / "12345工单.csv"
    _case_list(csv_path, point.x, point.y)
    dialog = ImportDialog(runner, actor)
    dialog.show()
    dialog.set_path(csv_path)
    wait_until(app, lambda: dialog.preview_table.rowCount() == 4, "the case list preview")
    dialog.mapping_editor.set_field("事件名称", "title")
    dialog.run_check()
    wait_until(app, lambda: dialog.check is not None, "the dry run")
    dialog.grab().save(str(out_dir / "incident_import.png"))
    print(f"wrote {out_dir / 'incident_import.png'}")
    runner.shutdown()
    engine.dispose()


def main() -> None:
    run_script(__doc__, render, "--out-dir", SCREENSHOTS)


if __name__ == "__main__":
    main()
