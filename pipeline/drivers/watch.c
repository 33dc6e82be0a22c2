/* watch — a folder that filings are dropped into, read for months unattended.
 *
 * Folders.  INBOX is only ever read and emptied: nothing is written there.
 * Under --out DIR:
 *
 *   processing/NAME   claimed, being read (or waiting for a worker)
 *   done/NAME         read; its record is in every sink
 *   failed/NAME       could not be read; failed/NAME.error.json is its record
 *   journal/NAME      the record of NAME while it is being written (below)
 *   records.jsonl     JSON Lines, one record per input, appended
 *   known.tsv         "sha256 TAB done/NAME": the contents already recorded
 *   watch.lock        one daemon per DIR (flock)
 *   crashes.log       the files the daemon crashed on (see catch_crashes)
 *
 * NAME is the name the file had in INBOX (made valid UTF-8, control
 * characters as "_", cut to MS_WATCH_MAX_NAME bytes), or "stem~2.ext",
 * "stem~3.ext"... when that name is already used in DIR, so a scanner that always writes
 * scan.pdf loses nothing.  The record's `file` is DIR/done/NAME or
 * DIR/failed/NAME: where the file is now.
 *
 * When a file is taken.  A file is claimed when its size, mtime and inode
 * have not changed for --settle ms (checked by stat, with every inotify event
 * on it restarting the wait) and, where Linux allows it, no process has it
 * open for writing: a read lease (F_SETLEASE) cannot be taken on a file open
 * for writing.  The lease needs the file's owner or CAP_LEASE and a local
 * file system; elsewhere (NFS, SMB) only the size/mtime rule holds, so a
 * writer that pauses longer than --settle in the middle of a file must write
 * under a temporary name and rename it.  Temporary and hidden names are never
 * taken: names starting with "." and names ending in ".part", ".partial",
 * ".tmp", ".crdownload" or "~".  Only regular files are taken (not folders,
 * not symlinks).  With --poll SECONDS, INBOX is listed that often instead of
 * relying on inotify; the same rule applies.  A claim is rename(2) into
 * processing/, so INBOX and DIR must be on one file system, and at most
 * `jobs` files are claimed at a time (the rest wait in INBOX).
 *
 * Exactly once.  One thread (the main loop) records every file, one at a
 * time, through a journal (watch_journal.h), so killed at any moment the
 * daemon ends, once restarted, with every input once in done/ or failed/
 * and one record per input in each sink.  Files left in processing/ without
 * a journal entry were claimed but not recorded: they are read again.
 *
 * A full disk.  A record that cannot be written leaves no part of itself
 * (see ms_journal_commit), waits, and is tried again every
 * MS_WATCH_RETRY_SECONDS; meanwhile no new file is read (files in progress
 * finish and wait too).  Once the records are written, reading resumes.
 *
 * Duplicates.  known.tsv (loaded at start) holds the SHA-256 of every content
 * recorded.  A file whose bytes are known, or are being read by another
 * worker, is not read again: it gets a record with status "skipped" (no
 * pages, no fields, the same sha256), goes to done/, and its log line names
 * the earlier file.  The database keeps its one row for that content.
 *
 * Signals.  SIGTERM and SIGINT stop claiming, let the files in progress
 * finish and be recorded, close the sinks and return 0; a second one exits
 * at once (what was in progress is redone at the next start).  SIGHUP reads
 * the rules again; if they do not compile, the errors are logged and the
 * rules in force stay.
 *
 * Log.  One line per file on stderr: time, the name in INBOX, where it went,
 * the result (ok, failed CODE, duplicate of ...) and the seconds from claim
 * to record.
 */
#include "pipeline/drivers/watch.h"

#include "pipeline/drivers/watch_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>

#include "pipeline/calendar/calendar.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/drivers/watch_journal.h"

/* ---- the ruleset, shared by the workers and replaced on SIGHUP ---- */

static rules_ref *rules_ref_new(ms_ruleset *rs)
{
    rules_ref *r = g_new0(rules_ref, 1);
    r->rs = rs;
    r->refs = 1;
    return r;
}

static rules_ref *rules_ref_acquire(rules_ref *r)
{
    g_atomic_int_inc(&r->refs);
    return r;
}

static void rules_ref_release(rules_ref *r)
{
    if (r && g_atomic_int_dec_and_test(&r->refs)) {
        ms_ruleset_free(r->rs);
        g_free(r);
    }
}

