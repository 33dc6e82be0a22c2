/* sink — where records go.
 *
 * Every sink receives every record as the JSON object of the record contract
 * (pipeline/document/record.c), in path order, from the batch's one writing thread, so
 * a sink needs no locking and reads the same fields other tools read.  All
 * sinks run from one pass over the inputs.
 *
 * Ownership: a sink is created by its module's _open/_new function and
 * released by ms_sink_close(), which also flushes or commits what remains.
 */
#ifndef MS_SINK_H
#define MS_SINK_H

#include <stdio.h>

#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct ms_sink ms_sink;

typedef struct {
    const char *name;
    /* Write one record; the sink may not keep `record` after returning. */
    gboolean (*write)(ms_sink *s, JsonObject *record, GError **err);
    /* Flush, commit, free. */
    gboolean (*close)(ms_sink *s, GError **err);
} ms_sink_vtable;

struct ms_sink {
    const ms_sink_vtable *vt;
};

gboolean ms_sink_write(ms_sink *s, JsonObject *record, GError **err);
/* Close `s` (NULL is a no-op). */
gboolean ms_sink_close(ms_sink *s, GError **err);
/* Close each of sinks[0, n) (NULL entries are skipped), even after one fails,
 * and set each entry to NULL; the first error is kept in `err` (may be NULL). */
gboolean ms_sink_close_all(ms_sink **sinks, gsize n, GError **err);

/* For the file sinks (JSON Lines, CSV), so that a failed write (a full disk)
 * leaves no part of its record: the size of `f` before a record (-1 when it
 * is not a regular file, e.g. a pipe), and, after the write failed, drop
 * what the FILE's buffer still holds and cut the file back to `mark`. */
gint64 ms_sink_file_mark(FILE *f);
void ms_sink_file_undo(FILE *f, gint64 mark);

/* JSON Lines on `out`, one record a line, flushed after each record so a
 * crash loses at most the record being written; a failed write leaves none
 * of its line (ms_sink_file_undo).  `owns` closes the FILE. */
ms_sink *ms_sink_jsonl_new(FILE *out, gboolean owns);

/* CSV (RFC 4180) in a new file at `path`, one row per record under a header
 * row; the columns and the formula guard are documented in sink_csv.c.  On
 * failure returns FALSE and sets err (MS_ERR_OUTPUT, naming the file). */
gboolean ms_sink_csv_open(const char *path, ms_sink **out, GError **err);
/* The same, appending to `path` (created when missing); the header row is
 * written only when the file is empty.  For the watch daemon. */
gboolean ms_sink_csv_open_append(const char *path, ms_sink **out, GError **err);

/* SQLite: see pipeline/sinks/sink_sqlite.h (ms_sink_sqlite_open). */

#endif
