"""A worker's card (积分卡) for a period, loaded off the GUI thread from console.services.worker_card: score
lines as a table model (all, one day's, or only deductions), manual adjustments, translated labels for the
line kinds and source records, and the card as XLSX sheets."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
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

from console.domain.score_card import SourceRef
from console.domain.scoring import note_message
from console.importers.review_xlsx import Sheet, write_sheets
from console.qtmodels.error_messages import render_message
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.worker_card import Adjustment, CardLine, WorkerCard, worker_card

_CONTEXT = "ScoreLabels"
KIND_LABELS = {
    "checkin": QT_TRANSLATE_NOOP("ScoreLabels", "Work check-in"),
    "home_visit": QT_TRANSLATE_NOOP("ScoreLabels", "Home visit"),
    "public_opinion": QT_TRANSLATE_NOOP("ScoreLabels", "Public opinion collection"),
    "key_place_patrol": QT_TRANSLATE_NOOP("ScoreLabels", "Key place patrol"),
    "floating_population": QT_TRANSLATE_NOOP("ScoreLabels", "Floating population upkeep"),
    "rental_house": QT_TRANSLATE_NOOP("ScoreLabels", "Rental house upkeep"),
    "security_hazard": QT_TRANSLATE_NOOP("ScoreLabels", "Security hazard found"),
    "special_groups": QT_TRANSLATE_NOOP("ScoreLabels", "Special groups service"),
    "dispute_mediation": QT_TRANSLATE_NOOP("ScoreLabels", "Dispute mediation"),
    "incident_report": QT_TRANSLATE_NOOP("ScoreLabels", "Incident report"),
    "anti_crime_publicity": QT_TRANSLATE_NOOP("ScoreLabels", "Anti-gang publicity"),
    "safety_publicity": QT_TRANSLATE_NOOP("ScoreLabels", "Safety publicity"),
    "overdue_inspection": QT_TRANSLATE_NOOP("ScoreLabels", "Inspection overdue"),
    "late_incident": QT_TRANSLATE_NOOP("ScoreLabels", "Incident handled late"),
    "missed_checkin": QT_TRANSLATE_NOOP("ScoreLabels", "Missed check-in"),
    "manual": QT_TRANSLATE_NOOP("ScoreLabels", "Manual adjustment"),
}
SOURCE_LABELS = {
    "inspections": QT_TRANSLATE_NOOP("ScoreLabels", "Inspection"),
    "checkins": QT_TRANSLATE_NOOP("ScoreLabels", "Check-in"),
    "incidents": QT_TRANSLATE_NOOP("ScoreLabels", "Incident"),
    "worker_tasks": QT_TRANSLATE_NOOP("ScoreLabels", "Task log"),
    "premises": QT_TRANSLATE_NOOP("ScoreLabels", "Premise"),
    "score_adjustments": QT_TRANSLATE_NOOP("ScoreLabels", "Adjustment"),
    "workers": QT_TRANSLATE_NOOP("ScoreLabels", "Duty roster"),
}
LINE_HEADERS = (QT_TRANSLATE_NOOP("ScoreLabels", "Day"), QT_TRANSLATE_NOOP("ScoreLabels", "Item"),
                QT_TRANSLATE_NOOP("ScoreLabels", "Points"), QT_TRANSLATE_NOOP("ScoreLabels", "Source record"),
                QT_TRANSLATE_NOOP("ScoreLabels", "About"), QT_TRANSLATE_NOOP("ScoreLabels", "Note"))
ADJUSTMENT_HEADERS = (QT_TRANSLATE_NOOP("ScoreLabels", "Day"), QT_TRANSLATE_NOOP("ScoreLabels", "Points"),
                      QT_TRANSLATE_NOOP("ScoreLabels", "Reason"), QT_TRANSLATE_NOOP("ScoreLabels", "By"),
                      QT_TRANSLATE_NOOP("ScoreLabels", "Entered"))
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
_PLUS, _MINUS = QColor("#2e9d4a"), QColor("#d9342b")


def label(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_label(kind: str) -> str:
    return label(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def source_text(ref: SourceRef) -> str:
    """"Inspection #42"; a roster day reads "Duty roster 2026-11-02"."""
    name = label(SOURCE_LABELS[ref.table]) if ref.table in SOURCE_LABELS else ref.table
    return f"{name} {ref.day:%Y-%m-%d}" if ref.day is not None else f"{name} #{ref.id}"


def points_text(points: float) -> str:
    return ("+" if points > 0 else "") + QLocale().toString(float(points), "f", 1)


def note_text(note: str) -> str:
    """A rule's note in the console's language; a supervisor's own words as written."""
    message = note_message(note)
    return render_message(message) if message is not None else note


