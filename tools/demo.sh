#!/bin/sh
# Install what is needed, build, and print one record per bundled sample.
set -eu
cd "$(dirname "$0")/.."
tools/install-deps.sh >&2
tools/build.sh >&2
exec build/motionscan run samples/
