"""The premises table as a lazy Qt model: the total comes from a count, rows arrive page by page as the view
scrolls (canFetchMore/fetchMore), and every query runs off the GUI thread.

A generation number tags each query; answers to an older query (typing outran the database) are dropped.
Typing is debounced so one word typed is one query, not one per key."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.qtmodels.error_messages import render_error
from console.qtmodels.labels import STATUS_COLOURS, premise_type_label, status_label
from console.qtmodels.paged_rows import PagedRowsModel
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.premises import PremiseQuery, PremiseRow, count_premises, premises_page

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#c62828")

Index = QModelIndex | QPersistentModelIndex


class PremisesTableModel(PagedRowsModel):
    sig_total_changed = Signal(int)
    sig_loading_changed = Signal(bool)
    sig_query_loaded = Signal()
    sig_page_loaded = Signal(int)

    COLUMNS = ("code", "name", "type", "status", "address", "grid", "next_inspection")

    def __init__(self, runner: TaskRunner, actor: Actor, page_size: int = 200, debounce_ms: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor, self.page_size = runner, actor, page_size
        self._headers = [self.tr("Code"), self.tr("Name"), self.tr("Type"), self.tr("Status"),
                         self.tr("Address"), self.tr("Grid"), self.tr("Next inspection")]
        self._query = PremiseQuery()
        self._rows: list[PremiseRow] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._loading = False
        self._pending_text = ""
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self._apply_text)

    # -- what the widgets drive -------------------------------------------------------------------------

    @property
    def query(self) -> PremiseQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def rows_fetched(self) -> int:
        """Rows held for the current query: never more than the pages the view asked for."""
        return len(self._rows)

    @property
    def loading(self) -> bool:
        return self._loading

    def set_search_text(self, text: str) -> None:
        self._pending_text = text
        self._debounce.start()

    def set_org_path(self, org_path: str | None) -> None:
        self._run(replace(self._query, org_path=org_path))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._run(replace(self._query, sort=self.COLUMNS[column],
                          descending=order == Qt.SortOrder.DescendingOrder))

    def refresh(self) -> None:
        self._run(self._query)

    # -- queries ----------------------------------------------------------------------------------------

    def _apply_text(self) -> None:
        if self._pending_text.strip() != self._query.text.strip():
            self._run(replace(self._query, text=self._pending_text.strip()))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.sig_loading_changed.emit(loading)

    def _run(self, q: PremiseQuery) -> None:
        self._debounce.stop()
        self._query = q
        self._generation += 1
        generation, actor, limit = self._generation, self._actor, self.page_size

        def first_page(session) -> tuple[int, list[PremiseRow]]:
            total = count_premises(session, actor, q)
            return total, (premises_page(session, actor, q, 0, limit) if total else [])

        self._set_loading(True)
        self._runner.submit(first_page, lambda result: self._first_page_arrived(generation, result),
                            lambda exc: self._failed(generation, exc))

    def _first_page_arrived(self, generation: int, result: tuple[int, list[PremiseRow]]) -> None:
        if generation != self._generation:
            return
        total, rows = result
        self.beginResetModel()
        self._rows, self._total, self._fetching = list(rows), total, False
        self.endResetModel()
        self._set_loading(False)
        self.sig_total_changed.emit(total)
        self.sig_query_loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self._set_loading(False)
            self._runner.sig_error.emit(render_error(exc))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        busy = self._fetching or self._loading
        return not parent.isValid() and not busy and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, actor, q = self._generation, self._actor, self._query
        offset, limit = len(self._rows), self.page_size
        self._runner.submit(lambda session: premises_page(session, actor, q, offset, limit),
                            lambda rows: self._page_arrived(generation, offset, rows),
                            lambda exc: self._failed(generation, exc))

    def _page_arrived(self, generation: int, offset: int, rows: list[PremiseRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if rows:
            self._append_page(rows)
        else:
            self._total = len(self._rows)  # the table shrank under us: stop asking
        self.sig_page_loaded.emit(len(self._rows))

    # -- Qt model interface -----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("name", "address"):
            return getattr(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == "next_inspection" and _overdue(row):
            return QBrush(OVERDUE)
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        return None

    @staticmethod
    def _display(row: PremiseRow, column: str) -> str:
        if column == "type":
            return premise_type_label(row.type)
        if column == "status":
            return status_label(row.status)
        if column == "grid":
            return row.grid_name
        if column == "next_inspection":
            return row.next_inspection.isoformat() if row.next_inspection else ""
        return getattr(row, column)


def _overdue(row: PremiseRow) -> bool:
    return row.next_inspection is not None and row.next_inspection < date.today()
