"""The incident inbox: the queues on the left with live counts, a filter row (category, source, text), the
lazy case table (sortable, coloured by priority and deadline) and the number of cases in the current view.
Selecting a row tells the window which case to show in the detail panel."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.incident_catalog import CATEGORIES
from console.qtmodels.inbox_model import ID_ROLE, InboxModel
from console.qtmodels.incident_labels import SOURCES, category_label, queue_label, source_label
from console.qtmodels.labels import fill
from console.services.incident_queues import QUEUES

QUEUE_ROLE = Qt.ItemDataRole.UserRole + 1
# What a typical cell holds, so the starting widths follow the font and the language.
_SAMPLES = {"case_no": "20261130-ABCDEF1234", "title": "某某小区门口占道经营影响通行",
            "category": "公共安全隐患", "source": "12345热线", "priority": "紧急", "state": "处置反馈",
            "reported_at": "2026-11-30 12:00", "deadline": "2026-11-30 12:00"}
_PADDING = 16


class InboxPanel(QWidget):
    sig_incident_selected = Signal(int)

    def __init__(self, model: InboxModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

        self.queue_list = QListWidget(self)
        self.queue_list.setObjectName("inboxQueues")
        for key in QUEUES:
            item = QListWidgetItem(queue_label(key))
            item.setData(QUEUE_ROLE, key)
            self.queue_list.addItem(item)
        self.queue_list.setCurrentRow(QUEUES.index(model.query.queue))
        self.queue_list.currentItemChanged.connect(self._queue_chosen)

        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("inboxCategory")
        self.category_combo.addItem(self.tr("All categories"), None)
        for cat in CATEGORIES:
            self.category_combo.addItem(category_label(cat.key), cat.key)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("inboxSource")
        self.source_combo.addItem(self.tr("All sources"), None)
        for key in SOURCES:
            self.source_combo.addItem(source_label(key), key)
        self.category_combo.currentIndexChanged.connect(self._filters_changed)
        self.source_combo.currentIndexChanged.connect(self._filters_changed)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("inboxSearch")
        self.search_edit.setPlaceholderText(self.tr("Search by case no., title, address or description"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(model.set_search_text)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("inboxTotal")

        self.table = QTableView(self)
        self.table.setObjectName("inboxTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        fm = self.fontMetrics()
        for column, key in enumerate(model.COLUMNS):
            header.resizeSection(column, fm.horizontalAdvance(_SAMPLES[key]) + _PADDING)
        header.setSectionResizeMode(model.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        sort = model.query.sort if model.query.sort in model.COLUMNS else "reported_at"
        header.setSortIndicator(model.COLUMNS.index(sort), Qt.SortOrder.DescendingOrder
                                if model.query.descending else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._pin_selection)

        # Only a query slower than a blink says "searching": fast answers would just flicker.
        self._busy_timer = QTimer(self, singleShot=True, interval=300)
        self._busy_timer.timeout.connect(lambda: self.total_label.setText(self.tr("Searching…")))
        model.sig_loading_changed.connect(self._show_loading)
        model.sig_total_changed.connect(self._show_total)
        model.sig_counts_changed.connect(self._show_counts)
        if model.counts:
            self._show_counts(model.counts)

        filters = QHBoxLayout()
        filters.addWidget(self.category_combo)
        filters.addWidget(self.source_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.total_label)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(filters)
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.queue_list)
        layout.addLayout(right, 1)
        self._fit_queue_list()

    def _fit_queue_list(self) -> None:
        fm = self.queue_list.fontMetrics()
        widest = max(fm.horizontalAdvance(fill(self.tr("%1 (%2)"), queue_label(k), "999,999")) for k in QUEUES)
        self.queue_list.setFixedWidth(widest + 2 * _PADDING)

    def _pin_selection(self) -> None:
        """Selected rows keep their pages in memory however far the operator scrolls away."""
        self.model.set_pinned_rows(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        """The cases of the multi-selection, in table order (for bulk actions)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.index(r, 0).data(ID_ROLE) for r in rows]

    def select_queue(self, queue: str) -> None:
        self.queue_list.setCurrentRow(QUEUES.index(queue))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _queue_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.model.set_queue(item.data(QUEUE_ROLE))

    def _filters_changed(self) -> None:
        self.model.set_filters(category=self.category_combo.currentData(), source=self.source_combo.currentData())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.sig_incident_selected.emit(current.data(ID_ROLE))

    def _show_counts(self, counts: dict[str, int]) -> None:
        for row in range(self.queue_list.count()):
            item = self.queue_list.item(row)
            key = item.data(QUEUE_ROLE)
            if key in counts:
                item.setText(fill(self.tr("%1 (%2)"), queue_label(key), QLocale().toString(counts[key])))

    def _show_total(self, total: int) -> None:
        self.total_label.setText(fill(self.tr("%1 cases"), QLocale().toString(total)))

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
