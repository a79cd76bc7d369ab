"""Screenshots of the map for docs/screenshots: district, street and building zoom on the seeded demo
district (boundaries only), the zone tool, the incident heat map, and the Zhengzhou z/x/y imagery as a
basemap.

    python -m tests.gui.map_screenshots [--db FILE] [--out docs/screenshots]

Without --db a small demo district is seeded into a temporary file. The clock of the live layers is set to
the seed's anchor day, so workers and deadlines look as they would that day."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import numpy as np

from tests.gui.screenshot_support import REPO, SCREENSHOTS, SIZE, gui_app, seeded_demo_db, wait_until

ANCHOR = date(2026, 11, 30)
ZHENGZHOU = REPO.parent / "shared" / "data" / "tiles-zhengzhou-zzu" / "tiles_2025"


def _densest(lon: np.ndarray, lat: np.ndarray, cell_deg: float) -> tuple[float, float]:
    """Centre of the cell (`cell_deg` wide) holding the most premises: where a view has content."""
    bins = (max(1, int(np.ptp(lon) / cell_deg)), max(1, int(np.ptp(lat) / cell_deg)))
    counts, xs, ys = np.histogram2d(lon, lat, bins=bins)
    i, j = np.unravel_index(int(np.argmax(counts)), counts.shape)
    return float((xs[i] + xs[i + 1]) / 2), float((ys[j] + ys[j + 1]) / 2)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--out", default=str(SCREENSHOTS))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    from sqlalchemy.orm import Session

    from console.domain.map_tiles import BasemapSpec
    from console.services.users import system_actor
    from db.engine import make_engine, make_session_factory
    from widgets.map import MapPanel

    app = gui_app(args.lang)
    engine = make_engine(args.db or seeded_demo_db(ANCHOR))
    with Session(engine) as s:
        actor = system_actor(s)
    zzu = BasemapSpec(
        "郑州大学 2025 影像",
        "folder",
        str(ZHENGZHOU),
        min_zoom=12,
        max_zoom=18,
        attribution="Imagery: tiles-zhengzhou-zzu (cauvisitor), test use only",
    )
    panel = MapPanel(
        make_session_factory(engine), actor, basemaps=[zzu], tile_cache_dir=Path(tempfile.mkdtemp())
    )
    panel.resize(*SIZE)
    panel.show()

    def settle() -> None:
        wait_until(app, lambda: panel.is_loaded() and panel.canvas.idle(), "the map's layers and tiles")

    panel.reload()
    settle()
    fixes = panel.workers.points.t
    clock = (
        float(np.nanmax(fixes)) if len(fixes) else datetime.combine(ANCHOR, datetime.min.time()).timestamp()
    )
    for layer in (panel.workers, panel.incidents):
        layer.clock = lambda c=clock: c
        layer.invalidate()
    panel.heat.clock = lambda c=clock: datetime.fromtimestamp(c)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    panel.zoom_to_district()
    settle()
    panel.grab().save(str(out / "map_district.png"))
    pts = panel.premises.points
    street = _densest(pts.lon, pts.lat, 0.015)
    near = (np.abs(pts.lon - street[0]) < 0.0075) & (np.abs(pts.lat - street[1]) < 0.0075)
    lon, lat = _densest(pts.lon[near], pts.lat[near], 0.003)
    for name, (at, zoom) in (("map_street.png", (street, 15.6)), ("map_building.png", ((lon, lat), 18.3))):
        panel.fly_to(*at, zoom)
        settle()
        panel.grab().save(str(out / name))
    for box, radius in zip(panel.zone_panel.radius_boxes, (150, 400, 900)):
        box.setValue(radius)
    panel.zone_panel.set_center(lon, lat)
    panel.side_tabs.setCurrentWidget(panel.zone_panel)
    panel.fly_to(lon, lat, 15.3)
    settle()
    panel.grab().save(str(out / "map_zone.png"))
    panel.zone_panel.clear()
    panel.side_tabs.setCurrentIndex(0)
    # The heat map as an operator reads it: the point layers it summarises switched off.
    point_layers = ("premises", "incidents", "workers", "cameras")
    for name in point_layers:
        panel.layer_panel.visibility[name].setChecked(False)
    panel.layer_panel.visibility["heat"].setChecked(True)
    panel.zoom_to_district()
    settle()
    panel.grab().save(str(out / "map_heatmap.png"))
    panel.layer_panel.visibility["heat"].setChecked(False)
    for name in point_layers:
        panel.layer_panel.visibility[name].setChecked(True)
    panel.set_basemap(zzu.name)
    panel.fly_to(113.5245, 34.8185, 16.4)
    settle()
    panel.grab().save(str(out / "map_basemap_zhengzhou.png"))
    print(f"wrote 6 screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
