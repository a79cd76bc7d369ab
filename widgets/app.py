"""Start the GUI: Qt application, translation and font, the database (created and seeded on first run for
the demo), sign-in, then the main window. This is the composition root: the one console module that
assembles widgets."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from console.config import APP_NAME, DEMO_DISTRICT, STARTUP_CLOCK_ENV, Settings, load_settings
from console.db_errors import explain
from console.diagnostics import loaded_vlc_files, start_log_file
from console.i18n_build import I18N_DIR
from console.qtmodels.connection import database_label
from console.qtmodels.video_camera_tree import CameraRow
from console.services.jurisdiction import Actor
from console.services.users import AuthenticationError, actor_by_username, authenticate
from db.engine import DatabaseError, make_engine
from db.migrate import ensure_current, require_current
from db.models import OrgUnit, Setting
from widgets.common.login_dialog import LoginDialog
from widgets.common.progress import run_with_progress
from widgets.main_window import LANGUAGE_KEY, MainWindow
from widgets.video.tile import VideoTile
from widgets.video.wall import default_channel

ORGANISATION = "Pingan"
CJK_FONT = "WenQuanYi Micro Hei"
SCREENSHOT_SIZE = (1600, 900)
SCREENSHOT_TIMEOUT_MS = 120_000
HEADLESS_PLATFORMS = ("offscreen", "minimal", "eglfs", "linuxfb", "vnc")  # need no X11/Wayland server
NO_DISPLAY = ("There is no display to open the console window on (DISPLAY and WAYLAND_DISPLAY are unset); "
              'run `make run ARGS="--screenshot out.png"` to render it offscreen into a PNG instead.')


def display_available() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_PLATFORMS:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    return app  # type: ignore[return-value]


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Ours plus Qt's own (standard dialog buttons); English is the source language and needs none."""
    QLocale.setDefault(QLocale(language))
    if language.startswith("en"):
        return []
    installed = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in ((f"pingan_{language}", I18N_DIR), (f"qtbase_{language}", qt_translations)):
        translator = QTranslator(app)
        if translator.load(name, str(directory)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def _set_font(app: QApplication) -> None:
    if CJK_FONT in QFontDatabase.families():
        app.setFont(QFont(CJK_FONT, app.font().pointSize()))


def _is_empty(engine: Engine) -> bool:
    with Session(engine) as session:
        return not session.scalar(select(func.count()).select_from(OrgUnit))


# The seeder's stage names, as the progress dialog shows them.
SEED_STAGES = {
    "org units": QT_TRANSLATE_NOOP("Startup", "Districts, townships, communities and grids"),
    "users": QT_TRANSLATE_NOOP("Startup", "User accounts"),
    "workers": QT_TRANSLATE_NOOP("Startup", "Grid workers"),
    "checklists": QT_TRANSLATE_NOOP("Startup", "Checklists"),
    "premises": QT_TRANSLATE_NOOP("Startup", "Premises"),
    "cameras": QT_TRANSLATE_NOOP("Startup", "Cameras"),
    "incidents": QT_TRANSLATE_NOOP("Startup", "Incidents"),
    "gps fixes": QT_TRANSLATE_NOOP("Startup", "Grid workers' tracks"),
}


def _seed_demo(engine: Engine) -> None:
    from console.services.seed import SeedError, seed_district

    def job(progress: Callable[[str, float], None]) -> object:
        def report(stage: str, fraction: float) -> None:
            source = SEED_STAGES.get(stage)
            progress(QCoreApplication.translate("Startup", source) if source else stage, fraction)
        return seed_district(engine, district_code=DEMO_DISTRICT, scale="small", progress=report)

    title = QCoreApplication.translate("Startup", "Pingan Console")
    label = QCoreApplication.translate("Startup", "Creating the demo district (first start only)…")
    try:
        run_with_progress(title, label, job)
    except SeedError as exc:
        raise DatabaseError(str(exc)) from exc


def _prepare_database(settings: Settings, engine: Engine) -> None:
    if settings.is_demo:
        ensure_current(engine)
        if _is_empty(engine):
            _seed_demo(engine)
    else:
        require_current(engine)


def _demo_operator(engine: Engine, username: str | None) -> Actor | None:
    with Session(engine) as session:
        name = username or session.scalar(select(Setting.value).where(Setting.key == "demo_operator"))
        if not name:
            return None
        try:
            return actor_by_username(session, name)
        except AuthenticationError:
            return None


class SignInRequired(RuntimeError):
    """A screenshot cannot type a password."""


def _sign_in(settings: Settings, engine: Engine, username: str | None, interactive: bool) -> Actor | None:
    if settings.is_demo and (actor := _demo_operator(engine, username)) is not None:
        return actor
    if not interactive:
        raise SignInRequired("A screenshot is taken on the demo database; this database needs a password "
                             "to sign in.")

    def check(name: str, password: str) -> Actor:
        with Session(engine) as session:
            return authenticate(session, name, password)

    dialog = LoginDialog(check, username=username or "", database=database_label(engine))
    return dialog.actor if dialog.exec() else None


def _report(message: str, interactive: bool) -> None:
    print(f"error: {message}", file=sys.stderr)
    if interactive:
        title = QCoreApplication.translate("Startup", "Pingan Console")
        intro = QCoreApplication.translate("Startup", "The console cannot start:")
        QMessageBox.critical(None, title, f"{intro}\n\n{message}")


def _take_screenshot(app: QApplication, window: MainWindow, path: Path,
                     tile: VideoTile | None = None) -> None:
    """Timers belong to the window, so none outlives it to fire into a later event loop. With a playing
    `tile`, the picture is taken once that tile has shown a frame."""
    settle = QTimer(window, singleShot=True, interval=300)  # let the first paint after the data land
    deadline = QTimer(window, singleShot=True, interval=SCREENSHOT_TIMEOUT_MS)

    def save() -> None:
        if tile is not None and tile.frame is None:
            settle.start()  # the video has not shown its first frame yet
            return
        deadline.stop()
        if tile is not None:
            _report_vlc_files()
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path), "PNG")
        if not ok:
            print(f"error: could not write the screenshot {path}", file=sys.stderr)
        app.exit(0 if ok else 1)

    def give_up() -> None:
        settle.stop()
        print("error: the window did not finish loading its data in time for the screenshot", file=sys.stderr)
        app.exit(1)

    settle.timeout.connect(save)
    deadline.timeout.connect(give_up)
    window.resize(*SCREENSHOT_SIZE)
    if window.is_ready:
        settle.start()
    else:
        window.sig_ready.connect(settle.start)
    deadline.start()


