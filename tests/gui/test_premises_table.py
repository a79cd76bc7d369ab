"""The lazy premises model: pages on demand, stale answers dropped, status swatches painted."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from console.qtmodels.labels import STATUS_COLOURS
from console.qtmodels.premises_table import STATUS_ROLE, PremisesTableModel
from db.engine import make_session_factory
from tests.gui.gated_runner import GatedRunner
from widgets.premises.premises_panel import PremisesPanel

PAGE = 50


@pytest.fixture
def panel(qtbot, gui_engine, actor_of):
    runner = GatedRunner(make_session_factory(gui_engine))
    model = PremisesTableModel(runner, actor_of("admin"), page_size=PAGE)
    with qtbot.waitSignal(model.sig_query_loaded, timeout=10000):
        widget = PremisesPanel(model)
    qtbot.addWidget(widget)
    widget.resize(900, 200)
    widget.show()
    yield widget
    runner.shutdown()


def test_scrolling_fetches_pages_but_never_everything(panel, qtbot, sql):
    model = panel.model
    [(total,)] = sql("SELECT count(*) FROM premises")
    assert (model.total, model.rows_fetched) == (total, PAGE)
    for pages in (2, 3):
        with qtbot.waitSignal(model.sig_page_loaded, timeout=10000):
            panel.table.scrollToBottom()
        assert model.rows_fetched == pages * PAGE
    assert model.rowCount() == model.rows_fetched < total
    names = [model.index(r, model.COLUMNS.index("name")).data() for r in range(model.rowCount())]
    assert names == [n for (n,) in sql("SELECT name FROM premises ORDER BY name, id LIMIT :n", n=3 * PAGE)]


def test_an_older_query_answered_late_is_dropped(panel, qtbot, sql):
    model = panel.model
    runner = model._runner
    [(old_path,)] = sql("SELECT path FROM org_units WHERE kind = 'township' ORDER BY id LIMIT 1")
    [(new_path, new_name, expected)] = sql(
        "SELECT o.path, o.name, count(p.id) FROM org_units o JOIN premises p ON p.grid_id = o.id "
        "WHERE o.path NOT LIKE :old || '%' GROUP BY o.id ORDER BY count(p.id) DESC, o.id LIMIT 1",
        old=old_path)
    runner.hold_next = True
    model.set_org_path(old_path)
    with qtbot.waitSignal(model.sig_query_loaded, timeout=10000):
        model.set_org_path(new_path)
    runner.gate.set()
    runner.wait()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    assert model.total == expected
    grid_column = model.COLUMNS.index("grid")
    assert {model.index(r, grid_column).data() for r in range(model.rowCount())} == {new_name}


def test_status_column_paints_a_swatch_in_the_status_colour(panel, qtbot, sql):
    model = panel.model
    for status in ("green", "yellow", "red", "black"):
        [(code,)] = sql("SELECT code FROM premises WHERE status = :s ORDER BY id LIMIT 1", s=status)
        with qtbot.waitSignal(model.sig_query_loaded, timeout=10000):
            model.set_search_text(code)
        assert model.index(0, 0).data(STATUS_ROLE) == status
        rect = panel.table.visualRect(model.index(0, model.COLUMNS.index("status")))
        image = panel.table.viewport().grab().toImage()
        wanted = STATUS_COLOURS[status]
        row_pixels = [QColor(image.pixel(x, rect.center().y())) for x in range(rect.left(), rect.left() + 30)]
        assert any(_close(c, wanted) for c in row_pixels), status


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def test_header_shows_the_default_sort(panel):
    model = panel.model
    header = panel.table.horizontalHeader()
    assert header.sortIndicatorSection() == model.COLUMNS.index("name")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Code"
