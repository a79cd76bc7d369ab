"""The import dialog driven like a person: Ctrl+I in the main window, type the file's path, Preview, read the
first rows and the rejected line, Import; premises import their good rows (as the CLI does), org units with
a problem cannot be imported at all; a row for review is placed at the candidate picked in its drop-down.
A rejection reads in the console's language: the dialog shows the renderer's text of the service's reason."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from console.domain.address_match import address_key
from console.domain.addresses import normalise_address
from console.domain.messages import explain
from console.qtmodels.error_messages import render_message
from console.qtmodels.labels import premise_field_label
from console.services.address_library import load_address_library
from widgets.premises.import_dialog import ImportDialog

NEW = ("导入测试甲店", "导入测试乙店", "导入测试丙店")


def _cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _open_dialog(qtbot, window) -> ImportDialog:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget() or getattr(window, "import_dialog", None),
                                       ImportDialog), timeout=5000)
    return window.import_dialog


def test_preview_names_the_bad_row_and_import_adds_the_good_ones(qtbot, open_window, sql, tmp_path):
    window = open_window("admin")
    (lon, lat), = sql("SELECT lon, lat FROM premises ORDER BY id LIMIT 1")
    path = tmp_path / "new.csv"
    path.write_text("名称,类型,地址,经度,纬度\n"
                    f"{NEW[0]},商铺,湖里区测试路1号,{lon},{lat}\n"
                    f"{NEW[1]},飞船,湖里区测试路2号,{lon},{lat}\n"
                    f"{NEW[2]},餐饮店,湖里区测试路3号,{lon},{lat}\n", encoding="gb18030")
    dialog = _open_dialog(qtbot, window)
    assert not dialog.import_button.isEnabled()
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)

    rows = _cells(dialog.rows_table)
    assert [r[0] for r in rows] == list(NEW) and rows[1][1] == "飞船"
    result = _cells(dialog.result_table)
    assert len(result) == 1 and result[0][0] == "3" and "unknown premise type '飞船'" in result[0][2]
    assert "3" in dialog.status_label.text() and "2" in dialog.status_label.text()
    assert sql("SELECT count(*) FROM premises WHERE name LIKE '导入测试%'") == [(0,)]

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sql("SELECT count(*) FROM premises WHERE name LIKE '导入测试%'") == [(2,)],
                    timeout=20000)
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=5000)
    assert sorted(sql("SELECT name FROM premises WHERE name LIKE '导入测试%'")) == sorted([(NEW[0],), (NEW[2],)])
    assert not dialog.import_button.isEnabled()  # a second click cannot import the rows twice


def test_a_rejected_row_is_shown_as_the_renderer_words_it(qtbot, open_window, sql, gui_engine, tmp_path,
                                                          monkeypatch):
    """Translation marks every string the renderer translates, so the cell can only match its output if the
    reason went through render_message (English or untranslated text would lack the marks)."""
    monkeypatch.setattr(QCoreApplication, "translate",
                        staticmethod(lambda context, source, *rest: f"‹{source}›"))
    window = open_window("admin")
    (lon, lat), = sql("SELECT lon, lat FROM premises ORDER BY id LIMIT 1")
    nowhere = "海沧区马銮路1号"
    with Session(gui_engine) as s:
        assert load_address_library(s).match(address_key(nowhere)).verdict == "rejected"
    path = tmp_path / "nowhere.csv"
    path.write_text("名称,类型,地址,经度,纬度\n"
                    f"{NEW[0]},商铺,湖里区测试路1号,{lon},{lat}\n"
                    f"{NEW[1]},商铺,{nowhere},,\n", encoding="utf-8")
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)

    [(line, _verdict, details)] = _cells(dialog.result_table)
    reason = explain("no coordinates, and the address {address} matches nothing in the address library",
                     address=normalise_address(nowhere))
    assert line == "3"
    assert details == render_message(reason)
    assert details.startswith("‹no coordinates") and nowhere in details


def test_org_units_with_a_problem_cannot_be_imported(qtbot, open_window, sql, tmp_path):
    window = open_window("admin")
    bowtie = [[[118.1, 24.5], [118.11, 24.51], [118.11, 24.5], [118.1, 24.51], [118.1, 24.5]]]
    square = [[[118.1, 24.5], [118.11, 24.5], [118.11, 24.51], [118.1, 24.51], [118.1, 24.5]]]
    (community,), = sql("SELECT code FROM org_units WHERE kind = 'community' ORDER BY id LIMIT 1")
    features = [{"type": "Feature", "properties": {"code": f"{community}901", "name": "新网格一", "kind": "网格",
                                                   "parent_code": community},
                 "geometry": {"type": "Polygon", "coordinates": square}},
                {"type": "Feature", "properties": {"code": f"{community}902", "name": "新网格二", "kind": "网格",
                                                   "parent_code": community},
                 "geometry": {"type": "Polygon", "coordinates": bowtie}}]
    path = tmp_path / "grids.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    units_before = sql("SELECT count(*) FROM org_units")
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.file_edit, str(path))
    dialog.kind_combo.setFocus()
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Down)
    assert dialog.kind_combo.currentData() == "org_units"
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_table.rowCount() == 1, timeout=20000)
    assert _cells(dialog.rows_table)[1][:3] == [f"{community}902", "新网格二", "网格"]
    line, _verdict, details = _cells(dialog.result_table)[0]
    assert line == "2" and details.startswith(f"{premise_field_label('geometry')}: invalid polygon: "
                                              "Self-intersection")
    assert not dialog.import_button.isEnabled()
    assert sql("SELECT count(*) FROM org_units") == units_before


def test_only_administrators_see_the_import_action(open_window):
    from tests.gui.conftest import TOWNSHIP_OPERATOR

    assert open_window("admin").actions_.import_data.isVisible()
    assert not open_window(TOWNSHIP_OPERATOR).actions_.import_data.isVisible()


def test_a_row_for_review_is_imported_at_the_candidate_picked_for_it(qtbot, open_window, sql, gui_engine, tmp_path):
    window = open_window("admin")
    (lon, lat), = sql("SELECT lon, lat FROM premises ORDER BY id LIMIT 1")
    picked, left_out = "湖里区安岭路9999号", "湖里区安岭路9998号"
    with Session(gui_engine) as s:
        match = load_address_library(s).match(address_key(picked))
    assert match.verdict == "review" and len(match.candidates) >= 2
    expected = match.candidates[1]
    path = tmp_path / "review.csv"
    path.write_text("名称,类型,地址,经度,纬度\n"
                    f"{NEW[0]},商铺,湖里区测试路1号,{lon},{lat}\n"
                    f"{NEW[1]},商铺,{picked},,\n"
                    f"{NEW[2]},商铺,{left_out},,\n", encoding="utf-8")
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.review_table.rowCount() == 2, timeout=20000)
    assert [r[:2] for r in _cells(dialog.review_table)] == [["3", f"福建省厦门市{picked}"],
                                                           ["4", f"福建省厦门市{left_out}"]]
    assert not dialog.review_button.isEnabled()

    combo = dialog.review_table.cellWidget(0, 2)
    assert combo.currentText() == "leave out"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == f"{expected.address} (score {expected.score:.0f})"
    assert dialog.review_button.isEnabled()
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "1 reviewed rows imported at the chosen addresses.",
                    timeout=20000)

    assert sql("SELECT name, lon, lat FROM premises WHERE name LIKE '导入测试%'") == \
        [(NEW[1], pytest.approx(expected.lon), pytest.approx(expected.lat))]
    assert [r[0] for r in _cells(dialog.review_table)] == ["4"]
    assert not dialog.review_button.isEnabled()  # the left-out row stays, nothing is chosen for it


def test_a_reviewed_row_that_exists_already_is_refused(qtbot, open_window, sql, tmp_path):
    window = open_window("admin")
    (code,), = sql("SELECT code FROM premises ORDER BY id LIMIT 1")
    path = tmp_path / "review.csv"
    path.write_text(f"编号,名称,类型,地址\n{code},{NEW[0]},商铺,湖里区安岭路9999号\n", encoding="utf-8")
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.review_table.rowCount() == 1, timeout=20000)
    combo = dialog.review_table.cellWidget(0, 2)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=20000)

    assert dialog.status_label.text() == ("The reviewed rows were not imported; nothing was written: "
                                          f"line 2: a premise with code {code} already exists")
    assert sql("SELECT count(*) FROM premises WHERE name LIKE '导入测试%'") == [(0,)]
    assert _cells(dialog.review_table)[0][0] == "2" and dialog.review_button.isEnabled()
