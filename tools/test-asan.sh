#!/bin/sh
# Build with AddressSanitizer + UndefinedBehaviorSanitizer (the "asan" preset
# of CMakePresets.json, into build-asan/) and run the test suite there.
# LeakSanitizer is on; tests/sanitizers/lsan.supp lists the third-party
# allocations it may ignore.  The 'slow' label (the real-world corpus and the
# evaluation set) and 'valgrind' (cannot run on a sanitized binary) are left
# out; pass other ctest options to narrow it further.
set -eu
cd "$(dirname "$0")/.."
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
exec ctest --preset asan -LE "slow|valgrind" -j"$(nproc)" "$@"
