"""The table side shared by the lazy list models: rows arrive a page at a time and are appended.

A model that can fetch a page again (`_reload_page`) may set RESIDENT_PAGES: the pages used least recently
beyond that bound give their rows back (the slots stay, None), so scrolling through a million cases holds
a few thousand rows, not all it has passed; a page scrolled back into view is fetched again. Pages holding
selected rows are pinned, so what the operator selected is always there to act on."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class PagedRowsModel(QAbstractTableModel):
    """Subclasses set COLUMNS (keys), `_headers` (translated titles) and `page_size`, and implement
    `data()`; with RESIDENT_PAGES they also implement `_reload_page`."""

    COLUMNS: tuple[str, ...] = ()
    RESIDENT_PAGES = 0  # 0: every page stays

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.page_size = 200
        self._rows: list = []
        self._headers: list[str] = []
        self._tail = None
        self._anchors: list = []  # per page: what `_reload_page` needs to fetch it again
        self._resident: OrderedDict[int, None] = OrderedDict()
        self._reloading: set[int] = set()
        self._pinned: set[int] = set()

    def _reset_rows(self, rows: list, anchor=None) -> None:
        """The first page of a new query (call between beginResetModel and endResetModel)."""
        self._rows = list(rows)
        self._tail = self._rows[-1] if self._rows else None
        self._anchors = [anchor]
        self._resident = OrderedDict.fromkeys([0] if self._rows else [])
        self._reloading.clear()
        self._pinned.clear()

    def _append_page(self, rows: list, anchor=None) -> None:
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            self._tail = rows[-1]
            self._anchors.append(anchor)
            self._resident[start // self.page_size] = None
            self._evict()

    def _row(self, row: int):
        """The row, or None while its page is being fetched again (then a request goes out)."""
        value = self._rows[row]
        page = row // self.page_size
        if value is None:
            self._request_page(page)
        elif page in self._resident:
            self._resident.move_to_end(page)
        return value

    @property
    def resident_rows(self) -> int:
        return sum(1 for row in self._rows if row is not None)

    def set_pinned_rows(self, rows: Iterable[int]) -> None:
        """Rows the view has selected: their pages stay, and are fetched again if they had gone."""
        self._pinned = {row // self.page_size for row in rows}
        for page in self._pinned:
            if page not in self._resident:
                self._request_page(page)

    def _request_page(self, page: int) -> None:
        if page not in self._reloading and page < len(self._anchors):
            self._reloading.add(page)
            self._reload_page(page, self._anchors[page])

    def _reload_page(self, page: int, anchor) -> None:
        raise NotImplementedError("a model with RESIDENT_PAGES fetches pages again")

    def _page_reloaded(self, page: int, rows: list) -> None:
        self._reloading.discard(page)
        start = page * self.page_size
        count = min(len(rows), self.page_size, len(self._rows) - start)
        if count <= 0:
            return
        self._rows[start:start + count] = rows[:count]
        self._resident[page] = None
        self._evict()
        self.dataChanged.emit(self.index(start, 0), self.index(start + count - 1, len(self.COLUMNS) - 1))

    def _evict(self) -> None:
        if not self.RESIDENT_PAGES:
            return
        for page in list(self._resident):
            if len(self._resident) <= self.RESIDENT_PAGES:
                return
            if page in self._pinned:
                continue
            del self._resident[page]
            start = page * self.page_size
            stop = min(start + self.page_size, len(self._rows))
            self._rows[start:stop] = [None] * (stop - start)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
