"""Basemaps: the real Zhengzhou z/x/y folder, the same tiles through MBTiles and a local XYZ server, an
unreachable server, and the GCJ-02 shift of overlays."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from console.domain.geo import wgs84_to_gcj02
from console.domain.map_tiles import BasemapSpec
from console.qtmodels.map_style import BACKGROUND, PREMISE_COLORS
from tests.db.map_district import PREMISE_AT
from tests.gui import map_fixtures
from tests.gui.map_fixtures import count_near, make_map_panel, settle

# The shared fixtures, under the names the tests ask for.
map_template = map_fixtures.map_template
map_engine = map_fixtures.map_engine

CAMPUS = (113.525, 34.818)
"""Zhengzhou University main campus: inside the folder's z18 extent."""
NO_TILES = (113.60, 34.90)
RED = PREMISE_COLORS[2]


def _tiles(shared_data):
    return shared_data / "tiles-zhengzhou-zzu" / "tiles_2025"


def _share_off_background(img: QImage, box=(220, 100, 520, 330)) -> float:
    """Share of sampled pixels that differ from the empty-map background (the box avoids the overview inset,
    legend, scale bar and north arrow)."""
    bg = QColor(BACKGROUND)
    samples = [img.pixelColor(x, y) for x in range(box[0], box[2], 10) for y in range(box[1], box[3], 10)]
    return sum(c != bg for c in samples) / len(samples)


def _grab(qtbot, panel, lon, lat, zoom=17.0) -> QImage:
    panel.canvas.center_on(lon, lat, zoom)
    settle(qtbot, panel)
    return panel.canvas.grab().toImage()


def test_zhengzhou_folder_renders_at_its_coordinates_and_leaves_gaps_empty(
    qtbot, map_engine, tmp_path, shared_data
):
    spec = BasemapSpec("ZZU 2025", "folder", str(_tiles(shared_data)), min_zoom=12, max_zoom=18)
    panel = make_map_panel(qtbot, map_engine, tmp_path, [spec])
    panel.set_basemap("ZZU 2025")
    assert _share_off_background(_grab(qtbot, panel, *CAMPUS)) > 0.95
    assert _share_off_background(_grab(qtbot, panel, *CAMPUS, zoom=19.3)) > 0.95
    assert _share_off_background(_grab(qtbot, panel, *NO_TILES)) == 0
    assert panel.notice_label.text() == ""
    assert panel.canvas.renderer.errors("premises") == []


def test_mbtiles_draws_the_same_picture_as_the_folder(qtbot, map_engine, tmp_path, shared_data):
    folder = _tiles(shared_data)
    mbtiles = tmp_path / "zzu.mbtiles"
    with sqlite3.connect(mbtiles) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
        )
        for path in (folder / "17").rglob("*.png"):
            x, y = int(path.parent.name), int(path.stem)
            db.execute("INSERT INTO tiles VALUES (17, ?, ?, ?)", (x, (1 << 17) - 1 - y, path.read_bytes()))
    specs = [
        BasemapSpec("folder", "folder", str(folder), min_zoom=17, max_zoom=17),
        BasemapSpec("mbtiles", "mbtiles", str(mbtiles), min_zoom=17, max_zoom=17),
    ]
    panel = make_map_panel(qtbot, map_engine, tmp_path, specs)
    panel.set_basemap("folder")
    from_folder = _grab(qtbot, panel, *CAMPUS)
    panel.set_basemap("mbtiles")
    from_mbtiles = _grab(qtbot, panel, *CAMPUS)
    assert _share_off_background(from_mbtiles) > 0.95
    assert from_folder == from_mbtiles


@pytest.fixture
def tile_server(tmp_path, shared_data):
    root = tmp_path / "served"
    shutil.copytree(_tiles(shared_data) / "17", root / "17")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_xyz_server_tiles_are_fetched_and_cached_on_disk(
    qtbot, map_engine, tmp_path, tile_server, shared_data
):
    spec = BasemapSpec("local xyz", "xyz", tile_server + "/{z}/{x}/{y}.png", min_zoom=17, max_zoom=17)
    panel = make_map_panel(qtbot, map_engine, tmp_path, [spec])
    panel.set_basemap("local xyz")
    img = _grab(qtbot, panel, *CAMPUS)
    assert _share_off_background(img) > 0.95
    cached = list((tmp_path / "tiles").rglob("*.tile"))
    assert len(cached) >= 12
    name = cached[0]
    original = _tiles(shared_data) / "17" / name.parent.name / f"{name.stem}.png"
    assert name.read_bytes() == original.read_bytes()
    assert _share_off_background(_grab(qtbot, panel, *NO_TILES)) == 0
    assert panel.notice_label.text() == ""


def test_unreachable_server_gives_one_quiet_notice(qtbot, map_engine, tmp_path):
    spec = BasemapSpec(
        "down", "xyz", "http://{s}.127.0.0.1:9/{z}/{x}/{y}.png".replace("{s}.", ""), min_zoom=10, max_zoom=18
    )
    panel = make_map_panel(qtbot, map_engine, tmp_path, [spec])
    notices: list[str] = []
    panel.set_basemap("down")
    panel._basemaps["down"].notice.connect(notices.append)
    at = panel.screen_of(*PREMISE_AT[9010][:2])
    for step in range(3):
        panel.canvas.pan_by(150, 40 * step)
        settle(qtbot, panel)
    assert len(notices) == 1 and "down" in notices[0]
    assert panel.notice_label.text() == notices[0]
    panel.canvas.center_on(*PREMISE_AT[9010][:2], 16)
    settle(qtbot, panel)
    at = panel.screen_of(*PREMISE_AT[9010][:2])
    assert count_near(panel.canvas.grab().toImage(), at.x(), at.y(), RED) >= 9


def test_gcj02_basemap_shifts_overlays_by_the_datum_offset(qtbot, map_engine, tmp_path):
    empty = tmp_path / "gcj_tiles"
    empty.mkdir()
    spec = BasemapSpec("amap-style", "folder", str(empty), datum="gcj02")
    panel = make_map_panel(qtbot, map_engine, tmp_path, [spec])
    lon, lat = PREMISE_AT[9010][:2]
    panel.canvas.center_on(lon, lat, 16)
    settle(qtbot, panel)
    panel.set_basemap("amap-style")
    settle(qtbot, panel)
    view = panel.canvas.view
    wx, wy = (float(v) for v in view.lonlat_to_screen(lon, lat))
    gx, gy = (float(v) for v in view.lonlat_to_screen(*wgs84_to_gcj02(lon, lat)))
    assert np.hypot(gx - wx, gy - wy) > 100
    img = panel.canvas.grab().toImage()
    assert count_near(img, gx, gy, RED) >= 9
    assert count_near(img, wx, wy, RED) == 0
    assert panel.canvas.wgs84_at(gx, gy) == pytest.approx((lon, lat), abs=2e-6)
    panel.set_basemap(None)
    settle(qtbot, panel)
    at = panel.screen_of(lon, lat)
    assert count_near(panel.canvas.grab().toImage(), at.x(), at.y(), RED) >= 9
