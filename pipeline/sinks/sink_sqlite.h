/* sink_sqlite — records in a SQLite database a firm can query with SQL.
 *
 * The program creates the schema and migrates it: PRAGMA user_version holds
 * the schema version (MS_SQLITE_SCHEMA_VERSION); a database from a newer
 * motionscan is refused rather than written wrongly.  The tables (see the
 * migration steps in sink_sqlite.c for every column):
 *
 *   runs              one row per `motionscan run`: times, version, command
 *                     line, counts of files/ok/failed/skipped
 *   documents         one row per distinct file content, keyed by sha256
 *   pages, fields, evidence, country_mentions
 *                     a document's pages, extracted values (one row per
 *                     value), evidence and country mentions, keyed by sha256
 *   errors            every error record of every run, keyed by (run, path):
 *                     the only place for an error without a sha256 (a missing
 *                     or unreadable file), which no document row can hold
 *   reviews           auditors' verdicts on the values (schema version 2;
 *                     written by motionscan review import, pipeline/review.c)
 *   calendar_events   what each calendar feed last exported (schema version
 *                     3; written by motionscan calendar, pipeline/calendar/)
 *
 * Each record is written in one transaction (BEGIN IMMEDIATE ... COMMIT): a
 * document's rows are replaced together or not at all.  A record whose
 * content is unchanged (the record without its run-specific timings) only
 * moves documents.last_run_id, so running a batch again leaves documents,
 * pages, fields, evidence and country_mentions as they were, but for
 * last_run_id; runs and errors get the new run's rows.  An error record never
 * replaces a document that was once read ok (a forgotten --password must not
 * erase the extraction); it is logged in errors.  A "skipped" record (see
 * ms_sink_sqlite_known) only moves last_run_id.
 *
 * The database uses WAL, synchronous=NORMAL, foreign keys and a busy timeout,
 * so readers can query it while a run writes, and two runs on one database
 * wait for each other instead of failing.
 *
 * Thread rules: ms_sink_write/close from one thread (the batch's writer);
 * ms_sink_sqlite_known() from any thread.
 * Ownership: ms_sink_sqlite_open() returns a sink released with
 * ms_sink_close(); it copies what it needs from `opt`.
 */
#ifndef MS_SINK_SQLITE_H
#define MS_SINK_SQLITE_H

#include <sqlite3.h>

#include "pipeline/sinks/sink.h"

#define MS_SQLITE_SCHEMA_VERSION 4
/* How long a writer waits for another process's transaction. */
#define MS_SQLITE_BUSY_MS 10000

typedef struct {
    /* runs.options: the command line as text; the caller removes secrets */
    const char *command_line;
    /* remember which documents are known ok, for ms_sink_sqlite_known() */
    gboolean load_known;
} ms_sqlite_options;

#define MS_SQLITE_OPTIONS_INIT {"", FALSE}

/* Open or create the database at `path`, bring its schema to the current
 * version and start a row in runs.  On failure returns FALSE and sets err
 * (MS_ERR_OUTPUT, naming the file and SQLite's reason). */
gboolean ms_sink_sqlite_open(const char *path, const ms_sqlite_options *opt, ms_sink **out,
                             GError **err);

/* Whether documents held `sha256` with status ok when the sink was opened
 * (with opt->load_known).  A snapshot, so the answer does not depend on how
 * far the batch has got: two copies of one file in a batch are both
 * processed, whatever the number of workers.  FALSE for any other sink. */
gboolean ms_sink_sqlite_known(const ms_sink *s, const char *sha256);

/* Whether the errors table holds a row for `file`, in any run: the watch
 * daemon asks before it writes an error record again after a restart, so the
 * record is not stored twice.  FALSE for any other sink. */
gboolean ms_sink_sqlite_has_error(const ms_sink *s, const char *file);

/* The record as record_json holds it: without timings_ms and each page's
 * ms, which differ from run to run while the document does not.  g_free it. */
char *ms_sqlite_stable_json(JsonObject *record);

/* The database at `path` (created if missing) with its schema brought to the
 * current version, for commands that use it without a run (review import).
 * The connection is the caller's (sqlite3_close).  Errors: MS_ERR_OUTPUT. */
gboolean ms_sqlite_open(const char *path, sqlite3 **out, GError **err);

/* sqlite_schema.c, for the sinks: SQLite's reason for the last failure on
 * `db` as an MS_ERR_OUTPUT error naming `path` and `what`; returns FALSE. */
gboolean ms_sqlite_fail(sqlite3 *db, const char *path, const char *what, GError **err);
/* Run constant SQL (no values in it); FALSE and err as ms_sqlite_fail(). */
gboolean ms_sqlite_exec(sqlite3 *db, const char *path, const char *sql, const char *what,
                        GError **err);

#endif