static void log_file(job *j, const char *where)
{
    ms_result *r = j->result;
    double secs = (g_get_monotonic_time() - j->t0) / 1e6;
    char *what = j->source ? g_strdup(j->source)
                           : g_strdup_printf("%s (claimed before a restart)", j->claim);
    if (r->skipped)
        ms_watch_log("%s -> %s: duplicate of %s, not read again, %.2f s", what, where, j->dup_of,
                     secs);
    else if (r->error_code)
        ms_watch_log("%s -> %s: failed %s: %s, %.2f s", what, where, r->error_code,
                     r->error_message, secs);
    else
        ms_watch_log("%s -> %s: ok, %u page%s, %.2f s", what, where, r->pages->len,
                     r->pages->len == 1 ? "" : "s", secs);
    g_free(what);
}

/* ---- workers ---- */

/* ms_context.skip, from a worker: are these bytes recorded or being read? */
static gboolean seen_before(const char *sha256, void *user)
{
    job *j = user;
    return ms_journal_seen(j->w->journal, sha256, j->claim, &j->dup_of);
}

static void job_free(job *j)
{
    g_free(j->path);
    g_free(j->crash_line);
    g_free(j->claim);
    g_free(j->source);
    g_free(j->dup_of);
    rules_ref_release(j->rules);
    ms_result_free(j->result);
    g_free(j);
}

/* DIR/crashes.log: a file that crashes the daemon (say, a decoder bug on a
 * hostile PDF) would crash every restart.  A fatal signal (SIGSEGV, SIGBUS,
 * SIGFPE, SIGILL, SIGABRT) in a worker appends the name of the file that
 * worker was reading, from the signal handler, and the process then dies as
 * it would have.  At the next start a file with one crash is read alone, and
 * a file with MS_WATCH_MAX_CRASHES is set aside in failed/ unread.  A kill
 * from outside (SIGKILL, power cut) records nothing: what was in flight is
 * simply read again. */
static int crash_fd = -1;
static __thread const char *crash_line; /* "NAME\n" of the file this thread reads */
static __thread size_t crash_line_len;

static void on_fatal_signal(int sig)
{
    if (crash_fd >= 0 && crash_line) {
        ssize_t n =
            write(crash_fd, crash_line, crash_line_len); /* one write: O_APPEND keeps it whole */
        (void)n;
    }
    raise(sig); /* SA_RESETHAND: the default action now */
}

