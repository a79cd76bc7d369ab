"""Premises from a center's own tables: CSV, XLSX or GeoJSON, with a mapping file naming the source columns.

Why the encoding is sniffed: Excel in China saves CSV as GBK/GB18030 unless told otherwise, and people cannot
say which they have; UTF-8 (with or without BOM) is tried strictly first, then GB18030 (a superset of GBK).
Rows come out as `SourceRow`s (line number + text values) and then as typed `PremiseCandidate`s or a reason;
placing them in grids and writing them is the service's job (console.services.premise_import)."""
from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from console.domain.addresses import DEFAULT_REGION, normalise_address
from console.domain.messages import Explained, explain
from console.domain.premise_types import PREMISE_TYPE_LABELS

FORMATS = ("csv", "xlsx", "geojson")
TARGETS = ("code", "name", "type", "address", "owner", "owner_phone", "licence_no", "lon", "lat")
ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "编号", "场所编号"),
    "name": ("name", "名称", "场所名称", "单位名称"),
    "type": ("type", "类型", "场所类型"),
    "address": ("address", "地址", "详细地址"),
    "owner": ("owner", "负责人", "法定代表人", "联系人"),
    "owner_phone": ("owner_phone", "phone", "联系电话", "电话"),
    "licence_no": ("licence_no", "license_no", "统一社会信用代码", "许可证号"),
    "lon": ("lon", "lng", "longitude", "经度", "geometry.lon"),
    "lat": ("lat", "latitude", "纬度", "geometry.lat"),
}
_TYPE_BY_LABEL = {label: key for key, label in PREMISE_TYPE_LABELS.items()}
MAX_CODE = 32


class PremiseFileError(Explained, ValueError):
    """The file or mapping as a whole cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class SourceTable:
    path: str
    encoding: str
    columns: list[str]
    rows: list[SourceRow]


@dataclass(frozen=True)
class ColumnMapping:
    """fields: target → source column; values: target → {source value → stored value}; code_prefix for codes."""

    fields: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    code_prefix: str = ""
    aliases: dict[str, tuple[str, ...]] = field(default_factory=lambda: ALIASES)

    def source_for(self, target: str, columns: list[str]) -> str | None:
        if target in self.fields:
            return self.fields[target]
        lowered = {c.strip().lower(): c for c in columns}
        return next((lowered[a.lower()] for a in self.aliases[target] if a.lower() in lowered), None)


@dataclass(frozen=True)
class PremiseCandidate:
    line: int
    code: str | None
    name: str
    type: str
    address: str
    owner: str | None
    owner_phone: str | None
    licence_no: str | None
    lon: float | None  # both None: no coordinates, the address is looked up in the address library
    lat: float | None


def load_mapping(path: Path | str | None, aliases: dict[str, tuple[str, ...]] = ALIASES) -> ColumnMapping:
    """The mapping file of one import kind; `aliases` names that kind's targets and their usual columns."""
    if path is None:
        return ColumnMapping(aliases=aliases)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PremiseFileError(explain("{path}: cannot read the mapping: {detail}", path=path,
                                       detail=str(exc))) from None
    fields = data.get("fields", {}) if isinstance(data, dict) else None
    if not isinstance(fields, dict):
        raise PremiseFileError(explain("{path}: 'fields' must map targets ({targets}) to source columns",
                                       path=path, targets=list(aliases)))
    if unknown := sorted(set(fields) - set(aliases)):
        raise PremiseFileError(explain("{path}: 'fields' must map targets ({targets}) to source columns; "
                                       "unknown {names}", path=path, targets=list(aliases), names=repr(unknown)))
    return ColumnMapping(fields={k: str(v) for k, v in fields.items()},
                         values={k: {str(a): str(b) for a, b in v.items()} for k, v in data.get("values", {}).items()},
                         code_prefix=str(data.get("code_prefix", "")), aliases=aliases)


