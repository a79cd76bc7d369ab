"""The dispatch board driven like a person drags: cases picked up in the inbox (the view's own QMimeData)
and dropped on a department or a worker are dispatched with the policy's deadline and a history line, the
board's load counts follow, a drop the rules forbid is refused with the reason and changes nothing, 撤销
restores the case through a recorded recall, and Ctrl+D and the map do the same."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.orm import Session

from console.domain.incident_catalog import deadline_policy
from console.qtmodels.dispatch_targets import DispatchController, DispatchTargetsModel
from console.qtmodels.error_messages import render_message
from console.qtmodels.inbox_model import ID_ROLE, InboxModel
from console.qtmodels.labels import fill
from console.qtmodels.tasks import TaskRunner
from console.services.incident_actions import dispatch, file_incident
from console.services.incidents import NewIncident, create_incident, transition
from db.engine import make_session_factory
from tests.gui.conftest import TOWNSHIP_OPERATOR
from widgets.inbox.detail_panel import IncidentDetailPanel
from widgets.inbox.dispatch_board import DispatchBoard
from widgets.inbox.dispatch_dialog import DispatchDialog
from widgets.inbox.inbox_panel import InboxPanel

TIMEOUT = 10000
GRID_A, WORKER_A = 79, 1    # 湖里社区第01网格 and the worker who serves it
WORKER_B, OTHER_GRID = 2, 80  # the worker of 湖里社区第02网格, who serves no other grid
DEPARTMENT = 9              # 公安分局


@pytest.fixture
def runner(gui_engine):
    runner = TaskRunner(make_session_factory(gui_engine))
    yield runner
    runner.shutdown()


def _filed_cases(engine, actor, n: int, grid_id: int = GRID_A) -> list[int]:
    """n new cases in one grid, accepted and filed: ready to dispatch."""
    ids = []
    with Session(engine) as s:
        for k in range(n):
            new = NewIncident(source="hotline_12345", category="fire_safety", title=f"通道堵塞 {k}", lon=118.1,
                              lat=24.5, grid_id=grid_id)
            incident = create_incident(s, actor, new)
            transition(s, actor, incident.id, "accept")
            file_incident(s, actor, incident.id)
            ids.append(incident.id)
        s.commit()
    return ids


@pytest.fixture
def operator(actor_of):
    return actor_of(TOWNSHIP_OPERATOR)


@pytest.fixture
def desk(qtbot, runner, operator):
    """The inbox on "to dispatch" beside the board, as an operator has them."""
    inbox = InboxPanel(InboxModel(runner, operator, page_size=50, debounce_ms=50))
    targets = DispatchTargetsModel(runner, operator)
    board = DispatchBoard(targets, DispatchController(runner, operator))
    for widget in (inbox, board):
        qtbot.addWidget(widget)
        widget.resize(900, 600)
        widget.show()
    with qtbot.waitSignal(targets.sig_loaded, timeout=TIMEOUT):
        targets.refresh()
    return inbox, board


def _show_queue(qtbot, inbox: InboxPanel, queue: str) -> None:
    with qtbot.waitSignal(inbox.model.sig_query_loaded, timeout=TIMEOUT):
        inbox.model.set_queue(queue)


def _pick_up(inbox: InboxPanel, ids: list[int]) -> QMimeData:
    """Select the cases' rows and build the drag payload the view would (QDrag.exec returns at once here)."""
    model, selection = inbox.model, inbox.table.selectionModel()
    selection.clearSelection()
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) in ids]
    assert len(rows) == len(ids)
    for r in rows:
        selection.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    return model.mimeData(selection.selectedRows())


