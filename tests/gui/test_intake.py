"""Intake through the GUI, driven like an operator: a case typed in by hand and placed by a click on the map
(or by its address) lands in the inbox's "new" queue in the right grid; a bad phone number is named and
nothing is written; a GBK case list with a bad row is previewed, the dry run names the row and Import
writes nothing; a bulk accept on three selected cases goes through for two and names who took the third."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from shapely.geometry import shape
from sqlalchemy.orm import Session

from console.importers.incident_tables import load_mapping
from console.qtmodels.inbox_model import InboxModel
from console.qtmodels.tasks import TaskRunner
from console.services.incident_intake import IntakeForm, take_in
from console.services.incident_queues import QUEUES
from console.services.incidents import transition
from db.engine import make_session_factory
from tests.gui.conftest import TOWNSHIP_OPERATOR
from widgets.inbox.bulk_actions import InboxBulkActions
from widgets.inbox.import_dialog import BAD_ROW_COLOUR, ImportDialog
from widgets.inbox.inbox_panel import InboxPanel

TIMEOUT = 15000
NOW = datetime(2026, 11, 30, 12, 0)


def _grid_point(sql) -> tuple[int, str, float, float]:
    """A grid of 湖里街道 and a point well inside it."""
    grid_id, name, boundary = sql("SELECT id, name, boundary_geojson FROM org_units WHERE kind = 'grid' AND "
                                  "boundary_geojson IS NOT NULL AND path LIKE '/1/2/%' ORDER BY id LIMIT 1")[0]
    data = json.loads(boundary)
    point = shape(data.get("geometry", data)).representative_point()
    return grid_id, name, point.x, point.y


def _count(sql) -> int:
    return sql("SELECT count(*) FROM incidents")[0][0]


def _open_intake(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.intake.dialog is not None and window.intake.dialog.isVisible(), timeout=TIMEOUT)
    return window.intake.dialog


def _type(qtbot, widget, text: str) -> None:
    """Digits and Latin by key, Chinese as an input method commits it (one string per character)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def _choose(qtbot, combo, key) -> None:
    """Pick an entry of a combo box with the arrow keys, as a person tabbing through the form would."""
    target = combo.findData(key)
    assert target >= 0
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def test_a_case_typed_in_and_picked_on_the_map_appears_in_the_new_queue_in_its_grid(open_window, qtbot, sql):
    grid_id, grid_name, lon, lat = _grid_point(sql)
    window = open_window()
    dialog = _open_intake(qtbot, window)
    _choose(qtbot, dialog.source_combo, "phone")
    _choose(qtbot, dialog.category_combo, "street_order")
    _choose(qtbot, dialog.priority_combo, 1)
    _type(qtbot, dialog.title_edit, "人民路菜市场门口占道经营")
    _type(qtbot, dialog.description_edit, "早高峰摊贩占用人行道")
    _type(qtbot, dialog.name_edit, "张先生")
    _type(qtbot, dialog.phone_edit, "138-0013-8000")
    canvas = window.map_panel.canvas
    canvas.center_on(lon, lat, 17)
    qtbot.mouseClick(dialog.pick_button, Qt.MouseButton.LeftButton)
    assert canvas.tool is not None
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=window.map_panel.screen_of(lon, lat).toPoint())
    qtbot.waitUntil(lambda: grid_name in dialog.location_label.text(), timeout=TIMEOUT)
    with qtbot.waitSignal(dialog.sig_created, timeout=TIMEOUT) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    taken = created.args[0]
    assert taken.grid_id == grid_id
    row = sql("SELECT source, category, priority, state, grid_id, reporter FROM incidents WHERE id = :i", i=taken.id)
    assert row == [("phone", "street_order", 1, "reported", grid_id, "张先生(13800138000)")]
    assert sql("SELECT count(*) FROM change_log WHERE entity = 'incident' AND entity_id = :i AND op = 'insert'",
               i=taken.id) == [(1,)]
    assert taken.case_no in window.statusBar().currentMessage()

    panel, model = window.inbox_panel, window.inbox_model
    rect = panel.queue_list.visualItemRect(panel.queue_list.item(QUEUES.index("new")))
    with qtbot.waitSignal(model.sig_query_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(panel.queue_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(model.sig_query_loaded, timeout=TIMEOUT):
        _type(qtbot, panel.search_edit, taken.case_no)
    assert model.rowCount() == 1
    shown = model.row_at(0)
    assert (shown.id, shown.state, shown.grid_id) == (taken.id, "reported", grid_id)


def test_a_case_placed_by_its_address_takes_the_premise_point(open_window, qtbot, sql):
    address, lon, lat, grid = sql("SELECT p.address, p.lon, p.lat, p.grid_id FROM premises p "
                                       "ORDER BY p.id LIMIT 1")[0]
    window = open_window()
    dialog = _open_intake(qtbot, window)
    _choose(qtbot, dialog.category_combo, "fire_safety")
    _type(qtbot, dialog.title_edit, "楼道堆放杂物")
    _type(qtbot, dialog.address_edit, address)
    qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.point is not None or dialog.address_hits.count() > 1, timeout=TIMEOUT)
    if dialog.point is None:
        hit = next(i for i in range(dialog.address_hits.count())
                   if dialog.address_hits.item(i).data(Qt.ItemDataRole.UserRole).lon == lon)
        item = dialog.address_hits.item(hit)
        qtbot.mouseClick(dialog.address_hits.viewport(), Qt.MouseButton.LeftButton,
                         pos=dialog.address_hits.visualItemRect(item).center())
    assert dialog.point == (lon, lat)
    with qtbot.waitSignal(dialog.sig_created, timeout=TIMEOUT) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert sql("SELECT address, grid_id, source FROM incidents WHERE id = :i", i=created.args[0].id) == \
        [(address, grid, "walk_in")]


def test_a_bad_phone_is_named_and_nothing_is_written(open_window, qtbot, sql):
    _grid, _name, lon, lat = _grid_point(sql)
    window = open_window()
    before, changes = _count(sql), sql("SELECT count(*) FROM change_log")
    dialog = _open_intake(qtbot, window)
    _choose(qtbot, dialog.category_combo, "dispute")
    _type(qtbot, dialog.title_edit, "邻里噪音纠纷")
    _type(qtbot, dialog.phone_edit, "12345")
    dialog.set_location(lon, lat)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    message = dialog.message_label
    assert message.isVisible() and "Phone" in message.text() and "12345" in message.text()
    assert "c62828" in dialog.phone_edit.styleSheet() and dialog.isVisible()
    qtbot.wait(200)
    assert _count(sql) == before and sql("SELECT count(*) FROM change_log") == changes


# -- import ----------------------------------------------------------------------------------------------

def _gbk_csv(path, lon: float, lat: float) -> None:
    lines = ["事件名称,类别,经度,纬度,上报时间",
             f"井盖缺失,市容环境,{lon},{lat},2026-11-29 09:30",
             f"夜间施工噪音,没有这个类别,{lon},{lat},2026-11-29 10:00",
             f"占道堆放建材,施工管理,{lon},{lat},2026-11-29 11:15"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def test_import_dialog_previews_a_gbk_file_names_the_bad_row_and_imports_nothing(qtbot, gui_engine, actor_of,
                                                                                  sql, tmp_path):
    _grid, _name, lon, lat = _grid_point(sql)
    csv_path = tmp_path / "cases.csv"
    _gbk_csv(csv_path, lon, lat)
    runner = TaskRunner(make_session_factory(gui_engine))
    dialog = ImportDialog(runner, actor_of("admin"))
    qtbot.addWidget(dialog)
    dialog.show()
    before = _count(sql)
    _type(qtbot, dialog.path_edit, str(csv_path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 3, timeout=TIMEOUT)
    assert dialog.fmt == "csv"
    assert dialog.preview_table.horizontalHeaderItem(0).text() == "事件名称"
    assert dialog.preview_table.item(1, 1).text() == "没有这个类别"
    assert dialog.mapping_editor.field_of("类别") == "category" and dialog.mapping_editor.field_of("事件名称") == ""

    with qtbot.waitSignal(dialog.problems_tree.model().rowsInserted, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=TIMEOUT)
    assert [dialog.problems_tree.topLevelItem(0).text(k) for k in (0, 2)] == ["1", "column missing"]

    dialog.mapping_editor.set_field("事件名称", "title")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=TIMEOUT)
    assert dialog.check.accepted == [2, 4] and dialog.check.rejected == [3]
    bad = dialog.problems_tree.topLevelItem(0)
    assert (bad.text(0), bad.text(1)) == ("3", "类别") and "没有这个类别" in bad.text(2)
    assert "3" in dialog.summary_label.text() and not dialog.import_button.isEnabled()
    assert dialog.preview_table.item(1, 0).background().color() == BAD_ROW_COLOUR
    assert "没有这个类别" in dialog.preview_table.item(1, 0).toolTip()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert _count(sql) == before

    saved = tmp_path / "map.json"
    dialog.mapping_editor.save(saved, dialog.datum)
    assert load_mapping(saved).columns["title"] == "事件名称"
    runner.shutdown()


def test_import_dialog_imports_a_clean_file_with_a_saved_mapping(qtbot, gui_engine, actor_of, sql, tmp_path):
    _grid, _name, lon, lat = _grid_point(sql)
    csv_path = tmp_path / "cases.csv"
    _gbk_csv(csv_path, lon, lat)
    csv_path.write_bytes(csv_path.read_bytes().replace("没有这个类别".encode("gbk"), "施工管理".encode("gbk")))
    (tmp_path / "map.json").write_text(json.dumps({"columns": {"title": "事件名称"}}), encoding="utf-8")
    runner = TaskRunner(make_session_factory(gui_engine))
    dialog = ImportDialog(runner, actor_of("admin"))
    qtbot.addWidget(dialog)
    before = _count(sql)
    dialog.set_path(csv_path)
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 3, timeout=TIMEOUT)
    dialog.load_mapping(tmp_path / "map.json")
    assert dialog.mapping_editor.field_of("事件名称") == "title"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=TIMEOUT)
    with qtbot.waitSignal(dialog.sig_imported, timeout=TIMEOUT) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [3] and _count(sql) == before + 3
    assert sql("SELECT count(*) FROM incidents WHERE title = '夜间施工噪音' AND category = 'construction'") == [(1,)]
    runner.shutdown()


