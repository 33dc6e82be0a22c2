/* watch_internal — the watch daemon's state, shared by watch.c (workers,
 * recording, signals, start and stop), watch_inbox.c (INBOX to claim) and
 * watch_folders.c (folders, lock, names).  Private to pipeline/drivers/watch*.c.
 *
 * Thread rules: everything here but the scheduler and a job's `result` is
 * touched by the main loop's thread only (a job's ctx, path and crash_line
 * are read by the scheduler's workers, never changed).
 * Ownership: the watch owns its folders, tables and queues (freed by
 * ms_watch_run()); a job owns its strings and result (job_free in watch.c);
 * the returned names are new strings (g_free).
 */
#ifndef MS_WATCH_INTERNAL_H
#define MS_WATCH_INTERNAL_H

#include <gio/gio.h>
#include <glib.h>

#include "pipeline/drivers/scheduler.h"
#include "pipeline/drivers/watch.h"
#include "pipeline/drivers/watch_journal.h"

/* ---- the ruleset, shared by the workers and replaced on SIGHUP ---- */

typedef struct {
    ms_ruleset *rs;
    gint refs;
} rules_ref;

typedef struct watch watch;

/* One claimed file, from claim to record. */
typedef struct {
    watch *w;
    char *claim;      /* its name in processing/, done/ or failed/ */
    char *source;     /* its name in INBOX; NULL when found in processing/ at start */
    rules_ref *rules; /* in force when it was claimed */
    gint64 t0;        /* monotonic time of the claim */
    char *dup_of;     /* where the same bytes were recorded, for a duplicate */
    ms_context ctx;   /* the base with its rules and duplicate check */
    char *path;       /* DIR/processing/claim */
    char *crash_line; /* "claim\n", for crashes.log */
    ms_result *result;
} job;

/* A file in INBOX being watched until it is stable. */
typedef struct {
    gint64 size, mtime_ns;
    guint64 ino;
    gboolean statted;
    gint64 changed_at; /* monotonic time of the last change seen */
} candidate;

struct watch {
    const ms_watch_options *opt;
    ms_context base;
    char *dir[MS_WATCH__DIRS];
    int lock_fd;
    ms_journal *journal;
    GFile *inbox_file;
    GFileMonitor *monitor;
    guint sources[6]; /* timers and signal handlers, removed at the end */
    int n_sources;

    rules_ref *rules;
    ms_scheduler *sched; /* reads the claimed files (job* as doc_user) */
    GMainContext *mc;
    GMainLoop *loop;
    GHashTable *candidates; /* name in INBOX -> candidate* */
    GQueue backlog;         /* claims found in processing/ at start */
    GQueue suspects;        /* of those, the ones a daemon crashed while reading */
    GHashTable *crashes;    /* claim -> crashes while reading it (crashes.log) */
    char *crashes_path;
    int in_flight;
    gboolean draining;
    guint retry_source; /* while records wait to be written: the timer */
    int retries;
    int status;
    int files, ok, failed, duplicates;
    gint64 started;
};

/* watch.c: queue `claim` (a name in processing/; taken) for a worker;
 * `source` is its name in INBOX, or NULL (taken). */
void ms_watch_dispatch(watch *w, char *claim, char *source);

/* watch_inbox.c */
/* List INBOX and note the files not yet watched (a GSourceFunc). */
gboolean ms_watch_scan_inbox(gpointer data);
/* Give free workers the backlog, then the stable files, oldest first. */
void ms_watch_dispatch_more(watch *w);
/* Restat the candidates and dispatch (a GSourceFunc). */
gboolean ms_watch_on_tick(gpointer data);
/* The INBOX monitor's "changed" handler. */
void ms_watch_on_event(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev,
                       gpointer data);

/* watch_folders.c */
char *ms_watch_in_dir(watch *w, int d, const char *name);
/* Names a scanner or a browser writes before renaming, and hidden files. */
gboolean ms_watch_ignored_name(const char *name);
/* TRUE when some process has `path` open for writing (Linux read lease). */
gboolean ms_watch_open_for_writing(const char *path);
/* Valid UTF-8 without control characters. */
char *ms_watch_clean_name(const char *raw);
/* A name for `raw` that no file in DIR has: itself or "stem~N.ext"; NULL
 * (logged) when none can be found (lstat fails, say EACCES). */
char *ms_watch_claim_name(watch *w, const char *raw);
/* The folders' checks, and DIR's subfolders created (w->dir). */
gboolean ms_watch_check_folders(watch *w, GError **err);
/* DIR/watch.lock: one daemon per DIR. */
gboolean ms_watch_take_lock(watch *w, GError **err);

#endif
