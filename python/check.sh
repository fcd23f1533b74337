#!/usr/bin/env bash
# Builds the mailbridge-messages wheel offline with Debian's python3 tooling and tests the built
# package against every golden example body. Run from anywhere; output goes to target/python.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
out=target/python
rm -rf "$out" python/build python/*.egg-info
"$PY" -m build --wheel --no-isolation --outdir "$out/dist" python/
rm -rf python/build python/*.egg-info
# The wheel unpacked is an importable tree with its entry points (its .dist-info).
mkdir -p "$out/site"
"$PY" -m zipfile -e "$out"/dist/mailbridge_messages-*.whl "$out/site"
PYTHONPATH="$out/site" "$PY" -m unittest discover -v -s python/tests
