"""The import dialog screenshot for docs/screenshots: a small premises CSV previewed against the seeded small
demo district in the Chinese UI — first rows, one rejected row, one row for review, one row placed by its
address.

    python -m tests.gui.import_screenshots [--out docs/screenshots/import_dialog.png]"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.gui.screenshot_support import SCREENSHOTS, actor_named, gui_app, seeded_demo_db, wait_until


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=SCREENSHOTS / "import_dialog.png")
    args = parser.parse_args()

    from sqlalchemy import text

    from console.qtmodels.tasks import TaskRunner
    from db.engine import make_engine, make_session_factory
    from widgets.premises.import_dialog import ImportDialog

    app = gui_app("zh_CN")
    engine = make_engine(seeded_demo_db())
    with engine.connect() as conn:
        (lon, lat), (address,) = conn.execute(text("SELECT lon, lat FROM premises ORDER BY id LIMIT 1")).one(), \
            conn.execute(text("SELECT address FROM premises WHERE id = 7")).one()
    csv = Path(tempfile.mkdtemp()) / "新增场所.csv"
    csv.write_text("名称,类型,地址,联系电话,经度,纬度\n"
                   f"鑫发五金店,商铺,湖里区兴隆路12号,13906012345,{lon + 1e-4:.6f},{lat:.6f}\n"
                   f"好味道餐厅,餐饮店,{address},13906012346,,\n"
                   "阳光出租屋,出租房屋,湖里区安岭路9999号,13906012347,,\n"
                   f"便民超市,商铺,湖里区金尚路8号,13906012348,{lon:.6f},{lat + 1e-4:.6f}\n"
                   "无名店,商铺,海沧区马銮路1号,,,\n", encoding="gb18030")
    runner = TaskRunner(make_session_factory(engine))
    dialog = ImportDialog(runner, actor_named(engine, "admin"))
    dialog.resize(1000, 640)
    dialog.show()
    dialog.file_edit.setText(str(csv))
    dialog.preview()
    wait_until(app, lambda: dialog.result_table.rowCount() > 0, "the preview")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(args.out))
    runner.shutdown()
    print(args.out)


if __name__ == "__main__":
    main()