def decode_text(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with BOM, strict UTF-8, else GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise PremiseFileError(explain("the file is neither UTF-8 nor GB18030/GBK text: {detail}",
                                       detail=str(exc))) from None


def _csv(path: Path) -> SourceTable:
    text, encoding = decode_text(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows, line = [], 1
    for record in reader:
        rows.append(SourceRow(line + 1, {k.strip(): (v or "").strip() for k, v in record.items() if k}))
        line = reader.line_num
    return SourceTable(str(path), encoding, [c.strip() for c in reader.fieldnames or []], rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def _xlsx(path: Path) -> SourceTable:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise PremiseFileError(explain("{path}: not a readable XLSX workbook: {detail}", path=path,
                                       detail=str(exc))) from None
    try:
        sheet_rows = book.worksheets[0].iter_rows(values_only=True)
        header = [_cell(c) for c in next(sheet_rows, ())]
        rows = [SourceRow(n, {h: _cell(v) for h, v in zip(header, values, strict=False) if h})
                for n, values in enumerate(sheet_rows, start=2) if any(v not in (None, "") for v in values)]
    finally:
        book.close()
    return SourceTable(str(path), "xlsx", [h for h in header if h], rows)


def _geojson(path: Path) -> SourceTable:
    text, encoding = decode_text(path.read_bytes())
    try:
        features = json.loads(text)["features"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise PremiseFileError(explain("{path}: not a GeoJSON FeatureCollection: {detail}", path=path,
                                       detail=str(exc))) from None
    rows, columns = [], {}
    for n, feature in enumerate(features, start=1):
        values = {k: _cell(v) for k, v in (feature.get("properties") or {}).items()}
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point" and len(geometry.get("coordinates") or ()) >= 2:
            values["geometry.lon"], values["geometry.lat"] = (_cell(c) for c in geometry["coordinates"][:2])
        columns.update(dict.fromkeys(values))
        rows.append(SourceRow(n, values))
    return SourceTable(str(path), encoding, list(columns), rows)


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"json": "geojson", "xlsx": "xlsx", "csv": "csv", "geojson": "geojson", "txt": "csv"}.get(suffix)
    if fmt is None:
        raise PremiseFileError(explain("{path}: cannot tell the format from the name; expected .csv, .xlsx or "
                                       ".geojson", path=path))
    return fmt


def read_table(path: Path | str) -> SourceTable:
    path = Path(path)
    if not path.is_file():
        raise PremiseFileError(explain("{path}: no such file", path=path))
    return {"csv": _csv, "xlsx": _xlsx, "geojson": _geojson}[guess_format(path)](path)


class RowRejected(Explained, ValueError):
    """One row cannot become a premise; the message is the reason reported with its line."""


def _premise_type(value: str) -> str:
    if value in PREMISE_TYPE_LABELS:
        return value
    if value in _TYPE_BY_LABEL:
        return _TYPE_BY_LABEL[value]
    raise RowRejected(explain("unknown premise type {value} (map it under values.type)", value=repr(value)))


def _coordinate(name: str, text: str, low: float, high: float) -> float:
    try:
        number = float(text)
    except ValueError:
        raise RowRejected(explain("{field} {value} is not a number", field=name, value=repr(text))) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise RowRejected(explain("{field} {value} is out of range", field=name, value=repr(text)))
    return number


def candidate(row: SourceRow, sources: dict[str, str | None], mapping: ColumnMapping,
              region: tuple[str, str, str] = DEFAULT_REGION) -> PremiseCandidate:
    """Typed, normalised values of one row, in the file's datum; raises RowRejected with the reason. A row
    with neither coordinate but an address comes out unplaced (lon, lat None) for the address library."""
    get = {}
    for target in TARGETS:
        raw = row.values.get(sources[target] or "", "").strip()
        get[target] = mapping.values.get(target, {}).get(raw, raw)
    for required in ("name", "type"):
        if not get[required]:
            raise RowRejected(explain("{field} is missing", field=required))
    located = bool(get["lon"] or get["lat"])
    if not located and not get["address"]:
        raise RowRejected(explain("no coordinates (lon, lat) and no address to look them up"))
    for required in ("lon", "lat") if located else ():
        if not get[required]:
            raise RowRejected(explain("{field} is missing", field=required))
    code = (mapping.code_prefix + get["code"]) if get["code"] else None
    if code is not None and len(code) > MAX_CODE:
        raise RowRejected(explain("code {code} is longer than {count} characters", code=repr(code),
                                  count=MAX_CODE))
    return PremiseCandidate(
        line=row.line, code=code, name=get["name"][:200], type=_premise_type(get["type"]),
        address=normalise_address(get["address"], region)[:300], owner=get["owner"][:100] or None,
        owner_phone=get["owner_phone"][:20] or None, licence_no=get["licence_no"][:64] or None,
        lon=_coordinate("lon", get["lon"], -180, 180) if located else None,
        lat=_coordinate("lat", get["lat"], -90, 90) if located else None)


def resolve_sources(table: SourceTable, mapping: ColumnMapping) -> dict[str, str | None]:
    """Which column feeds each field; a mapped column missing from the file is an error of the whole file.
    A file without coordinate columns needs an address column (every row is then looked up)."""
    missing = [f"{t} ← {c!r}" for t, c in mapping.fields.items() if c not in table.columns]
    if missing:
        raise PremiseFileError(explain("{path}: mapped columns not in the file: {columns}", path=table.path,
                                       columns=missing))
    sources = {t: mapping.source_for(t, table.columns) for t in TARGETS}
    needed = ("name", "type") + (("address",) if sources["lon"] is None and sources["lat"] is None else ("lon", "lat"))
    if absent := [t for t in needed if sources[t] is None]:
        raise PremiseFileError(explain("{path}: no column for {fields}; name it in the mapping file",
                                       path=table.path, fields=absent))
    return sources
