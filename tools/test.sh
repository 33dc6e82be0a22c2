#!/bin/sh
# Install what is needed, build, and run the whole test suite with ctest.
set -eu
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cd build
exec ctest --output-on-failure -j"$(nproc)"
