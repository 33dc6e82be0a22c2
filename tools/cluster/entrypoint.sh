#!/bin/sh
# The container's command: one shard of a Kubernetes Indexed Job
# (tools/cluster/indexed-job.yaml).
#
# Kubernetes sets JOB_COMPLETION_INDEX (from 0); the manifest sets
# MOTIONSCAN_SHARD_COUNT to its completions, MOTIONSCAN_DB to the PostgreSQL
# URL (from a Secret), MOTIONSCAN_INPUT and MOTIONSCAN_OUTPUT to the mounted
# folders.  Arguments are passed to `motionscan run` before the input folder.
# Error records (exit 1) complete the index; anything else fails it, and the
# Job retries it.
set -eu
in=${MOTIONSCAN_INPUT:-/filings}
out=${MOTIONSCAN_OUTPUT:-/out}
: "${MOTIONSCAN_SHARD_COUNT:?set it to the Job's completions}"
mkdir -p "$out"
status=0
"${MOTIONSCAN:-motionscan}" run -j "${MOTIONSCAN_JOBS:-1}" \
    --out "$out/shard-${JOB_COMPLETION_INDEX:-0}.jsonl" ${MOTIONSCAN_DB:+--db "$MOTIONSCAN_DB"} \
    "$@" "$in" || status=$?
[ "$status" -le 1 ]
