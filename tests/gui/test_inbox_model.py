"""The lazy inbox model on the seeded demo district: keyset pages on demand, counts, colours, stale answers
dropped; every figure checked against the services asked directly."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from console.domain.incident_catalog import deadline_policy
from console.qtmodels.inbox_model import ID_ROLE, InboxModel
from console.qtmodels.incident_labels import DEADLINE_COLOURS
from console.services.incident_queues import InboxQuery, count_inbox, inbox_page, queue_counts
from db.engine import make_session_factory
from tests.gui.conftest import TOWNSHIP_OPERATOR
from tests.gui.gated_runner import GatedRunner

NOW = datetime(2026, 11, 30, 12, 0)
PAGE = 20


@pytest.fixture
def runner(gui_engine):
    runner = GatedRunner(make_session_factory(gui_engine))
    yield runner
    runner.shutdown()


@pytest.fixture
def model(qtbot, runner, actor_of):
    model = InboxModel(runner, actor_of(TOWNSHIP_OPERATOR), page_size=PAGE, clock=lambda: NOW)
    with qtbot.waitSignals([model.sig_query_loaded, model.sig_total_changed], timeout=10000):
        model.refresh()
    return model


def _ids(model) -> list[int]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_first_page_then_keyset_pages_match_the_service(model, qtbot, gui_engine, actor_of):
    actor, policy, query = actor_of(TOWNSHIP_OPERATOR), deadline_policy(), InboxQuery(now=NOW)
    with Session(gui_engine) as s:
        total = count_inbox(s, actor, query, policy)
        expected = [r.id for r in inbox_page(s, actor, query, policy, limit=3 * PAGE)]
    assert total > 3 * PAGE
    assert (model.total, model.rowCount()) == (total, PAGE)
    for pages in (2, 3):
        assert model.canFetchMore()
        with qtbot.waitSignal(model.sig_page_loaded, timeout=10000):
            model.fetchMore()
        assert model.rowCount() == pages * PAGE
    assert _ids(model) == expected


def test_counts_arrive_for_every_queue(model, qtbot, gui_engine, actor_of):
    qtbot.waitUntil(lambda: bool(model.counts), timeout=10000)
    with Session(gui_engine) as s:
        expected = queue_counts(s, actor_of(TOWNSHIP_OPERATOR), InboxQuery(now=NOW), deadline_policy())
    assert model.counts == expected
    assert expected["all"] == model.total and expected["overdue"] > 0


def test_overdue_queue_paints_the_deadline_red(model, qtbot):
    with qtbot.waitSignals([model.sig_query_loaded, model.sig_total_changed], timeout=10000):
        model.set_queue("overdue")
    qtbot.waitUntil(lambda: bool(model.counts), timeout=10000)
    assert model.rowCount() > 0 and model.total == model.counts["overdue"]
    column = model.COLUMNS.index("deadline")
    for r in range(model.rowCount()):
        assert model.row_at(r).deadline < NOW
        assert model.index(r, column).data(Qt.ItemDataRole.ForegroundRole).color() == \
            QColor(DEADLINE_COLOURS["overdue"])


def test_an_older_answer_arriving_last_is_dropped(model, qtbot, runner):
    runner.hold_next = True
    model.set_queue("all")          # held at the gate
    with qtbot.waitSignal(model.sig_query_loaded, timeout=10000):
        model.set_queue("new")
    new_ids = _ids(model)
    runner.gate.set()
    runner.wait(10000)
    qtbot.wait(100)
    assert model.query.queue == "new" and _ids(model) == new_ids
    assert all(model.row_at(r).state == "reported" for r in range(model.rowCount()))


def test_sorting_by_a_column_and_ignoring_the_unsortable_one(model, qtbot):
    with qtbot.waitSignal(model.sig_query_loaded, timeout=10000):
        model.sort(model.COLUMNS.index("priority"), Qt.SortOrder.AscendingOrder)
    priorities = [model.row_at(r).priority for r in range(model.rowCount())]
    assert priorities == sorted(priorities)
    model.sort(model.COLUMNS.index("deadline"))
    assert model.query.sort == "priority"


def test_typing_a_case_number_filters_to_that_case(model, qtbot):
    wanted = model.row_at(3)
    with qtbot.waitSignals([model.sig_query_loaded, model.sig_total_changed], timeout=10000):
        model.set_search_text(f"  {wanted.case_no} ")
    assert (model.query.text, model.total, _ids(model)) == (wanted.case_no, 1, [wanted.id])
    assert not model.canFetchMore()


def _fetch_pages(qtbot, model, pages: int) -> None:
    for _ in range(pages):
        with qtbot.waitSignal(model.sig_page_loaded, timeout=10000):
            model.fetchMore()


def test_scrolling_far_keeps_only_the_recent_pages_and_fetches_old_ones_again(model, qtbot, gui_engine, actor_of):
    model.RESIDENT_PAGES = 3
    with Session(gui_engine) as s:
        expected = [r.id for r in inbox_page(s, actor_of(TOWNSHIP_OPERATOR), InboxQuery(now=NOW), deadline_policy(),
                                             limit=8 * PAGE)]
    _fetch_pages(qtbot, model, 7)
    assert model.rowCount() == 8 * PAGE
    assert model.resident_rows == 3 * PAGE  # memory holds three pages however far the view went
    assert model.index(0, 0).data(ID_ROLE) is None  # page one had gone: asking for it fetches it again
    qtbot.waitUntil(lambda: model.index(0, 0).data(ID_ROLE) is not None, timeout=10000)
    assert _ids(model)[:PAGE] == expected[:PAGE]
    assert model.resident_rows == 3 * PAGE
    assert [model.index(r, 0).data(ID_ROLE) for r in range(7 * PAGE, 8 * PAGE)] == expected[7 * PAGE:]


def test_pages_with_selected_rows_stay(model, qtbot):
    model.RESIDENT_PAGES = 2
    model.set_pinned_rows([3])
    _fetch_pages(qtbot, model, 4)
    assert model.row_at(3) is not None and model.resident_rows == 2 * PAGE