# -- bulk actions ----------------------------------------------------------------------------------------

@pytest.fixture
def runner(gui_engine):
    runner = TaskRunner(make_session_factory(gui_engine))
    yield runner
    runner.shutdown()


def test_bulk_accept_of_three_cases_with_one_taken_meanwhile(qtbot, runner, actor_of, gui_engine, sql):
    operator = actor_of(TOWNSHIP_OPERATOR)
    _grid, _name, lon, lat = _grid_point(sql)
    with Session(gui_engine) as s:  # walk-ins of the morning, so the new queue holds at least three
        for title in ("路灯不亮", "垃圾满溢", "车辆乱停"):
            take_in(s, operator, IntakeForm(source="walk_in", category="city_appearance", title=title,
                                            lon=lon, lat=lat), now=NOW)
        s.commit()
    model = InboxModel(runner, operator, page_size=50, debounce_ms=50, clock=lambda: NOW)
    panel = InboxPanel(model)
    bulk = InboxBulkActions(panel, runner, operator)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading, timeout=TIMEOUT)
    rect = panel.queue_list.visualItemRect(panel.queue_list.item(QUEUES.index("new")))
    with qtbot.waitSignal(model.sig_query_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(panel.queue_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.rowCount() >= 3
    table = panel.table
    for row in range(3):
        pos = table.visualRect(model.index(row, 1)).center()
        modifier = Qt.KeyboardModifier.NoModifier if row == 0 else Qt.KeyboardModifier.ControlModifier
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    rows = [model.row_at(r) for r in range(3)]
    assert panel.selected_ids() == [r.id for r in rows]

    with Session(gui_engine) as s:  # another operator takes the middle one meanwhile
        transition(s, actor_of("admin"), rows[1].id, "accept")
        s.commit()

    table.customContextMenuRequested.emit(table.visualRect(model.index(0, 1)).center())
    menu = bulk.menu
    names = [a.objectName() for a in menu.actions()]
    assert "bulk_accept" in names and "bulk_reject" in names and "bulk_file" not in names
    accept = next(a for a in menu.actions() if a.objectName() == "bulk_accept")
    assert "3" in accept.text()
    with qtbot.waitSignal(bulk.sig_done, timeout=TIMEOUT) as done:
        accept.trigger()
    result = done.args[0]
    assert sorted(result.done) == sorted([rows[0].id, rows[2].id])
    assert [r.incident_id for r in result.refused] == [rows[1].id]
    text = bulk.result_box.text()
    assert "2 done, 1 refused" in text and f"#{rows[1].case_no} already Accepted by admin" in text
    states = dict(sql("SELECT id, state FROM incidents WHERE id IN (:a, :b, :c)", a=rows[0].id, b=rows[1].id,
                      c=rows[2].id))
    assert set(states.values()) == {"accepted"}
    actors = dict(sql("SELECT incident_id, actor FROM incident_history WHERE to_state = 'accepted' AND "
                      "incident_id IN (:a, :b, :c)", a=rows[0].id, b=rows[1].id, c=rows[2].id))
    assert actors == {rows[0].id: TOWNSHIP_OPERATOR, rows[1].id: "admin", rows[2].id: TOWNSHIP_OPERATOR}


def test_the_menu_offers_only_actions_allowed_for_every_selected_case(qtbot, runner, actor_of, sql):
    operator = actor_of(TOWNSHIP_OPERATOR)
    model = InboxModel(runner, operator, page_size=200, debounce_ms=50, clock=lambda: NOW)
    panel = InboxPanel(model)
    bulk = InboxBulkActions(panel, runner, operator)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading, timeout=TIMEOUT)
    states = [model.row_at(r).state for r in range(model.rowCount())]
    reported = states.index("reported")
    later = next(k for k, state in enumerate(states) if state in ("filed", "dispatched", "signed", "handling"))
    selection = panel.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(reported, 0), flags)
    assert "bulk_accept" in [a.objectName() for a in bulk.build_menu().actions()]
    selection.select(model.index(later, 0), flags)
    names = [a.objectName() for a in bulk.build_menu().actions() if a.objectName()]
    assert names == []
