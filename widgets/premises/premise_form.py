"""Create or edit a premise's base data. The services validate; a refusal names the field (rendered in the
console's language), the field is marked and focused, and the form stays open with what was typed. Nothing
is written until all is valid."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.messages import explain
from console.qtmodels.error_messages import render_message
from console.qtmodels.labels import PREMISE_TYPES, fill, premise_type_label
from console.services.premise_dossier import Dossier
from console.services.premise_edit import PremiseForm, PremiseInvalid
from widgets.premises.dossier_sections import field_labels

_INVALID_STYLE = "border: 2px solid #c62828;"
COORD_DECIMALS = 6


class PremiseFormDialog(QDialog):
    sig_submit = Signal(object)  # a PremiseForm whose numbers parse; the panel writes it

    def __init__(self, dossier: Dossier | None, grids: list[tuple[int, str]],
                 location: tuple[float, float, int | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("premiseFormDialog")
        self.dossier = dossier
        self.setWindowTitle(fill(self.tr("Edit premise %1"), dossier.name) if dossier
                            else self.tr("New premise"))
        self.edits: dict[str, QWidget] = {}
        for key in ("name", "address", "owner", "owner_phone", "licence_no", "lon", "lat"):
            edit = QLineEdit(self)
            edit.setObjectName(f"premise_{key}")
            self.edits[key] = edit
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("premise_type")
        for key in PREMISE_TYPES:
            self.type_combo.addItem(premise_type_label(key), key)
        self.grid_combo = QComboBox(self)
        self.grid_combo.setObjectName("premise_grid_id")
        for grid_id, name in grids:
            self.grid_combo.addItem(name, grid_id)
        self.edits["type"], self.edits["grid_id"] = self.type_combo, self.grid_combo
        self.edits["owner_phone"].setPlaceholderText(self.tr("mobile or landline, e.g. 0592-1234567"))
        self.edits["licence_no"].setPlaceholderText(self.tr("unified social credit code or licence number"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("premiseFormError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #8e1b1b;")
        self.error_label.hide()
        self._fill(dossier, location)

        labels = field_labels()
        form = QFormLayout()
        for key in ("name", "type", "address", "owner", "owner_phone", "licence_no", "grid_id", "lon", "lat"):
            form.addRow(fill(self.tr("%1:"), labels[key]), self.edits[key])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("premiseSave")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _fill(self, d: Dossier | None, location: tuple[float, float, int | None] | None) -> None:
        if d is not None:
            for key in ("name", "address", "owner", "owner_phone", "licence_no"):
                self.edits[key].setText(getattr(d, key) or "")
            self.type_combo.setCurrentIndex(max(self.type_combo.findData(d.type), 0))
            location = (d.lon, d.lat, d.grid_id)
        if location is not None:
            lon, lat, grid_id = location
            self.edits["lon"].setText(f"{lon:.{COORD_DECIMALS}f}")
            self.edits["lat"].setText(f"{lat:.{COORD_DECIMALS}f}")
            if grid_id is not None:
                self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(grid_id), 0))

    def _number(self, key: str) -> float:
        try:
            return float(self.edits[key].text().strip().replace("，", "").replace(",", "."))
        except ValueError:
            raise PremiseInvalid(key, "number", explain("{value} is not a number",
                                                        value=repr(self.edits[key].text()))) from None

    def values(self) -> PremiseForm:
        """The form as typed; raises PremiseInvalid for a coordinate that is not a number."""
        text = {key: self.edits[key].text()
                for key in ("name", "address", "owner", "owner_phone", "licence_no")}
        grid = self.grid_combo.currentData()
        if grid is None:
            raise PremiseInvalid("grid_id", "required", explain("choose a grid"))
        return PremiseForm(name=text["name"], type=self.type_combo.currentData(), address=text["address"],
                           grid_id=int(grid), lon=self._number("lon"), lat=self._number("lat"),
                           owner=text["owner"], owner_phone=text["owner_phone"],
                           licence_no=text["licence_no"])

    def _submit(self) -> None:
        self._clear_marks()
        try:
            form = self.values()
        except PremiseInvalid as exc:
            self.show_invalid(exc)
            return
        self.save_button.setEnabled(False)
        self.sig_submit.emit(form)

    def _clear_marks(self) -> None:
        self.error_label.hide()
        for widget in self.edits.values():
            widget.setStyleSheet("")

    def show_invalid(self, exc: PremiseInvalid) -> None:
        widget = self.edits.get(exc.field)
        if widget is not None:
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setFocus()
        self.show_error(render_message(exc.message))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.save_button.setEnabled(True)

