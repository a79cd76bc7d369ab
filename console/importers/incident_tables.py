"""Case lists as CSV (UTF-8 with or without BOM, or GBK/GB18030) or XLSX, with a column mapping, in and out.

Other systems' exports name their columns in Chinese and in their own words, so a JSON mapping file says
which column holds which field and how their category and source values read in ours:

    {"columns": {"title": "事件标题", "lon": "X坐标", ...},
     "values": {"category": {"市容": "city_appearance"}, "source": {"热线": "hotline_12345"}},
     "defaults": {"source": "hotline_12345"},
     "datum": "gcj02"}

Without one, columns may be named by field key or by the Chinese headers the XLSX export writes, so an
exported list imports again unchanged."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from console.domain.deadlines import LEVEL_LABELS
from console.domain.geo import DATUMS, to_wgs84
from console.domain.incident_catalog import category_label
from console.domain.incident_sources import SOURCE_LABELS
from console.domain.incident_states import STATE_LABELS
from console.domain.messages import explain, reason_of
from console.importers.incident_values import (
    CATEGORY_ALIASES,
    PRIORITY_ALIASES,
    SOURCE_ALIASES,
    parse_alias,
    parse_coordinate,
    parse_datetime,
    text_or_none,
)
from console.services.incident_import import ExportRow, IncidentFileError, IncidentRecord, Problem

HEADERS: dict[str, tuple[str, ...]] = {
    "case_no": ("案件编号", "编号", "case_no"),
    "title": ("标题", "事件标题", "title"),
    "description": ("描述", "事件描述", "问题描述", "description"),
    "category": ("类别", "事件类别", "分类", "category"),
    "source": ("来源", "事件来源", "source"),
    "priority": ("优先级", "紧急程度", "priority"),
    "lon": ("经度", "lng", "longitude", "lon"),
    "lat": ("纬度", "latitude", "lat"),
    "address": ("地址", "事发地址", "address"),
    "reporter": ("上报人", "反映人", "reporter"),
    "reported_at": ("上报时间", "受理时间", "reported_at"),
    "deadline": ("办理时限", "deadline"),
    "closed_at": ("结案时间", "closed_at"),
}
REQUIRED = ("title", "category", "lon", "lat", "reported_at")
EXPORT_ONLY = ("状态", "层级", "网格")
DEFAULT_SOURCE = "import"


@dataclass(frozen=True)
class ColumnMapping:
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    datum: str | None = None


def load_mapping(path: Path) -> ColumnMapping:
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IncidentFileError([Problem(name, 0, "file", explain("not a JSON mapping: {detail}",
                                                                  detail=exc))]) from None
    problems = []
    if not isinstance(data, dict):
        raise IncidentFileError([Problem(name, 0, "file", explain("expected a JSON object"))])
    for section in ("columns", "values", "defaults"):
        unknown = sorted(set(data.get(section, {})) - set(HEADERS))
        if unknown:
            problems.append(Problem(name, 0, section, explain("unknown field(s) {names}; expected {expected}",
                                                              names=unknown, expected=tuple(HEADERS))))
    if data.get("datum") not in (None, *DATUMS):
        problems.append(Problem(name, 0, "datum", explain("must be one of {choices}", choices=tuple(DATUMS))))
    if problems:
        raise IncidentFileError(problems)
    return ColumnMapping(columns=dict(data.get("columns", {})), values=dict(data.get("values", {})),
                         defaults={k: str(v) for k, v in data.get("defaults", {}).items()}, datum=data.get("datum"))


def decode_text(raw: bytes) -> str:
    """UTF-8 (BOM or not), else GB18030 (a superset of GBK and GB2312): the encodings case lists come in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _csv_rows(path: Path) -> Iterator[tuple[int, list]]:
    try:
        text = decode_text(path.read_bytes())
    except (OSError, UnicodeDecodeError) as exc:
        reason = explain("cannot be read as UTF-8 or GBK: {detail}", detail=exc)
        raise IncidentFileError([Problem(str(path), 0, "file", reason)]) from None
    yield from enumerate(csv.reader(io.StringIO(text, newline="")), start=1)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or foreign file
        raise IncidentFileError([Problem(str(path), 0, "file", explain("not an XLSX workbook: {detail}",
                                                                       detail=exc))]) from None
    try:
        for line, row in enumerate(book.active.iter_rows(values_only=True), start=1):
            yield line, ["" if v is None else v for v in row]
    finally:
        book.close()


def _header_index(path: str, header: list, mapping: ColumnMapping) -> dict[str, tuple[int, str]]:
    """field → (column index, header text); a missing required column is a problem of the whole file."""
    names = [str(h).strip() for h in header]
    found: dict[str, tuple[int, str]] = {}
    for key, aliases in HEADERS.items():
        wanted = (mapping.columns[key],) if key in mapping.columns else aliases
        for alias in wanted:
            if alias in names:
                found[key] = (names.index(alias), alias)
                break
    missing = [mapping.columns.get(k, HEADERS[k][0]) for k in REQUIRED if k not in found]
    if missing:
        raise IncidentFileError([Problem(path, 1, col, explain("column missing")) for col in missing])
    return found


