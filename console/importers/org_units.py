"""Org units (streets, communities, grids) with boundary polygons from GeoJSON or an ESRI Shapefile.

Each feature names its unit (code, name, level) and its parent (code or name); a mapping file names the
property that feeds each field, as for premises. Features come out as typed `OrgCandidate`s with the
boundary converted to WGS-84, or as a `FeatureRejected` naming the field; attaching them to the hierarchy
and writing them is the service's job (console.services.org_import)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from console.domain.datum_arrays import to_wgs84
from console.domain.messages import Explained, Message, explain
from console.importers.premises import ColumnMapping, PremiseFileError, decode_text

ORG_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "编码", "代码", "区划代码", "网格编码", "网格编号"),
    "name": ("name", "名称", "网格名称", "单位名称"),
    "kind": ("kind", "level", "层级", "级别", "类型"),
    "parent_code": ("parent_code", "上级编码", "上级代码", "所属编码"),
    "parent_name": ("parent_name", "上级名称", "所属单位"),
}
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "district": ("district", "区", "县", "区县"),
    "township": ("township", "street", "乡镇", "街道", "镇", "乡"),
    "community": ("community", "village", "社区", "村", "居委会", "村委会"),
    "grid": ("grid", "网格"),
}
_KIND_BY_WORD = {word: kind for kind, words in KIND_WORDS.items() for word in words}
MAX_CODE, MAX_NAME = 20, 100


class OrgFileError(PremiseFileError):
    """The file or mapping as a whole cannot be used; the message names it and says why."""


class FeatureRejected(Explained, ValueError):
    """One feature cannot become an org unit; carries the field at fault, the message says why."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class OrgFeature:
    index: int  # 1-based position in the file
    values: dict[str, str]
    geometry: dict | None


@dataclass(frozen=True)
class OrgSource:
    path: str
    encoding: str
    columns: list[str]
    features: list[OrgFeature]


@dataclass(frozen=True)
class OrgCandidate:
    index: int
    code: str
    name: str
    kind: str
    parent_code: str | None
    parent_name: str | None
    boundary: BaseGeometry  # WGS-84


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def _geojson(path: Path) -> OrgSource:
    text, encoding = decode_text(path.read_bytes())
    try:
        features = json.loads(text)["features"]
        if not isinstance(features, list):
            raise TypeError("'features' is not a list")
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise OrgFileError(explain("{path}: not a GeoJSON FeatureCollection: {detail}", path=path,
                                   detail=str(exc))) from None
    out, columns = [], {}
    for n, feature in enumerate(features, start=1):
        feature = feature if isinstance(feature, dict) else {}
        values = {str(k): _text(v) for k, v in (feature.get("properties") or {}).items()}
        columns.update(dict.fromkeys(values))
        out.append(OrgFeature(n, values, feature.get("geometry")))
    return OrgSource(str(path), encoding, list(columns), out)


def _dbf_encoding(path: Path) -> str:
    """The .cpg beside a Shapefile names its attribute encoding; Chinese GIS tools without one write GBK."""
    cpg = path.with_suffix(".cpg")
    if cpg.is_file():
        return cpg.read_text(encoding="ascii", errors="ignore").strip() or "utf-8"
    return "gb18030"


def _shapefile(path: Path) -> OrgSource:
    import shapefile  # pyshp

    encoding = _dbf_encoding(path)
    try:
        with shapefile.Reader(str(path), encoding=encoding) as reader:
            columns = [f[0] for f in reader.fields[1:]]
            out = [OrgFeature(n, {k: _text(v) for k, v in sr.record.as_dict().items()}, sr.shape.__geo_interface__)
                   for n, sr in enumerate(reader.iterShapeRecords(), start=1)]
    except (shapefile.ShapefileException, OSError, UnicodeDecodeError, LookupError) as exc:
        raise OrgFileError(explain("{path}: not a readable Shapefile: {detail}", path=path,
                                   detail=str(exc))) from None
    return OrgSource(str(path), encoding, columns, out)


