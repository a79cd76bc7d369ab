"""The org tree panel: the actor's units with premises, grid workers and open incidents; a filter box; picking
a unit tells the rest of the window which part of the jurisdiction to show."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from console.qtmodels.org_tree import PATH_ROLE, OrgFilterProxy, OrgTreeModel


class OrgTreePanel(QWidget):
    sig_unit_selected = Signal(str, str)  # org_path, name

    def __init__(self, model: OrgTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = OrgFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("orgFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter units by name or code"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)

        self.view = QTreeView(self)
        self.view.setObjectName("orgTree")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        # "湖里…第01网格": both ends of a unit's name tell it apart from its neighbours.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        model.sig_loaded.connect(self._loaded)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)

    def _loaded(self) -> None:
        self.view.expandToDepth(1)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if text.strip():
            self.view.expandAll()
        else:
            self.view.collapseAll()
            self.view.expandToDepth(1)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            index = indexes[0].siblingAtColumn(0)
            self.sig_unit_selected.emit(index.data(PATH_ROLE), index.data(Qt.ItemDataRole.DisplayRole))
