"""The camera tree beside the wall: search by name or code, drag cameras out, double-click to play."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from console.qtmodels.video_camera_tree import CameraIdRole, CameraTreeModel, SearchTextRole


class CameraTreePanel(QWidget):
    sig_camera_activated = Signal(int)

    def __init__(self, model: CameraTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterRole(SearchTextRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search cameras"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        model.modelReset.connect(self.view.expandAll)
        self.view.expandAll()

    @Slot(str)
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        camera_id = index.data(CameraIdRole)
        if camera_id is not None:
            self.sig_camera_activated.emit(int(camera_id))
