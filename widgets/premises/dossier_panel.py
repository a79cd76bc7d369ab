"""一户一档: one premise's file in a dock — base data, the QR code, the colour and the open problems behind
it, the rectification in progress, and the whole history — with the actions a worker takes on it: inspect or
re-inspect (checklist entry), print the rectification notice, edit, register a new premise, print QR labels,
add or remove photos (dossier_photos).

Everything is read and written through the PremiseDossier façade (TaskRunner threads); the panel only
paints."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.error_messages import render_error
from console.qtmodels.labels import fill, premise_type_label, status_label
from console.qtmodels.premise_dossier import PremiseDossier
from console.qtmodels.premise_print import qr_image, write_labels_pdf, write_notice_pdf
from console.services.inspections import PremiseChanged, VisitOutcome
from console.services.jurisdiction import OutsideJurisdiction
from console.services.premise_dossier import Dossier, QrLabel
from console.services.premise_edit import PremiseInvalid
from widgets.premises.dossier_photos import DossierPhotos
from widgets.premises.dossier_sections import (
    ColourBadge,
    TimelineView,
    field_labels,
    findings_text,
    severity_label,
)
from widgets.premises.inspection_dialog import InspectionDialog
from widgets.premises.premise_form import PremiseFormDialog

QR_PX = 132
BASE_FIELDS = ("code", "type", "licence_no", "address", "owner", "owner_phone", "grid_id", "workers",
               "last_inspection", "next_inspection")
_ERROR_STYLE = "QLabel { background: #fdecea; color: #8e1b1b; border: 1px solid #e0a0a0; padding: 6px; }"
_INFO_STYLE = "QLabel { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; padding: 6px; }"


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


class DossierPanel(QWidget):
    sig_premise_changed = Signal(int)  # a write of ours committed (visit, create, edit)
    sig_show_on_map = Signal(int)      # the operator asked to see the premise on the map

    def __init__(self, model: PremiseDossier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.inspection_dialog: InspectionDialog | None = None
        self.form_dialog: PremiseFormDialog | None = None
        self.last_pdf: Path | None = None
        model.sig_loaded.connect(self._fill)
        model.sig_failed.connect(self._show_error)
        model.sig_changed.connect(self.sig_premise_changed)

        self.placeholder = QLabel(self.tr("Double-click a premise in the table, on the map or in the search "
                                          "results to open its dossier."), self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("dossierName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.colour_badge = ColourBadge(self)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("dossierMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.inspect_button = self._button("dossierInspect", self.tr("Inspect"), self.inspect)
        self.print_button = self._button("dossierPrint", self.tr("Print rectification notice"),
                                         self.print_notice)
        self.edit_button = self._button("dossierEdit", self.tr("Edit"), self.edit)
        self.new_button = self._button("dossierNew", self.tr("New premise"), lambda: self.new_premise())
        self.labels_button = self._button("dossierLabels", self.tr("QR labels of this grid"),
                                          lambda: self.print_labels())
        self.map_button = self._button("dossierMap", self.tr("Show on map"), self._show_on_map)

        self.body = QWidget(self)
        self.values: dict[str, QLabel] = {}
        labels = field_labels()
        form = QFormLayout()
        for key in BASE_FIELDS:
            value = QLabel(self.body)
            value.setObjectName(f"dossier_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(fill(self.tr("%1:"), labels[key]), value)
            self.values[key] = value
        self.qr_label = QLabel(self.body)
        self.qr_label.setObjectName("dossierQr")
        self.qr_label.setFixedSize(QR_PX, QR_PX)
        self.qr_label.setToolTip(self.tr("Signed QR code of this premise: scanned at check-in"))
        base = QHBoxLayout()
        base.addLayout(form, 1)
        base.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)

        self.why_label = QLabel(self.body)
        self.why_label.setObjectName("dossierWhy")
        self.why_label.setWordWrap(True)
        self.why_box = why = QGroupBox(self.tr("Status and why"), self.body)
        why_layout = QVBoxLayout(why)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_badge)
        colour_row.addStretch(1)
        why_layout.addLayout(colour_row)
        why_layout.addWidget(self.why_label)
        self.rectification_label = QLabel(self.body)
        self.rectification_label.setObjectName("dossierRectification")
        self.rectification_label.setWordWrap(True)
        self.rect_box = rect_box = QGroupBox(self.tr("Rectification"), self.body)
        QVBoxLayout(rect_box).addWidget(self.rectification_label)
        self.photos = DossierPhotos(model, self.body)
        self.photos.sig_done.connect(lambda text: self._message(text, error=False))
        self.photos.sig_refused.connect(lambda exc: self._show_error(self._refusal(exc)))
        self.timeline = TimelineView(self.body)
        history = QGroupBox(self.tr("History"), self.body)
        QVBoxLayout(history).addWidget(self.timeline)

        actions = QHBoxLayout()
        for button in (self.inspect_button, self.print_button, self.edit_button, self.map_button):
            actions.addWidget(button)
        actions.addStretch(1)
        more = QHBoxLayout()
        for button in (self.new_button, self.labels_button):
            more.addWidget(button)
        more.addStretch(1)
        # The file's sections scroll; the history gets what height is left, and the splitter lets the
        # operator trade one for the other.
        sections = QWidget()
        section_layout = QVBoxLayout(sections)
        section_layout.setContentsMargins(0, 0, 0, 0)
        section_layout.addLayout(base)
        section_layout.addWidget(why)
        section_layout.addWidget(rect_box)
        section_layout.addWidget(self.photos)
        section_layout.addStretch(1)
        scroll = QScrollArea(self.body)
        scroll.setWidget(sections)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.body)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.name_label)
        body.addLayout(actions)
        body.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.body, 1)
        layout.addLayout(more)
        self._set_visible(False)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    @property
    def dossier(self) -> Dossier | None:
        return self.model.dossier

    def show_premise(self, premise_id: int) -> None:
        """Load the dossier off the GUI thread; the panel fills when it arrives."""
        self.message_label.hide()
        self.model.load(premise_id)

    def _set_visible(self, on: bool) -> None:
        self.placeholder.setVisible(not on)
        self.body.setVisible(on)
        self.labels_button.setVisible(on)

    # -- showing ------------------------------------------------------------------------------------------

    def _fill(self, d: Dossier) -> None:
        self._set_visible(True)
        self.name_label.setText(d.name)
        values = {"code": d.code, "type": premise_type_label(d.type), "licence_no": d.licence_no or "—",
                  "address": d.address, "owner": d.owner or "—", "owner_phone": d.owner_phone or "—",
                  "grid_id": d.grid, "workers": "、".join(name for _id, name in d.workers) or "—",
                  "last_inspection": _day(d.last_inspection), "next_inspection": _day(d.next_inspection)}
        for key, value in values.items():
            self.values[key].setText(value)
        self.colour_badge.set_colour(d.status)
        self.why_label.setText(findings_text(d.findings))
        self.rectification_label.setText(self._rectification_text(d))
        # A group box does not pass a wrapped label's new height on by itself: the text would be clipped.
        self.why_box.updateGeometry()
        self.rect_box.updateGeometry()
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(d.qr_payload, QR_PX)))
        self.timeline.set_entries(d.timeline)
        self.photos.show_dossier(d)
        self.inspect_button.setText(self.tr("Re-inspect") if d.findings else self.tr("Inspect"))
        self.inspect_button.setEnabled(bool(d.checklists))
        self.print_button.setEnabled(d.notice is not None)

    def _rectification_text(self, d: Dossier) -> str:
        n = d.notice
        if n is None:
            return self.tr("No rectification in progress.")
        head = fill(self.tr("Notice no. %1 of %2: rectify by %3, re-inspection on %4."), n.id,
                    f"{n.issued_at:%Y-%m-%d}", n.deadline.isoformat(), _day(d.next_inspection))
        items = "\n".join(f"{k}. {text} ({severity_label(sev)})" for k, (text, sev) in enumerate(n.items, 1))
        return f"{head}\n{items}" if items else head

    def _message(self, text: str, error: bool) -> None:
        self.message_label.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.message_label.setText(text)
        self.message_label.show()

    def _show_error(self, text: str) -> None:
        self._message(text, error=True)

    def _refusal(self, exc: BaseException) -> str:
        if isinstance(exc, PremiseChanged):
            return self.tr("Someone else changed this premise meanwhile; it has been reloaded. Your entry "
                           "was not saved: check the fresh data and enter it again.")
        if isinstance(exc, OutsideJurisdiction):
            return self.tr("This premise lies outside your jurisdiction.")
        return fill(self.tr("Refused: %1"), render_error(exc))

    def _show_on_map(self) -> None:
        if self.dossier is not None:
            self.sig_show_on_map.emit(self.dossier.id)

    # -- inspecting ---------------------------------------------------------------------------------------

    def inspect(self) -> None:
        d = self.dossier
        if d is None or not d.checklists:
            return
        dialog = InspectionDialog(d, self)
        dialog.sig_submit.connect(lambda: self._record(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.inspection_dialog = dialog
        dialog.open()

    def _record(self, dialog: InspectionDialog) -> None:
        template_id, failed, worker_id, checkin_id, notes = dialog.values()
        self.model.record_visit(template_id, failed, worker_id=worker_id, checkin_id=checkin_id, notes=notes,
                                on_done=lambda outcome: self._recorded(dialog, outcome),
                                on_error=lambda exc: self._visit_refused(dialog, exc))

    def _recorded(self, dialog: InspectionDialog, outcome: VisitOutcome) -> None:
        dialog.accept()
        text = fill(self.tr("Inspection recorded: the premise is now “%1”; next inspection on %2."),
                    status_label(outcome.colour), _day(outcome.next_inspection))
        if outcome.sms_id is not None:
            text += " " + self.tr("The rectification notice was sent to the owner by SMS.")
        elif outcome.notice_id is not None:
            text += " " + self.tr("No SMS: the owner has no mobile number on file.")
        self._message(text, error=False)

    def _visit_refused(self, dialog: InspectionDialog, exc: BaseException) -> None:
        dialog.show_error(self._refusal(exc))
        if isinstance(exc, PremiseChanged):
            self.model.reload()

    def _closed(self, dialog: InspectionDialog | PremiseFormDialog) -> None:
        if self.inspection_dialog is dialog:
            self.inspection_dialog = None
        if self.form_dialog is dialog:
            self.form_dialog = None
        dialog.deleteLater()

    # -- creating and editing -----------------------------------------------------------------------------

    def edit(self) -> None:
        d = self.dossier
        if d is not None:
            self.model.load_grids(lambda grids: self._open_form(d, grids, None))

    def new_premise(self, location: tuple[float, float, int | None] | None = None) -> None:
        """The form for a premise not yet on file; `location` (lon, lat, grid id) pre-fills where it is."""
        d = self.dossier
        if location is None and d is not None:
            location = (d.lon, d.lat, d.grid_id)
        self.model.load_grids(lambda grids: self._open_form(None, grids, location))

    def _open_form(self, d: Dossier | None, grids: list[tuple[int, str]],
                   location: tuple[float, float, int | None] | None) -> None:
        dialog = PremiseFormDialog(d, grids, location, self)
        dialog.sig_submit.connect(lambda form: self._save(dialog, form))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.form_dialog = dialog
        dialog.open()

    def _save(self, dialog: PremiseFormDialog, form) -> None:
        d = dialog.dossier
        self.model.save_premise(form, d.id if d else None, d.version if d else None,
                                on_done=lambda pid: self._saved(dialog, pid),
                                on_error=lambda exc: self._save_refused(dialog, exc))

    def _saved(self, dialog: PremiseFormDialog, _premise_id: int) -> None:
        dialog.accept()
        self._message(self.tr("Premise saved.") if dialog.dossier else self.tr("New premise registered."),
                      error=False)

    def _save_refused(self, dialog: PremiseFormDialog, exc: BaseException) -> None:
        if isinstance(exc, PremiseInvalid):
            dialog.show_invalid(exc)
            return
        dialog.show_error(self._refusal(exc))
        if isinstance(exc, PremiseChanged):
            self.model.reload()

    # -- printing -----------------------------------------------------------------------------------------

    def _pdf_path(self, title: str, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, title, suggested, self.tr("PDF documents (*.pdf)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def print_notice(self, path: Path | None = None) -> None:
        """The open notice as an A4 PDF, where the operator chooses (or `path`)."""
        d = self.dossier
        if d is None or d.notice is None:
            return
        path = path or self._pdf_path(self.tr("Save rectification notice"), f"整改通知书-{d.code}.pdf")
        if path is None:
            return
        try:
            write_notice_pdf(path, d, self.model.clock().date())
        except OSError as exc:
            self._show_error(fill(self.tr("Cannot write %1: %2"), str(path), str(exc)))
            return
        self.last_pdf = path
        self._message(fill(self.tr("Rectification notice saved to %1."), str(path)), error=False)

    def print_labels(self, path: Path | None = None) -> None:
        """QR labels for every premise of the open premise's grid."""
        d = self.dossier
        if d is None:
            return
        path = path or self._pdf_path(self.tr("Save QR labels"), f"二维码-{d.grid}.pdf")
        if path is None:
            return
        self.model.load_labels(d.org_path, lambda labels: self._write_labels(path, labels),
                               lambda exc: self._show_error(self._refusal(exc)))

    def _write_labels(self, path: Path, labels: list[QrLabel]) -> None:
        try:
            pages = write_labels_pdf(path, labels)
        except (OSError, ValueError) as exc:
            self._show_error(fill(self.tr("Cannot write %1: %2"), str(path), str(exc)))
            return
        self.last_pdf = path
        self._message(fill(self.tr("%1 QR labels on %2 pages saved to %3."), len(labels), pages, str(path)),
                      error=False)
