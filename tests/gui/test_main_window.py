"""The main window on the seeded demo district, driven as an operator would: search, pick a unit,
rearrange and restore the layout; answers are checked against the database itself."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QInputDialog

from console.qtmodels.org_tree import PATH_ROLE
from tests.gui.conftest import TOWNSHIP_OPERATOR

MATCH = "instr(lower(name), :t) > 0 OR instr(lower(address), :t) > 0 OR instr(lower(code), :t) > 0"


def _column(window, key: str) -> list[str]:
    model = window.premises_model
    column = model.COLUMNS.index(key)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _ime_commit(widget, text: str) -> None:
    """Chinese arrives through an input method: one committed string per character typed."""
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def _menu_action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def _section_center(header, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_window_shows_tree_table_and_status(open_window, qtbot, sql):
    window = open_window()
    [(total,)] = sql("SELECT count(*) FROM premises")
    assert window.premises_model.total == total
    assert window.premises_panel.count_label.text().replace(",", "").endswith(f"{total} premises in total")
    assert window.org_model.index(0, 0).data() == "湖里区"
    assert window.org_model.index(0, 1).data() == total
    [(workers,)] = sql("SELECT count(*) FROM workers WHERE active")
    assert window.org_model.index(0, 2).data() == workers
    qtbot.waitUntil(lambda: window.monitor.connected is True, timeout=10000)
    assert "Connected" in window.status.connection_label.text()
    assert window.status.database_label.text().startswith("Database: SQLite ")
    assert window.status.user_label.text() == "系统管理员 (Administrator) · 湖里区"


def test_typing_a_code_prefix_shows_matches_with_one_query(open_window, qtbot, sql):
    window = open_window()
    term = "p35020600001"
    with qtbot.waitSignal(window.premises_model.sig_query_loaded, timeout=10000):
        qtbot.keyClicks(window.premises_panel.search_edit, term)
    [(expected,)] = sql(f"SELECT count(*) FROM premises WHERE {MATCH}", t=term)
    assert 0 < expected == window.premises_model.total
    assert all(code.lower().startswith(term) for code in _column(window, "code"))
    later_queries = []
    window.premises_model.sig_query_loaded.connect(lambda: later_queries.append(1))
    qtbot.wait(400)
    assert later_queries == []  # the keystrokes were debounced into the one query above


def test_chinese_typed_through_an_input_method_finds_by_name_or_address(open_window, qtbot, sql):
    window = open_window()
    edit = window.premises_panel.search_edit
    edit.setFocus()
    with qtbot.waitSignal(window.premises_model.sig_query_loaded, timeout=10000):
        _ime_commit(edit, "吕岭路")
    assert edit.text() == "吕岭路"
    expected = sql(f"SELECT name FROM premises WHERE {MATCH} ORDER BY name, id", t="吕岭路")
    assert 0 < len(expected) <= window.premises_model.page_size
    assert _column(window, "name") == [name for (name,) in expected]


def test_clicking_a_grid_in_the_tree_filters_the_table(open_window, qtbot, sql):
    window = open_window()
    [(grid_name, path, expected)] = sql(
        "SELECT o.name, o.path, count(p.id) FROM org_units o JOIN premises p ON p.grid_id = o.id "
        "WHERE o.kind = 'grid' GROUP BY o.id ORDER BY count(p.id) DESC, o.id LIMIT 1")
    panel = window.org_panel
    index = panel.proxy.mapFromSource(window.org_model.index_of_path(path))
    panel.view.scrollTo(index)
    with qtbot.waitSignal(window.premises_model.sig_query_loaded, timeout=10000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.view.visualRect(index).center())
    assert window.premises_model.total == expected
    assert set(_column(window, "grid")) == {grid_name}
    assert window.premises_panel.count_label.text().startswith(grid_name)


def test_tree_filter_keeps_ancestors_of_matches(open_window):
    window = open_window()
    panel = window.org_panel
    panel.filter_edit.setText("村里社区第02")
    proxy = panel.proxy
    district = proxy.index(0, 0)
    township = proxy.index(0, 0, district)
    community = proxy.index(0, 0, township)
    assert (district.data(), township.data(), community.data()) == ("湖里区", "湖里街道", "村里社区")
    assert proxy.rowCount(district) == proxy.rowCount(township) == proxy.rowCount(community) == 1
    assert proxy.index(0, 0, community).data() == "村里社区第02网格"
    panel.filter_edit.clear()
    assert proxy.rowCount(district) == window.org_model.rowCount(window.org_model.index(0, 0))


def test_township_operator_sees_only_their_township(open_window, sql):
    window = open_window(TOWNSHIP_OPERATOR)
    model = window.org_model
    assert model.rowCount() == 1
    top = model.index(0, 0)
    assert top.data() == "湖里街道" and top.data(PATH_ROLE) == "/1/2/"
    [(expected,)] = sql("SELECT count(*) FROM premises WHERE org_path LIKE '/1/2/%'")
    assert window.premises_model.total == expected
    grids = {name for (name,) in sql("SELECT name FROM org_units WHERE kind = 'grid' AND path LIKE '/1/2/%'")}
    assert set(_column(window, "grid")) <= grids
    assert "湖里街道" in window.status.user_label.text()


def test_clicking_a_header_sorts_by_that_column(open_window, qtbot):
    window = open_window()
    header = window.premises_panel.table.horizontalHeader()
    code_column = window.premises_model.COLUMNS.index("code")
    with qtbot.waitSignal(window.premises_model.sig_query_loaded, timeout=10000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=_section_center(header, code_column))
    codes = _column(window, "code")
    assert window.premises_model.query.sort == "code"
    assert codes in (sorted(codes), sorted(codes, reverse=True))


def test_layout_save_restore_and_restored_at_start(open_window, ui_settings, monkeypatch):
    window = open_window()
    dock: QDockWidget = window.org_dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("右侧树", True))
    window.actions_.save_layout_as.trigger()
    window.actions_.layout_default.trigger()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    _menu_action(window.layout_menu, "右侧树").trigger()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.close()

    again = open_window(settings=QSettings(ui_settings.fileName(), QSettings.Format.IniFormat))
    assert again.dockWidgetArea(again.org_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.layouts.names() == ["右侧树"]
    delete_menu = _menu_action(again.layout_menu, "&Delete layout").menu()
    _menu_action(delete_menu, "右侧树").trigger()
    assert again.layouts.names() == []
    assert "右侧树" not in [a.text() for a in again.layout_menu.actions()]


def test_big_screen_preset_goes_full_screen_and_back(open_window):
    window = open_window()
    window.actions_.layout_big_screen.trigger()
    assert window.isFullScreen() and window.actions_.full_screen.isChecked()
    assert window.dockWidgetArea(window.org_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.actions_.layout_default.trigger()
    assert not window.isFullScreen() and not window.actions_.full_screen.isChecked()
    assert window.dockWidgetArea(window.org_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_language_choice_is_stored_for_next_start(open_window, ui_settings):
    from widgets.main_window import LANGUAGE_KEY

    window = open_window()
    assert window.actions_.language["zh_CN"].isChecked()
    window.actions_.language["en"].trigger()
    assert QSettings(ui_settings.fileName(), QSettings.Format.IniFormat).value(LANGUAGE_KEY) == "en"
    assert window.statusBar().currentMessage() == "The language changes the next time the console starts."