def read_org_units(path: Path | str) -> OrgSource:
    path = Path(path)
    if not path.is_file():
        raise OrgFileError(explain("{path}: no such file", path=path))
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        return _geojson(path)
    if suffix == ".shp":
        return _shapefile(path)
    raise OrgFileError(explain("{path}: cannot tell the format from the name; expected .geojson, .json or .shp",
                               path=path))


def resolve_org_sources(source: OrgSource, mapping: ColumnMapping) -> dict[str, str | None]:
    """Which property feeds each field; a mapped property missing from the file is an error of the file."""
    missing = [f"{t} ← {c!r}" for t, c in mapping.fields.items() if c not in source.columns]
    if missing and source.features:
        raise OrgFileError(explain("{path}: mapped properties not in the file: {columns}", path=source.path,
                                   columns=missing))
    sources = {t: mapping.source_for(t, source.columns) for t in ORG_ALIASES}
    if absent := [t for t in ("code", "name", "kind") if sources[t] is None and source.features]:
        raise OrgFileError(explain("{path}: no property for {fields}; name it in the mapping file",
                                   path=source.path, fields=absent))
    return sources


def org_kind(value: str) -> str:
    kind = _KIND_BY_WORD.get(value.strip().lower())
    if kind is None:
        raise FeatureRejected("kind", explain("unknown level {value}; expected one of {choices} (or map it under "
                                              "values.kind)", value=repr(value), choices=list(KIND_WORDS)))
    return kind


def boundary(geometry: dict | None, datum: str) -> BaseGeometry:
    """The feature's polygon in WGS-84; raises FeatureRejected('geometry', why) for anything else."""
    if not geometry:
        raise FeatureRejected("geometry", explain("no geometry"))
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, shapely.errors.GEOSException) as exc:
        raise FeatureRejected("geometry", explain("cannot be read: {detail}", detail=str(exc))) from None
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise FeatureRejected("geometry", explain("a {type}, expected Polygon or MultiPolygon",
                                                  type=geom.geom_type))
    if geom.is_empty:
        raise FeatureRejected("geometry", explain("the polygon is empty"))
    coords = shapely.get_coordinates(geom)
    if not (np.isfinite(coords).all() and (np.abs(coords[:, 0]) <= 180).all() and (np.abs(coords[:, 1]) <= 90).all()):
        raise FeatureRejected("geometry", explain("coordinates are not longitude/latitude degrees"))
    if not geom.is_valid:
        raise FeatureRejected("geometry", explain("invalid polygon: {detail}",
                                                  detail=shapely.is_valid_reason(geom)))

    def convert(xy: np.ndarray) -> np.ndarray:
        lon, lat = to_wgs84(datum, xy[:, 0].copy(), xy[:, 1].copy())
        return np.column_stack([lon, lat])

    return shapely.transform(geom, convert)


def org_candidate(feature: OrgFeature, sources: dict[str, str | None], mapping: ColumnMapping,
                  datum: str = "wgs84") -> OrgCandidate:
    """Typed values of one feature; raises FeatureRejected naming the field at fault."""
    get = {}
    for target in ORG_ALIASES:
        raw = feature.values.get(sources[target] or "", "").strip()
        get[target] = mapping.values.get(target, {}).get(raw, raw)
    for required in ("code", "name", "kind"):
        if not get[required]:
            raise FeatureRejected(required, explain("missing"))
    code = mapping.code_prefix + get["code"]
    if len(code) > MAX_CODE:
        raise FeatureRejected("code", explain("{value} is longer than {count} characters", value=repr(code),
                                              count=MAX_CODE))
    if len(get["name"]) > MAX_NAME:
        raise FeatureRejected("name", explain("longer than {count} characters", count=MAX_NAME))
    return OrgCandidate(feature.index, code, get["name"], org_kind(get["kind"]), get["parent_code"] or None,
                        get["parent_name"] or None, boundary(feature.geometry, datum))

