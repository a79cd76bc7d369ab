"""The dossier (一户一档) driven like a worker: an inspection with one serious item turns a green premise red in
the dossier and on the map, texts the owner and sets the re-inspection 3 days out; the re-inspection that
clears it turns it green. Plus create/edit validation and the printed PDFs."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from console.domain.inspections import RectificationPolicy
from console.domain.map_classes import premise_status_code
from console.qtmodels.labels import status_label
from tests.gui.dossier_helpers import (
    TIMEOUT,
    first_serious_item,
    green_premise_with_mobile_owner,
    open_from_table,
    tick,
    type_text,
)
from widgets.premises.dossier_sections import field_labels


def _map_status(window, premise_id: int) -> int:
    points = window.map_panel.premises.points
    row = int(points.index_of(np.array([premise_id]))[0])
    return int(points.cat[row]) if row >= 0 else -1


def _visits(window) -> int:
    return sum(1 for e in window.dossier.model.dossier.timeline if e.kind == "inspection")


def _save_inspection(window, qtbot, ticked: bool) -> None:
    panel = window.dossier.panel
    qtbot.mouseClick(panel.inspect_button, Qt.MouseButton.LeftButton)
    dialog = panel.inspection_dialog
    assert dialog is not None and dialog.isVisible()
    if ticked:
        item_id, _text = first_serious_item(dialog)
        tick(qtbot, dialog.items, dialog.item_row(item_id))
        assert dialog.values()[1] == {item_id: None}
    before = _visits(window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.inspection_dialog is None and _visits(window) == before + 1,
                    timeout=TIMEOUT)


def test_serious_item_turns_red_everywhere_and_reinspection_turns_green(open_window, qtbot, sql):
    window = open_window("admin")
    premise_id, code, name, phone = green_premise_with_mobile_owner(sql)
    open_from_table(window, qtbot, code)
    panel = window.dossier.panel
    assert panel.name_label.text() == name and panel.colour_badge.colour == "green"
    assert panel.qr_label.pixmap() is not None and not panel.qr_label.pixmap().isNull()
    assert _map_status(window, premise_id) == premise_status_code("green")

    _save_inspection(window, qtbot, ticked=True)
    d = window.dossier.model.dossier
    [finding] = d.findings
    item_text = finding.text
    assert finding.severity == "serious"
    assert panel.colour_badge.colour == "red" and panel.colour_badge.text() == status_label("red")
    assert item_text in panel.why_label.text()
    today = date.today()
    due = today + timedelta(days=RectificationPolicy().red_days)
    assert panel.values["next_inspection"].text() == due.isoformat()
    rectification = panel.rectification_label.text()
    assert due.isoformat() in rectification and item_text in rectification
    assert sql("SELECT status, next_inspection FROM premises WHERE id = :p",
               p=premise_id) == [("red", due.isoformat())]
    [(sms_phone, body, state)] = sql("SELECT phone, body, state FROM sms_outbox WHERE premise_id = :p",
                                     p=premise_id)
    assert sms_phone == phone and item_text in body and state == "queued"
    assert any(e.kind == "sms" and e.subject == phone for e in d.timeline)
    qtbot.waitUntil(lambda: _map_status(window, premise_id) == premise_status_code("red"), timeout=TIMEOUT)
    assert panel.inspect_button.text() == panel.tr("Re-inspect")

    _save_inspection(window, qtbot, ticked=False)
    assert panel.colour_badge.colour == "green" and window.dossier.model.dossier.findings == ()
    assert sql("SELECT state FROM rectification_notices WHERE premise_id = :p", p=premise_id) == [("closed",)]
    qtbot.waitUntil(lambda: _map_status(window, premise_id) == premise_status_code("green"), timeout=TIMEOUT)
    kinds = [e.kind for e in window.dossier.model.dossier.timeline]
    assert kinds.count("inspection") == 2 and "resolved" in kinds


def test_enter_in_the_table_the_map_card_and_the_search_open_the_dossier(open_window, qtbot, sql):
    window = open_window("admin")
    premise_id, code, name, _phone = green_premise_with_mobile_owner(sql)
    table = window.premises_panel.table
    with qtbot.waitSignal(window.premises_model.sig_query_loaded, timeout=TIMEOUT):
        qtbot.keyClicks(window.premises_panel.search_edit, code)
    table.setFocus()
    table.setCurrentIndex(window.premises_model.index(0, 1))
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.dossier.model.dossier.id == premise_id and window.dossier.dock.isVisible()
    window.dossier.panel.name_label.clear()
    card = window.map_panel.card
    card.request("premises", premise_id)
    qtbot.waitUntil(lambda: card.card is not None and card.isVisible(), timeout=TIMEOUT)
    assert card.dossier_button.isVisible()
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(card.dossier_button, Qt.MouseButton.LeftButton)
    assert window.dossier.panel.name_label.text() == name
    search = window.map_panel.search
    [(other_id, other_code)] = sql("SELECT id, code FROM premises WHERE id <> :p ORDER BY id LIMIT 1",
                                   p=premise_id)
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.keyClicks(search, other_code)
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.dossier.model.dossier.id == other_id


def _open_form(window, qtbot, button):
    panel = window.dossier.panel
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.form_dialog is not None and panel.form_dialog.isVisible(), timeout=TIMEOUT)
    return panel.form_dialog


def test_new_premise_names_the_bad_field_and_writes_nothing_until_valid(open_window, qtbot, sql):
    window = open_window("admin")
    _pid, code, _name, _phone = green_premise_with_mobile_owner(sql)
    open_from_table(window, qtbot, code)
    dialog = _open_form(window, qtbot, window.dossier.panel.new_button)
    [(before,)] = sql("SELECT count(*) FROM premises")
    type_text(qtbot, dialog.edits["name"], "无证小作坊")
    type_text(qtbot, dialog.edits["address"], "厦门市湖里区测试路88号")
    qtbot.keyClicks(dialog.edits["owner_phone"], "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=TIMEOUT)
    assert field_labels()["owner_phone"] in dialog.error_label.text()
    assert dialog.edits["owner_phone"].hasFocus() or "c62828" in dialog.edits["owner_phone"].styleSheet()
    assert sql("SELECT count(*) FROM premises") == [(before,)]
    assert sql("SELECT count(*) FROM premise_edits") == [(0,)]

    dialog.edits["owner_phone"].clear()
    qtbot.keyClicks(dialog.edits["owner_phone"], "13900001111")
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.dossier.panel.form_dialog is None
    assert sql("SELECT count(*) FROM premises") == [(before + 1,)]
    d = window.dossier.model.dossier
    assert (d.name, d.owner_phone, d.status) == ("无证小作坊", "13900001111", "green")
    assert window.dossier.panel.name_label.text() == "无证小作坊"
    assert sql("SELECT op FROM change_log WHERE entity = 'premise' AND entity_id = :p",
               p=d.id) == [("insert",)]


def test_edit_refuses_a_bad_coordinate_then_saves_and_shows_the_edit(open_window, qtbot, sql):
    window = open_window("admin")
    premise_id, code, _name, _phone = green_premise_with_mobile_owner(sql)
    open_from_table(window, qtbot, code)
    [(version,)] = sql("SELECT version FROM premises WHERE id = :p", p=premise_id)
    dialog = _open_form(window, qtbot, window.dossier.panel.edit_button)
    dialog.edits["lat"].clear()
    qtbot.keyClicks(dialog.edits["lat"], "24,5x")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert field_labels()["lat"] in dialog.error_label.text()
    dialog.edits["lat"].clear()
    qtbot.keyClicks(dialog.edits["lat"], "95")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field_labels()["lat"] in dialog.error_label.text()
                    and dialog.save_button.isEnabled(), timeout=TIMEOUT)
    assert sql("SELECT version FROM premises WHERE id = :p", p=premise_id) == [(version,)]

    dialog.reject()
    dialog = _open_form(window, qtbot, window.dossier.panel.edit_button)
    dialog.edits["owner"].clear()
    type_text(qtbot, dialog.edits["owner"], "新负责人")
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sql("SELECT owner, version FROM premises WHERE id = :p", p=premise_id) == [("新负责人", version + 1)]
    timeline = window.dossier.panel.timeline
    edits = [timeline.topLevelItem(n).text(4) for n in range(timeline.topLevelItemCount())
             if timeline.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) == "edit"]
    assert any("新负责人" in text and field_labels()["owner"] in text for text in edits)


def test_a_stale_edit_is_refused_and_the_fresh_premise_shows(open_window, qtbot, sql, gui_engine):
    window = open_window("admin")
    premise_id, code, _name, _phone = green_premise_with_mobile_owner(sql)
    open_from_table(window, qtbot, code)
    dialog = _open_form(window, qtbot, window.dossier.panel.edit_button)
    with gui_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE premises SET owner = '别人改的', version = version + 1 WHERE id = ?",
                             (premise_id,))
    dialog.edits["owner"].clear()
    type_text(qtbot, dialog.edits["owner"], "我改的")
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible() and dialog.isVisible()
    assert sql("SELECT owner FROM premises WHERE id = :p", p=premise_id) == [("别人改的",)]
    assert window.dossier.panel.values["owner"].text() == "别人改的"


def _pdf(path) -> QPdfDocument:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def test_printed_notice_and_label_sheet(open_window, qtbot, sql, tmp_path, monkeypatch):
    window = open_window("admin")
    premise_id, code, name, _phone = green_premise_with_mobile_owner(sql)
    open_from_table(window, qtbot, code)
    panel = window.dossier.panel
    assert not panel.print_button.isEnabled()
    _save_inspection(window, qtbot, ticked=True)
    item_text = window.dossier.model.dossier.findings[0].text
    notice = tmp_path / "notice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(notice), ""))
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert notice.exists() and panel.last_pdf == notice
    doc = _pdf(notice)
    assert doc.pageCount() >= 1
    text = doc.getAllText(0).text()
    assert name in text and item_text in text and code in text
    page = doc.render(0, doc.pagePointSize(0).toSize())
    assert any(page.pixelColor(x, y) != QColor("white") for x in range(0, page.width(), 7)
               for y in range(0, page.height() // 3, 7))

    labels = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(labels), ""))
    qtbot.mouseClick(panel.labels_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.last_pdf == labels, timeout=TIMEOUT)
    [(in_grid,)] = sql("SELECT count(*) FROM premises WHERE org_path = (SELECT org_path FROM premises "
                       "WHERE id = :p)", p=premise_id)
    doc = _pdf(labels)
    assert doc.pageCount() == -(-in_grid // 24)
    assert code in "".join(doc.getAllText(n).text() for n in range(doc.pageCount()))


def test_the_painted_qr_code_is_the_encoded_matrix(qapp):
    from console.qtmodels.premise_print import QUIET_MODULES, qr_image, qr_modules

    payload = "PA1.552.P3502060000552.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
    modules = qr_modules(payload)
    side = 400
    image = qr_image(payload, side)
    step = side / (len(modules) + 2 * QUIET_MODULES)
    painted = [[image.pixelColor(int((QUIET_MODULES + x + 0.5) * step), int((QUIET_MODULES + y + 0.5) * step))
                == QColor("black") for x in range(len(modules))] for y in range(len(modules))]
    assert painted == modules
    assert image.pixelColor(1, 1) == QColor("white")
