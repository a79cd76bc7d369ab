"""The whole window stays in step with the database: a write made elsewhere (another workstation) reaches
the map through the change feed without anyone pressing refresh."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from sqlalchemy import update
from sqlalchemy.orm import Session

from console.qtmodels.map_style import PREMISE_COLORS
from console.services.changes import record_change
from db.models import Premise
from tests.gui.map_fixtures import count_near, settle

RED, BLACK = PREMISE_COLORS[2], PREMISE_COLORS[3]


def _loneliest_premise(sql) -> tuple[int, float, float]:
    """The premise farthest from its nearest neighbour, so its pixels are its own."""
    rows = np.array(sql("SELECT id, lon, lat FROM premises ORDER BY id"), dtype=float)
    xy = rows[:, 1:] * [np.cos(np.radians(24.5)), 1.0]
    best, best_gap = 0, -1.0
    for i in range(0, len(rows), max(1, len(rows) // 400)):
        gap = np.sort(np.hypot(*(xy - xy[i]).T))[1]
        if gap > best_gap:
            best, best_gap = i, gap
    return int(rows[best, 0]), float(rows[best, 1]), float(rows[best, 2])


def _counts(window, at) -> tuple[int, int]:
    image = window.map_panel.canvas.grab().toImage()
    return count_near(image, at.x(), at.y(), RED), count_near(image, at.x(), at.y(), BLACK, half=2)


def test_a_premise_closed_down_elsewhere_turns_black_on_the_map(qtbot, open_window, gui_engine, sql):
    premise_id, lon, lat = _loneliest_premise(sql)
    with Session(gui_engine) as s:
        s.execute(update(Premise).where(Premise.id == premise_id).values(status="red"))
        s.commit()
    window = open_window()
    panel = window.map_panel
    for layer in (panel.incidents, panel.workers, panel.cameras, panel.boundaries):
        layer.set_visible(False)
    panel.canvas.center_on(lon, lat, 17.0)
    settle(qtbot, panel)
    at = panel.screen_of(lon, lat)
    red, black = _counts(window, at)
    assert red >= 9 and black == 0

    with Session(gui_engine) as s:  # another workstation closes the premise down
        s.execute(update(Premise).where(Premise.id == premise_id).values(status="black"))
        record_change(s, "premise", premise_id, "update", "另一坐席")
        s.commit()
    qtbot.waitUntil(lambda: _counts(window, at) == (0, 25), timeout=8000)


def test_clicking_a_case_in_the_inbox_opens_it_in_the_incident_panel(qtbot, open_window):
    window = open_window()
    window.inbox_dock.raise_()
    panel, model = window.inbox_panel, window.inbox_model
    qtbot.waitUntil(lambda: model.rowCount() > 3, timeout=10000)
    rect = panel.table.visualRect(model.index(3, 1))
    with qtbot.waitSignal(window.incident_panel.sig_loaded, timeout=10000) as loaded:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert loaded.args == [model.row_at(3).id]
    assert window.incident_dock.isVisible()


def test_a_worker_from_the_ranking_opens_their_card_and_a_day_of_it_the_replay(qtbot, open_window, sql):
    window = open_window()
    worker_id, name = sql("SELECT id, name FROM workers ORDER BY id LIMIT 1 OFFSET 3")[0]
    card = window.worker_card.panel
    with qtbot.waitSignal(card.model.sig_loaded, timeout=20000):
        window.ranking_panel.sig_worker_opened.emit(worker_id)
    assert window.worker_card.dock.isVisible() and card.title.text().startswith(name)
    combo = window.replay_panel.worker_combo
    qtbot.waitUntil(lambda: combo.findData(worker_id) >= 0, timeout=10000)
    card.select_day(card.card.days[0])
    qtbot.mouseClick(card.replay_button, Qt.MouseButton.LeftButton)
    assert window.replay_dock.isVisible()
    assert combo.currentData() == worker_id
    assert window.replay_panel.date_edit.date().toPython() == card.card.days[0]


def _report(gui_engine, sql, who: str, priority: int, title: str) -> int:
    """Another console reports a case at a premise of 湖里街道 (org path /1/2/)."""
    from console.services.incidents import NewIncident, create_incident
    from console.services.users import actor_by_username

    lon, lat = sql("SELECT lon, lat FROM premises WHERE org_path LIKE '/1/2/%' ORDER BY id LIMIT 1")[0]
    with Session(gui_engine) as s, s.begin():
        return create_incident(s, actor_by_username(s, who), NewIncident(
            "hotline_12345", "fire_safety", title, lon, lat, priority=priority, address="湖里大道1号")).id


def test_an_urgent_case_reported_elsewhere_raises_the_banner_and_opens_on_click(qtbot, open_window, gui_engine,
                                                                               sql):
    from tests.gui.conftest import TOWNSHIP_OPERATOR

    window = open_window(TOWNSHIP_OPERATOR)
    banner = window.alert_banner
    _report(gui_engine, sql, "operator", 3, "楼道堆放杂物")
    _report(gui_engine, sql, TOWNSHIP_OPERATOR, 1, "本坐席自己录入的紧急事件")
    qtbot.waitUntil(lambda: window.inbox_model.total >= 1 and window.feed.cursor is not None, timeout=10000)
    qtbot.wait(2500)  # two feed polls: neither the normal case nor the operator's own urgent one alerts
    assert banner.isHidden() and banner.sounded == 0

    urgent_id = _report(gui_engine, sql, "operator", 1, "商场起火冒烟")
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert "商场起火冒烟" in banner.message.text() and "湖里大道1号" in banner.message.text()
    assert banner.sounded == 1
    with qtbot.waitSignal(window.incident_panel.sig_loaded, timeout=10000) as loaded:
        qtbot.mouseClick(banner.show_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [urgent_id]
    assert banner.isHidden()
