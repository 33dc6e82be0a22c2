#!/bin/sh
# The OCR benchmark in one command: install motionscan's packages and OCRmyPDF,
# build, and run tools/benchmark.py (arguments are passed on, e.g. --quick).
# Takes about 15 minutes on 2 cores; results in build/bench/results.md.
set -eu
cd "$(dirname "$0")/.."
tools/install-deps.sh --bench >&2
tools/build.sh >&2
exec /usr/bin/python3 tools/benchmark.py "$@"
