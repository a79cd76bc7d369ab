"""The wall writes back: a camera lost for a while goes offline in the database and the tree (through the
change feed) and comes back online with its picture; a tile's snapshot lands in the open case's photos."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.qtmodels.change_feed import ChangeFeed
from console.qtmodels.tasks import TaskRunner
from console.qtmodels.video_camera_tree import CameraTreeModel, OnlineRole
from console.qtmodels.video_health import CameraHealth
from console.qtmodels.video_incident import IncidentLink
from console.qtmodels.video_presets import PresetStore
from console.services.jurisdiction import Actor
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade
from db.models import Camera, ChangeLog, IncidentAttachment
from tests.db.tiny_district import GRID_PATHS, build_tiny_district
from tests.gui.context_menus import choose_in_menu, right_click
from tests.gui.video_streams import UdpTsSender, make_clip, missing_tools
from widgets.inbox.detail_panel import IncidentDetailPanel
from widgets.video.panel import VideoPanel

HULI = Actor(None, "hl_op", "hl_op", Role.OPERATOR, 2, "/1/2/")
CASE_ID, CASE_NO = 60, "C60"  # a case in 东渡第一网格, inside HULI


@pytest.fixture
def world(qtbot, tmp_path):
    if missing_tools():
        pytest.skip(missing_tools())
    clip = make_clip(tmp_path / "testsrc.ts", seconds=3)
    sender = UdpTsSender(clip)
    sender.start()
    engine = make_engine(str(tmp_path / "video.sqlite"))
    upgrade(engine)
    build_tiny_district(engine)
    with Session(engine) as s:
        s.add(Camera(id=1, code="CAM001", name="摄像机1", stream_url=sender.url, lon=118.1, lat=24.5,
                     org_unit_id=6, org_path=GRID_PATHS[6], online=True))
        s.commit()
    factory = make_session_factory(engine)
    runner = TaskRunner(factory)
    model = CameraTreeModel(factory, HULI)
    model.reload()
    panel = VideoPanel(model, PresetStore(tmp_path / "presets.json"))
    qtbot.addWidget(panel)
    panel.resize(900, 560)
    panel.show()
    feed = ChangeFeed(runner, poll_ms=200, listen=False)
    feed.sig_changes.connect(model.apply_changes)
    feed.start()
    yield {"engine": engine, "factory": factory, "runner": runner, "model": model, "panel": panel,
           "sender": sender}
    feed.stop()
    panel.shutdown()
    sender.stop()
    runner.shutdown()
    engine.dispose()


def _online_in_db(engine) -> bool:
    with Session(engine) as s:
        return bool(s.get(Camera, 1).online)


def test_a_lost_camera_goes_offline_and_back_online_in_the_tree(qtbot, world):
    panel, model, engine, sender = world["panel"], world["model"], world["engine"], world["sender"]
    health = CameraHealth(world["runner"], HULI, offline_after_s=1.0, parent=panel)
    panel.use_health(health)
    panel.wall.assign(0, 1)
    tile = panel.wall.tiles[0]
    qtbot.waitUntil(lambda: tile.is_live, timeout=20000)
    index = model.index_of_camera(1)
    assert index.data(OnlineRole) is True

    sender.stop()
    qtbot.waitUntil(lambda: tile.message() == tile.tr("No signal"), timeout=20000)
    qtbot.waitUntil(lambda: not _online_in_db(engine), timeout=30000)
    qtbot.waitUntil(lambda: model.index_of_camera(1).data(OnlineRole) is False, timeout=15000)
    assert "lost" in tile.caption()

    sender.start()
    qtbot.waitUntil(lambda: tile.is_live and tile.message() == "", timeout=40000)
    qtbot.waitUntil(lambda: _online_in_db(engine), timeout=15000)
    qtbot.waitUntil(lambda: model.index_of_camera(1).data(OnlineRole) is True, timeout=15000)
    with Session(engine) as s:
        ops = [c.op for c in s.scalars(select(ChangeLog).where(ChangeLog.entity == "camera"))]
    assert ops == ["offline", "online"]


def test_snapshot_attached_to_the_open_case_shows_in_its_photos(qtbot, world):
    panel, engine = world["panel"], world["engine"]
    link = IncidentLink(world["runner"], HULI, parent=panel)
    panel.use_incident_link(link)
    messages: list[str] = []
    panel.sig_message.connect(messages.append)
    panel.wall.assign(1, 1)
    tile = panel.wall.tiles[1]
    qtbot.waitUntil(lambda: tile.is_live and tile.frame is not None, timeout=20000)

    seen = choose_in_menu(CASE_NO)
    right_click(tile)
    assert not any(CASE_NO in t for t in seen), "no case selected yet: no attach entry"

    link.set_incident(CASE_ID, CASE_NO)
    seen = choose_in_menu(CASE_NO)
    right_click(tile)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert any(CASE_NO in t for t in seen)
    assert CASE_NO in messages[-1]
    with Session(engine) as s:
        rows = s.scalars(select(IncidentAttachment)).all()
        assert [(r.incident_id, r.mime_type) for r in rows] == [(CASE_ID, "image/png")]
        assert rows[0].filename.startswith("CAM001_")

    detail = IncidentDetailPanel(world["runner"], HULI)
    qtbot.addWidget(detail)
    detail.show()
    detail.show_incident(CASE_ID)
    qtbot.waitUntil(lambda: detail.photos.count() == 1 and detail.photos.isVisible(), timeout=15000)
    assert detail.photos.item(0).toolTip().startswith("CAM001_")
