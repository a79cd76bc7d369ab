"""The dossier's photos (一户一档照片): thumbnails of the premise's storefront and hazard pictures, "Add photo…"
to put one on file, and "Remove photo…" on a thumbnail's context menu, confirmed first, for one added by
mistake. Reads and writes go through the PremiseDossier façade (TaskRunner threads); the dossier reloads
after a write and the strip with it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.roles import can_write
from console.qtmodels.labels import fill
from console.qtmodels.premise_dossier import PremiseDossier
from console.services.premise_dossier import Dossier
from widgets.common.photo_strip import PhotoStrip


class DossierPhotos(QGroupBox):
    sig_refused = Signal(object)  # the exception of a refused add or remove, for the panel to explain
    sig_done = Signal(str)        # what was done, for the panel to confirm

    def __init__(self, model: PremiseDossier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Photos"))
        self.model = model
        self.confirm_box: QMessageBox | None = None
        self.strip = PhotoStrip(model.runner, model.photos, self, name="dossierPhotos", removable=True)
        self.strip.sig_remove_requested.connect(self.confirm_remove)
        self.add_button = QPushButton(self.tr("Add photo…"), self)
        self.add_button.setObjectName("dossierAddPhoto")
        self.add_button.clicked.connect(self.add)
        self.add_button.setVisible(can_write(model.actor.role))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addLayout(row)

    def show_dossier(self, d: Dossier) -> None:
        self.strip.load(d.id)

    def add(self) -> None:
        if self.model.dossier is None:
            return
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Add a photo to the premise"), "",
                                                    self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.add_button.setEnabled(False)
            self.model.add_photo(Path(path), lambda _photo_id: self._done(self.tr("Photo added.")),
                                 self._refused)

    def confirm_remove(self, photo_id: int, filename: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove photo"),
                          fill(self.tr("Remove the photo %1 from this premise's file?"), filename),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(lambda button: self._confirmed(box, button, photo_id))
        box.finished.connect(lambda _result: self._box_closed(box))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, button, photo_id: int) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            self.model.remove_photo(photo_id, lambda _pid: self._done(self.tr("Photo removed.")), self._refused)

    def _box_closed(self, box: QMessageBox) -> None:
        if self.confirm_box is box:
            self.confirm_box = None
        box.deleteLater()

    def _done(self, text: str) -> None:
        self.add_button.setEnabled(True)
        self.sig_done.emit(text)

    def _refused(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.sig_refused.emit(exc)