static void catch_crashes(watch *w)
{
    crash_fd = open(w->crashes_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (gsize i = 0; i < G_N_ELEMENTS(fatal); i++)
        sigaction(fatal[i], &sa, NULL);
}

/* --ics: the calendar feed rewritten from the database (atomically).  A
 * failure is logged and the daemon goes on: the records are safe, and the
 * next file rewrites the feed. */
static void update_feed(watch *w)
{
    if (!w->opt->ics) return;
    char *courts = g_build_filename(w->opt->rules_dir, "courts.tsv", NULL);
    ms_calendar_options co = MS_CALENDAR_OPTIONS_INIT;
    co.db = w->opt->db, co.out = w->opt->ics, co.courts = courts;
    ms_calendar_stats st;
    GError *err = NULL;
    GString *warnings = g_string_new(NULL);
    if (!ms_calendar_export(&co, &st, warnings, &err)) {
        ms_watch_log("cannot update the calendar %s: %s", w->opt->ics, err->message);
        g_error_free(err);
    } else if (st.changed || st.cancelled) {
        ms_watch_log("calendar %s: %d events, %d new or changed, %d cancelled", w->opt->ics,
                     st.events, st.changed, st.cancelled);
    }
    g_string_free(warnings, TRUE);
    g_free(courts);
}

/* Every MS_WATCH_RETRY_SECONDS while records wait: write them, then read on. */
static gboolean retry_records(gpointer data)
{
    watch *w = data;
    GError *err = NULL;
    if (!ms_journal_retry(w->journal, &err)) {
        if (++w->retries % 30 == 0)
            ms_watch_log("still cannot record %u file%s: %s", ms_journal_waiting(w->journal),
                         ms_journal_waiting(w->journal) == 1 ? "" : "s", err->message);
        g_error_free(err);
        return G_SOURCE_CONTINUE;
    }
    ms_watch_log("the output takes records again; reading resumes");
    w->retry_source = 0;
    ms_watch_dispatch_more(w);
    return G_SOURCE_REMOVE;
}

/* Record a finished file; when its record cannot be written (a full disk),
 * it waits in the journal and reading stops until it is written. */
static void record(watch *w, job *j)
{
    GError *err = NULL;
    char *where = NULL;
    if (ms_journal_commit(w->journal, j->claim, j->result, &j->dup_of, &where, &err)) {
        log_file(j, where);
        update_feed(w);
    } else {
        ms_watch_log("cannot record %s yet: %s; it waits in processing/, and no new file is "
                     "read until the record is written (tried every %d s)",
                     j->claim, err->message, MS_WATCH_RETRY_SECONDS);
        g_error_free(err);
        if (!w->retry_source)
            w->retry_source = g_timeout_add_seconds(MS_WATCH_RETRY_SECONDS, retry_records, w);
    }
    g_free(where);
    w->files++;
    if (j->result->skipped)
        w->duplicates++;
    else if (j->result->error_code)
        w->failed++;
    else
        w->ok++;
}

static gboolean on_result(gpointer data)
{
    job *j = data;
    watch *w = j->w;
    w->in_flight--;
    if (w->status == MS_WATCH_STOPPED) record(w, j);
    job_free(j);
    if (w->draining && w->in_flight == 0)
        g_main_loop_quit(w->loop);
    else
        ms_watch_dispatch_more(w);
    return G_SOURCE_REMOVE;
}

/* The scheduler's `done`, on a worker thread, as each file completes: the
 * record is written through the loop, so only the main thread writes. */
static void on_done(ms_result *r, void *doc_user, void *user)
{
    job *j = doc_user;
    watch *w = user;
    j->result = r;
    GSource *src = g_idle_source_new();
    g_source_set_callback(src, on_result, j, NULL);
    g_source_attach(src, w->mc);
    g_source_unref(src);
}

/* The scheduler's `enter`: the file this worker thread reads now, for the
 * crash log (NULL: none). */
static void on_enter(void *doc_user, void *user)
{
    (void)user;
    job *j = doc_user;
    crash_line_len = j ? strlen(j->crash_line) : 0;
    crash_line = j ? j->crash_line : NULL;
}

void ms_watch_dispatch(watch *w, char *claim, char *source)
{
    job *j = g_new0(job, 1);
    j->w = w;
    j->claim = claim;
    j->source = source;
    j->rules = rules_ref_acquire(w->rules);
    j->t0 = g_get_monotonic_time();
    j->ctx = w->base;
    j->ctx.rules = j->rules->rs;
    j->ctx.skip = seen_before;
    j->ctx.skip_user = j;
    j->path = ms_watch_in_dir(w, MS_WATCH_PROCESSING, claim);
    j->crash_line = g_strconcat(claim, "\n", NULL);
    w->in_flight++;
    ms_scheduler_submit(w->sched, &j->ctx, j->path, j);
}

/* A file the daemon crashed on too often: recorded as failed, unread. */
static void set_aside(watch *w, char *claim, int crashes)
{
    job *j = g_new0(job, 1);
    j->w = w;
    j->claim = claim;
    j->t0 = g_get_monotonic_time();
    char *path = ms_watch_in_dir(w, MS_WATCH_PROCESSING, claim);
    j->result = ms_result_new(path);
    ms_input in;
    GError *err = NULL;
    /* bytes and hash only: nothing decoded */
    ms_input_load_flags(path, O_NOFOLLOW, &w->base.limits, &in, &err);
    g_strlcpy(j->result->sha256, in.sha256, sizeof j->result->sha256);
    j->result->size = in.bytes ? (gint64)g_bytes_get_size(in.bytes) : 0;
    j->result->format = ms_format_name(in.format);
    ms_input_dispose(&in);
    g_clear_error(&err);
    g_set_error(&err, MS_ERROR, MS_ERR_INTERNAL,
                "%s: motionscan crashed %d times while reading this file; it was set aside "
                "unread",
                path, crashes);
    ms_result_fail(j->result, err);
    g_error_free(err);
    g_free(path);
    record(w, j);
    job_free(j);
}

/* ---- signals ---- */

static gboolean on_stop(gpointer data)
{
    watch *w = data;
    if (w->draining) {
        ms_watch_log(
            "second signal: stopping now; the %d file%s in progress stay in processing/ and "
            "are read again at the next start",
            w->in_flight, w->in_flight == 1 ? "" : "s");
        _exit(MS_WATCH_OUTPUT_FAILED);
    }
    w->draining = TRUE;
    ms_watch_log("stopping: finishing the %d file%s in progress", w->in_flight,
                 w->in_flight == 1 ? "" : "s");
    if (w->in_flight == 0) g_main_loop_quit(w->loop);
    return G_SOURCE_CONTINUE;
}

static gboolean on_reload(gpointer data)
{
    watch *w = data;
    GString *diag = g_string_new(NULL);
    GError *err = NULL;
    ms_ruleset *rs = NULL;
    if (ms_ruleset_load(w->opt->rules_dir, &rs, diag, &err)) {
        rules_ref_release(w->rules);
        w->rules = rules_ref_new(rs);
        ms_watch_log(
            "SIGHUP: rules reloaded from %s (%u rules); files claimed from now on use them",
            w->opt->rules_dir, ms_ruleset_size(rs));
    } else {
        g_strchomp(diag->str);
        ms_watch_log("SIGHUP: the rules in %s were not reloaded, the rules in force stay: %s%s%s",
                     w->opt->rules_dir, err ? err->message : "invalid rules", diag->len ? "\n" : "",
                     diag->str);
        g_clear_error(&err);
    }
    g_string_free(diag, TRUE);
    return G_SOURCE_CONTINUE;
}

/* ---- start and stop ---- */

static gint cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Queue what was claimed before a restart but not recorded. */
/* How often each claim still in processing/ crashed the daemon; the log is
 * rewritten with those lines only. */
static void count_crashes(watch *w, GPtrArray *left)
{
    w->crashes_path = g_build_filename(w->opt->out_dir, "crashes.log", NULL);
    char *text = NULL;
    if (g_file_get_contents(w->crashes_path, &text, NULL, NULL)) {
        char **lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l; l++) {
            if (!**l) continue;
            int n = GPOINTER_TO_INT(g_hash_table_lookup(w->crashes, *l));
            g_hash_table_replace(w->crashes, g_strdup(*l), GINT_TO_POINTER(n + 1));
        }
        g_strfreev(lines);
        g_free(text);
    }
    GString *keep = g_string_new(NULL);
    for (guint i = 0; i < left->len; i++) {
        int n = GPOINTER_TO_INT(g_hash_table_lookup(w->crashes, left->pdata[i]));
        for (int k = 0; k < n; k++)
            g_string_append_printf(keep, "%s\n", (char *)left->pdata[i]);
    }
    GError *err = NULL;
    if (!g_file_set_contents_full(w->crashes_path, keep->str, (gssize)keep->len,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0644, &err)) {
        ms_watch_log("cannot write %s: %s", w->crashes_path, err->message);
        g_error_free(err);
    }
    g_string_free(keep, TRUE);
}

