"""The console's main window: dockable panels the operator can rearrange, named layouts (a default and a
big-screen preset built in), menus built from one set of actions, and a status bar with database, user,
connection state and clock. Panels talk through signals wired here, never to each other directly."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMainWindow, QMenu, QWidget
from sqlalchemy.engine import Engine

from console.domain.live_status import DEFAULT_LIVE, LiveRules
from console.qtmodels.change_feed import ChangeFeed
from console.qtmodels.connection import ConnectionMonitor, database_label
from console.qtmodels.inbox_model import InboxModel
from console.qtmodels.incident_alerts import IncidentAlerts
from console.qtmodels.labels import fill, role_label
from console.qtmodels.map_basemap import BasemapSpec
from console.qtmodels.org_tree import OrgTreeModel
from console.qtmodels.premises_table import PremisesTableModel
from console.qtmodels.tasks import TaskRunner
from console.qtmodels.video_camera_tree import CameraTreeModel
from console.services.jurisdiction import Actor
from db.engine import make_session_factory
from widgets.common.about_dialog import AboutDialog
from widgets.common.actions import MainActions
from widgets.common.layouts import LayoutStore
from widgets.common.status_bar import ConsoleStatusBar
from widgets.inbox.alert_banner import AlertBanner, banner_over
from widgets.inbox.detail_panel import IncidentDetailPanel
from widgets.inbox.dispatch_wiring import wire_dispatch
from widgets.inbox.inbox_panel import InboxPanel
from widgets.inbox.intake_wiring import IncidentIntake
from widgets.live.wiring import wire_live
from widgets.map.panel import MapPanel
from widgets.org.org_tree_panel import OrgTreePanel
from widgets.premises.dossier_wiring import wire_dossier
from widgets.premises.import_dialog import wire_import
from widgets.premises.premises_panel import PremisesPanel
from widgets.review.card_wiring import wire_worker_card
from widgets.review.ranking_panel import RankingPanel
from widgets.review.replay_panel import TrackReplayPanel
from widgets.video.panel import VideoPanel
from widgets.video.wiring import wire_video

LANGUAGE_KEY = "ui/language"
LAYOUT_VERSION = 4
DEFAULT_TREE_WIDTH = 400
DEFAULT_BOTTOM_HEIGHT = 300


class MainWindow(QMainWindow):
    sig_ready = Signal()  # first data shown: the org tree, the first page of premises, every map layer

    def __init__(self, engine: Engine, actor: Actor, ui_settings: QSettings | None = None,
                 language: str = "zh_CN", basemaps: tuple[BasemapSpec, ...] = (),
                 parent: QWidget | None = None, config_path: Path | None = None,
                 live_rules: LiveRules = DEFAULT_LIVE) -> None:
        super().__init__(parent)
        self.actor = actor
        self.engine, self.config_path = engine, config_path  # for About and diagnostics
        self.ui_settings = ui_settings if ui_settings is not None else QSettings()
        self.layouts = LayoutStore(self.ui_settings, LAYOUT_VERSION)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Pingan Console"))
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)

        session_factory = make_session_factory(engine)
        self.runner = TaskRunner(session_factory, parent=self)
        self.runner.sig_error.connect(self._show_error)
        self.org_model = OrgTreeModel(self.runner, actor, self)
        self.premises_model = PremisesTableModel(self.runner, actor, parent=self)

        self.map_panel = MapPanel(session_factory, actor, basemaps, parent=self)
        self.alert_banner = AlertBanner(self)
        self.setCentralWidget(banner_over(self.alert_banner, self.map_panel))
        self.org_panel = OrgTreePanel(self.org_model, self)
        self.org_dock = self._dock(self.org_panel, self.tr("Jurisdiction"), "orgDock")
        self.premises_panel = PremisesPanel(self.premises_model, self)
        self.premises_dock = self._dock(self.premises_panel, self.tr("Premises"), "premisesDock")
        self.inbox_model = InboxModel(self.runner, actor, parent=self)
        self.inbox_panel = InboxPanel(self.inbox_model, self)
        self.inbox_dock = self._dock(self.inbox_panel, self.tr("Incidents"), "inboxDock")
        self.incident_panel = IncidentDetailPanel(self.runner, actor, parent=self)
        self.incident_dock = self._dock(self.incident_panel, self.tr("Incident"), "incidentDock")
        self.camera_model = CameraTreeModel(session_factory, actor, self)
        self.video_panel = VideoPanel(self.camera_model, parent=self)
        self.video_dock = self._dock(self.video_panel, self.tr("Video wall"), "videoDock")
        self.replay_panel = TrackReplayPanel(self.runner, actor, self)
        self.replay_dock = self._dock(self.replay_panel, self.tr("Track replay"), "replayDock")
        self.ranking_panel = RankingPanel(self.runner, actor, self)
        self.ranking_dock = self._dock(self.ranking_panel, self.tr("Ranking"), "rankingDock")
        self._connect_panels()
        self.feed = ChangeFeed(self.runner, parent=self)
        self.feed.sig_changes.connect(self._apply_changes)
        self.alerts = IncidentAlerts(self.runner, actor, self)
        self.feed.sig_changes.connect(self.alerts.on_changes)
        self.alerts.sig_alert.connect(self.alert_banner.raise_alert)
        self.alert_banner.sig_show_incident.connect(self._show_incident)
        self.dispatch = wire_dispatch(self)
        self.dossier = wire_dossier(self)
        self.worker_card = wire_worker_card(self)
        self.live = wire_live(self, live_rules)
        self.video = wire_video(self)

        self.actions_ = MainActions(self)
        self._build_menus(language)
        wire_import(self)
        self.intake = IncidentIntake(self)
        self.status = ConsoleStatusBar(database_label(engine), self._user_text(), self)
        self.setStatusBar(self.status)
        self.monitor = ConnectionMonitor(session_factory, parent=self)
        self.monitor.sig_state_changed.connect(self.status.set_connected)

        self._pending_ready = {"org", "premises", "map"}
        self.org_model.sig_loaded.connect(lambda: self._loaded("org"))
        self.org_model.sig_loaded.connect(self._show_unit_in_status)
        self.premises_model.sig_query_loaded.connect(lambda: self._loaded("premises"))
        self.map_panel.sig_loaded.connect(lambda: self._loaded("map"))

        self.apply_default_layout()
        self.layouts.restore_last(self)
        self.org_model.load()
        self.map_panel.reload()
        self.camera_model.reload()
        self.monitor.start()
        self.feed.start()

    def _connect_panels(self) -> None:
        """Panels never know each other: the window routes one panel's signal to another's slot."""
        self.org_panel.sig_unit_selected.connect(self.premises_panel.set_org_filter)
        self.org_panel.sig_unit_selected.connect(self._zoom_map_to_unit)
        self.map_panel.sig_camera_clicked.connect(self._play_camera)
        self.map_panel.sig_incident_clicked.connect(self._show_incident)
        self.inbox_panel.sig_incident_selected.connect(self._show_incident)
        self.incident_panel.sig_incident_changed.connect(lambda _id: self.inbox_model.refresh())
        self.replay_panel.sig_position.connect(self.map_panel.canvas.center_on)
        self.map_panel.add_context_action(self.tr("Cameras near here"),
                                          lambda lon, lat, _hit: self._cameras_near(lon, lat))

    def _zoom_map_to_unit(self, path: str, _name: str) -> None:
        unit_id = int(path.strip("/").split("/")[-1])
        self.map_panel.zoom_to_org_unit(unit_id)

    def _replay_worker(self, worker_id: int, day: date | None = None) -> None:
        self.replay_dock.show()
        self.replay_dock.raise_()
        self.replay_panel.show_worker(worker_id, day)

    def _show_incident(self, incident_id: int) -> None:
        self.incident_dock.show()
        self.incident_dock.raise_()
        self.incident_panel.show_incident(incident_id)

    def _play_camera(self, camera_id: int) -> None:
        self.video_dock.show()
        self.video_dock.raise_()
        self.video_panel.wall.assign_next_free(camera_id)

    def _cameras_near(self, lon: float, lat: float) -> None:
        self.video_dock.show()
        self.video_dock.raise_()
        found = self.video_panel.show_cameras_near(lon, lat)
        if not found:
            self.statusBar().showMessage(self.tr("No online camera near this point."), 5000)

    def _apply_changes(self, rows: list) -> None:
        self.map_panel.apply_changes(rows)
        if any(row.entity in ("premise", "premises") for row in rows):
            self.premises_model.refresh()
        if any(row.entity in ("incident", "incidents") for row in rows):
            self.inbox_model.refresh()

    # -- docks and layouts ------------------------------------------------------------------------------

    def _dock(self, widget: QWidget, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return self.findChildren(QDockWidget)

    def apply_default_layout(self) -> None:
        """Operator workstation: tree (and the incident in hand) left, the map filling the middle, premises,
        incidents, video wall, track replay and ranking as tabs below it (the map needs the width; a wall
        that matters gets the big-screen layout)."""
        area = Qt.DockWidgetArea
        self._place(self.org_dock, area.LeftDockWidgetArea)
        self._place(self.incident_dock, area.LeftDockWidgetArea)
        self.tabifyDockWidget(self.org_dock, self.incident_dock)
        self._place(self.dossier.dock, area.LeftDockWidgetArea)
        self.tabifyDockWidget(self.org_dock, self.dossier.dock)
        self._place(self.live.dock, area.LeftDockWidgetArea)
        self.tabifyDockWidget(self.org_dock, self.live.dock)
        self.org_dock.raise_()
        bottom = (self.premises_dock, self.inbox_dock, self.video_dock, self.replay_dock, self.ranking_dock,
                  self.worker_card.dock)
        for dock in (*bottom, self.dispatch.dock):
            self._place(dock, area.BottomDockWidgetArea)
        # The board beside the tabs, so cases drag from the inbox onto it; Qt only splits an untabbed dock.
        self.splitDockWidget(self.premises_dock, self.dispatch.dock, Qt.Orientation.Horizontal)
        for dock in bottom[1:]:
            self.tabifyDockWidget(self.premises_dock, dock)
        self.premises_dock.raise_()
        self.resizeDocks([self.org_dock], [DEFAULT_TREE_WIDTH], Qt.Orientation.Horizontal)
        self.resizeDocks([self.premises_dock, self.dispatch.dock], [3 * DEFAULT_TREE_WIDTH, DEFAULT_TREE_WIDTH],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.premises_dock], [DEFAULT_BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        # Before the first show Qt sizes tabbed docks as if side by side (the window opened 2,041 px wide);
        # laying out now makes the tab groups real.
        self.layout().activate()
        if self.isFullScreen():
            self.showNormal()
        self.actions_.full_screen.setChecked(False)

    def apply_big_screen_layout(self) -> None:
        """Wall display: full screen, the map dominating, every panel stacked on the right."""
        for dock in self.docks():
            self._place(dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks(self.docks(), [DEFAULT_TREE_WIDTH] * len(self.docks()), Qt.Orientation.Horizontal)
        self.showFullScreen()
        self.actions_.full_screen.setChecked(True)

    def _place(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        dock.setFloating(False)
        self.addDockWidget(area, dock)
        dock.show()

    def save_layout_as(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save layout"), self.tr("Layout name:"))
        if ok and name.strip():
            self.layouts.save(name.strip(), self)
            self._rebuild_layout_menu()
            self.statusBar().showMessage(fill(self.tr("Layout “%1” saved."), name.strip()), 5000)

    def restore_layout(self, name: str) -> None:
        if not self.layouts.restore(name, self):
            self.statusBar().showMessage(fill(self.tr("Layout “%1” no longer fits this window."), name),
                                         5000)
        self.actions_.full_screen.setChecked(self.isFullScreen())

    def delete_layout(self, name: str) -> None:
        self.layouts.delete(name)
        self._rebuild_layout_menu()

    # -- menus ------------------------------------------------------------------------------------------

    def _build_menus(self, language: str) -> None:
        a = self.actions_
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.refresh)
        file_menu.addAction(a.import_data)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(a.find_premise)
        view_menu.addAction(a.filter_units)
        view_menu.addSeparator()
        panels = view_menu.addMenu(self.tr("&Panels"))
        for dock in self.docks():
            panels.addAction(dock.toggleViewAction())
        self.layout_menu = view_menu.addMenu(self.tr("&Layouts"))
        self._rebuild_layout_menu()
        view_menu.addAction(a.full_screen)

        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, action in a.language.items():
            action.setChecked(code == language)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a.collect_diagnostics)
        help_menu.addAction(a.about)

        a.refresh.triggered.connect(self.refresh)
        a.quit.triggered.connect(self.close)
        a.find_premise.triggered.connect(self.premises_panel.focus_search)
        a.filter_units.triggered.connect(self._focus_unit_filter)
        a.full_screen.toggled.connect(self._set_full_screen)
        a.layout_default.triggered.connect(self.apply_default_layout)
        a.layout_big_screen.triggered.connect(self.apply_big_screen_layout)
        a.save_layout_as.triggered.connect(self.save_layout_as)
        a.language_group.triggered.connect(lambda action: self.choose_language(action.data()))
        a.about.triggered.connect(self._about)
        a.collect_diagnostics.triggered.connect(
            lambda: AboutDialog(self.engine, self.config_path, self).collect())

    def _rebuild_layout_menu(self) -> None:
        menu, a = self.layout_menu, self.actions_
        menu.clear()
        menu.addAction(a.layout_default)
        menu.addAction(a.layout_big_screen)
        names = self.layouts.names()
        if names:
            menu.addSeparator()
            for name in names:
                menu.addAction(name).triggered.connect(lambda _=False, n=name: self.restore_layout(n))
        menu.addSeparator()
        menu.addAction(a.save_layout_as)
        if names:
            delete_menu: QMenu = menu.addMenu(self.tr("&Delete layout"))
            for name in names:
                delete_menu.addAction(name).triggered.connect(lambda _=False, n=name: self.delete_layout(n))

    def _set_full_screen(self, on: bool) -> None:
        if on and not self.isFullScreen():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def _focus_unit_filter(self) -> None:
        self.org_dock.show()
        self.org_dock.raise_()
        self.org_panel.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def choose_language(self, code: str) -> None:
        """Stored for the next start: retranslating every open panel live is not worth its complexity."""
        self.ui_settings.setValue(LANGUAGE_KEY, code)
        self.ui_settings.sync()
        self.statusBar().showMessage(self.tr("The language changes the next time the console starts."), 10000)

    def _about(self) -> None:
        self.about_dialog = AboutDialog(self.engine, self.config_path, self)
        self.about_dialog.open()

    # -- data and status --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.org_model.load()
        self.premises_model.refresh()
        self.inbox_model.refresh()
        self.map_panel.reload()
        self.camera_model.reload()

    def _user_text(self, unit: str = "") -> str:
        text = fill(self.tr("%1 (%2)"), self.actor.display_name, role_label(self.actor.role.value))
        return f"{text} · {unit}" if unit else text

    def _show_unit_in_status(self) -> None:
        index = self.org_model.index_of_path(self.actor.org_path)
        if index.isValid():
            self.status.set_user(self._user_text(index.data()))

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(fill(self.tr("Database error: %1"), message), 10000)

    def _loaded(self, part: str) -> None:
        if part in self._pending_ready:
            self._pending_ready.discard(part)
            if not self._pending_ready:
                self.sig_ready.emit()

    @property
    def is_ready(self) -> bool:
        return not self._pending_ready

    def closeEvent(self, event: QCloseEvent) -> None:
        self.layouts.save_last(self)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work so no result arrives for a window that is gone."""
        self.feed.stop()
        self.live.watch.stop()
        self.monitor.stop()
        self.video_panel.shutdown()
        self.runner.shutdown()
