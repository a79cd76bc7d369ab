"""Where the database is and how the console starts: flags, then PINGAN_DB_URL, then the config file.

The config file is INI (`[database] url = …`, `[ui] language = zh_CN|en`, one `[basemap NAME]` section per
basemap with kind folder|mbtiles|xyz, location, datum wgs84|gcj02, min_zoom, max_zoom, subdomains),
per machine, so IT staff can pre-set every workstation; `--config FILE` points at another one."""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import site_config_dir, user_config_dir, user_data_dir

from console.domain.live_status import DEFAULT_LIVE, LiveRules, parse_rules
from console.domain.map_tiles import BasemapSpec

APP_NAME = "PinganConsole"
DEMO_DISTRICT = "350206"
# Set by main.py to the wall-clock time the process began, when PINGAN_REPORT_STARTUP asks for timings.
STARTUP_CLOCK_ENV = "PINGAN_STARTUP_CLOCK"


def data_dir() -> Path:
    return Path(os.environ.get("PINGAN_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


def site_config_path() -> Path:
    """The machine-wide file IT staff deploy (/etc/xdg/PinganConsole, C:\\ProgramData\\PinganConsole)."""
    return Path(site_config_dir(APP_NAME, appauthor=False)) / "console.ini"


def default_config_path() -> Path:
    """PINGAN_CONFIG, else this user's file, else the machine-wide one when only that exists."""
    if os.environ.get("PINGAN_CONFIG"):
        return Path(os.environ["PINGAN_CONFIG"])
    user = Path(user_config_dir(APP_NAME, appauthor=False)) / "console.ini"
    site = site_config_path()
    return site if not user.exists() and site.exists() else user


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


@dataclass(frozen=True)
class Settings:
    db_url: str
    is_demo: bool
    language: str
    config_path: Path
    basemaps: tuple[BasemapSpec, ...] = ()
    live: LiveRules = DEFAULT_LIVE
    # The database was chosen by a flag, PINGAN_DB_URL or an existing config file (no first-run wizard).
    preset: bool = False


def _basemaps(parser: configparser.ConfigParser, path: Path) -> tuple[BasemapSpec, ...]:
    specs = []
    for section in parser.sections():
        if section.startswith("basemap "):
            raw = {"name": section.removeprefix("basemap ").strip(), **parser[section]}
            try:
                specs.append(BasemapSpec.from_dict(raw))
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}: section [{section}]: {exc}") from None
    return tuple(specs)


def _live_rules(parser: configparser.ConfigParser, path: Path) -> LiveRules:
    """[live] online_minutes, stale_minutes, duty_start, duty_end: when a worker counts as online, stale or
    silent on duty."""
    if not parser.has_section("live"):
        return DEFAULT_LIVE
    try:
        return parse_rules(parser["live"])
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: section [live]: {exc}") from None


def load_settings(db_flag: str | None = None, config_file: str | Path | None = None) -> Settings:
    path = Path(config_file) if config_file else default_config_path()
    parser = configparser.ConfigParser()
    if config_file and not path.exists():
        raise FileNotFoundError(f"The config file {path} does not exist.")
    if path.exists():
        parser.read(path, encoding="utf-8")
    language = parser.get("ui", "language", fallback="zh_CN")
    basemaps = _basemaps(parser, path)
    live = _live_rules(parser, path)
    url = db_flag or os.environ.get("PINGAN_DB_URL") or parser.get("database", "url", fallback="")
    preset = bool(url) or path.exists()
    if url:
        return Settings(db_url=url, is_demo=False, language=language, config_path=path, basemaps=basemaps,
                        live=live, preset=preset)
    return Settings(db_url=str(demo_database_path()), is_demo=True, language=language, config_path=path,
                    basemaps=basemaps, live=live, preset=preset)


def save_database_url(url: str, config_file: Path | None = None) -> Path:
    """Remember `url` (empty: the embedded demo database) in the config file; other sections are kept."""
    path = config_file or default_config_path()
    parser = configparser.ConfigParser()
    if path.exists():
        parser.read(path, encoding="utf-8")
    if not parser.has_section("database"):
        parser.add_section("database")
    parser.set("database", "url", url)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        parser.write(fh)
    return path
