/* review — auditors' verdicts: importing the files the audit report
 * downloads into the SQLite database, and accuracy computed from them.
 *
 * The verdict file (written by pipeline/audit/report.js, documented in the
 * README):
 *
 *   {"format": "motionscan-verdicts", "version": 1, "exported_at": "...Z",
 *    "verdicts": [{"sha256": "<64 hex>", "file": "samples/01.pdf",
 *                  "field": "removal_countries", "value": "HN" | null,
 *                  "verdict": "correct" | "wrong", "correct_value": "GT" | null,
 *                  "rule": "role.removal..." | null, "rule_source": "rules/x.rules:12" | null,
 *                  "reviewer": "ana", "time": "2026-01-31T09:15:02.123Z"}, ...]}
 *
 * A file is checked whole before anything is stored, and stored in one
 * transaction: a bad entry refuses the file, naming the entry and the member.
 * A verdict is keyed by (sha256, field, value, reviewer): importing a file
 * twice, or two files that overlap, never counts a verdict twice; a later
 * verdict (by `time`) replaces an earlier one.
 *
 * Thread rules: one thread per sqlite3 connection.  Ownership: the caller
 * owns the connection (see ms_sqlite_open in sink_sqlite.h).
 */
#ifndef MS_REVIEW_H
#define MS_REVIEW_H

#include <glib.h>
#include <sqlite3.h>

/* Bounds on a verdict file (it comes from a browser, so it is untrusted). */
#define MS_REVIEW_MAX_FILE_BYTES (64 * 1024 * 1024)
#define MS_REVIEW_MAX_TEXT 4096

typedef struct {
    int verdicts;  /* entries in the file */
    int added;     /* new (document, field, value, reviewer) */
    int updated;   /* replaced an earlier verdict */
    int unchanged; /* already stored, same or newer */
} ms_review_import_stats;

/* Check and store the verdicts of `path` into `db` (path names the file in
 * messages).  Errors: MS_ERR_USAGE for a file that is not a valid verdict
 * file ("FILE: verdicts[3]: verdict must be correct or wrong"), MS_ERR_OUTPUT
 * when the database cannot be written. */
gboolean ms_review_import(sqlite3 *db, const char *db_path, const char *path,
                          ms_review_import_stats *st, GError **err);

/* Accuracy per field and per rule (worst first) from the stored verdicts,
 * as a text table or (as_json) a JSON object, appended to `out`. */
gboolean ms_review_stats(sqlite3 *db, const char *db_path, gboolean as_json, GString *out,
                         GError **err);

#endif
