"""Review exports: sheets come out with their preamble, a bold header and the rows, titles Excel accepts."""
from __future__ import annotations

import openpyxl

from console.importers.review_xlsx import Sheet, sheet_title, write_sheets


def test_sheet_titles_lose_the_characters_excel_refuses_and_fit_its_length():
    assert sheet_title("积分/扣分 [11月]: 汇总?") == "积分_扣分 _11月__ 汇总_"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("") == "Sheet"


def test_write_sheets_round_trips_cells(tmp_path):
    path = tmp_path / "out.xlsx"
    write_sheets(path, [Sheet("明细", ["日期", "积分"], [["2026-11-02", 2.0], ["2026-11-03", -2.0]],
                              preamble=[["网格员", "张三"]]),
                        Sheet("空", ["a"], [])])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["明细", "空"]
    rows = [tuple(r) for r in book["明细"].iter_rows(values_only=True)]
    assert rows == [("网格员", "张三"), (None, None), ("日期", "积分"), ("2026-11-02", 2.0), ("2026-11-03", -2.0)]
    assert book["明细"]["A3"].font.bold and not book["明细"]["A4"].font.bold
    assert [tuple(r) for r in book["空"].iter_rows(values_only=True)] == [("a",)]
