"""One version everywhere (package, bundle, archive, Windows installer) and the libVLC bootstrap's search."""
from __future__ import annotations

import importlib.util
import re

import console
from console import vlc_bootstrap
from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("bundle_plan", REPO / "packaging" / "bundle_plan.py")
bundle_plan = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bundle_plan)


def test_version_has_one_source():
    assert bundle_plan.version() == console.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", console.__version__)
    assert f"-{console.__version__}-" in bundle_plan.archive_name()
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "console.__version__" }' in pyproject


def test_inno_setup_script_takes_the_generated_version(tmp_path):
    target = bundle_plan.write_inno_version(tmp_path / "version.iss")
    assert f'#define AppVersion "{console.__version__}"' in target.read_text(encoding="utf-8")
    iss = (REPO / "packaging" / "windows" / "pingan.iss").read_text(encoding="utf-8")
    assert '#include "version.iss"' in iss
    assert re.search(r"^AppVersion=\{#AppVersion\}$", iss, re.MULTILINE)


def test_bootstrap_finds_an_app_local_libvlc(tmp_path, monkeypatch):
    folder = tmp_path / "vlc"
    (folder / "plugins").mkdir(parents=True)
    monkeypatch.setenv("PINGAN_VLC_DIR", str(folder))
    assert vlc_bootstrap.local_vlc_dir() is None  # no library yet
    (folder / "libvlc.so.5").write_bytes(b"")
    assert vlc_bootstrap.local_vlc_dir() == folder
