"""The incident inbox as a lazy Qt model: a queue's first page and count arrive together, further pages
come by keyset as the view scrolls (canFetchMore/fetchMore), and the counts of every queue refresh on their
own; every query runs off the GUI thread through the TaskRunner.

Keyset pages ("the rows after the last one held") cost the same deep in a million cases as on page one.
A generation number tags each query; answers to an older one (the operator switched queue meanwhile) are
dropped. The clock is read when a query starts, so "due soon" and "overdue" are as of that moment."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from console.domain.deadlines import DeadlinePolicy
from console.domain.incident_catalog import deadline_policy
from console.domain.incident_sources import URGENT_PRIORITY
from console.qtmodels.error_messages import render_error
from console.qtmodels.incident_labels import (
    DEADLINE_COLOURS,
    URGENT_COLOUR,
    category_label,
    deadline_status_label,
    priority_label,
    source_label,
    state_label,
)
from console.qtmodels.incident_mime import INCIDENT_MIME, encode_cases
from console.qtmodels.paged_rows import PagedRowsModel
from console.qtmodels.tasks import TaskRunner
from console.services.dispatch_targets import CaseRef
from console.services.incident_queues import InboxQuery, InboxRow, count_inbox, inbox_page_after, queue_counts
from console.services.jurisdiction import Actor

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
TIME_FORMAT = "%Y-%m-%d %H:%M"

Index = QModelIndex | QPersistentModelIndex


class InboxModel(PagedRowsModel):
    sig_total_changed = Signal(int)
    sig_counts_changed = Signal(dict)
    sig_loading_changed = Signal(bool)
    sig_query_loaded = Signal()
    sig_page_loaded = Signal(int)

    COLUMNS = ("case_no", "title", "category", "source", "priority", "state", "reported_at", "deadline")
    RESIDENT_PAGES = 30
    SORTABLE = frozenset({"case_no", "title", "category", "source", "priority", "state", "reported_at"})

    def __init__(self, runner: TaskRunner, actor: Actor, policy: DeadlinePolicy | None = None,
                 page_size: int = 200, debounce_ms: int = 250, clock: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor, self.page_size = runner, actor, page_size
        self._policy = policy or deadline_policy()
        self._clock = clock
        self._headers = [self.tr("Case no."), self.tr("Title"), self.tr("Category"), self.tr("Source"),
                         self.tr("Priority"), self.tr("State"), self.tr("Reported"), self.tr("Deadline")]
        self._query = InboxQuery(now=clock())
        self._rows: list[InboxRow] = []
        self._total = 0
        self._counts: dict[str, int] = {}
        self._generation = 0
        self._counts_generation = 0
        self._fetching = False
        self._loading = False
        self._exhausted = False
        self._pending_text = ""
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self._apply_text)

    # -- what the widgets drive -------------------------------------------------------------------------

    @property
    def query(self) -> InboxQuery:
        return self._query

    @property
    def total(self) -> int:
        """Cases in the current query; arrives after the first page (sig_total_changed)."""
        return self._total

    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    @property
    def loading(self) -> bool:
        return self._loading

    def row_at(self, row: int) -> InboxRow | None:
        """None while the row's page is being fetched again (it had been scrolled far out of view)."""
        return self._row(row)

    def set_queue(self, queue: str) -> None:
        self._run(replace(self._query, queue=queue))

    def set_filters(self, **filters) -> None:
        """category, source, org_path, reported_from, reported_to (None clears one); counts follow."""
        self._run(replace(self._query, **filters), with_counts=True)

    def set_search_text(self, text: str) -> None:
        self._pending_text = text
        self._debounce.start()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS) or self.COLUMNS[column] not in self.SORTABLE:
            return
        self._run(replace(self._query, sort=self.COLUMNS[column],
                          descending=order == Qt.SortOrder.DescendingOrder))

    def refresh(self) -> None:
        """Reload the current queue and every count (the change feed calls this when cases change)."""
        self._run(self._query, with_counts=True)

    # -- queries ----------------------------------------------------------------------------------------

    def _apply_text(self) -> None:
        if self._pending_text.strip() != self._query.text.strip():
            self._run(replace(self._query, text=self._pending_text.strip()), with_counts=True)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.sig_loading_changed.emit(loading)

    def _run(self, q: InboxQuery, with_counts: bool = False) -> None:
        """The first page and the total travel separately: a text filter's count scans the whole scope,
        its first page usually does not, and the page is what the operator waits for."""
        self._debounce.stop()
        q = replace(q, now=self._clock())
        self._query = q
        self._generation += 1
        generation, actor, policy, limit = self._generation, self._actor, self._policy, self.page_size
        self._set_loading(True)
        self._runner.submit(lambda session: inbox_page_after(session, actor, q, policy, after=None, limit=limit),
                            lambda rows: self._first_page_arrived(generation, rows),
                            lambda exc: self._failed(generation, exc))
        self._runner.submit(lambda session: count_inbox(session, actor, q, policy),
                            lambda total: self._total_arrived(generation, total),
                            lambda exc: self._failed(generation, exc))
        if with_counts or not self._counts:
            self._refresh_counts(q)

    def _refresh_counts(self, q: InboxQuery) -> None:
        self._counts_generation += 1
        generation, actor, policy = self._counts_generation, self._actor, self._policy
        self._runner.submit(lambda session: queue_counts(session, actor, q, policy),
                            lambda counts: self._counts_arrived(generation, counts))

    def _counts_arrived(self, generation: int, counts: dict[str, int]) -> None:
        if generation == self._counts_generation:
            self._counts = counts
            self.sig_counts_changed.emit(dict(counts))

    def _first_page_arrived(self, generation: int, rows: list[InboxRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._reset_rows(rows)
        self._fetching = False
        self._exhausted = len(rows) < self.page_size
        self.endResetModel()
        self._set_loading(False)
        self.sig_query_loaded.emit()

    def _total_arrived(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self._total = total
            self.sig_total_changed.emit(total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self._set_loading(False)
            self._runner.sig_error.emit(render_error(exc))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        busy = self._fetching or self._loading
        return not parent.isValid() and not busy and not self._exhausted and bool(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, actor, q, policy = self._generation, self._actor, self._query, self._policy
        last, limit, held = self._tail, self.page_size, len(self._rows)
        self._runner.submit(lambda session: inbox_page_after(session, actor, q, policy, after=last, limit=limit),
                            lambda rows: self._page_arrived(generation, held, last, rows),
                            lambda exc: self._failed(generation, exc))

    def _page_arrived(self, generation: int, held: int, after: InboxRow, rows: list[InboxRow]) -> None:
        if generation != self._generation or held != len(self._rows):
            return
        self._fetching = False
        self._append_page(rows, anchor=after)
        self._exhausted = len(rows) < self.page_size
        self.sig_page_loaded.emit(len(self._rows))

    def _reload_page(self, page: int, anchor: InboxRow | None) -> None:
        generation, actor, q, policy = self._generation, self._actor, self._query, self._policy
        limit = self.page_size
        self._runner.submit(lambda session: inbox_page_after(session, actor, q, policy, after=anchor, limit=limit),
                            lambda rows: self._reloaded(generation, page, rows),
                            lambda exc: self._reload_failed(generation, page, exc))

    def _reload_failed(self, generation: int, page: int, exc: BaseException) -> None:
        self._reloading.discard(page)  # asked again when the view next needs it
        self._failed(generation, exc)

    def _reloaded(self, generation: int, page: int, rows: list[InboxRow]) -> None:
        if generation == self._generation:
            self._page_reloaded(page, rows)

    # -- Qt model interface -----------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be dragged onto the dispatch board or the map."""
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [INCIDENT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and i.row() < len(self._rows)})
        return encode_cases(CaseRef(r.id, r.version, r.case_no, r.state, r.grid_id)
                            for r in (self._rows[k] for k in rows) if r is not None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole and column == "deadline":
            return deadline_status_label(row.deadline_status.value) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and row.priority == URGENT_PRIORITY:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return row.id
        if role == VERSION_ROLE:
            return row.version
        if role == ROW_ROLE:
            return row
        return None


def _display(row: InboxRow, column: str) -> str:
    if column == "category":
        return category_label(row.category)
    if column == "source":
        return source_label(row.source)
    if column == "priority":
        return priority_label(row.priority)
    if column == "state":
        return state_label(row.state)
    if column in ("reported_at", "deadline"):
        moment = getattr(row, column)
        return moment.strftime(TIME_FORMAT) if moment else ""
    return getattr(row, column)


def _foreground(row: InboxRow, column: str) -> QBrush | None:
    if column == "deadline" and row.deadline_status.value in DEADLINE_COLOURS:
        return QBrush(DEADLINE_COLOURS[row.deadline_status.value])
    if column == "priority" and row.priority == URGENT_PRIORITY:
        return QBrush(URGENT_COLOUR)
    return None
