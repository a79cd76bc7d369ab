"""The premises table panel: a search box, the count of matches ("共 N 个场所"), and a sortable table that
loads pages as it scrolls. The org tree narrows it through `set_org_filter`; double-click or Enter on a row
opens the premise's dossier (sig_premise_activated)."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.labels import PREMISE_TYPES, STATUSES, fill, premise_type_label, status_label
from console.qtmodels.premises_table import ID_ROLE, PremisesTableModel

# What a typical cell holds, so the starting widths follow the font and the language.
_SAMPLES = {"code": "P3502060000000", "name": "厦门市某某商贸有限公司",
            "address": "福建省厦门市湖里区某某路1234号之五", "grid": "某某某社区第01网格",
            "next_inspection": "2026-12-31"}
_PADDING = 16
_SWATCH = 24


class PremisesPanel(QWidget):
    sig_premise_activated = Signal(int)  # double-click or Enter on a row: open its dossier

    def __init__(self, model: PremisesTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._scope_name = ""

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("premisesSearch")
        self.search_edit.setPlaceholderText(self.tr("Search premises by name, address or code"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(model.set_search_text)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("premisesCount")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableView(self)
        self.table.setObjectName("premisesTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # dense: an operator scans many rows
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        for column, width in enumerate(self._initial_widths()):
            header.resizeSection(column, width)
        # Spare width goes to the address, the one column whose text is often longer than its cell.
        header.setSectionResizeMode(model.COLUMNS.index("address"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(model.COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)

        # Only a query slower than a blink says "searching": fast answers would just flicker.
        self._busy_timer = QTimer(self, singleShot=True, interval=300)
        self._busy_timer.timeout.connect(lambda: self.count_label.setText(self.tr("Searching…")))
        model.sig_total_changed.connect(self._show_count)
        model.sig_loading_changed.connect(self._show_loading)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def _initial_widths(self) -> list[int]:
        fm = self.fontMetrics()
        longest = {"type": max(fm.horizontalAdvance(premise_type_label(k)) for k in PREMISE_TYPES),
                   "status": max(fm.horizontalAdvance(status_label(k)) for k in STATUSES) + _SWATCH}
        longest.update({key: fm.horizontalAdvance(sample) for key, sample in _SAMPLES.items()})
        return [longest[key] + _PADDING for key in self.model.COLUMNS]

    def set_org_filter(self, org_path: str, name: str) -> None:
        self._scope_name = name
        self.model.set_org_path(org_path)

    def _activated(self, index: QModelIndex) -> None:
        premise_id = index.data(ID_ROLE)
        if premise_id is not None:
            self.sig_premise_activated.emit(int(premise_id))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _show_count(self, total: int) -> None:
        count = fill(self.tr("%1 premises in total"), QLocale().toString(total))
        self.count_label.setText(f"{self._scope_name} · {count}" if self._scope_name else count)

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
