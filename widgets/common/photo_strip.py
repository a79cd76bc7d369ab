"""Pictures as a strip of thumbnails: a case's (现场照片: video snapshots, field photos) under its details, a
premise's (storefront, hazard) in its dossier. Which pictures is the caller's `loader`, run off the GUI
thread; double-clicking a thumbnail opens the full picture, and a removable strip offers "Remove photo…" on
its context menu (the owner confirms and removes)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.qtmodels.tasks import TaskRunner

THUMB = QSize(160, 90)
DataRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


class Photo(Protocol):
    id: int
    filename: str
    added_at: datetime
    data: bytes


PhotoLoader = Callable[[Session, int], Sequence[Photo]]
"""(session, owner id) → the owner's pictures, newest first."""


class PhotoStrip(QListWidget):
    sig_loaded = Signal(int)                # number of pictures shown
    sig_remove_requested = Signal(int, str)  # photo id, file name: chosen on the context menu

    def __init__(self, runner: TaskRunner, loader: PhotoLoader, parent: QWidget | None = None, *,
                 name: str = "incidentPhotos", removable: bool = False) -> None:
        super().__init__(parent)
        self._runner, self._loader = runner, loader
        self._generation = 0
        self.owner_id = 0
        self.setObjectName(name)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setMovement(QListWidget.Movement.Static)
        self.setFixedHeight(THUMB.height() + 44)
        self.itemDoubleClicked.connect(self._open)
        if removable:
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.customContextMenuRequested.connect(self._context_menu)
        self.hide()

    def load(self, owner_id: int) -> None:
        self._generation += 1
        generation, loader, self.owner_id = self._generation, self._loader, owner_id
        self._runner.submit(lambda session: loader(session, owner_id),
                            lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: Sequence[Photo]) -> None:
        if generation != self._generation:
            return
        self.clear()
        for row in rows:
            image = QImage.fromData(row.data)
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image.scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))),
                row.added_at.strftime("%m-%d %H:%M"))
            item.setToolTip(row.filename)
            item.setData(DataRole, row.data)
            item.setData(IdRole, row.id)
            self.addItem(item)
        self.setVisible(bool(rows))
        self.sig_loaded.emit(len(rows))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        photo_id, filename, data = item.data(IdRole), item.toolTip(), item.data(DataRole)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._show_large(filename, data))
        menu.addAction(self.tr("Remove photo…"), lambda: self.sig_remove_requested.emit(photo_id, filename))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(pos))

    def _open(self, item: QListWidgetItem) -> None:
        self._show_large(item.toolTip(), item.data(DataRole))

    def _show_large(self, filename: str, data: bytes) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(filename)
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(QImage.fromData(data)))
        scroll = QScrollArea(dialog)
        scroll.setWidget(label)
        QVBoxLayout(dialog).addWidget(scroll)
        dialog.resize(720, 460)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
