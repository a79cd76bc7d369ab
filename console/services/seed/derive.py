"""Derive the bundled subsets in resources/data from the shared open data (run by developers, not the app).

Why bundle subsets: the console must seed its demo district on a machine without the shared data folder,
and the full files are 30× larger than what one district needs. `python -m console.services.seed.derive
SHARED_DIR` rewrites the subsets; tests/unit/test_resource_subsets.py checks they still match the sources.

Each derived row is a byte-identical line of its source except the road anchors, which are computed
(fence-ring centroid, cleaned road name)."""
from __future__ import annotations

import csv
import json
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import shapely

from console.domain.geo import gcj02_to_wgs84

RESOURCE_DIR = Path(__file__).resolve().parents[3] / "resources" / "data"
ADMIN_SOURCE = Path("admin-divisions") / "five_districts_2021.csv"
POI_SOURCE = Path("xiamen-poi") / "xiamen_poi_1602.csv"
FENCE_SOURCE = Path("xiamen-roads") / "gxdc_tcd.csv"


def boundary_source(district: str) -> Path:
    return Path("boundaries-datav") / f"{district}.geojson"


def admin_name(district: str) -> str:
    return f"admin_divisions_{district}.csv"


def boundary_name(district: str) -> str:
    return f"boundary_{district}.geojson"


POI_NAME = "xiamen_poi_huli.csv"
ANCHOR_NAME = "huli_road_anchors.csv"
ANCHOR_HEADER = ("fence_id", "road", "lon", "lat")
_UNNAMED = ("无名",)


def gcj_geometry_to_wgs84(geom):
    """Convert every vertex from GCJ-02 to WGS-84 (the boundary files are AMap/DataV, i.e. GCJ-02)."""
    return shapely.transform(geom, lambda xy: np.array([gcj02_to_wgs84(x, y) for x, y in xy]).reshape(-1, 2))


def boundary_wgs84(geojson_text: str):
    """The district outline (first feature of a DataV FeatureCollection) in WGS-84."""
    data = json.loads(geojson_text)
    return gcj_geometry_to_wgs84(shapely.geometry.shape(data["features"][0]["geometry"]))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines(keepends=True)


def admin_lines(shared: Path, district: str) -> list[str]:
    """Header plus the district's own rows (the district, its townships and communities), as in the source."""
    lines = _lines(shared / ADMIN_SOURCE)
    keep = [ln for ln in lines[1:] if next(csv.reader([ln]))[1].startswith(district)]
    return [lines[0], *keep]


def poi_lines(shared: Path, boundary) -> list[str]:
    """Header plus the POI rows whose GCJ-02 position, converted to WGS-84, lies inside `boundary`."""
    lines = _lines(shared / POI_SOURCE)
    header = next(csv.reader([lines[0]]))
    lng, lat = header.index("lng"), header.index("lat")
    shapely.prepare(boundary)
    keep = []
    for ln in lines[1:]:
        row = next(csv.reader([ln]))
        x, y = gcj02_to_wgs84(float(row[lng]), float(row[lat]))
        if shapely.contains_xy(boundary, x, y):
            keep.append(ln)
    return [lines[0], *keep]


def road_name(fence_id: str) -> str:
    """'长乐路0_L_A17001' → '长乐路'; '仙岳路(金尚路至嘉禾路段)' → '仙岳路' (section notes dropped)."""
    name = fence_id.split("_", 1)[0]
    name = re.split(r"[(（]", name, maxsplit=1)[0].strip()
    return re.sub(r"\d+$", "", name).strip()


def fence_centroid(ring_text: str) -> tuple[float, float]:
    ring = json.loads(f"[{ring_text}]")
    c = shapely.Polygon(ring).centroid
    return c.x, c.y


def anchor_rows(shared: Path, boundary) -> list[tuple[str, str, str, str]]:
    """(fence id, road, lon, lat) of bike-parking fences whose centroid lies inside `boundary`; fences on
    unnamed roads are left out (no address can be written for them)."""
    shapely.prepare(boundary)
    out = []
    with (shared / FENCE_SOURCE).open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            road = road_name(row["FENCE_ID"])
            if not road or road.startswith(_UNNAMED):
                continue
            x, y = fence_centroid(row["FENCE_LOC"])
            if shapely.contains_xy(boundary, x, y):
                out.append((row["FENCE_ID"], road, f"{x:.7f}", f"{y:.7f}"))
    return out


def write_all(shared: Path, out_dir: Path = RESOURCE_DIR, district: str = "350206") -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / boundary_source(district), out_dir / boundary_name(district))
    boundary = boundary_wgs84((shared / boundary_source(district)).read_text(encoding="utf-8"))
    (out_dir / admin_name(district)).write_text("".join(admin_lines(shared, district)), encoding="utf-8",
                                                newline="")
    (out_dir / POI_NAME).write_text("".join(poi_lines(shared, boundary)), encoding="utf-8", newline="")
    with (out_dir / ANCHOR_NAME).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(ANCHOR_HEADER)
        writer.writerows(anchor_rows(shared, boundary))


if __name__ == "__main__":
    write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