def _drag_onto(widget: QWidget, mime: QMimeData, pos: QPoint) -> bool:
    """Enter, move and drop at pos; True when the drop was accepted."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods))
    QApplication.sendEvent(widget, QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods))
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def _target_point(board: DispatchBoard, name: str) -> QPoint:
    """Enter the target's name in the filter box (as typed by an input method: QTest types ASCII only) and
    aim at its row."""
    board.filter_edit.clear()
    board.filter_edit.insert(name)
    assert board.target_at_row(0).name == name
    return board.view.visualRect(board.proxy.index(0, 0)).center()


def _row_text(board: DispatchBoard, column: str) -> str:
    return board.proxy.index(0, board.model.COLUMNS.index(column)).data()


def _name(sql, table: str, row_id: int) -> str:
    return sql(f"SELECT name FROM {table} WHERE id = :i", i=row_id)[0][0]


def _history(sql, incident_id: int) -> list[tuple]:
    return sql("SELECT from_state, to_state, actor, at, note FROM incident_history WHERE incident_id = :i "
               "ORDER BY id", i=incident_id)


def _as_datetime(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _assert_dispatched(sql, incident_id: int, org_id: int | None = None, worker_id: int | None = None) -> None:
    state, org, worker, deadline, category, level = sql(
        "SELECT state, assignee_org_id, assignee_worker_id, deadline, category, level FROM incidents "
        "WHERE id = :i", i=incident_id)[0]
    assert (state, org, worker) == ("dispatched", org_id, worker_id)
    *_, (from_state, to_state, who, at, note) = _history(sql, incident_id)
    assert (from_state, to_state, who) == ("filed", "dispatched", TOWNSHIP_OPERATOR)
    assert note.startswith("[dispatch]")
    assert _as_datetime(deadline) == deadline_policy().deadline(category, level, _as_datetime(at))


def test_dragging_two_cases_onto_a_department_dispatches_both_and_the_board_counts_them(desk, qtbot, sql,
                                                                                         gui_engine, operator):
    inbox, board = desk
    ids = _filed_cases(gui_engine, operator, 2)
    _show_queue(qtbot, inbox, "to_dispatch")
    name = _name(sql, "org_units", DEPARTMENT)
    point = _target_point(board, name)
    before = int(_row_text(board, "open_load"))
    with qtbot.waitSignals([board.controller.sig_dispatched, board.model.sig_loaded], timeout=TIMEOUT):
        assert _drag_onto(board.view.viewport(), _pick_up(inbox, ids), point)
    for incident_id in ids:
        _assert_dispatched(sql, incident_id, org_id=DEPARTMENT)
    assert int(_row_text(board, "open_load")) == before + 2
    assert board.message_bar.isVisible() and f"Dispatched 2 of 2 cases to {name}" in board.message_label.text()
    assert board.undo_offered


def test_a_worker_takes_a_case_of_the_grid_they_serve_and_another_worker_is_refused(desk, qtbot, sql,
                                                                                     gui_engine, operator):
    inbox, board = desk
    (incident_id,) = _filed_cases(gui_engine, operator, 1)
    _show_queue(qtbot, inbox, "to_dispatch")
    case_no = sql("SELECT case_no FROM incidents WHERE id = :i", i=incident_id)[0][0]
    history_before = _history(sql, incident_id)

    other = _name(sql, "workers", WORKER_B)
    assert not _drag_onto(board.view.viewport(), _pick_up(inbox, [incident_id]), _target_point(board, other))
    assert board.message_bar.isVisible() and not board.undo_offered
    assert f"{case_no}: {other} does not serve its grid" in board.message_label.text()
    assert sql("SELECT state, assignee_worker_id FROM incidents WHERE id = :i", i=incident_id) == [("filed", None)]
    assert _history(sql, incident_id) == history_before

    mine = _name(sql, "workers", WORKER_A)
    point = _target_point(board, mine)
    with qtbot.waitSignals([board.controller.sig_dispatched, board.model.sig_loaded], timeout=TIMEOUT):
        assert _drag_onto(board.view.viewport(), _pick_up(inbox, [incident_id]), point)
    _assert_dispatched(sql, incident_id, worker_id=WORKER_A)
    open_cases = sql("SELECT count(*) FROM incidents WHERE assignee_worker_id = :w AND state NOT IN "
                     "('closed', 'evaluated', 'archived', 'rejected', 'duplicate')", w=WORKER_A)[0][0]
    assert int(_row_text(board, "open_load")) == open_cases


def test_a_case_in_handling_cannot_be_dispatched_and_a_mixed_drop_reports_each_case(desk, qtbot, sql,
                                                                                   gui_engine, operator):
    inbox, board = desk
    _show_queue(qtbot, inbox, "in_handling")
    busy = inbox.model.row_at(0)
    point = _target_point(board, _name(sql, "org_units", DEPARTMENT))
    assert not _drag_onto(board.view.viewport(), _pick_up(inbox, [busy.id]), point)
    assert f"{busy.case_no}: it is “" in board.message_label.text()
    assert "only filed or returned cases can be dispatched" in board.message_label.text()
    assert sql("SELECT state, version FROM incidents WHERE id = :i", i=busy.id) == [(busy.state, busy.version)]

    (ready,) = _filed_cases(gui_engine, operator, 1)
    _show_queue(qtbot, inbox, "all")
    with qtbot.waitSignal(board.controller.sig_dispatched, timeout=TIMEOUT):
        assert _drag_onto(board.view.viewport(), _pick_up(inbox, [ready, busy.id]), point)
    text = board.message_label.text()
    assert "Dispatched 1 of 2 cases" in text and busy.case_no in text
    _assert_dispatched(sql, ready, org_id=DEPARTMENT)
    assert sql("SELECT state FROM incidents WHERE id = :i", i=busy.id) == [(busy.state,)]


def test_a_drop_of_a_case_dispatched_meanwhile_elsewhere_is_refused_in_the_consoles_own_words(
        desk, qtbot, sql, gui_engine, operator):
    """The inbox still shows the case filed; another workstation dispatches it before the drop lands. The
    board tells who acted first and what the case is now, rendered (translated, labelled) like every
    refusal, not the service's English sentence."""
    inbox, board = desk
    (incident_id,) = _filed_cases(gui_engine, operator, 1)
    _show_queue(qtbot, inbox, "to_dispatch")
    picked_up = _pick_up(inbox, [incident_id])
    with Session(gui_engine) as s:
        dispatch(s, operator, incident_id, org_id=DEPARTMENT)
        s.commit()
    history = _history(sql, incident_id)
    point = _target_point(board, _name(sql, "org_units", DEPARTMENT))
    with qtbot.waitSignal(board.controller.sig_dispatched, timeout=TIMEOUT) as answer:
        assert _drag_onto(board.view.viewport(), picked_up, point)
    (outcome,) = answer.args[1]
    assert not outcome.ok and outcome.why is not None and "was changed by" in outcome.message
    shown = board.message_label.text().splitlines()
    assert shown[1] == fill(QCoreApplication.translate("DispatchBoard", "%1: %2"), outcome.case_no,
                            render_message(outcome.why))
    assert outcome.message not in board.message_label.text()  # labels, not raw keys like 'dispatched'
    assert board.message_bar.isVisible() and not board.undo_offered
    assert _history(sql, incident_id) == history