def line_cells(card_line: CardLine) -> list:
    line = card_line.line
    return [f"{line.day:%Y-%m-%d}", kind_label(line.kind), line.points, source_text(card_line.ref),
            card_line.detail, note_text(line.note)]


class WorkerCardModel(QObject):
    """The card being shown; `load` replaces it, an answer to an older request is dropped."""

    sig_loaded = Signal(object)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self.card: WorkerCard | None = None
        self._request = 0

    def load(self, worker_id: int, start: date, end: date) -> None:
        self._request += 1
        request, actor = self._request, self._actor
        self._runner.submit(lambda s: worker_card(s, actor, worker_id, start, end),
                            lambda card: self._arrived(request, card))

    def _arrived(self, request: int, card: WorkerCard) -> None:
        if request == self._request:
            self.card = card
            self.sig_loaded.emit(card)


class _Table(QAbstractTableModel):
    """A read-only table of rows turned into cells by `cells`; column `points_column` is coloured by sign."""

    def __init__(self, headers: tuple[str, ...], cells: Callable[[object], list], points_column: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers, self._cells, self._points = headers, cells, points_column
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label(self._headers[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == LINE_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._cells(row)[column]
            return points_text(value) if column == self._points else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column == self._points:
            value = self._cells(row)[column]
            return _PLUS if value > 0 else _MINUS if value < 0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self._points:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _adjustment_cells(a: Adjustment) -> list:
    return [f"{a.day:%Y-%m-%d}", a.points, a.reason, a.actor, f"{a.created_at:%Y-%m-%d %H:%M}"]


class ScoreLinesModel(_Table):
    """Score lines; LINE_ROLE gives the CardLine of a row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(LINE_HEADERS, line_cells, 2, parent)


class AdjustmentsModel(_Table):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ADJUSTMENT_HEADERS, _adjustment_cells, 1, parent)


def card_sheets(card: WorkerCard) -> list[Sheet]:
    """Daily totals with distance, then every score line with its source, then the manual adjustments."""
    who = [[QCoreApplication.translate("ScoreLabels", "Grid worker"), f"{card.name} ({card.code})",
            QCoreApplication.translate("ScoreLabels", "Grid"), card.grid],
           [QCoreApplication.translate("ScoreLabels", "Period"),
            f"{card.start:%Y-%m-%d} – {card.end:%Y-%m-%d}",
            QCoreApplication.translate("ScoreLabels", "Total"), card.total]]
    daily = card.daily_points()
    days = [[f"{d:%Y-%m-%d}", daily[d], round(card.distance_m.get(d, 0.0) / 1000, 3)] for d in card.days]
    return [
        Sheet(QCoreApplication.translate("ScoreLabels", "Daily"),
              [label(LINE_HEADERS[0]), label(LINE_HEADERS[2]),
               QCoreApplication.translate("ScoreLabels", "Distance (km)")], days, who),
        Sheet(QCoreApplication.translate("ScoreLabels", "Score lines"), [label(h) for h in LINE_HEADERS],
              [line_cells(c) for c in card.lines], who),
        Sheet(QCoreApplication.translate("ScoreLabels", "Adjustments"),
              [label(h) for h in ADJUSTMENT_HEADERS], [_adjustment_cells(a) for a in card.adjustments], who),
    ]


def export_card_xlsx(path: Path, card: WorkerCard) -> None:
    write_sheets(path, card_sheets(card))
