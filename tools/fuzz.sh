#!/bin/sh
# Build the libFuzzer targets (clang, -DMS_FUZZ=ON, in build-fuzz/) and run
# each for SECONDS (default 60) from its seed corpus in tests/fuzz/corpus/.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]      targets: rules text extract ingest
#
# New inputs go to build-fuzz/corpus/TARGET (the committed seeds are never
# touched); a crash, leak, timeout or out-of-memory is written to
# build-fuzz/crashes/TARGET/ and makes the script fail.  Copy such a file into
# tests/fuzz/regressions/TARGET/ once it is fixed: ctest -L fuzz replays it.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-rules text extract ingest}
B=build-fuzz

CC=${CC_FUZZ:-clang} cmake -S . -B $B -DMS_FUZZ=ON -DBUILD_TESTING=OFF \
    -DCMAKE_C_COMPILER="${CC_FUZZ:-clang}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
BINS=""
for t in $TARGETS; do BINS="$BINS fuzz_$t"; done
# shellcheck disable=SC2086
cmake --build $B -j"$(nproc)" --target $BINS >/dev/null

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_SLICE=always-malloc
status=0
for t in $TARGETS; do
    mkdir -p $B/corpus/$t $B/crashes/$t
    dict=""
    [ -f tests/fuzz/dict/$t.dict ] && dict="-dict=tests/fuzz/dict/$t.dict"
    log=$B/fuzz-$t.log
    # -rss_limit_mb bounds the whole process (ASan's shadow memory included);
    # -timeout is per input.
    # shellcheck disable=SC2086
    if $B/tests/fuzz/fuzz_$t -max_total_time="$SECONDS_EACH" -rss_limit_mb=2560 -timeout=30 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix=$B/crashes/$t/ $dict \
        $B/corpus/$t tests/fuzz/corpus/$t >"$log" 2>&1; then
        result=ok
    else
        result="FAILED (see $log and $B/crashes/$t/)"
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz_$t: ${SECONDS_EACH} s, ${runs:-?} runs, ${rate:-?} exec/s, ${cov:-cov: ?}: $result"
done
exit $status