def test_undo_recalls_the_dispatch_as_a_recorded_transition(desk, qtbot, sql, gui_engine, operator):
    inbox, board = desk
    ids = _filed_cases(gui_engine, operator, 2)
    _show_queue(qtbot, inbox, "to_dispatch")
    before = {i: sql("SELECT deadline FROM incidents WHERE id = :i", i=i)[0][0] for i in ids}
    point = _target_point(board, _name(sql, "org_units", DEPARTMENT))
    load = int(_row_text(board, "open_load"))
    with qtbot.waitSignals([board.controller.sig_dispatched, board.model.sig_loaded], timeout=TIMEOUT):
        _drag_onto(board.view.viewport(), _pick_up(inbox, ids), point)
    with qtbot.waitSignals([board.controller.sig_recalled, board.model.sig_loaded], timeout=TIMEOUT):
        qtbot.mouseClick(board.undo_button, Qt.MouseButton.LeftButton)
    for incident_id in ids:
        state, org, deadline = sql("SELECT state, assignee_org_id, deadline FROM incidents WHERE id = :i",
                                   i=incident_id)[0]
        assert (state, org) == ("filed", None)
        assert _as_datetime(deadline) == _as_datetime(before[incident_id]).replace(second=0, microsecond=0)
        *_, dispatch_line, recall_line = _history(sql, incident_id)
        assert dispatch_line[4].startswith("[dispatch]") and recall_line[4].startswith("[recall]")
        assert recall_line[:3] == ("dispatched", "filed", TOWNSHIP_OPERATOR)
    assert "Dispatch of 2 cases undone." in board.message_label.text() and not board.undo_offered
    assert int(_row_text(board, "open_load")) == load


