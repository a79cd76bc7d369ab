"""The case's pictures (现场照片) as a strip of thumbnails under its details: video snapshots and field photos.

Loaded off the GUI thread after the case itself; double-clicking a thumbnail opens the full picture."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from console.qtmodels.tasks import TaskRunner
from console.services.incident_attachments import AttachmentRow, incident_photos
from console.services.jurisdiction import Actor

THUMB = QSize(160, 90)
DataRole = Qt.ItemDataRole.UserRole + 1


class PhotoStrip(QListWidget):
    sig_loaded = Signal(int)  # number of pictures shown

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self._generation = 0
        self.incident_id = 0
        self.setObjectName("incidentPhotos")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setMovement(QListWidget.Movement.Static)
        self.setFixedHeight(THUMB.height() + 44)
        self.itemDoubleClicked.connect(self._open)
        self.hide()

    def load(self, incident_id: int) -> None:
        self._generation += 1
        generation, actor, self.incident_id = self._generation, self._actor, incident_id
        self._runner.submit(lambda session: incident_photos(session, actor, incident_id),
                            lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: list[AttachmentRow]) -> None:
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
            self.addItem(item)
        self.setVisible(bool(rows))
        self.sig_loaded.emit(len(rows))

    def _open(self, item: QListWidgetItem) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(item.toolTip())
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(QImage.fromData(item.data(DataRole))))
        scroll = QScrollArea(dialog)
        scroll.setWidget(label)
        QVBoxLayout(dialog).addWidget(scroll)
        dialog.resize(720, 460)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
