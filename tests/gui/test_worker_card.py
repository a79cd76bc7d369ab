"""The worker card: opened from a ranking row, its total is the sum of the worker's traceable score lines in
the database; a day's bar lists that day's lines and asks for the replay; a line opens its record; both the
card and the ranking export to XLSX cell for cell; unit rows drill down to their workers."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.qtmodels.review_ranking import ROW_ID_ROLE, period_range
from console.qtmodels.review_worker_card import LINE_ROLE, points_text, source_text
from console.qtmodels.tasks import TaskRunner
from console.services.scoring import adjust_score, recompute_scores, record_task
from db.engine import make_session_factory
from db.models import CheckIn, Premise, Worker
from widgets.review.ranking_panel import RankingPanel
from widgets.review.worker_card import WorkerCardPanel

TODAY = date.today()
MONTH = period_range("this_month", TODAY)
TASKS = ("home_visit", "public_opinion", "safety_publicity", "special_groups")


@pytest.fixture
def actor(gui_engine, actor_of):
    """Field work this month for the first workers (check-ins, logged tasks, one supervisor's adjustment),
    then both months scored."""
    admin = actor_of("admin")
    with Session(gui_engine) as s, s.begin():
        workers = s.execute(select(Worker.id, Worker.org_path).order_by(Worker.id).limit(6)).all()
        for n, (worker_id, path) in enumerate(workers):
            premise = s.scalar(select(Premise.id).where(Premise.org_path == path).order_by(Premise.id).limit(1))
            day = MONTH[0]
            while day <= TODAY:
                at = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=30)
                if premise is not None and (day.day + n) % 3:
                    s.execute(insert(CheckIn), [{"worker_id": worker_id, "premise_id": premise, "at": at,
                                                 "flagged": False}])
                for k in range((day.day + n) % 4):
                    record_task(s, worker_id, TASKS[k], at + timedelta(hours=k + 1), "test")
                day += timedelta(days=1)
        adjust_score(s, admin, workers[0][0], MONTH[0], 3.0, "协助防汛值守")
        for period in ("last_month", "this_month"):
            recompute_scores(s, admin, *period_range(period, TODAY), as_of=datetime.now())
    return admin


@pytest.fixture
def panels(qtbot, gui_engine, actor):
    """The ranking and the card, wired as the main window wires them."""
    runner = TaskRunner(make_session_factory(gui_engine))
    ranking = RankingPanel(runner, actor, today=TODAY)
    card = WorkerCardPanel(runner, actor, today=TODAY)
    ranking.sig_worker_opened.connect(lambda wid: card.show_worker(wid, ranking.period_combo.currentData()))
    for widget in (ranking, card):
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    yield ranking, card
    runner.shutdown()


def _open_row(qtbot, ranking, card, row: int) -> int:
    view = ranking.table
    view.scrollTo(ranking.model.index(row, 1))
    rect = view.visualRect(ranking.model.index(row, 1))
    with qtbot.waitSignal(card.model.sig_loaded, timeout=20000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return int(ranking.model.index(row, 0).data(ROW_ID_ROLE))


def _stored(sql, worker_id: int) -> list[tuple]:
    return sql("SELECT day, kind, points, source FROM score_lines WHERE worker_id = :w AND day BETWEEN :a AND :b "
               "ORDER BY day, id", w=worker_id, a=MONTH[0], b=MONTH[1])


def test_a_ranking_row_opens_that_workers_card_whose_total_is_his_traceable_lines(panels, qtbot, sql):
    ranking, card = panels
    worker_id = _open_row(qtbot, ranking, card, 1)
    name, code = sql("SELECT name, code FROM workers WHERE id = :w", w=worker_id)[0]
    assert card.title.text().startswith(f"{name} ({code})")
    stored = _stored(sql, worker_id)
    assert stored and all(source for *_, source in stored)
    total = sum(points for _, _, points, _ in stored)
    assert card.card.total == pytest.approx(total) == pytest.approx(ranking.model.rows[1].points)
    assert card.total_label.text() == f"Total {points_text(total)} points"
    assert card.lines_model.rowCount() == len(stored)
    assert list(card.score_chart.bars.opts["height"]) == pytest.approx(list(card.card.daily_points().values()))


def test_clicking_a_days_bar_lists_its_lines_and_asks_for_its_replay(panels, qtbot, sql):
    ranking, card = panels
    worker_id = _open_row(qtbot, ranking, card, 0)
    daily = card.card.daily_points()
    index = max(range(len(card.card.days)), key=lambda i: abs(daily[card.card.days[i]]))
    day = card.card.days[index]
    chart = card.score_chart
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(index))
    assert card.day == day
    expected = [(d, kind, points, source) for d, kind, points, source in _stored(sql, worker_id)
                if d == day.isoformat()]
    shown = [card.lines_model.index(r, 0).data(LINE_ROLE) for r in range(card.lines_model.rowCount())]
    assert [c.line.source for c in shown] == [source for *_, source in expected]
    assert card.score_chart.selected == index
    with qtbot.waitSignal(card.sig_replay_requested, timeout=2000) as replay:
        qtbot.mouseClick(card.replay_button, Qt.MouseButton.LeftButton)
    assert replay.args == [worker_id, day]
    with qtbot.waitSignal(card.sig_replay_requested, timeout=2000) as replay:
        qtbot.mouseDClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(index))
    assert replay.args == [worker_id, day]
    qtbot.mouseClick(card.all_days_button, Qt.MouseButton.LeftButton)
    assert card.day is None and card.lines_model.rowCount() == len(card.card.lines)


def _activate(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_activating_a_score_line_opens_its_source_record(panels, qtbot, sql):
    ranking, card = panels
    _open_row(qtbot, ranking, card, 0)
    rows = [card.lines_model.index(r, 0).data(LINE_ROLE) for r in range(card.lines_model.rowCount())]
    checkin_row = next(r for r, c in enumerate(rows) if c.ref.table == "checkins")
    premise_id = sql("SELECT premise_id FROM checkins WHERE id = :i", i=rows[checkin_row].ref.id)[0][0]
    card.lines_view.scrollTo(card.lines_model.index(checkin_row, 0))
    records, premises = [], []
    card.sig_record_opened.connect(lambda table, rid: records.append((table, rid)))
    card.sig_premise_opened.connect(premises.append)
    _activate(qtbot, card.lines_view, checkin_row)
    assert (records, premises) == ([("checkins", rows[checkin_row].ref.id)], [premise_id])
    assert card.lines_model.index(checkin_row, 3).data() == source_text(rows[checkin_row].ref)


def _save_to(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def _sheet_rows(path, title: str) -> list[tuple]:
    """The sheet's rows without the empty cells openpyxl pads them with to the widest row."""
    rows = []
    for row in openpyxl.load_workbook(path)[title].iter_rows(values_only=True):
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        rows.append(tuple(row))
    return rows


def test_the_card_exports_its_score_lines_with_sources(panels, qtbot, tmp_path, monkeypatch, sql):
    ranking, card = panels
    adjusted = sql("SELECT worker_id FROM score_adjustments")[0][0]
    row = next(k for k, r in enumerate(ranking.model.rows) if r.id == adjusted)
    worker_id = _open_row(qtbot, ranking, card, row)
    path = tmp_path / "card.xlsx"
    _save_to(monkeypatch, path)
    qtbot.mouseClick(card.export_button, Qt.MouseButton.LeftButton)
    lines = _sheet_rows(path, "Score lines")
    header_at = lines.index(("Day", "Item", "Points", "Source record", "About", "Note"))
    assert lines[1][:2] == ("Period", f"{MONTH[0]:%Y-%m-%d} – {MONTH[1]:%Y-%m-%d}")
    assert lines[1][3] == pytest.approx(card.card.total)
    body = lines[header_at + 1:]
    stored = _stored(sql, worker_id)
    assert [(day, points) for day, _, points, *_ in body] == [(d, p) for d, _, p, _ in stored]
    assert [row[3] for row in body] == [source_text(c.ref) for c in card.card.lines]
    manual = [row for row in body if row[1] == "Manual adjustment"]
    assert len(manual) == 1 and manual[0][2] == 3.0 and "协助防汛值守" in manual[0][5]
    daily = _sheet_rows(path, "Daily")
    assert [row[1] for row in daily[daily.index(("Day", "Points", "Distance (km)")) + 1:]] == \
        pytest.approx(list(card.card.daily_points().values()))
    adjustments = _sheet_rows(path, "Adjustments")
    assert adjustments[-1][1:4] == (3.0, "协助防汛值守", "admin")


def test_the_ranking_exports_as_shown(panels, qtbot, tmp_path, monkeypatch):
    ranking, _ = panels
    path = tmp_path / "ranking.xlsx"
    _save_to(monkeypatch, path)
    qtbot.mouseClick(ranking.export_button, Qt.MouseButton.LeftButton)
    rows = _sheet_rows(path, "Grid workers")
    header_at = rows.index(("Rank", "Code", "Name", "Grid workers", "Total", "Points", "Previous rank", "Movement"))
    body = rows[header_at + 1:]
    model = ranking.model
    assert [(r[0], r[2], r[5]) for r in body] == [(x.rank, x.name, pytest.approx(x.points, abs=0.01))
                                                  for x in model.rows]
    assert [r[7] for r in body] == [model.index(k, 3).data() for k in range(model.rowCount())]


def test_a_community_row_drills_down_to_its_workers_and_back(panels, qtbot, sql):
    ranking, _ = panels
    with qtbot.waitSignal(ranking.model.sig_loaded, timeout=10000):
        ranking.level_combo.setCurrentIndex(ranking.level_combo.findData("community"))
    community = ranking.model.rows[0]
    everyone = sql("SELECT count(*) FROM workers WHERE active")[0][0]
    with qtbot.assertNotEmitted(ranking.sig_worker_opened), qtbot.waitSignal(ranking.model.sig_loaded,
                                                                              timeout=10000):
        _activate(qtbot, ranking.table, 0)
    inside = sql("SELECT id FROM workers WHERE active AND org_path LIKE :p ORDER BY id", p=community.path + "%")
    assert ranking.level_combo.currentData() == "worker" and inside
    assert sorted(r.id for r in ranking.model.rows) == [i for (i,) in inside]
    assert community.name in ranking.scope_label.text() and ranking.show_all_button.isVisible()
    qtbot.mouseClick(ranking.show_all_button, Qt.MouseButton.LeftButton)
    assert ranking.model.rowCount() == everyone and not ranking.show_all_button.isVisible()


def test_the_windows_card_follows_scores_changed_elsewhere(qtbot, open_window, gui_engine, actor_of, sql):
    window = open_window()
    worker_id = sql("SELECT id FROM workers ORDER BY id LIMIT 1 OFFSET 2")[0][0]
    card = window.worker_card.panel
    with qtbot.waitSignal(card.model.sig_loaded, timeout=20000):
        window.ranking_panel.sig_worker_opened.emit(worker_id)
    before = len(card.card.lines)
    with Session(gui_engine) as s, s.begin():  # another workstation: a supervisor's change, then a recompute
        adjust_score(s, actor_of("admin"), worker_id, MONTH[0], 5.0, "夜间巡逻")
        recompute_scores(s, actor_of("admin"), *MONTH, as_of=datetime.now())
    with qtbot.waitSignal(card.model.sig_loaded, timeout=20000):
        pass
    assert len(card.card.lines) > before
    assert card.card.total == pytest.approx(sum(points for _, _, points, _ in _stored(sql, worker_id)))
    assert [a.reason for a in card.card.adjustments] == ["夜间巡逻"]
