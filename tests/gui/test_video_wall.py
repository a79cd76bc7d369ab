"""The wall as an operator drives it: tree → tile drags, swaps, maximise, presets, tour, cameras near here."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.qtmodels.video_camera_tree import CameraTreeModel, camera_mime
from console.qtmodels.video_player import PlayerState
from console.qtmodels.video_presets import PresetStore
from console.qtmodels.video_vlc import FramePump, live_native_players
from console.services.jurisdiction import Actor
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade
from db.models import Camera
from tests.db.tiny_district import GRID_PATHS, build_tiny_district
from tests.gui.video_streams import UdpTsSender, differs, free_port, is_mostly_black, make_clip, missing_tools
from widgets.video.panel import VideoPanel

LON, LAT = 118.10, 24.50
DISTRICT = Actor(None, "admin", "admin", Role.ADMIN, 1, "/1/")


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """One live UDP camera for the tests that need moving pictures."""
    if missing_tools():
        pytest.skip(missing_tools())
    clip = make_clip(tmp_path_factory.mktemp("wall") / "testsrc.ts", seconds=3)
    with UdpTsSender(clip) as sender:
        yield sender


@pytest.fixture
def panel(qtbot, tmp_path, live):
    """A panel over six cameras: camera 1 is the live stream, the others point at silent UDP ports."""
    engine = make_engine(str(tmp_path / "wall.sqlite"))
    upgrade(engine)
    build_tiny_district(engine)
    with Session(engine) as s:
        for cid in range(1, 7):
            grid = 6 + (cid - 1) % 4
            url = live.url if cid == 1 else f"udp://@127.0.0.1:{free_port(2)}"
            s.add(Camera(id=cid, code=f"CAM{cid:03d}", name=f"摄像机{cid}", stream_url=url,
                         lon=LON + cid * 0.001, lat=LAT, org_unit_id=grid, org_path=GRID_PATHS[grid],
                         online=cid != 5))
        s.commit()
    model = CameraTreeModel(make_session_factory(engine), DISTRICT)
    model.reload()
    widget = VideoPanel(model, PresetStore(tmp_path / "presets.json"))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    yield widget
    widget.shutdown()
    engine.dispose()


def _drag_event(cls, pos: QPointF, mime):
    """Qt 6.12 wants a QPointF here and deprecates QPoint; 6.11 accepts only QPoint."""
    args = (Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:
        return cls(pos, *args)
    except TypeError:
        return cls(pos.toPoint(), *args)


def _drop(widget, mime) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = _drag_event(QDragEnterEvent, pos, mime)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, _drag_event(QDragMoveEvent, pos, mime))
    drop = QDropEvent(pos, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def test_drag_camera_from_tree_onto_tile_3_plays_there(qtbot, panel, tmp_path):
    wall = panel.wall
    assert wall.layout_name == "4"
    index = panel.model.index_of_camera(1)
    mime = panel.model.mimeData([index])
    tile = wall.tiles[2]
    _drop(tile, mime)
    assert wall.assignments() == {2: 1}
    qtbot.waitUntil(lambda: tile.is_live, timeout=20000)
    first = tile.grab().toImage()
    qtbot.waitUntil(lambda: differs(first, tile.grab().toImage()), timeout=10000)
    assert not is_mostly_black(tile.grab().toImage())
    assert "摄像机1" in tile.caption() and "libVLC" in tile.caption()
    assert tile.toolTip() == "libVLC · " + tile.tr("frames painted by the console")  # offscreen: no window
    shot = QImage(str(tile.snapshot(tmp_path / "snap.png")))
    assert (shot.width(), shot.height()) == (640, 360) and not is_mostly_black(shot)


def test_tiles_swap_by_drag_and_maximise_by_double_click(qtbot, panel):
    wall = panel.wall
    wall.assign(0, 2)
    wall.assign(3, 3)
    channel = wall.tiles[0].channel
    _drop(wall.tiles[3], wall.tiles[0].tile_mime())
    assert wall.assignments() == {0: 3, 3: 2}
    assert wall.tiles[3].channel is channel
    qtbot.mouseDClick(wall.tiles[3], Qt.MouseButton.LeftButton)
    assert wall.maximised == 3
    assert [t.isVisible() for t in wall.tiles[:4]] == [False, False, False, True]
    qtbot.mouseDClick(wall.tiles[3], Qt.MouseButton.LeftButton)
    assert all(t.isVisible() for t in wall.tiles[:4])


def test_double_click_in_tree_takes_the_next_free_tile(qtbot, panel):
    panel.wall.assign(0, 2)
    view = panel.tree.view
    index = panel.tree.proxy.mapFromSource(panel.model.index_of_camera(4))
    view.doubleClicked.emit(index)
    assert panel.wall.assignments() == {0: 2, 1: 4}


def test_layouts_and_a_lost_stream_caption(qtbot, panel):
    wall = panel.wall
    for name, count in [("1", 1), ("9", 9), ("16", 16), ("1+5", 6), ("1+7", 8), ("4", 4)]:
        panel.layout_box.setCurrentText(name)
        assert wall.tile_count == count
        assert sum(t.isVisible() for t in wall.tiles) == count
    wall.assign(1, 6)
    assert wall.tiles[1].channel.state == PlayerState.CONNECTING
    assert "lost" in wall.tiles[1].caption()


def test_preset_restores_cameras_to_the_same_tiles(qtbot, panel, tmp_path):
    wall = panel.wall
    panel.layout_box.setCurrentText("1+5")
    for tile, cam in [(0, 3), (2, 6), (5, 1)]:
        wall.assign(tile, cam)
    panel.save_preset("东渡巡查")
    panel.layout_box.setCurrentText("9")
    wall.show_page([6, 4])
    assert panel.recall_preset("东渡巡查")
    assert wall.layout_name == "1+5" and panel.layout_box.currentText() == "1+5"
    assert wall.assignments() == {0: 3, 2: 6, 5: 1}
    restored = wall.tiles[5]
    qtbot.waitUntil(lambda: restored.is_live and restored.frame is not None, timeout=20000)
    assert "摄像机1" in restored.caption() and not is_mostly_black(restored.frame)
    reopened = PresetStore(tmp_path / "presets.json")
    assert reopened.names() == ["东渡巡查"]
    assert reopened.load("东渡巡查").tiles == {0: 3, 2: 6, 5: 1}


def test_hundred_tile_open_close_cycles_release_every_player(qtbot, panel):
    wall, baseline = panel.wall, live_native_players()
    for i in range(100):
        tile = wall.tiles[i % 4]
        wall.assign(i % 4, 1 if i % 25 == 0 else 2 + i % 5)  # now and then the live camera, else silent ones
        if i % 25 == 0:
            qtbot.waitUntil(lambda tile=tile: tile.is_live, timeout=20000)
        wall.clear(i % 4)
        qtbot.wait(5)
    assert wall.assignments() == {}
    qtbot.waitUntil(lambda: live_native_players() == baseline, timeout=30000)
    assert FramePump.get().player_count() == 0


def test_tour_cycles_online_cameras_through_the_wall(qtbot, panel):
    panel.tour_interval.setValue(5)
    pages: list[list[int]] = []
    panel.tour.sig_page.connect(pages.append)
    panel.tour_button.setChecked(True)
    assert panel.wall.assignments() == {0: 1, 1: 2, 2: 6, 3: 3}  # tree order, offline camera 5 skipped
    panel.tour._next()
    assert panel.wall.assignments() == {0: 4, 1: 1, 2: 2, 3: 6}
    assert pages == [[1, 2, 6, 3], [4, 1, 2, 6]]
    panel.tour_button.setChecked(False)
    assert not panel.tour.running


def test_cameras_near_here_fill_the_wall_nearest_first(qtbot, panel):
    ids = panel.show_cameras_near(LON + 0.0041, LAT, radius_m=250)
    assert ids == [4, 3, 6, 2]  # 10, 111, 192, 212 m; offline 5 and 314 m away 1 left out
    assert panel.wall.assignments() == {0: 4, 1: 3, 2: 6, 3: 2}


def test_search_filters_the_tree(qtbot, panel):
    panel.tree.search.setText("cam004")
    proxy = panel.tree.proxy
    names = []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            child = proxy.index(row, 0, parent)
            names.append(child.data())
            walk(child)

    walk(proxy.index(-1, -1))
    assert "摄像机4" in names and "摄像机1" not in names


def test_wall_tears_off_and_docks_back(qtbot, panel):
    panel.wall.assign(0, 2)
    panel.tear_button.setChecked(True)
    assert panel.wall.window() is panel.torn_window and panel.torn_window.isVisible()
    panel.torn_window.close()
    assert panel.torn_window is None and panel.wall.window() is panel.window()
    assert panel.wall.assignments() == {0: 2}


def test_camera_mime_round_trip_ignores_foreign_drops(qtbot, panel):
    from PySide6.QtCore import QMimeData

    foreign = QMimeData()
    foreign.setText("hello")
    enter = _drag_event(QDragEnterEvent, QPointF(5, 5), foreign)
    enter.ignore()
    QApplication.sendEvent(panel.wall.tiles[0], enter)
    assert not enter.isAccepted()
    _drop(panel.wall.tiles[1], camera_mime([3]))
    assert panel.wall.assignments() == {1: 3}
