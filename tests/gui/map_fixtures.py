"""Fixtures for the map's GUI tests: the square test district in SQLite and a loaded MapPanel on it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from db.engine import make_engine, make_session_factory
from db.migrate import upgrade
from tests.db.map_district import build_map_district, district_actor

CANVAS_SIZE = (800, 600)


@pytest.fixture(scope="session")
def map_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("mapdistrict") / "map.sqlite"
    engine = make_engine(str(path))
    upgrade(engine)
    build_map_district(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def map_engine(map_template, tmp_path):
    target = tmp_path / "map.sqlite"
    target.write_bytes(map_template.read_bytes())
    engine = make_engine(str(target))
    yield engine
    engine.dispose()


def make_map_panel(qtbot, engine, tmp_path, basemaps=()):
    """A shown MapPanel on `engine` whose layers have loaded and rendered."""
    from widgets.map import MapPanel

    panel = MapPanel(
        make_session_factory(engine), district_actor(), basemaps=basemaps, tile_cache_dir=tmp_path / "tiles"
    )
    qtbot.addWidget(panel)
    panel.canvas.setFixedSize(*CANVAS_SIZE)
    panel.show()
    panel.reload()
    qtbot.waitUntil(panel.is_loaded, timeout=15000)
    settle(qtbot, panel)
    return panel


@pytest.fixture
def map_panel(qtbot, map_engine, tmp_path):
    panel = make_map_panel(qtbot, map_engine, tmp_path)
    yield panel
    panel.canvas.renderer.wait_for_done()


def settle(qtbot, panel) -> None:
    """Wait until every layer picture and tile for the current view has landed."""
    qtbot.waitUntil(panel.canvas.idle, timeout=15000)


def pixel(panel, x: float, y: float) -> QColor:
    return panel.canvas.grab().toImage().pixelColor(round(x), round(y))


def near(color: QColor, hex_color: str, tol: int = 40) -> bool:
    want = QColor(hex_color)
    return (
        max(abs(color.red() - want.red()), abs(color.green() - want.green()), abs(color.blue() - want.blue()))
        <= tol
    )


def count_near(image: QImage, x: float, y: float, hex_color: str, half: int = 3) -> int:
    """Pixels of `hex_color` in the (2·half+1)² square around (x, y)."""
    return sum(
        near(image.pixelColor(round(x) + dx, round(y) + dy), hex_color)
        for dx in range(-half, half + 1)
        for dy in range(-half, half + 1)
    )
