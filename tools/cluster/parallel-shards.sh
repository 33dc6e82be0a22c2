#!/bin/sh
# GNU parallel over shards: N shard runs of `motionscan run --shard K/N`, then
# one `motionscan merge` into OUTDIR/records.jsonl.
#
#   tools/cluster/parallel-shards.sh N OUTDIR [run options] INPUT...
#
# Each shard writes OUTDIR/shard-K.jsonl (K from 0).  Run options (--db, -j,
# --rules, ...) go to every shard; give -j 1 when N shards share the cores.
# A shard whose inputs include error records exits 1 and still counts as done;
# any other failure stops the batch (exit 2).
#
# Environment: MOTIONSCAN, the program (default: motionscan on PATH);
# PARALLEL_JOBS, shards at once (default N); SSHLOGIN, hosts for GNU parallel's
# --sshlogin (e.g. "2/host1,2/host2"): every host needs motionscan, and this
# script and the inputs at the same paths (a shared file system), and writes
# OUTDIR there.  See README "Beyond one machine" for the --sshlogin form with
# --return when there is no shared file system.
set -eu
if [ "${1:-}" = "--one-shard" ]; then
    # one job of the batch: exit 0 unless motionscan itself could not run
    shift
    k=$1 n=$2 out=$3
    shift 3
    status=0
    "${MOTIONSCAN:-motionscan}" run -q --shard "$k/$n" --out "$out/shard-$k.jsonl" "$@" || status=$?
    [ "$status" -le 1 ]
    exit
fi
if [ $# -lt 3 ]; then
    echo "usage: $0 N OUTDIR [run options] INPUT..." >&2
    exit 2
fi
n=$1 out=$2
shift 2
mkdir -p "$out"
rm -f "$out"/shard-*.jsonl
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
# -q: parallel quotes every argument, so inputs with spaces stay whole
if [ -n "${SSHLOGIN:-}" ]; then
    seq 0 $((n - 1)) | parallel -q --halt soon,fail=1 -j "${PARALLEL_JOBS:-$n}" \
        --sshlogin "$SSHLOGIN" --workdir "$(pwd)" "$self" --one-shard {} "$n" "$out" "$@" || exit 2
else
    seq 0 $((n - 1)) | parallel -q --halt soon,fail=1 -j "${PARALLEL_JOBS:-$n}" \
        "$self" --one-shard {} "$n" "$out" "$@" || exit 2
fi
shards=""
k=0
while [ "$k" -lt "$n" ]; do
    shards="$shards $out/shard-$k.jsonl"
    k=$((k + 1))
done
# shellcheck disable=SC2086
"${MOTIONSCAN:-motionscan}" merge --out "$out/records.jsonl" $shards
