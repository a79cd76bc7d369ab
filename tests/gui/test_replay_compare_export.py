"""Replay of several workers, check-ins along the track, the GPX and day-sheet exports, driven by hand."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.importers.fixes import read_fixes
from console.qtmodels.review_replay import project_local
from console.services.tracks import to_seconds
from db.models import CheckIn
from tests.gui import replay_fixtures
from tests.gui.replay_fixtures import DAY, open_day, store_fixes, walk

panel = replay_fixtures.panel  # the replay panel fixture, shared with the other replay tests


@pytest.fixture
def two_workers(gui_engine, sql):
    """Two workers of the same community walking the same shape 300 m apart, the second 45 s later."""
    (a, code_a), (b, code_b) = sql("SELECT id, code FROM workers WHERE active ORDER BY code LIMIT 2")
    walks = {a: walk(118.08, 24.48), b: walk(118.08, 24.4827, delay_s=45)}
    for worker_id, fixes in walks.items():
        store_fixes(gui_engine, worker_id, *fixes)
    return walks, {a: code_a, b: code_b}


def _pick_compare(panel, qtbot, worker_id: int, code: str) -> None:
    """Type the worker's code into the compare box, pick the suggestion, press Add."""
    panel.compare_combo.setFocus()
    qtbot.keyClicks(panel.compare_combo.lineEdit(), code)
    popup = panel.compare_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().rowCount() == 1
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.compare_combo.currentData() == worker_id
    with qtbot.waitSignal(panel.model.sig_day_loaded, timeout=10000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)


def test_two_workers_replay_as_two_tracks_on_one_timeline(panel, qtbot, two_workers):
    walks, codes = two_workers
    (a, walk_a), (b, walk_b) = walks.items()
    open_day(panel, qtbot, a)
    assert len(panel.track_items) == 1
    _pick_compare(panel, qtbot, b, codes[b])
    assert panel.compared == [b] and len(panel.track_items) == 2
    lon = np.concatenate([walk_a[1], walk_b[1]])
    lat = np.concatenate([walk_a[2], walk_b[2]])
    _, _, lon0, lat0 = project_local(lon, lat)
    for item, (_, wlon, wlat) in zip(panel.track_items, (walk_a, walk_b)):
        x, y, _, _ = project_local(wlon, wlat, (lon0, lat0))
        shown_x, shown_y = item.getData()
        assert np.allclose(shown_x, x) and np.allclose(shown_y, y)
    assert len(panel.stops.positions) == 2 and panel.stops.labels == []  # one stay each, unlabelled
    colors = {item.opts["pen"].color().name() for item in panel.track_items}
    assert len(colors) == 2
    assert panel.legend.isVisible() and len(panel.legend.items) == 2
    times = sorted(set(to_seconds(walk_a[0]).tolist()) | set(to_seconds(walk_b[0]).tolist()))
    assert panel.slider.maximum() == len(times) - 1
    panel.slider.setValue(0)  # 09:00:00 — only the first worker is out
    assert len(panel.marker.getData()[0]) == 1
    k = times.index(to_seconds([walk_b[0][10]])[0])
    panel.slider.setValue(k)
    assert panel.time_label.text() == walk_b[0][10].strftime("%H:%M:%S")
    xs, ys = panel.marker.getData()
    assert len(xs) == 2
    bx, by, _, _ = project_local(walk_b[1], walk_b[2], (lon0, lat0))
    assert (xs[1], ys[1]) == pytest.approx((bx[10], by[10]))
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.track_items) == 1, timeout=10000)