def _report_startup(window: MainWindow, what: str) -> None:
    """For the cold-start benchmark: seconds from process start (main.py) to a painted window."""
    window.repaint()
    started = float(os.environ[STARTUP_CLOCK_ENV])
    print(f"startup: {what} after {time.time() - started:.3f} s", flush=True)


def _needs_setup(settings: Settings, setup: bool) -> bool:
    """The wizard runs on request, or when an installed bundle starts with nothing pre-set (`make run` keeps
    opening the demo database)."""
    return setup or (bool(getattr(sys, "frozen", False)) and not settings.preset)


def _run_setup(settings: Settings) -> Settings | None:
    """The first-run wizard; the settings it saved, or None when the user cancelled."""
    from widgets.common.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(settings.config_path)
    if not wizard.exec():
        return None
    return load_settings(None, settings.config_path)


def _play_in_wall(window: MainWindow, source: str) -> VideoTile:
    """--play: the first wall tile shows `source` (a file or URL), with the video wall in front."""
    url = source if "://" in source else Path(source).resolve().as_uri()
    camera = CameraRow(id=0, code="play", name=Path(source).name or source, stream_url=url, lon=0.0, lat=0.0,
                       org_unit_id=0, org_unit_name="", org_path="", online=True)
    window.video_dock.show()
    window.video_dock.raise_()
    tile = window.video_panel.wall.tiles[0]
    tile.clear()
    channel = default_channel(camera)
    tile.attach(camera, channel)
    channel.start()
    return tile


def _report_vlc_files() -> None:
    """For the packaging test: which libVLC libraries and plugin folders this process really loaded."""
    files = loaded_vlc_files()
    for path in files:
        if not path.name.endswith("_plugin.so"):
            print(f"libvlc: loaded {path}", flush=True)
    for root in sorted({path.parent.parent for path in files if path.name.endswith("_plugin.so")}):
        print(f"libvlc: plugins from {root}", flush=True)


def run_gui(settings: Settings, screenshot: Path | None = None, username: str | None = None,
            language: str | None = None, play: str | None = None, setup: bool = False) -> int:
    """Open the console; with `screenshot`, render it offscreen at 1600×900 into that PNG and return 0.

    `language` (the --lang flag) wins over the choice saved from the Language menu, which wins over the
    config file. `play` opens a video in the first wall tile; with a screenshot, the picture waits for its
    first frame. `setup` opens the first-run wizard (an installed bundle opens it when nothing is pre-set)."""
    if screenshot is not None:
        if QApplication.instance() is None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not display_available():
        print(NO_DISPLAY)
        return 2
    app = _application()
    # Collect cycles on the GUI thread only: collected by a database worker thread, a cycle holding a Qt
    # wrapper destroys its QObject there and shiboken deadlocks waiting for the GIL.
    collector = GarbageCollector(interval=1.0)  # noqa: F841 - its timer runs while the console does
    ui_dir = tempfile.TemporaryDirectory(prefix="pingan-ui-") if screenshot is not None else None
    # A screenshot must not depend on (or change) the layouts this machine's operator saved.
    ui_settings = (QSettings(str(Path(ui_dir.name) / "ui.ini"), QSettings.Format.IniFormat) if ui_dir
                   else QSettings())
    language = language or str(ui_settings.value(LANGUAGE_KEY) or settings.language)
    translators = install_translators(app, language)
    _set_font(app)
    interactive = screenshot is None
    if interactive:  # a screenshot run (tests, benchmarks) leaves the operator's log alone
        start_log_file()
    engine = None
    try:
        if interactive and _needs_setup(settings, setup):
            chosen = _run_setup(settings)
            if chosen is None:
                return 0
            settings = chosen
        if settings.is_demo:
            Path(settings.db_url).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.db_url)
        _prepare_database(settings, engine)
        actor = _sign_in(settings, engine, username, interactive)
        if actor is None:
            return 0
        window = MainWindow(engine, actor, ui_settings, language=language, basemaps=settings.basemaps,
                            config_path=settings.config_path, live_rules=settings.live)
        if os.environ.get(STARTUP_CLOCK_ENV):
            QTimer.singleShot(0, lambda: _report_startup(window, "first paint"))
            window.sig_ready.connect(lambda: _report_startup(window, "data painted"))
        tile = _play_in_wall(window, play) if play else None
        if screenshot is not None:
            _take_screenshot(app, window, screenshot, tile)
        window.show()
        code = app.exec()
        # Closed after the loop ends: closing inside it would leave a posted quit for the next event loop.
        window.close()
        return code
    except (SQLAlchemyError, DatabaseError, OSError) as exc:
        _report(explain(exc, settings.db_url), interactive)
        return 1
    except SignInRequired as exc:
        _report(str(exc), interactive)
        return 1
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        if engine is not None:
            engine.dispose()
        if ui_dir is not None:
            ui_dir.cleanup()
