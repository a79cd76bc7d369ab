"""The camera tree (org units → cameras) the wall's side panel shows, and the camera directory behind it.

Drags carry camera ids as JSON under CAMERA_MIME, so the wall accepts cameras from this tree, from the map
or from an incident without knowing who started the drag."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from console.services.cameras import (
    CameraRow,
    UnitRow,
    camera_units,
    cameras_by_id,
    cameras_near,
    list_cameras,
)
from console.services.jurisdiction import Actor

CAMERA_MIME = "application/x-pingan-camera-ids"
CameraIdRole = Qt.ItemDataRole.UserRole + 1
OnlineRole = Qt.ItemDataRole.UserRole + 2
SearchTextRole = Qt.ItemDataRole.UserRole + 3
OFFLINE_COLOUR = QColor("#8a8a8a")
__all__ = ["CAMERA_MIME", "CameraIdRole", "CameraRow", "CameraTreeModel", "OnlineRole", "SearchTextRole",
           "camera_ids_from_mime", "camera_mime"]

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(eq=False)
class _Node:
    name: str
    parent: _Node | None
    unit: UnitRow | None = None
    camera: CameraRow | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def camera_mime(camera_ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(CAMERA_MIME, json.dumps(camera_ids).encode("utf-8"))
    return mime


def camera_ids_from_mime(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(CAMERA_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(CAMERA_MIME)).decode("utf-8"))]
    except (ValueError, TypeError):
        return []


class CameraTreeModel(QAbstractItemModel):
    """Units with their cameras; camera rows are grey when offline and draggable onto the wall."""

    def __init__(self, session_factory: Callable[[], Session], actor: Actor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session_factory = session_factory
        self._actor = actor
        self._root = _Node("", None)
        self._cameras: dict[int, CameraRow] = {}

    def reload(self) -> None:
        with self._session_factory() as session:
            cameras = list_cameras(session, self._actor)
            units = camera_units(session, self._actor, cameras)
        self.beginResetModel()
        self._cameras = {c.id: c for c in cameras}
        self._root = _Node("", None)
        nodes: dict[int, _Node] = {}
        for unit in units:
            parent = nodes.get(unit.parent_id or -1, self._root)
            nodes[unit.id] = _Node(unit.name, parent, unit=unit)
            parent.children.append(nodes[unit.id])
        for cam in cameras:
            parent = nodes.get(cam.org_unit_id, self._root)
            parent.children.append(_Node(cam.name, parent, camera=cam))
        self.endResetModel()

    def apply_changes(self, rows: list) -> None:
        """Change-feed rows in: cameras whose flag (or anything else) changed are re-read and repainted."""
        ids = sorted({int(r.entity_id) for r in rows if r.entity == "camera" and r.entity_id is not None})
        known = [cid for cid in ids if cid in self._cameras]
        if not known:
            return
        with self._session_factory() as session:
            fresh = cameras_by_id(session, self._actor, known)
        for cid in known:
            if cid in fresh:
                self._update_camera(fresh[cid])

    def _update_camera(self, camera: CameraRow) -> None:
        self._cameras[camera.id] = camera
        index = self.index_of_camera(camera.id)
        if index.isValid():
            node = self._node(index)
            node.camera, node.name = camera, camera.name
            self.dataChanged.emit(index, index)

    def camera(self, camera_id: int) -> CameraRow | None:
        return self._cameras.get(camera_id)

    def cameras(self) -> list[CameraRow]:
        return list(self._cameras.values())

    def cameras_near(self, lon: float, lat: float, radius_m: float, limit: int) -> list[CameraRow]:
        """"Cameras near here": nearest online ones first, as the wall fills its tiles."""
        with self._session_factory() as session:
            return [cam for cam, _ in cameras_near(session, self._actor, lon, lat, radius_m, limit)]

    def index_of_camera(self, camera_id: int) -> QModelIndex:
        def walk(node: _Node) -> QModelIndex:
            for child in node.children:
                if child.camera is not None and child.camera.id == camera_id:
                    return self.createIndex(child.row(), 0, child)
                found = walk(child)
                if found.isValid():
                    return found
            return QModelIndex()

        return walk(self._root)

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return len(self._node(parent).children) if parent.column() <= 0 else 0

    def columnCount(self, _parent: Index = _ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        cam = node.camera
        if role == Qt.ItemDataRole.DisplayRole:
            return node.name
        if role == SearchTextRole:
            return f"{node.name} {cam.code}" if cam else node.name
        if role == CameraIdRole:
            return cam.id if cam else None
        if role == OnlineRole:
            return cam.online if cam else None
        if role == Qt.ItemDataRole.ForegroundRole and cam is not None and not cam.online:
            return OFFLINE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and cam is not None:
            return f"{cam.code} · {cam.org_unit_name}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._node(index).camera is not None:
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = [self._node(i).camera.id for i in indexes if i.isValid() and self._node(i).camera is not None]
        return camera_mime(ids)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
