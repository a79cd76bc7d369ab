#!/usr/bin/env bash
# Installs everything the console and its tests need on a fresh Debian machine: system libraries
# (Qt's xcb/EGL deps, a CJK font, libVLC, PostGIS, Xvfb, binutils), a .venv with the project and its test
# and package (PyInstaller) extras, and the compiled Qt translations. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxcb-xinerama0 libpulse0
  fonts-wqy-microhei
  libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  xvfb
  # `make package`: PyInstaller reads shared-library headers with objdump
  binutils
  # local camera streams for the video tests: ffmpeg test sources, GStreamer's RTSP server (Debian's python3-gi)
  ffmpeg gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 python3-gi
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad
)
PG_MAJOR=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1 || true)
if [ -n "${PG_MAJOR}" ]; then DEB_PACKAGES+=("postgresql-${PG_MAJOR}-postgis-3"); fi

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test,package]'
  rm -f .venv/.installed-*; touch "$stamp"
fi
.venv/bin/python -m console.i18n_build
