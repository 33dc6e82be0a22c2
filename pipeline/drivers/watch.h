/* watch — the watch-folder daemon behind `motionscan watch INBOX --out DIR`.
 *
 * Every file that lands in INBOX (or is there at start) is claimed by an
 * atomic rename into DIR/processing/, read by the scheduler shared with
 * `run` (scheduler.h: its pages spread over the workers), its record written
 * to every sink, and then moved to DIR/done/ or DIR/failed/.  The design (stability rule, crash safety,
 * duplicates, signals) is described at the top of watch.c and in the README.
 *
 * Thread rules: ms_watch_run() runs a GMainLoop on the calling thread, which
 * claims files, writes every sink and moves files; the scheduler's `jobs`
 * worker threads each own an ms_worker.  The ruleset is shared read-only by the workers and
 * replaced on SIGHUP by reference counting: a file is read entirely with the
 * rules that were in force when it was claimed.
 *
 * Ownership: ms_watch_run() takes `rules` (freed when no worker uses it) and
 * borrows everything else.
 */
#ifndef MS_WATCH_H
#define MS_WATCH_H

#include "pipeline/document/document.h"

/* A file is taken once its size and mtime have not changed for this long. */
#define MS_WATCH_DEFAULT_SETTLE_MS 1000
#define MS_WATCH_MIN_SETTLE_MS 50
#define MS_WATCH_MAX_SETTLE_MS 600000
/* With inotify, INBOX is also read again this often, in case an event was
 * lost (a full inotify queue drops events silently). */
#define MS_WATCH_RESCAN_SECONDS 10
#define MS_WATCH_MAX_POLL_SECONDS 86400
/* A claimed name is cut to this many bytes (extension kept), so the names
 * derived from it stay under the file system's 255-byte limit. */
#define MS_WATCH_MAX_NAME 200
/* "scan~N.pdf": the most N tried before a name is given up on */
#define MS_WATCH_MAX_SUFFIX 100000
/* A file the daemon crashed on this many times (a decoder bug) is set aside
 * in failed/ unread; after one crash it is read alone. */
#define MS_WATCH_MAX_CRASHES 2
/* While a record cannot be written (a full disk), reading stops and the
 * waiting records are tried again this often. */
#define MS_WATCH_RETRY_SECONDS 2

typedef struct {
    const char *inbox;        /* the folder watched */
    const char *out_dir;      /* processing/, done/, failed/, records.jsonl */
    const char *csv;          /* also append a CSV row per record, or NULL */
    const char *db;           /* also store the records in SQLite, or NULL */
    const char *ics;          /* with db: keep this calendar feed current, or NULL */
    const char *rules_dir;    /* read again on SIGHUP; names rules in evidence */
    const char *command_line; /* runs.options of the database */
    int jobs;                 /* worker threads, >= 1 */
    int poll_seconds;         /* > 0: scan INBOX this often instead of inotify */
    int settle_ms;            /* the stability window */
} ms_watch_options;

/* Exit statuses of ms_watch_run(). */
#define MS_WATCH_STOPPED 0       /* SIGTERM or SIGINT, in-flight work finished */
#define MS_WATCH_OUTPUT_FAILED 1 /* stopped with records still waiting (a full disk) */
#define MS_WATCH_CANNOT_START 2  /* folders, lock, sinks or options */

/* Run until SIGTERM or SIGINT.  Returns one of the statuses above; on 1 or 2
 * err says why.  Per-file lines and events are logged to stderr. */
int ms_watch_run(const ms_context *base, ms_ruleset *rules, const ms_watch_options *opt,
                 GError **err);

#endif
