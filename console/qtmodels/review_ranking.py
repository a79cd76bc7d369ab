"""The ranking table of a level and period (rank, name, points, movement since the period before), loaded
off the GUI thread from console.services.rankings; an answer to an older request is dropped."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from console.importers.review_xlsx import Sheet, write_sheets
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.rankings import LEVELS, RankRow, rankings

_CONTEXT = "RankingLabels"
LEVEL_LABELS = {
    "worker": QT_TRANSLATE_NOOP("RankingLabels", "Grid workers"),
    "grid": QT_TRANSLATE_NOOP("RankingLabels", "Grids"),
    "community": QT_TRANSLATE_NOOP("RankingLabels", "Communities"),
    "township": QT_TRANSLATE_NOOP("RankingLabels", "Townships"),
}
PERIODS = ("this_month", "last_month")
PERIOD_LABELS = {
    "this_month": QT_TRANSLATE_NOOP("RankingLabels", "This month"),
    "last_month": QT_TRANSLATE_NOOP("RankingLabels", "Last month"),
}
HEADERS = (QT_TRANSLATE_NOOP("RankingLabels", "Rank"), QT_TRANSLATE_NOOP("RankingLabels", "Name"),
           QT_TRANSLATE_NOOP("RankingLabels", "Points"), QT_TRANSLATE_NOOP("RankingLabels", "Movement"))
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_UP, _DOWN = QColor("#2e9d4a"), QColor("#d9342b")


def label(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def period_range(period: str, today: date) -> tuple[date, date]:
    """A calendar month as (first day, last day); monthly assessments never use rolling windows."""
    first = today.replace(day=1)
    if period == "last_month":
        first = (first - timedelta(days=1)).replace(day=1)
    elif period != "this_month":
        raise ValueError(f"no period {period!r}")
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last


def movement_text(move: int | None) -> str:
    """▲3 / ▼2 / = ; a dash when not ranked in the period before."""
    if move is None:
        return "—"
    if move == 0:
        return "="
    return f"▲{move}" if move > 0 else f"▼{-move}"


class RankingModel(QAbstractTableModel):
    """`rows` are the ranked rows shown: all of the level, or (drilled down into a unit) those under
    `scope`, keeping their rank in the whole jurisdiction."""

    sig_loaded = Signal()

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self.rows: list[RankRow] = []
        self.all_rows: list[RankRow] = []
        self.level = LEVELS[0]
        self.scope: str | None = None
        self._request = 0

    def set_scope(self, path: str | None) -> None:
        """Show only rows whose path lies under `path` (None: every row)."""
        self.beginResetModel()
        self.scope = path
        self.rows = [r for r in self.all_rows if path is None or r.path.startswith(path)]
        self.endResetModel()

    def load(self, level: str, start: date, end: date) -> None:
        self._request += 1
        request, actor = self._request, self._actor
        self._runner.submit(lambda s: rankings(s, actor, level, start, end),
                            lambda rows: self._arrived(request, level, rows))

    def _arrived(self, request: int, level: str, rows: list[RankRow]) -> None:
        if request != self._request:
            return
        self.level, self.all_rows = level, rows
        self.set_scope(self.scope)
        self.sig_loaded.emit()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label(HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.rank), row.name, QLocale().toString(row.points, "f", 1),
                    movement_text(row.movement))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.code
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.movement:
            return _UP if row.movement > 0 else _DOWN
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def ranking_sheet(rows: list[RankRow], level: str, start: date, end: date) -> Sheet:
    """The table as shown plus code, worker count, summed total and previous rank, for the assessment file."""
    header = [QCoreApplication.translate("RankingLabels", "Rank"),
              QCoreApplication.translate("RankingLabels", "Code"),
              QCoreApplication.translate("RankingLabels", "Name"),
              QCoreApplication.translate("RankingLabels", "Grid workers"),
              QCoreApplication.translate("RankingLabels", "Total"),
              QCoreApplication.translate("RankingLabels", "Points"),
              QCoreApplication.translate("RankingLabels", "Previous rank"),
              QCoreApplication.translate("RankingLabels", "Movement")]
    cells = [[r.rank, r.code, r.name, r.workers, round(r.total, 2), round(r.points, 2), r.previous_rank,
              movement_text(r.movement)] for r in rows]
    preamble = [[label(LEVEL_LABELS[level]), f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"]]
    return Sheet(label(LEVEL_LABELS[level]), header, cells, preamble)


def export_ranking_xlsx(path: Path, rows: list[RankRow], level: str, start: date, end: date) -> None:
    write_sheets(path, [ranking_sheet(rows, level, start, end)])
