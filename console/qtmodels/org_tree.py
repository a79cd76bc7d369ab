"""The actor's org tree as a Qt item model (name, premises, grid workers, open incidents), loaded off the
GUI thread, and a filter proxy that keeps the ancestors of every match so a hit stays in context."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from console.qtmodels.labels import org_kind_label
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.orgs import OrgNodeRow, org_tree

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    row: OrgNodeRow | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    position: int = 0


def _build(rows: list[OrgNodeRow]) -> _Node:
    """Rows come parents first; a row whose parent is outside the actor's view becomes a top-level node."""
    root = _Node(row=None)
    nodes: dict[int, _Node] = {}
    for row in rows:
        parent = nodes.get(row.parent_id, root) if row.parent_id is not None else root
        node = _Node(row=row, parent=parent, position=len(parent.children))
        parent.children.append(node)
        nodes[row.id] = node
    return root


class OrgTreeModel(QAbstractItemModel):
    sig_loaded = Signal()

    NAME, PREMISES, WORKERS, OPEN_INCIDENTS = range(4)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self._root = _Node(row=None)
        self._headers = [self.tr("Unit"), self.tr("Premises"), self.tr("Grid workers"),
                         self.tr("Open incidents")]

    def load(self) -> None:
        actor = self._actor
        self._runner.submit(lambda session: org_tree(session, actor), self._apply)

    def _apply(self, rows: list[OrgNodeRow]) -> None:
        self.beginResetModel()
        self._root = _build(rows)
        self.endResetModel()
        self.sig_loaded.emit()

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.position, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: OrgNodeRow = index.internalPointer().row
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.premises, row.workers, row.open_incidents)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{org_kind_label(row.kind)} · {row.code}"
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and row.kind in ("district", "township"):
            font = QFont()
            font.setBold(True)
            return font
        return {PATH_ROLE: row.path, ID_ROLE: row.id, CODE_ROLE: row.code, KIND_ROLE: row.kind}.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def index_of_path(self, path: str) -> QModelIndex:
        """The unit whose org_path is `path`, walking down the ancestry."""
        node, found = self._root, QModelIndex()
        while node.children:
            nxt = next((c for c in node.children if c.row is not None and path.startswith(c.row.path)), None)
            if nxt is None:
                break
            node = nxt
            found = self.createIndex(node.position, 0, node)
            if node.row.path == path:
                return found
        return found if node.row is not None and node.row.path == path else QModelIndex()


class OrgFilterProxy(QSortFilterProxyModel):
    """Case-insensitive match on a unit's name or code prefix; ancestors and children of matches stay."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "").casefold()
        code = str(index.data(CODE_ROLE) or "")
        return self._needle in name or code.startswith(self._needle)