/* Queue what was claimed before a restart but not recorded. */
static void queue_left_over(watch *w)
{
    GPtrArray *left = g_ptr_array_new();
    GDir *d = g_dir_open(w->dir[MS_WATCH_PROCESSING], 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)))
        g_ptr_array_add(left, g_strdup(name));
    if (d) g_dir_close(d);
    g_ptr_array_sort(left, cmp_str);
    count_crashes(w, left);
    if (left->len)
        ms_watch_log("%u file%s claimed before a restart will be read again", left->len,
                     left->len == 1 ? "" : "s");
    for (guint i = 0; i < left->len; i++) {
        char *claim = left->pdata[i];
        int n = GPOINTER_TO_INT(g_hash_table_lookup(w->crashes, claim));
        if (n >= MS_WATCH_MAX_CRASHES)
            set_aside(w, claim, n);
        else
            g_queue_push_tail(n > 0 ? &w->suspects : &w->backlog, claim);
    }
    g_ptr_array_unref(left);
}

static gboolean start(watch *w, GError **err)
{
    if (!ms_watch_check_folders(w, err) || !ms_watch_take_lock(w, err)) return FALSE;
    const ms_watch_options *o = w->opt;
    ms_journal_options jo = {o->out_dir, o->csv, o->db, o->command_line, o->rules_dir};
    if (!ms_journal_open(&jo, &w->journal, err)) return FALSE;
    queue_left_over(w); /* after the journal: it may move a file out of processing/ */
    catch_crashes(w);
    return TRUE;
}

static gboolean start_watching(watch *w, GError **err)
{
    const ms_watch_options *o = w->opt;
    w->inbox_file = g_file_new_for_path(o->inbox);
    guint tick = (guint)CLAMP(o->settle_ms / 4, 25, 1000);
    w->sources[w->n_sources++] = g_timeout_add(tick, ms_watch_on_tick, w);
    if (o->poll_seconds > 0) {
        w->sources[w->n_sources++] = g_timeout_add_seconds((guint)o->poll_seconds, ms_watch_scan_inbox, w);
    } else {
        GError *e = NULL;
        w->monitor = g_file_monitor_directory(w->inbox_file, G_FILE_MONITOR_WATCH_MOVES, NULL, &e);
        if (!w->monitor) {
            g_set_error(err, MS_ERROR, MS_ERR_USAGE, "cannot watch %s: %s (try --poll SECONDS)",
                        o->inbox, e->message);
            g_error_free(e);
            return FALSE;
        }
        g_signal_connect(w->monitor, "changed", G_CALLBACK(ms_watch_on_event), w);
        w->sources[w->n_sources++] = g_timeout_add_seconds(MS_WATCH_RESCAN_SECONDS, ms_watch_scan_inbox, w);
    }
    ms_watch_scan_inbox(w); /* the files already there */
    return TRUE;
}

