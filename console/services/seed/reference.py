"""The bundled real data a demo district is built from (resources/data only; see its SOURCES.md).

Loaded once per seed into plain arrays: division codes and names, the WGS-84 outline, the in-district POIs
(converted from GCJ-02) and the road anchors with a house number each."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from console.domain.geo import EARTH_RADIUS_M, gcj02_to_wgs84
from console.services.seed.derive import (
    ANCHOR_NAME,
    POI_NAME,
    RESOURCE_DIR,
    admin_name,
    boundary_name,
    boundary_wgs84,
)

SUPPORTED_DISTRICTS = ("350206",)
POI_TYPES = {"写字楼": "office", "产业园区": "industrial_park", "购物中心": "mall", "三级甲等医院": "hospital",
             "高等院校": "university"}
_NUMBER_SPACING_M = 20.0


@dataclass(frozen=True)
class Division:
    level: int
    code: str
    name: str
    parent_code: str


@dataclass(frozen=True)
class Poi:
    name: str
    type: str
    address: str
    lon: float
    lat: float


@dataclass(frozen=True)
class RoadAnchors:
    """Points on real streets: road name, WGS-84 position and a plausible house number at that spot."""

    road: np.ndarray  # object array of str
    lon: np.ndarray
    lat: np.ndarray
    number: np.ndarray

    def __len__(self) -> int:
        return len(self.lon)


@dataclass(frozen=True)
class DistrictData:
    code: str
    name: str
    address_prefix: str  # 福建省厦门市湖里区
    divisions: tuple[Division, ...]
    boundary: object  # shapely (Multi)Polygon, WGS-84
    pois: tuple[Poi, ...]
    anchors: RoadAnchors

    def townships(self) -> list[Division]:
        return [d for d in self.divisions if d.level == 4]

    def communities(self, township_code: str) -> list[Division]:
        return [d for d in self.divisions if d.level == 5 and d.parent_code == township_code]


def display_name(name: str) -> str:
    """'湖里社区居委会' → '湖里社区': the committee suffix is not part of the community's everyday name."""
    return name.removesuffix("居委会").removesuffix("村委会")


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _house_numbers(road: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Numbers rise along each road (its principal axis, one number per ~20 m), odd on one side, even on
    the other — so neighbouring premises get neighbouring numbers, as on a real street."""
    numbers = np.zeros(len(lon), dtype=np.int64)
    k = np.cos(np.radians(float(lat.mean()))) if len(lat) else 1.0
    metres = np.radians(1.0) * EARTH_RADIUS_M
    for name in sorted(set(road.tolist())):
        idx = np.flatnonzero(road == name)
        pts = np.column_stack([(lon[idx] - lon[idx].mean()) * k, lat[idx] - lat[idx].mean()]) * metres
        if len(idx) > 1:
            _, _, vt = np.linalg.svd(pts, full_matrices=False)
            axis = vt[0] if vt[0][0] + vt[0][1] >= 0 else -vt[0]
        else:
            axis = np.array([1.0, 0.0])
        along = pts @ axis
        side = pts @ np.array([-axis[1], axis[0]])
        slot = np.floor((along - along.min()) / _NUMBER_SPACING_M).astype(np.int64)
        numbers[idx] = 2 * slot + np.where(side >= 0, 1, 2)
    return numbers


def load_district(code: str, data_dir: Path = RESOURCE_DIR) -> DistrictData:
    """Everything the seeder needs about district `code` (6 digits); raises LookupError if not bundled."""
    if code not in SUPPORTED_DISTRICTS:
        raise LookupError(f"no bundled data for district {code}; available: {', '.join(SUPPORTED_DISTRICTS)}")
    rows = _read_csv(data_dir / admin_name(code))
    divisions = tuple(Division(int(r["level"]), r["code"], display_name(r["name"]), r["parent_code"])
                      for r in rows)
    top = next(r for r in rows if r["level"] == "3")
    boundary = boundary_wgs84((data_dir / boundary_name(code)).read_text(encoding="utf-8"))
    pois = []
    for r in _read_csv(data_dir / POI_NAME):
        lon, lat = gcj02_to_wgs84(float(r["lng"]), float(r["lat"]))
        pois.append(Poi(r["name"], POI_TYPES[r["layer"]], r["address"], lon, lat))
    return DistrictData(code=code, name=top["name"], address_prefix=top["province"] + top["city"] + top["name"],
                        divisions=divisions, boundary=boundary, pois=tuple(pois), anchors=load_road_anchors(data_dir))


def load_road_anchors(data_dir: Path = RESOURCE_DIR) -> RoadAnchors:
    """The bundled street points with their house numbers (also the address library's road part)."""
    anchor_rows = _read_csv(data_dir / ANCHOR_NAME)
    road = np.array([r["road"] for r in anchor_rows], dtype=object)
    lon = np.array([float(r["lon"]) for r in anchor_rows])
    lat = np.array([float(r["lat"]) for r in anchor_rows])
    return RoadAnchors(road, lon, lat, _house_numbers(road, lon, lat))
