/* watch_journal — the watch daemon's records, written exactly once.
 *
 * Under the output folder: processing/, done/, failed/ (NAME and
 * NAME.error.json), journal/, records.jsonl, known.tsv; plus the CSV and the
 * database when asked for.  ms_journal_commit() records one finished file
 * in four steps, each made durable before the next:
 *
 *   1. journal/NAME := {record, dest, the byte sizes of records.jsonl,
 *      known.tsv and the CSV}   (a temporary file, fsynced, renamed)
 *   2. append to known.tsv, records.jsonl and the CSV (each fsynced), write
 *      the database (one transaction), and failed/NAME.error.json
 *   3. rename processing/NAME to done/ or failed/, fsync that folder
 *   4. unlink journal/NAME
 *
 * Only one thread commits, one file at a time, so at most one journal entry
 * exists.  ms_journal_open() finishes it after a kill: if its file is still
 * in processing/, the three files are cut back to the sizes it noted (which
 * also removes a line torn by the kill) and step 2 is done again with the
 * same record; the database holds an ok record idempotently (documents are
 * keyed by sha256) and an error record already in `errors` is not written
 * again (ms_sink_sqlite_has_error).  An entry whose file has left
 * processing/ was complete and is removed.  A torn last line of
 * records.jsonl or known.tsv is cut.
 *
 * known.tsv ("sha256 TAB done/NAME") holds every content recorded; with the
 * contents being read, it answers ms_journal_seen(), so the same bytes are
 * not read twice.  Empty files are no content and never duplicates.
 *
 * Thread rules: ms_journal_seen() from any thread; everything else from the
 * one thread that records.
 * Ownership: ms_journal_open()/ms_journal_close(); the journal borrows the
 * strings of its options until it is closed.
 */
#ifndef MS_WATCH_JOURNAL_H
#define MS_WATCH_JOURNAL_H

#include "pipeline/document/record.h"

enum { MS_WATCH_PROCESSING, MS_WATCH_DONE, MS_WATCH_FAILED, MS_WATCH_JOURNAL, MS_WATCH__DIRS };
/* "processing", "done", "failed", "journal" */
extern const char *const ms_watch_dir_names[MS_WATCH__DIRS];

typedef struct ms_journal ms_journal;

typedef struct {
    const char *out_dir;      /* its four folders must exist */
    const char *csv, *db;     /* or NULL */
    const char *command_line; /* runs.options of the database */
    const char *rules_dir;    /* names rules in evidence */
} ms_journal_options;

/* Open the sinks, finish an interrupted commit and load known.tsv.  On
 * failure returns FALSE and sets err (MS_ERR_OUTPUT). */
gboolean ms_journal_open(const ms_journal_options *opt, ms_journal **out, GError **err);

/* Whether `sha256` was recorded, or is being read for another claim: then
 * TRUE and *dup_of (owned by the caller) says where.  Otherwise notes that
 * `claim` is reading it and returns FALSE. */
gboolean ms_journal_seen(ms_journal *jn, const char *sha256, const char *claim, char **dup_of);

/* Record the result `r` of processing/`claim`: its record goes to every
 * sink and the file to done/ (ok, or a duplicate) or failed/.  A result
 * whose bytes were recorded meanwhile becomes a duplicate (*dup_of set).
 * r->path becomes the file's final path.  *where ("done/NAME", where it
 * goes) is owned by the caller.  FALSE with err set (MS_ERR_OUTPUT) when a
 * sink or a move failed (a full disk), or earlier files still wait: the
 * record waits in the journal, the file stays in processing/, and
 * ms_journal_retry() records it.  A failed try leaves no part of the record:
 * the files are cut back to their sizes before it, the database's
 * transaction is rolled back, and nothing moved to done/ or failed/. */
gboolean ms_journal_commit(ms_journal *jn, const char *claim, ms_result *r, char **dup_of,
                           char **where, GError **err);

/* Try the waiting records again, oldest first: TRUE when none waits any
 * more (each logged as it is recorded), else FALSE with the error. */
gboolean ms_journal_retry(ms_journal *jn, GError **err);

/* How many records wait (0 in normal running).  Those still waiting when
 * the daemon stops are read again at the next start (their files are in
 * processing/; the oldest one's journal entry is finished then). */
guint ms_journal_waiting(ms_journal *jn);

/* Close the sinks (the database's run is finished); keeps the first error. */
gboolean ms_journal_close(ms_journal *jn, GError **err);

/* A line on stderr: "TIME motionscan watch: MESSAGE". */
void ms_watch_log(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* Shared with watch.c.  Set err (MS_ERR_OUTPUT: "WHAT PATH: strerror(errno)")
 * and return FALSE. */
gboolean ms_watch_io_error(GError **err, const char *what, const char *path);
/* Make a rename or unlink in `dir` durable. */
gboolean ms_watch_fsync_dir(const char *dir, GError **err);

#endif
