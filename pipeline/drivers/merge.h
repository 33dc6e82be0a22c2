/* merge — shard outputs into one, as if one run had read the whole batch.
 *
 *   motionscan merge [--out FILE] [--csv FILE] [--db FILE|URL] INPUT...
 *
 * INPUTs are JSON Lines files (run --out) and SQLite databases (run --db),
 * told apart by their first bytes.  The records are keyed by `file`: the
 * same record from two inputs is kept once; when two inputs hold different
 * records for one file, the later input's wins (a shard run again after a
 * fix is given last).  They are written in path order, as `run` sorts
 * (byte order of `file`), so the output equals the JSON Lines of one run
 * over the batch, timings aside.  Merging the output again, alone or with
 * any of its inputs, gives the same output: the merge is idempotent.
 *
 * A SQLite input gives each document's record (record_json, without
 * timings) and its last run's unreadable files; a database keeps one row per
 * distinct content, so two paths with the same bytes come back as one.
 *
 * The command (exit status, options) is pipeline/cli/cmd_merge.c.
 *
 * Thread rules: single-threaded.  Ownership: none across the call.
 */
#ifndef MS_MERGE_H
#define MS_MERGE_H

#include <glib.h>

/* Merge the records of `inputs` (n of them) into `out` (sorted by file, a
 * stapled stack's parts in their order), an array of JsonObject references
 * that frees them.  A file that several inputs hold keeps the last input's
 * records; *duplicates counts those repeats.  Errors: MS_ERR_USAGE, naming
 * the input. */
gboolean ms_merge_load(char **inputs, int n, GPtrArray *out, int *duplicates, GError **err);

#endif
