"""Taking a case in by hand (a walk-in 来访, a phone call 来电 …): source, category, title, description,
reporter and number, priority, and where — found by address in the district's register or clicked on the
map. The grid under the point is shown as soon as the point is known. Nothing is written until every field
is right; the wrong ones are marked and named."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.incident_catalog import CATEGORIES
from console.qtmodels.error_messages import render_error
from console.qtmodels.incident_labels import PRIORITIES, category_label, priority_label, source_label
from console.qtmodels.labels import fill
from console.qtmodels.tasks import TaskRunner
from console.services.incident_intake import (
    INTAKE_SOURCES,
    AddressHit,
    FieldProblem,
    IntakeError,
    IntakeForm,
    TakenIn,
    check_form,
    find_addresses,
    locate,
    take_in,
)
from console.services.jurisdiction import Actor

PointPicker = Callable[[Callable[[float, float], None]], None]
"""Starts a one-click pick on the map; the callback gets the clicked WGS-84 lon/lat."""
_ERROR_STYLE = "border: 1px solid #c62828; background: #fff4f4;"
_MESSAGE_STYLE = "QLabel { background: #fdecea; color: #8e1b1b; border: 1px solid #e0a0a0; padding: 6px; }"
ADDRESS_HITS = 20


class IntakeDialog(QDialog):
    sig_created = Signal(object)  # TakenIn: the case was written

    def __init__(self, runner: TaskRunner, actor: Actor, pick_point: PointPicker | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New incident"))
        self._runner, self._actor, self._pick_point = runner, actor, pick_point
        self._point: tuple[float, float] | None = None
        self._busy = False

        self.source_combo = QComboBox(self)
        for key in INTAKE_SOURCES:
            self.source_combo.addItem(source_label(key), key)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("— choose —"), "")
        for cat in CATEGORIES:
            self.category_combo.addItem(category_label(cat.key), cat.key)
        self.priority_combo = QComboBox(self)
        for value in PRIORITIES:
            self.priority_combo.addItem(priority_label(value), value)
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(3))
        self.title_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.name_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(self.tr("Mobile or area code and number"))
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText(self.tr("Address or place name; Enter looks it up"))
        self.address_edit.returnPressed.connect(self.find_address)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.clicked.connect(self.find_address)
        self.address_hits = QListWidget(self)
        self.address_hits.setObjectName("intakeAddressHits")
        self.address_hits.setFixedHeight(self.fontMetrics().height() * 5 + 12)
        self.address_hits.hide()
        self.address_hits.itemActivated.connect(self._hit_chosen)
        self.address_hits.itemClicked.connect(self._hit_chosen)
        self.location_label = QLabel(self.tr("No location yet"), self)
        self.location_label.setObjectName("intakeLocation")
        self.location_label.setWordWrap(True)
        self.pick_button = QPushButton(self.tr("Pick on map"), self)
        self.pick_button.setEnabled(pick_point is not None)
        self.pick_button.clicked.connect(self.start_pick)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("intakeMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(_MESSAGE_STYLE)
        self.message_label.hide()

        self._field_widgets: dict[str, QWidget] = {
            "source": self.source_combo, "category": self.category_combo, "priority": self.priority_combo,
            "title": self.title_edit, "description": self.description_edit, "reporter_name": self.name_edit,
            "reporter_phone": self.phone_edit, "address": self.address_edit, "location": self.location_label}
        self._captions = {"source": self.tr("Source"), "category": self.tr("Category"),
                          "priority": self.tr("Priority"), "title": self.tr("Title"),
                          "description": self.tr("Description"), "reporter_name": self.tr("Reporter"),
                          "reporter_phone": self.tr("Phone"), "address": self.tr("Address"),
                          "location": self.tr("Location")}
        form = QFormLayout()
        form.addRow(self.tr("Source:"), self.source_combo)
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Priority:"), self.priority_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Description:"), self.description_edit)
        form.addRow(self.tr("Reporter:"), self.name_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address_edit, 1)
        address_row.addWidget(self.find_button)
        form.addRow(self.tr("Address:"), address_row)
        form.addRow("", self.address_hits)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location_label, 1)
        location_row.addWidget(self.pick_button)
        form.addRow(self.tr("Location:"), location_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("intakeCreate")
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        for button in (self.find_button, self.pick_button):
            button.setAutoDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the address box looks the address up; anywhere else it creates the case."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.address_edit:
            event.accept()
            return
        super().keyPressEvent(event)

    # -- where ------------------------------------------------------------------------------------------

    @property
    def point(self) -> tuple[float, float] | None:
        return self._point

    def set_location(self, lon: float, lat: float) -> None:
        """The case is here (a map click, an address hit, the map's right-click menu); its grid follows."""
        self._point = (lon, lat)
        self.location_label.setStyleSheet("")
        self.location_label.setText(fill(self.tr("%1, %2 · finding the grid…"), f"{lon:.6f}", f"{lat:.6f}"))
        actor = self._actor
        self._runner.submit(lambda session: locate(session, actor, lon, lat),
                            lambda grid: self._grid_found(lon, lat, grid))
        if not self.isVisible():
            self.show()
        self.raise_()
        self.activateWindow()

    def _grid_found(self, lon: float, lat: float, grid) -> None:
        if self._point != (lon, lat):
            return
        if grid is None:
            self.location_label.setText(fill(self.tr("%1, %2 · in no grid of your jurisdiction"),
                                             f"{lon:.6f}", f"{lat:.6f}"))
            self.location_label.setStyleSheet(_ERROR_STYLE)
        else:
            self.location_label.setText(fill(self.tr("%1, %2 · grid %3"), f"{lon:.6f}", f"{lat:.6f}", grid.name))

    def start_pick(self) -> None:
        if self._pick_point is None:
            return
        self.location_label.setText(self.tr("Click the map where the case is…"))
        self._pick_point(self.set_location)

    def find_address(self) -> None:
        text = self.address_edit.text().strip()
        if not text:
            return
        self.find_button.setEnabled(False)
        actor = self._actor
        self._runner.submit(lambda session: find_addresses(session, actor, text, ADDRESS_HITS),
                            lambda hits: self._show_hits(text, hits),
                            lambda exc: self._show_hits(text, []))

    def _show_hits(self, text: str, hits: list[AddressHit]) -> None:
        self.find_button.setEnabled(True)
        self.address_hits.clear()
        if not hits:
            self.address_hits.addItem(fill(self.tr("No place matches “%1”; pick the point on the map."), text))
        for hit in hits:
            item = QListWidgetItem(fill(self.tr("%1 · %2 (%3)"), hit.address, hit.name, hit.grid_name))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.address_hits.addItem(item)
        self.address_hits.show()
        if len(hits) == 1:
            self._hit_chosen(self.address_hits.item(0))

    def _hit_chosen(self, item: QListWidgetItem) -> None:
        hit: AddressHit | None = item.data(Qt.ItemDataRole.UserRole)
        if hit is None:
            return
        self.address_edit.setText(hit.address)
        self.address_hits.hide()
        self.set_location(hit.lon, hit.lat)

    # -- writing ----------------------------------------------------------------------------------------

    def form(self) -> IntakeForm:
        lon, lat = self._point if self._point else (None, None)
        return IntakeForm(source=self.source_combo.currentData(), category=self.category_combo.currentData(),
                          title=self.title_edit.text(), lon=lon, lat=lat,
                          priority=self.priority_combo.currentData(),
                          description=self.description_edit.toPlainText(), address=self.address_edit.text(),
                          reporter_name=self.name_edit.text(), reporter_phone=self.phone_edit.text())

    def submit(self) -> None:
        """Check the form here first (no round trip for a typo), then create it off the GUI thread."""
        if self._busy:
            return
        form = self.form()
        problems = check_form(form)
        if problems:
            self.show_problems(problems)
            return
        self._busy = True
        self.create_button.setEnabled(False)
        actor = self._actor

        def create(session) -> TakenIn:
            taken = take_in(session, actor, form)
            session.commit()
            return taken
        self._runner.submit(create, self._created, self._failed)

    def _created(self, taken: TakenIn) -> None:
        self._busy = False
        self.sig_created.emit(taken)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.create_button.setEnabled(True)
        if isinstance(exc, IntakeError):
            self.show_problems(exc.problems)
        else:
            self._say([fill(self.tr("The case was not created: %1"), render_error(exc))])

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for widget in self._field_widgets.values():
            widget.setStyleSheet("")
        for p in problems:
            if p.field in self._field_widgets:
                self._field_widgets[p.field].setStyleSheet(_ERROR_STYLE)
        self._say([self._problem_text(p) for p in problems])
        first = next((self._field_widgets[p.field] for p in problems if p.field in self._field_widgets), None)
        if first is not None and first is not self.location_label:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _problem_text(self, p: FieldProblem) -> str:
        caption = self._captions.get(p.field, p.field)
        if p.field == "reporter_phone" and p.code == "invalid":
            return fill(self.tr("%1: “%2” is not a phone number (an 11-digit mobile, or area code and number)."),
                        caption, self.phone_edit.text().strip())
        if p.field == "location" and p.code == "missing":
            return fill(self.tr("%1: find the address or pick the point on the map."), caption)
        texts = {"missing": self.tr("%1 is required."), "too_long": self.tr("%1 is too long."),
                 "outside": self.tr("%1 lies in no grid of your jurisdiction."),
                 "invalid": self.tr("%1 is not valid.")}
        return fill(texts.get(p.code, self.tr("%1 is not valid.")), caption)

    def _say(self, lines: list[str]) -> None:
        self.message_label.setText("\n".join(lines))
        self.message_label.show()
