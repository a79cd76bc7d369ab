"""One case in full: its fields, deadline status, history timeline and a button for each action the
signed-in person may take in the current state. Actions run off the GUI thread; a lost race with another
workstation is told in plain words (who acted, what the case is now) and the fresh case is shown."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.incident_workflow import Action
from console.qtmodels.error_messages import render_error
from console.qtmodels.incident_labels import (
    ACTION_TEXTS,
    DEADLINE_COLOURS,
    action_text,
    category_label,
    deadline_status_label,
    priority_label,
    source_label,
    state_label,
)
from console.qtmodels.labels import fill
from console.qtmodels.tasks import TaskRunner
from console.services.incident_attachments import incident_photos
from console.services.incident_detail import NEEDS_DATA, NOTE_REQUIRED, IncidentDetail, load_detail, perform
from console.services.incident_errors import ConflictError
from console.services.jurisdiction import Actor
from widgets.common.photo_strip import PhotoStrip
from widgets.inbox.action_dialog import ActionDialog

TIME_FORMAT = "%Y-%m-%d %H:%M"
BUTTONS_PER_ROW = 4
_MESSAGE_STYLE = "QLabel { background: #fdecea; color: #8e1b1b; border: 1px solid #e0a0a0; padding: 6px; }"


def _time(moment: datetime | None) -> str:
    return moment.strftime(TIME_FORMAT) if moment else ""


class IncidentDetailPanel(QWidget):
    sig_loaded = Signal(int)            # the case (by id) is on screen, fresh from the database
    sig_incident_changed = Signal(int)  # an action of ours was written: the inbox should refresh
    sig_message = Signal(str)           # a refusal or conflict, as shown in the panel

    FIELDS = ("case_no", "title", "category", "source", "priority", "state", "grid", "address", "reported_at",
              "deadline", "reporter", "assignee")

    def __init__(self, runner: TaskRunner, actor: Actor, clock: Callable[[], datetime] = datetime.now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor, self._clock = runner, actor, clock
        self._detail: IncidentDetail | None = None
        self._generation = 0
        self.action_buttons: dict[Action, QPushButton] = {}

        self.message_label = QLabel(self)
        self.message_label.setObjectName("incidentMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(_MESSAGE_STYLE)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        captions = {"case_no": self.tr("Case no.:"), "title": self.tr("Title:"), "category": self.tr("Category:"),
                    "source": self.tr("Source:"), "priority": self.tr("Priority:"), "state": self.tr("State:"),
                    "grid": self.tr("Grid:"), "address": self.tr("Address:"), "reported_at": self.tr("Reported:"),
                    "deadline": self.tr("Deadline:"), "reporter": self.tr("Reporter:"),
                    "assignee": self.tr("Assignee:")}
        form = QFormLayout()
        self.field_labels: dict[str, QLabel] = {}
        for name in self.FIELDS:
            value = QLabel()
            value.setObjectName(f"incident_{name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(captions[name], value)
            self.field_labels[name] = value

        self.actions_box = QGridLayout()
        self.history = QTreeWidget()
        self.history.setObjectName("incidentHistory")
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        self.history.setHeaderLabels([self.tr("Time"), self.tr("Action"), self.tr("State"), self.tr("By"),
                                      self.tr("Note")])
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        self.placeholder = QLabel(self.tr("Select a case in the inbox to see it here."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form)
        body.addLayout(self.actions_box)
        self.photos = PhotoStrip(runner, lambda s, case_id: incident_photos(s, actor, case_id), self.body)
        body.addWidget(self.photos)
        body.addWidget(QLabel(self.tr("History"), self.body))
        body.addWidget(self.history, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.message_label)
        layout.addWidget(self.body, 1)
        self._set_visible(False)

    @property
    def detail(self) -> IncidentDetail | None:
        return self._detail

    def show_incident(self, incident_id: int) -> None:
        """Load the case off the GUI thread; sig_loaded follows when it is on screen."""
        self.message_label.hide()
        self._load(incident_id)

    def _load(self, incident_id: int) -> None:
        self._generation += 1
        generation, actor, now = self._generation, self._actor, self._clock()
        self._runner.submit(lambda session: load_detail(session, actor, incident_id, now),
                            lambda detail: self._loaded(generation, detail),
                            lambda exc: self._load_failed(generation, exc))

    def _loaded(self, generation: int, detail: IncidentDetail) -> None:
        if generation != self._generation:
            return
        self._detail = detail
        self._fill(detail)
        self._set_visible(True)
        self.photos.load(detail.id)
        self.sig_loaded.emit(detail.id)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._show_message(render_error(exc))

    def _set_visible(self, on: bool) -> None:
        self.placeholder.setVisible(not on)
        self.body.setVisible(on)

    # -- showing ------------------------------------------------------------------------------------------

    def _fill(self, d: IncidentDetail) -> None:
        values = {"case_no": d.case_no, "title": d.title, "category": category_label(d.category),
                  "source": source_label(d.source), "priority": priority_label(d.priority),
                  "state": state_label(d.state), "grid": d.grid, "address": d.address or "",
                  "reported_at": _time(d.reported_at), "reporter": d.reporter or "", "assignee": d.assignee or ""}
        for name, value in values.items():
            self.field_labels[name].setText(value)
        status = deadline_status_label(d.deadline_status.value)
        deadline = self.field_labels["deadline"]
        deadline.setText(f"{_time(d.deadline)} · {status}" if status else _time(d.deadline))
        colour = DEADLINE_COLOURS.get(d.deadline_status.value)
        deadline.setStyleSheet(f"color: {colour.name()}; font-weight: bold;" if colour else "")
        self._fill_history(d)
        self._fill_actions(d)

    def _fill_history(self, d: IncidentDetail) -> None:
        self.history.clear()
        for line in d.history:
            state = state_label(line.to_state)
            if line.from_state and line.from_state != line.to_state:
                state = f"{state_label(line.from_state)} → {state}"
            what = action_text(line.action) if line.action in ACTION_TEXTS else self.tr("Reported")
            self.history.addTopLevelItem(QTreeWidgetItem([_time(line.at), what, state, line.actor,
                                                          line.text or ""]))

    def _fill_actions(self, d: IncidentDetail) -> None:
        for button in self.action_buttons.values():
            self.actions_box.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for k, action in enumerate(d.actions):
            button = QPushButton(action_text(action), self.body)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.trigger(a))
            self.actions_box.addWidget(button, k // BUTTONS_PER_ROW, k % BUTTONS_PER_ROW)
            self.action_buttons[action] = button

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        self.sig_message.emit(text)

    # -- acting -------------------------------------------------------------------------------------------

    def trigger(self, action: Action) -> None:
        """One click runs at once; an action that needs more asks for it in a dialog first."""
        d = self._detail
        if d is None:
            return
        fields = NEEDS_DATA.get(action)
        if fields is None:
            self._perform(d, action, {})
            return
        dialog = ActionDialog(action_text(action), fields, action in NOTE_REQUIRED, d.category, d.departments,
                              d.deadline, self)
        dialog.accepted.connect(lambda: self._perform(d, action, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _perform(self, d: IncidentDetail, action: Action, data: dict[str, Any]) -> None:
        self.message_label.hide()
        for button in self.action_buttons.values():
            button.setEnabled(False)
        actor = self._actor
        self._runner.submit(lambda session: perform(session, actor, d.id, action, d.version, data),
                            lambda _none: self._performed(d.id),
                            lambda exc: self._refused(d.id, exc))

    def _performed(self, incident_id: int) -> None:
        self.sig_incident_changed.emit(incident_id)
        self._load(incident_id)

    def _refused(self, incident_id: int, exc: BaseException) -> None:
        """A lost race says who acted first and what the case is now (the fresh case follows); a refusal
        by the rules says which rule."""
        if isinstance(exc, ConflictError):
            self._show_message(render_error(exc))
            self.sig_incident_changed.emit(incident_id)
        else:
            self._show_message(fill(self.tr("The action was refused: %1"), render_error(exc)))
        self._load(incident_id)