def test_check_in_markers_sit_at_their_times(panel, qtbot, gui_engine, sql, two_workers):
    a, (times, lon, lat) = next(iter(two_workers[0].items()))
    premises = [pid for (pid,) in sql("SELECT p.id FROM premises p JOIN workers w ON w.org_path = p.org_path "
                                      "WHERE w.id = :w ORDER BY p.id LIMIT 2", w=a)]
    visits = {25: premises[0], 60: premises[1]}  # at the stay and on the way north
    with Session(gui_engine) as session, session.begin():
        session.execute(insert(CheckIn), [
            {"worker_id": a, "premise_id": pid, "at": times[i], "lon": float(lon[i]), "lat": float(lat[i]),
             "distance_m": 5.0, "flagged": False} for i, pid in visits.items()])
    open_day(panel, qtbot, a)
    x, y, _, _ = project_local(lon, lat)
    spots = panel.checkins_item.points()
    assert [s.data() for s in spots] == to_seconds([times[i] for i in visits]).tolist()
    assert [(s.pos().x(), s.pos().y()) for s in spots] == pytest.approx([(x[i], y[i]) for i in visits])
    assert [value for value, _ in panel.slider.marks] == list(visits)
    assert {color.name() for _, color in panel.slider.marks} == {QColor("#2e9e44").name()}
    rows = [panel.events.topLevelItem(r) for r in range(panel.events.topLevelItemCount())]
    assert [row.text(0) for row in rows] == [times[i].strftime("%H:%M:%S") for i in visits]
    rect = panel.events.visualItemRect(rows[1])
    with qtbot.waitSignal(panel.sig_position, timeout=2000) as moved:
        qtbot.mouseClick(panel.events.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.slider.value() == 60 and moved.args == pytest.approx([lon[60], lat[60]])


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """The save dialog answers with a file in tmp_path (the name it suggested, in that folder)."""
    asked = []

    def answer(parent, caption, suggested, file_filter):
        asked.append(suggested)
        return str(tmp_path / suggested), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return tmp_path, asked


def test_gpx_export_button_writes_the_days_fixes(panel, qtbot, two_workers, save_to):
    folder, asked = save_to
    a, (times, lon, _) = next(iter(two_workers[0].items()))
    open_day(panel, qtbot, a)
    with qtbot.waitSignal(panel.exports.sig_written, timeout=5000):
        qtbot.mouseClick(panel.exports.gpx_button, Qt.MouseButton.LeftButton)
    day = panel.model.day
    assert asked == [f"{day.code}_{DAY.isoformat()}.gpx"]
    parsed = read_fixes(folder / asked[0])
    assert to_seconds([f.t for f in parsed.fixes]).tolist() == to_seconds(times).tolist()
    assert [f.lon for f in parsed.fixes] == pytest.approx(lon.tolist(), abs=1e-9)
    assert {f.worker for f in parsed.fixes} == {day.code}


def test_day_sheet_is_a_printed_a4_page_with_the_track(panel, qtbot, two_workers, save_to):
    folder, asked = save_to
    a = next(iter(two_workers[0]))
    open_day(panel, qtbot, a)
    with qtbot.waitSignal(panel.exports.sig_written, timeout=5000):
        qtbot.mouseClick(panel.exports.sheet_button, Qt.MouseButton.LeftButton)
    document = QPdfDocument()
    assert document.load(str(folder / asked[0])) == QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    size = document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4 in points
    rgb = _pixels(document.render(0, QSize(1190, 1684)))
    assert (rgb.min(axis=2) < 200).mean() > 0.005  # not blank: text, map and tables
    r, b = rgb[..., 0].astype(int), rgb[..., 2].astype(int)
    assert ((b - r > 80) & (b > 120)).sum() > 200  # the blue track is drawn


def _pixels(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return data[:, : 3 * rgb.width()].reshape(rgb.height(), rgb.width(), 3)


def test_a_compared_replay_exports_every_worker(panel, qtbot, two_workers, save_to):
    folder, asked = save_to
    walks, codes = two_workers
    a, b = walks
    open_day(panel, qtbot, a)
    _pick_compare(panel, qtbot, b, codes[b])
    with qtbot.waitSignal(panel.exports.sig_written, timeout=5000):
        qtbot.mouseClick(panel.exports.gpx_button, Qt.MouseButton.LeftButton)
    assert asked == [f"{codes[a]}_{codes[b]}_{DAY.isoformat()}.gpx"]
    parsed = read_fixes(folder / asked[0])
    for worker_id, (times, _, _) in walks.items():
        read_back = [f.t for f in parsed.fixes if f.worker == codes[worker_id]]
        assert to_seconds(read_back).tolist() == to_seconds(times).tolist()
    with qtbot.waitSignal(panel.exports.sig_written, timeout=5000):
        qtbot.mouseClick(panel.exports.sheet_button, Qt.MouseButton.LeftButton)
    document = QPdfDocument()
    assert document.load(str(folder / asked[1])) == QPdfDocument.Error.None_
    assert document.pageCount() == 2  # a page per worker
    for page in range(2):
        text = document.getAllText(page).text()
        assert codes[(a, b)[page]] in text
