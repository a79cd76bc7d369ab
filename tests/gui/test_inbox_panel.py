"""The inbox and incident detail panels on the seeded demo district, driven by clicks and typing: queues
switch the table and show their counts, text filters, a selected row names its case, an action moves the
case on, and a case changed behind the panel's back is refused with the other operator's name."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.orm import Session

from console.domain.incident_catalog import deadline_policy
from console.qtmodels.inbox_model import ID_ROLE, InboxModel
from console.qtmodels.tasks import TaskRunner
from console.services.incident_actions import file_incident
from console.services.incident_queues import QUEUES, InboxQuery, count_inbox, queue_counts
from console.services.incidents import transition
from db.engine import make_session_factory
from tests.gui.conftest import TOWNSHIP_OPERATOR
from widgets.inbox.action_dialog import ActionDialog
from widgets.inbox.detail_panel import IncidentDetailPanel
from widgets.inbox.inbox_panel import QUEUE_ROLE, InboxPanel

NOW = datetime(2026, 11, 30, 12, 0)
TIMEOUT = 10000


@pytest.fixture
def runner(gui_engine):
    runner = TaskRunner(make_session_factory(gui_engine))
    yield runner
    runner.shutdown()


@pytest.fixture
def inbox(qtbot, runner, actor_of):
    model = InboxModel(runner, actor_of(TOWNSHIP_OPERATOR), page_size=50, debounce_ms=50, clock=lambda: NOW)
    panel = InboxPanel(model)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitUntil(lambda: bool(model.counts) and model.rowCount() > 0 and not model.loading, timeout=TIMEOUT)
    return panel


def _ids(model) -> list[int]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def _click_queue(qtbot, panel: InboxPanel, queue: str) -> None:
    row = QUEUES.index(queue)
    rect = panel.queue_list.visualItemRect(panel.queue_list.item(row))
    with qtbot.waitSignals([panel.model.sig_query_loaded, panel.model.sig_total_changed], timeout=TIMEOUT):
        qtbot.mouseClick(panel.queue_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_queue_switches_the_table_and_every_queue_shows_its_count(inbox, qtbot, gui_engine,
                                                                             actor_of):
    actor, policy = actor_of(TOWNSHIP_OPERATOR), deadline_policy()
    with Session(gui_engine) as s:
        counts = queue_counts(s, actor, InboxQuery(now=NOW), policy)
    for row, queue in enumerate(QUEUES):
        item = inbox.queue_list.item(row)
        assert item.data(QUEUE_ROLE) == queue
        assert f"({QLocale().toString(counts[queue])})" in item.text()
    _click_queue(qtbot, inbox, "in_handling")
    model = inbox.model
    assert model.query.queue == "in_handling" and model.total == counts["in_handling"] > 0
    assert {model.row_at(r).state for r in range(model.rowCount())} <= {"dispatched", "signed", "handling",
                                                                         "rework"}
    assert QLocale().toString(counts["in_handling"]) in inbox.total_label.text()
    _click_queue(qtbot, inbox, "new")
    assert {model.row_at(r).state for r in range(model.rowCount())} == {"reported"}


def test_typing_text_filters_the_table(inbox, qtbot, gui_engine, actor_of):
    model = inbox.model
    everything, wanted = model.total, model.row_at(5)
    with qtbot.waitSignals([model.sig_query_loaded, model.sig_total_changed], timeout=TIMEOUT):
        qtbot.keyClicks(inbox.search_edit, wanted.case_no)
    assert _ids(model) == [wanted.id] and model.total == 1
    word = wanted.title[:2]
    with qtbot.waitSignals([model.sig_query_loaded, model.sig_total_changed], timeout=TIMEOUT):
        inbox.search_edit.setText(word)
    with Session(gui_engine) as s:
        expected = count_inbox(s, actor_of(TOWNSHIP_OPERATOR), InboxQuery(text=word, now=NOW), deadline_policy())
    assert model.total == expected and 1 <= expected < everything
    assert wanted.id in _ids(model) or model.canFetchMore()


def test_the_category_filter_narrows_the_table(inbox, qtbot):
    model = inbox.model
    with qtbot.waitSignals([model.sig_query_loaded, model.sig_counts_changed], timeout=TIMEOUT):
        inbox.category_combo.setCurrentIndex(inbox.category_combo.findData("fire_safety"))
    assert model.rowCount() > 0 and {model.row_at(r).category for r in range(model.rowCount())} == {"fire_safety"}
    assert model.counts["all"] == model.total


def test_selecting_rows_emits_the_current_case_and_keeps_a_multi_selection(inbox, qtbot):
    model, table = inbox.model, inbox.table
    with qtbot.waitSignal(inbox.sig_incident_selected, timeout=TIMEOUT) as blocker:
        rect = table.visualRect(model.index(2, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [model.row_at(2).id]
    table.selectionModel().select(model.index(4, 0), QItemSelectionModel.SelectionFlag.Select
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert inbox.selected_ids() == [model.row_at(2).id, model.row_at(4).id]


# -- the detail panel ------------------------------------------------------------------------------------

@pytest.fixture
def detail(qtbot, runner, actor_of):
    panel = IncidentDetailPanel(runner, actor_of(TOWNSHIP_OPERATOR))
    qtbot.addWidget(panel)
    panel.resize(600, 800)
    panel.show()
    return panel


def _first(sql, state: str) -> int:
    return sql("SELECT id FROM incidents WHERE state = :s AND org_path LIKE '/1/2/%' ORDER BY id LIMIT 1",
               s=state)[0][0]


def _show(qtbot, panel: IncidentDetailPanel, incident_id: int) -> None:
    with qtbot.waitSignal(panel.sig_loaded, timeout=TIMEOUT):
        panel.show_incident(incident_id)


def _history_rows(panel: IncidentDetailPanel) -> int:
    return panel.history.topLevelItemCount()


def test_accepting_a_reported_case_shows_the_new_state_and_a_history_row(detail, qtbot, sql):
    incident_id = _first(sql, "reported")
    _show(qtbot, detail, incident_id)
    assert detail.field_labels["state"].text() == "Reported"
    before = _history_rows(detail)
    assert set(detail.action_buttons) >= {"accept", "reject"} and "dispatch" not in detail.action_buttons
    with qtbot.waitSignals([detail.sig_incident_changed, detail.sig_loaded], timeout=TIMEOUT):
        qtbot.mouseClick(detail.action_buttons["accept"], Qt.MouseButton.LeftButton)
    assert detail.field_labels["state"].text() == "Accepted"
    assert _history_rows(detail) == before + 1
    last = detail.history.topLevelItem(before)
    assert (last.text(1), last.text(3)) == ("Accept", TOWNSHIP_OPERATOR)
    assert sql("SELECT state FROM incidents WHERE id = :i", i=incident_id) == [("accepted",)]
    assert "file" in detail.action_buttons and "accept" not in detail.action_buttons


def test_a_stale_version_is_refused_naming_who_acted_and_the_fresh_state_shows(detail, qtbot, sql, gui_engine):
    incident_id = _first(sql, "reported")
    _show(qtbot, detail, incident_id)
    with gui_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE incidents SET state = 'accepted', version = version + 1 WHERE id = ?",
                             (incident_id,))
        conn.exec_driver_sql("INSERT INTO incident_history (incident_id, from_state, to_state, actor, at, note) "
                             "VALUES (?, 'reported', 'accepted', 'op_zhang', ?, '[accept]')",
                             (incident_id, datetime(2026, 11, 30, 11, 0)))
    before = sql("SELECT count(*) FROM incident_history WHERE incident_id = :i", i=incident_id)
    with qtbot.waitSignals([detail.sig_message, detail.sig_loaded], timeout=TIMEOUT):
        qtbot.mouseClick(detail.action_buttons["accept"], Qt.MouseButton.LeftButton)
    message = detail.message_label.text()
    assert detail.message_label.isVisible() and "op_zhang" in message and "Accepted" in message
    assert detail.field_labels["state"].text() == "Accepted"
    assert sql("SELECT count(*) FROM incident_history WHERE incident_id = :i", i=incident_id) == before


def test_dispatch_asks_for_a_department_and_assigns_the_case(detail, qtbot, sql, gui_engine, actor_of):
    incident_id = _first(sql, "reported")
    with Session(gui_engine) as s:
        operator = actor_of(TOWNSHIP_OPERATOR)
        transition(s, operator, incident_id, "accept")
        file_incident(s, operator, incident_id)
        s.commit()
    _show(qtbot, detail, incident_id)
    qtbot.mouseClick(detail.action_buttons["dispatch"], Qt.MouseButton.LeftButton)
    dialog = detail.findChild(ActionDialog)
    assert dialog is not None and dialog.department_combo.count() > 0
    dialog.department_combo.setCurrentIndex(1)
    department, name = dialog.department_combo.currentData(), dialog.department_combo.currentText()
    with qtbot.waitSignals([detail.sig_incident_changed, detail.sig_loaded], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert sql("SELECT state, assignee_org_id FROM incidents WHERE id = :i", i=incident_id) == \
        [("dispatched", department)]
    assert detail.field_labels["state"].text() == "Dispatched"
    assert detail.field_labels["assignee"].text() == name


def test_an_overdue_case_shows_its_deadline_as_overdue(qtbot, runner, actor_of, sql):
    incident_id = sql("SELECT id FROM incidents WHERE org_path LIKE '/1/2/%' AND deadline < :now AND state NOT IN "
                      "('closed', 'evaluated', 'archived', 'rejected', 'duplicate') ORDER BY id LIMIT 1",
                      now=NOW)[0][0]
    panel = IncidentDetailPanel(runner, actor_of(TOWNSHIP_OPERATOR), clock=lambda: NOW)
    qtbot.addWidget(panel)
    _show(qtbot, panel, incident_id)
    deadline = panel.field_labels["deadline"]
    assert deadline.text().endswith("· Overdue") and "#c62828" in deadline.styleSheet()


def test_rejecting_needs_a_reason_before_ok(detail, qtbot, sql):
    incident_id = _first(sql, "reported")
    _show(qtbot, detail, incident_id)
    qtbot.mouseClick(detail.action_buttons["reject"], Qt.MouseButton.LeftButton)
    dialog = detail.findChild(ActionDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "not our matter")
    with qtbot.waitSignals([detail.sig_incident_changed, detail.sig_loaded], timeout=TIMEOUT):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert detail.field_labels["state"].text() == "Rejected"
    assert detail.history.topLevelItem(detail.history.topLevelItemCount() - 1).text(4) == "not our matter"