def test_ctrl_d_opens_a_searchable_dialog_and_the_map_takes_a_drop_on_a_worker(open_window, qtbot, sql,
                                                                               gui_engine, operator):
    window = open_window(TOWNSHIP_OPERATOR)
    wiring = window.dispatch
    first, second = _filed_cases(gui_engine, operator, 2)
    inbox = window.inbox_panel
    window.inbox_dock.raise_()
    _show_queue(qtbot, inbox, "to_dispatch")
    qtbot.waitUntil(lambda: wiring.model.loaded_once, timeout=TIMEOUT)

    _pick_up(inbox, [first])
    inbox.table.setFocus()
    qtbot.keyClick(inbox.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(DispatchDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.search_edit.insert(_name(sql, "org_units", DEPARTMENT))
    assert dialog.proxy.rowCount() == 1
    with qtbot.waitSignal(wiring.controller.sig_dispatched, timeout=TIMEOUT):
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    _assert_dispatched(sql, first, org_id=DEPARTMENT)

    canvas = window.map_panel.canvas
    workers = canvas.layer("workers")
    qtbot.waitUntil(lambda: len(workers.points) > 0, timeout=TIMEOUT)
    index = int(workers.points.index_of([WORKER_A])[0])
    canvas.center_on(float(workers.points.lon[index]), float(workers.points.lat[index]), 18)
    x, y = canvas.screen_of(float(workers.points.lon[index]), float(workers.points.lat[index]))
    assert canvas.identify_at(x, y) == ("workers", WORKER_A)
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0 and second in
                    [inbox.model.row_at(r).id for r in range(inbox.model.rowCount())], timeout=TIMEOUT)
    mime = _pick_up(inbox, [second])
    assert not _drag_onto(canvas, mime, QPoint(5, 5))
    with qtbot.waitSignal(wiring.controller.sig_dispatched, timeout=TIMEOUT):
        assert _drag_onto(canvas, mime, QPoint(round(x), round(y)))
    _assert_dispatched(sql, second, worker_id=WORKER_A)

    (elsewhere,) = _filed_cases(gui_engine, operator, 1, grid_id=OTHER_GRID)
    with qtbot.waitSignal(inbox.model.sig_query_loaded, timeout=TIMEOUT):
        inbox.model.refresh()
    history = _history(sql, elsewhere)
    assert not _drag_onto(canvas, _pick_up(inbox, [elsewhere]), QPoint(round(x), round(y)))
    assert "does not serve its grid" in wiring.board.message_label.text() and wiring.dock.isVisible()
    assert _history(sql, elsewhere) == history


def test_a_burst_of_refreshes_folds_into_one_reload_after_the_running_one(qtbot, runner, operator, monkeypatch):
    model = DispatchTargetsModel(runner, operator)
    submitted, loaded = [], []
    submit = runner.submit
    monkeypatch.setattr(runner, "submit", lambda *args: submitted.append(args) or submit(*args))
    model.sig_loaded.connect(lambda: loaded.append(model.rowCount()))
    for _ in range(5):
        model.refresh()
    qtbot.waitUntil(lambda: len(loaded) == 2, timeout=TIMEOUT)
    assert len(submitted) == 2 and loaded[-1] == len(model.targets()) > 0


def test_the_detail_panel_offers_the_recall_to_the_dispatcher(qtbot, runner, operator, gui_engine, sql):
    (incident_id,) = _filed_cases(gui_engine, operator, 1)
    with Session(gui_engine) as s:
        dispatch(s, operator, incident_id, org_id=DEPARTMENT)
        s.commit()
    panel = IncidentDetailPanel(runner, operator)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_loaded, timeout=TIMEOUT):
        panel.show_incident(incident_id)
    button = panel.action_buttons["recall"]
    assert button.text() == "Recall dispatch"
    with qtbot.waitSignals([panel.sig_incident_changed, panel.sig_loaded], timeout=TIMEOUT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sql("SELECT state, assignee_org_id FROM incidents WHERE id = :i", i=incident_id) == [("filed", None)]
    assert "dispatch" in panel.action_buttons and "recall" not in panel.action_buttons
