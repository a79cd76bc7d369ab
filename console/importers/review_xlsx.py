"""Review tables out to XLSX (a ranking, a worker's score lines): sheets of plain cells whose titles and
headers come translated from the GUI, so the file reads in the language the supervisor works in."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31  # Excel refuses longer sheet titles


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    preamble: Sequence[Sequence[object]] = ()  # lines above the header: who, which period, totals


def sheet_title(text: str) -> str:
    return _SHEET_FORBIDDEN.sub("_", text)[:_SHEET_MAX] or "Sheet"


def write_sheets(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write every sheet (preamble, a blank line when there is one, header, rows) to a new workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet_title(sheet.title))
        for line in sheet.preamble:
            ws.append(list(line))
        if sheet.preamble:
            ws.append([])
        ws.append(list(sheet.header))
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            ws.append(list(row))
    book.save(path)
