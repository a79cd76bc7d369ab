"""派遣 from the keyboard: Ctrl+D in the inbox lists the targets with a search box; type to narrow, arrows
to choose, Enter to dispatch the selected cases (the board's rules and report apply)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.dispatch_targets import TARGET_ROLE, DispatchTargetsModel, TargetFilterProxy
from console.qtmodels.labels import fill
from console.services.dispatch_targets import DispatchTarget

_NAVIGATION = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class DispatchDialog(QDialog):
    def __init__(self, model: DispatchTargetsModel, case_numbers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispatchDialog")
        self.setWindowTitle(self.tr("Dispatch"))
        self.proxy = TargetFilterProxy(model, self)
        shown = ", ".join(case_numbers[:3]) + ("…" if len(case_numbers) > 3 else "")
        summary = QLabel(fill(self.tr("Dispatch %1 cases (%2) to:"), str(len(case_numbers)), shown), self)
        summary.setWordWrap(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("dispatchDialogSearch")
        self.search_edit.setPlaceholderText(self.tr("Search departments, centers and workers"))
        self.search_edit.installEventFilter(self)
        self.view = QTableView(self)
        self.view.setObjectName("dispatchDialogTargets")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self.accept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.search_edit.textChanged.connect(self._narrowed)
        self.view.selectionModel().currentRowChanged.connect(self._update_ok)
        self._narrowed("")
        self.search_edit.setFocus()

    def chosen_target(self) -> DispatchTarget | None:
        index = self.view.currentIndex()
        return index.data(TARGET_ROLE) if index.isValid() else None

    def _narrowed(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.view.selectRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen_target() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrows in the search box move the choice, so the hands stay on the keyboard."""
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event
            if key_event.key() in _NAVIGATION:
                self.view.keyPressEvent(key_event)
                return True
        return super().eventFilter(watched, event)