int ms_watch_run(const ms_context *base, ms_ruleset *rules, const ms_watch_options *opt,
                 GError **err)
{
    watch *w = g_new0(watch, 1);
    w->opt = opt;
    w->base = *base;
    w->base.no_follow = TRUE; /* a claimed file is read through one descriptor, links refused */
    w->lock_fd = -1;
    w->rules = rules_ref_new(rules);
    w->status = MS_WATCH_STOPPED;
    w->candidates = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_queue_init(&w->backlog);
    g_queue_init(&w->suspects);
    w->crashes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    w->mc = g_main_context_default();
    w->loop = g_main_loop_new(w->mc, FALSE);
    w->started = g_get_monotonic_time();
    /* A lease (open_for_writing) being broken sends SIGIO, which would end
     * the process; the lease is released at once anyway. */
    signal(SIGIO, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);

    /* first: a signal during recovery waits for the loop instead of killing */
    w->sources[w->n_sources++] = g_unix_signal_add(SIGTERM, on_stop, w);
    w->sources[w->n_sources++] = g_unix_signal_add(SIGINT, on_stop, w);
    w->sources[w->n_sources++] = g_unix_signal_add(SIGHUP, on_reload, w);
    int status = MS_WATCH_STOPPED;
    if (!start(w, err) || !start_watching(w, err)) {
        status = MS_WATCH_CANNOT_START;
        goto out;
    }
    ms_watch_log("watching %s (%s), %d worker%s, settle %d ms, writing to %s", opt->inbox,
                 opt->poll_seconds > 0 ? "polling" : "inotify", opt->jobs,
                 opt->jobs == 1 ? "" : "s", opt->settle_ms, opt->out_dir);
    update_feed(w); /* the feed exists, and is current, from the start */
    ms_scheduler_options so = {.workers = opt->jobs,
                               .order = MS_SCHEDULER_AS_DONE,
                               .done = on_done,
                               .enter = on_enter,
                               .user = w};
    w->sched = ms_scheduler_new(&w->base, &so);
    ms_watch_dispatch_more(w);
    g_main_loop_run(w->loop);
    ms_scheduler_free(g_steal_pointer(&w->sched)); /* nothing is in flight now */
    status = w->status;
    if (w->retry_source && !ms_journal_retry(w->journal, NULL)) {
        guint n = ms_journal_waiting(w->journal);
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT,
                    "%u file%s could not be recorded; they stay in processing/ and are read "
                    "again at the next start",
                    n, n == 1 ? "" : "s");
        status = MS_WATCH_OUTPUT_FAILED;
    }
    if (w->retry_source) g_source_remove(w->retry_source);
    double secs = (g_get_monotonic_time() - w->started) / 1e6;
    ms_watch_log("stopped: %d file%s recorded (%d ok, %d failed, %d duplicates) in %.1f s",
                 w->files, w->files == 1 ? "" : "s", w->ok, w->failed, w->duplicates, secs);
out:
    for (int i = 0; i < w->n_sources; i++)
        g_source_remove(w->sources[i]);
    if (w->monitor) g_file_monitor_cancel(w->monitor), g_object_unref(w->monitor);
    if (!ms_journal_close(w->journal, status == MS_WATCH_STOPPED ? err : NULL) &&
        status == MS_WATCH_STOPPED)
        status = MS_WATCH_OUTPUT_FAILED;
    g_clear_object(&w->inbox_file);
    if (w->lock_fd >= 0) close(w->lock_fd);
    rules_ref_release(w->rules);
    for (int d = 0; d < MS_WATCH__DIRS; d++)
        g_free(w->dir[d]);
    g_hash_table_destroy(w->candidates);
    g_queue_clear_full(&w->backlog, g_free);
    g_queue_clear_full(&w->suspects, g_free);
    g_hash_table_destroy(w->crashes);
    g_free(w->crashes_path);
    g_main_loop_unref(w->loop);
    g_free(w);
    return status;
}
