"""Every action of the main window, declared once with its text and shortcut; menus, toolbars and context
menus all take the same QAction so a shortcut or a disabled state is never out of step."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence


class MainActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.refresh = self._make(self.tr("&Refresh"), QKeySequence("F5"), "refresh")
        self.import_data = self._make(self.tr("&Import data…"), QKeySequence("Ctrl+I"), "importData")
        self.quit = self._make(self.tr("&Quit"), QKeySequence("Ctrl+Q"), "quit")
        self.find_premise = self._make(self.tr("&Find premise"), QKeySequence("Ctrl+F"), "findPremise")
        self.filter_units = self._make(self.tr("Filter &units"), QKeySequence("Ctrl+Shift+F"), "filterUnits")
        self.full_screen = self._make(self.tr("F&ull screen"), QKeySequence("F11"), "fullScreen")
        self.full_screen.setCheckable(True)
        self.layout_default = self._make(self.tr("&Default layout"), QKeySequence("Ctrl+Shift+1"),
                                         "layoutDefault")
        self.layout_big_screen = self._make(self.tr("&Big-screen layout"), QKeySequence("Ctrl+Shift+2"),
                                            "layoutBigScreen")
        self.save_layout_as = self._make(self.tr("&Save layout as…"), QKeySequence(), "saveLayoutAs")
        self.about = self._make(self.tr("&About Pingan Console"), QKeySequence(), "about")
        self.collect_diagnostics = self._make(self.tr("Collect &diagnostics…"), QKeySequence(),
                                              "collectDiagnostics")
        self.language_group = QActionGroup(self)
        self.language = {
            "zh_CN": self._make("中文", QKeySequence(), "languageZh"),
            "en": self._make("English", QKeySequence(), "languageEn"),
        }
        for code, action in self.language.items():
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)

    def _make(self, text: str, shortcut: QKeySequence, name: str) -> QAction:
        action = QAction(text, self.parent())
        action.setObjectName(name)
        action.setShortcut(shortcut)
        return action
