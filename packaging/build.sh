#!/usr/bin/env bash
# `make package`: the PyInstaller onedir bundle dist/pingan/ and its Linux archive dist/<name>.tar.gz, from a
# clean clone (setup-dev.sh has installed PyInstaller, binutils and libVLC). Prints the build time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
start=$(date +%s.%N)
$PY -m console.i18n_build
$PY packaging/bundle_plan.py inno-version >/dev/null
$PY -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/pingan.spec
archive=$($PY packaging/bundle_plan.py archive-name)
tar -C dist -czf "dist/${archive}" pingan
elapsed=$($PY -c "import time; print(f'{time.time() - $start:.1f}')")
echo "package: dist/pingan and dist/${archive} built in ${elapsed} s"
