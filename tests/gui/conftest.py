"""GUI fixtures: the small demo district seeded once per session into a template SQLite file and copied
per test (the services' backend coverage is in tests/db), per-test UI settings in a temporary INI file,
and a main-window factory that shuts its windows down."""
from __future__ import annotations

import gc
import shutil
from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from db.engine import make_engine
from db.migrate import upgrade

ADMIN = "admin"
TOWNSHIP_OPERATOR = "op_350206001"  # 湖里街道, org path /1/2/


@pytest.fixture(scope="session", autouse=True)
def collect_garbage_on_the_gui_thread(qapp):
    """As the console does (widgets/app.py): a cycle holding a Qt wrapper must never be collected by a
    database worker thread, or it destroys the QObject there and deadlocks on the GIL."""
    from pyqtgraph.util.garbage_collector import GarbageCollector

    collector = GarbageCollector(interval=0.5)
    yield collector
    collector.timer.stop()
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test():
    yield
    gc.collect()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    from console.services.seed import seed_district

    path = tmp_path_factory.mktemp("seeded") / "demo.sqlite"
    engine = make_engine(str(path))
    upgrade(engine)
    seed_district(engine, scale="small", seed=1)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def seeded_db(seeded_template, tmp_path):
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(seeded_template, target)
    return target


@pytest.fixture
def gui_engine(seeded_db):
    engine = make_engine(str(seeded_db))
    yield engine
    engine.dispose()


@pytest.fixture
def sql(gui_engine) -> Callable[..., list]:
    """sql(statement, **params) → rows: the expected answers, asked of the database directly."""
    def run(statement: str, **params) -> list:
        with gui_engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(statement), params)]
    return run


@pytest.fixture
def ui_settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def actor_of(gui_engine):
    from console.services.users import actor_by_username

    def lookup(username: str):
        with Session(gui_engine) as session:
            return actor_by_username(session, username)
    return lookup


def _make_window(qtbot, engine: Engine, actor, settings: QSettings):
    from widgets.main_window import MainWindow

    window = MainWindow(engine, actor, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    if not window.is_ready:
        with qtbot.waitSignal(window.sig_ready, timeout=20000):
            pass
    return window


@pytest.fixture
def open_window(qtbot, gui_engine, ui_settings, actor_of):
    """open_window(username) → a shown MainWindow whose tree and first page have arrived."""
    windows = []

    def factory(username: str = ADMIN, settings: QSettings | None = None):
        window = _make_window(qtbot, gui_engine, actor_of(username),
                              settings if settings is not None else ui_settings)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.shutdown()