def _parse_row(path: str, line: int, cells: list, index: dict[str, tuple[int, str]], mapping: ColumnMapping,
               datum: str, problems: list[Problem]) -> IncidentRecord | None:
    values: dict[str, object] = {}
    parsers = {
        "category": lambda v: parse_alias(v, CATEGORY_ALIASES, "category", mapping.values.get("category")),
        "source": lambda v: parse_alias(v, SOURCE_ALIASES, "source", mapping.values.get("source")),
        "priority": lambda v: parse_alias(v, PRIORITY_ALIASES, "priority", mapping.values.get("priority")),
        "lon": lambda v: parse_coordinate(v, -180, 180), "lat": lambda v: parse_coordinate(v, -90, 90),
        "reported_at": parse_datetime, "deadline": parse_datetime, "closed_at": parse_datetime,
    }
    ok = True
    for key in HEADERS:
        column, header = index.get(key, (None, mapping.columns.get(key, HEADERS[key][0])))
        raw = cells[column] if column is not None and column < len(cells) else ""
        if text_or_none(raw) is None:
            raw = mapping.defaults.get(key, "")
        if text_or_none(raw) is None:
            if key in REQUIRED:
                problems.append(Problem(path, line, header, explain("empty")))
                ok = False
            continue
        try:
            values[key] = parsers[key](raw) if key in parsers else text_or_none(raw)
        except ValueError as exc:
            problems.append(Problem(path, line, header, reason_of(exc)))
            ok = False
    if not ok:
        return None
    lon, lat = to_wgs84(datum, values.pop("lon"), values.pop("lat"))
    return IncidentRecord(row=line, lon=lon, lat=lat, source=values.pop("source", DEFAULT_SOURCE),
                          priority=values.pop("priority", 3), **values)


def parse_table(path: Path, fmt: str, mapping: ColumnMapping | None = None,
                datum: str | None = None) -> tuple[list[IncidentRecord], list[Problem]]:
    """The good rows and every problem of the bad ones (a dry run shows both); a file-level problem (not
    readable, no header, a required column missing) raises IncidentFileError."""
    mapping = mapping or ColumnMapping()
    datum = datum or mapping.datum or "wgs84"
    name = str(path)
    header: list | None = None
    index: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    records = []
    for line, cells in table_rows(path, fmt):
        if header is None:
            header = cells
            index = _header_index(name, header, mapping)
            continue
        if all(text_or_none(c) is None for c in cells):
            continue
        rec = _parse_row(name, line, cells, index, mapping, datum, problems)
        if rec is not None:
            records.append(rec)
    if header is None:
        raise IncidentFileError([Problem(name, 0, "file", explain("empty: no header row"))])
    return records, problems


def read_table(path: Path, fmt: str, mapping: ColumnMapping | None = None,
               datum: str | None = None) -> list[IncidentRecord]:
    """Parse a CSV or XLSX case list; raises IncidentFileError naming every bad row and column."""
    records, problems = parse_table(path, fmt, mapping, datum)
    if problems:
        raise IncidentFileError(problems)
    return records


def table_rows(path: Path, fmt: str) -> Iterator[tuple[int, list]]:
    """(line number, cells) of a CSV or XLSX file, the header being line 1."""
    return _csv_rows(path) if fmt == "csv" else _xlsx_rows(path)


def mapping_json(mapping: ColumnMapping) -> str:
    """The mapping as the JSON file `load_mapping` (and the CLI's --mapping) reads."""
    data: dict[str, object] = {"columns": mapping.columns}
    if mapping.values:
        data["values"] = mapping.values
    if mapping.defaults:
        data["defaults"] = mapping.defaults
    if mapping.datum:
        data["datum"] = mapping.datum
    return json.dumps(data, ensure_ascii=False, indent=2)


def _export_cells(row: ExportRow) -> list:
    return [row.case_no, row.title, row.description or "", category_label(row.category),
            SOURCE_LABELS.get(row.source, row.source), row.priority, row.lon, row.lat, row.address or "",
            row.reporter or "", row.reported_at, row.deadline, row.closed_at,
            STATE_LABELS.get(row.state, row.state), LEVEL_LABELS.get(row.level, row.level), row.grid_name]


def write_xlsx(path: Path, rows: Iterable[ExportRow]) -> int:
    """A workbook whose headers the importer reads back (the last three columns are for people only)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("事件")
    sheet.append([HEADERS[k][0] for k in HEADERS] + list(EXPORT_ONLY))
    count = 0
    for row in rows:
        sheet.append(_export_cells(row))
        count += 1
    book.save(path)
    return count
