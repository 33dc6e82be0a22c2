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
#include "pipeline/watch.h"

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

#include "pipeline/ingest.h"
#include "pipeline/ms_error.h"
#include "pipeline/watch_journal.h"

/* ---- the ruleset, shared by the workers and replaced on SIGHUP ---- */

typedef struct {
    ms_ruleset *rs;
    gint refs;
} rules_ref;

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

typedef struct watch watch;

/* One claimed file, from claim to record. */
typedef struct {
    watch *w;
    char *claim;      /* its name in processing/, done/ or failed/ */
    char *source;     /* its name in INBOX; NULL when found in processing/ at start */
    rules_ref *rules; /* in force when it was claimed */
    gint64 t0;        /* monotonic time of the claim */
    char *dup_of;     /* where the same bytes were recorded, for a duplicate */
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
    GAsyncQueue *queue; /* job* for the workers; &stop_job ends one */
    GThread **threads;
    GMainContext *mc;
    GMainLoop *loop;
    GHashTable *candidates; /* name in INBOX -> candidate* */
    GQueue backlog;         /* claims found in processing/ at start */
    GQueue suspects;        /* of those, the ones a daemon crashed while reading */
    GHashTable *crashes;    /* claim -> crashes while reading it (crashes.log) */
    char *crashes_path;
    int in_flight;
    gboolean draining;
    int status;
    GError *error;
    int files, ok, failed, duplicates;
    gint64 started;
};

static job stop_job;

/* 1 when `path` exists, 0 when it does not, -1 when lstat cannot tell (EACCES, EIO). */
static int exists(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0) return 1;
    return errno == ENOENT ? 0 : -1;
}

/* TRUE when some process has `path` open for writing (Linux read lease).
 * FALSE when it has not, or when the kernel cannot tell (not the owner,
 * NFS, leases disabled): then the size/mtime rule alone decides. */
static gboolean open_for_writing(const char *path)
{
#ifdef F_SETLEASE
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == EWOULDBLOCK; /* someone holds a lease: busy */
    gboolean busy = FALSE;
    if (fcntl(fd, F_SETLEASE, F_RDLCK) == 0)
        fcntl(fd, F_SETLEASE, F_UNLCK);
    else
        busy = errno == EAGAIN;
    close(fd);
    return busy;
#else
    (void)path;
    return FALSE;
#endif
}

/* Names a scanner or a browser writes before renaming, and hidden files. */
static gboolean ignored_name(const char *name)
{
    static const char *const temp[] = {".part", ".partial", ".tmp", ".crdownload", "~", NULL};
    if (name[0] == '.') return TRUE;
    char *lower = g_ascii_strdown(name, -1);
    gboolean t = FALSE;
    for (const char *const *s = temp; *s && !t; s++)
        t = g_str_has_suffix(lower, *s);
    g_free(lower);
    return t;
}

static char *in_dir(watch *w, int d, const char *name)
{
    return g_build_filename(w->dir[d], name, NULL);
}

/* 1 taken, 0 free, -1 cannot tell (see exists). */
static int name_taken(watch *w, const char *name)
{
    int taken = 0;
    for (int d = 0; d < MS_WATCH__DIRS && !taken; d++) {
        char *p = in_dir(w, d, name);
        taken = exists(p);
        g_free(p);
    }
    if (!taken) {
        char *e =
            g_strconcat(w->dir[MS_WATCH_FAILED], G_DIR_SEPARATOR_S, name, ".error.json", NULL);
        taken = exists(e);
        g_free(e);
    }
    return taken;
}

/* Valid UTF-8 without control characters: a name goes into JSON, CSV,
 * known.tsv and the log. */
static char *clean_name(const char *raw)
{
    char *name = g_utf8_make_valid(raw, -1);
    for (char *p = name; *p; p++)
        if ((guchar)*p < 0x20 || *p == 0x7f) *p = '_';
    return name;
}

/* A name for `name` that no file in DIR has: the name itself, or
 * "stem~N.ext".  A name ending in ".error.json" always gets "~N", so it can
 * never be mistaken for another file's error record. */
static char *claim_name(watch *w, const char *raw)
{
    char *name = clean_name(raw);
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name || strlen(dot) > 16) dot = name + strlen(name);
    gsize stem_len = MIN((gsize)(dot - name), (gsize)MS_WATCH_MAX_NAME - strlen(dot));
    while (stem_len > 0 && ((guchar)name[stem_len] & 0xC0) == 0x80)
        stem_len--; /* whole chars */
    char *stem = g_strndup(name, stem_len);
    gboolean must_number = g_str_has_suffix(name, ".error.json") || stem_len < (gsize)(dot - name);
    char *c = NULL;
    /* bounded: a folder that cannot be searched (EACCES) never frees a name */
    for (int n = 1; n <= MS_WATCH_MAX_SUFFIX; n++) {
        c = n == 1 && !must_number ? g_strconcat(stem, dot, NULL)
                                   : g_strdup_printf("%s~%d%s", stem, n, dot);
        int taken = name_taken(w, c);
        if (taken == 0) break;
        g_free(c);
        c = NULL;
        if (taken < 0) {
            ms_watch_log("cannot tell whether %s is free in %s: %s; %s stays in INBOX", name,
                         w->opt->out_dir, g_strerror(errno), name);
            break;
        }
    }
    g_free(stem);
    g_free(name);
    return c;
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
    g_free(j->claim);
    g_free(j->source);
    g_free(j->dup_of);
    rules_ref_release(j->rules);
    ms_result_free(j->result);
    g_free(j);
}

static void dispatch_more(watch *w);

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

/* Record a finished file (or stop on an output failure). */
static void record(watch *w, job *j)
{
    GError *err = NULL;
    char *where = NULL;
    if (ms_journal_commit(w->journal, j->claim, j->result, &j->dup_of, &where, &err)) {
        log_file(j, where);
        w->files++;
        if (j->result->skipped)
            w->duplicates++;
        else if (j->result->error_code)
            w->failed++;
        else
            w->ok++;
        g_free(where);
    } else {
        ms_watch_log("cannot record %s: %s; stopping (the file stays in processing/ and is "
                     "recorded at the next start)",
                     j->claim, err->message);
        w->status = MS_WATCH_OUTPUT_FAILED;
        g_propagate_error(&w->error, err);
        w->draining = TRUE;
    }
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
        dispatch_more(w);
    return G_SOURCE_REMOVE;
}

static gpointer worker_main(gpointer data)
{
    watch *w = data;
    ms_worker wk;
    ms_worker_init(&wk);
    ms_worker_start(&wk, &w->base);
    job *j;
    while ((j = g_async_queue_pop(w->queue)) != &stop_job) {
        ms_context ctx = w->base;
        ctx.rules = j->rules->rs;
        ctx.skip = seen_before;
        ctx.skip_user = j;
        char *path = in_dir(w, MS_WATCH_PROCESSING, j->claim);
        char *line = g_strconcat(j->claim, "\n", NULL);
        crash_line_len = strlen(line);
        crash_line = line;
        j->result = ms_document_process(&ctx, &wk, path);
        crash_line = NULL;
        g_free(line);
        g_free(path);
        /* always through the loop, so only the main thread writes */
        GSource *src = g_idle_source_new();
        g_source_set_callback(src, on_result, j, NULL);
        g_source_attach(src, w->mc);
        g_source_unref(src);
    }
    ms_worker_dispose(&wk);
    return NULL;
}

static void dispatch(watch *w, char *claim, char *source)
{
    job *j = g_new0(job, 1);
    j->w = w;
    j->claim = claim;
    j->source = source;
    j->rules = rules_ref_acquire(w->rules);
    j->t0 = g_get_monotonic_time();
    w->in_flight++;
    g_async_queue_push(w->queue, j);
}

/* A file the daemon crashed on too often: recorded as failed, unread. */
static void set_aside(watch *w, char *claim, int crashes)
{
    job *j = g_new0(job, 1);
    j->w = w;
    j->claim = claim;
    j->t0 = g_get_monotonic_time();
    char *path = in_dir(w, MS_WATCH_PROCESSING, claim);
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

/* ---- INBOX ---- */

static void note(watch *w, const char *name)
{
    if (ignored_name(name)) return;
    candidate *c = g_hash_table_lookup(w->candidates, name);
    if (!c) {
        c = g_new0(candidate, 1);
        g_hash_table_insert(w->candidates, g_strdup(name), c);
    }
    c->changed_at = g_get_monotonic_time(); /* any event restarts the wait */
}

/* Stat a candidate: FALSE when it is gone or not a regular file. */
static gboolean restat(watch *w, const char *name, candidate *c)
{
    char *p = g_build_filename(w->opt->inbox, name, NULL);
    struct stat st;
    gboolean ok = lstat(p, &st) == 0 && S_ISREG(st.st_mode);
    g_free(p);
    if (!ok) return FALSE;
    gint64 mt = (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    if (!c->statted || c->size != (gint64)st.st_size || c->mtime_ns != mt ||
        c->ino != (guint64)st.st_ino) {
        c->statted = TRUE;
        c->size = (gint64)st.st_size;
        c->mtime_ns = mt;
        c->ino = (guint64)st.st_ino;
        c->changed_at = g_get_monotonic_time();
    }
    return TRUE;
}

static gboolean scan_inbox(gpointer data)
{
    watch *w = data;
    GError *err = NULL;
    GDir *d = g_dir_open(w->opt->inbox, 0, &err);
    if (!d) {
        ms_watch_log("cannot read %s: %s", w->opt->inbox, err->message);
        g_error_free(err);
        return G_SOURCE_CONTINUE;
    }
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (!g_hash_table_contains(w->candidates, name)) note(w, name);
    g_dir_close(d);
    return G_SOURCE_CONTINUE;
}

static gboolean claim(watch *w, const char *name)
{
    char *from = g_build_filename(w->opt->inbox, name, NULL);
    char *c = claim_name(w, name);
    if (!c) {
        g_free(from);
        return FALSE;
    }
    char *to = in_dir(w, MS_WATCH_PROCESSING, c);
    gboolean ok = rename(from, to) == 0;
    if (!ok && errno != ENOENT) ms_watch_log("cannot claim %s: %s", from, g_strerror(errno));
    GError *err = NULL;
    if (ok && !ms_watch_fsync_dir(w->dir[MS_WATCH_PROCESSING], &err)) {
        ms_watch_log("%s", err->message); /* the claim stands; only its durability is in doubt */
        g_error_free(err);
    }
    g_free(from);
    g_free(to);
    if (ok)
        dispatch(w, c, clean_name(name)); /* for the log */
    else
        g_free(c);
    return ok;
}

typedef struct {
    const char *name;
    candidate *c;
} ready_file;

static gint cmp_ready(gconstpointer a, gconstpointer b)
{
    const ready_file *x = a, *y = b;
    if (x->c->mtime_ns != y->c->mtime_ns) return x->c->mtime_ns < y->c->mtime_ns ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Give free workers the backlog, then the stable files, oldest first. */
static void dispatch_more(watch *w)
{
    if (w->draining) return;
    if (!g_queue_is_empty(&w->suspects)) { /* one at a time, alone */
        if (w->in_flight == 0) dispatch(w, g_queue_pop_head(&w->suspects), NULL);
        return;
    }
    while (w->in_flight < w->opt->jobs && !g_queue_is_empty(&w->backlog))
        dispatch(w, g_queue_pop_head(&w->backlog), NULL);
    if (w->in_flight >= w->opt->jobs) return;
    gint64 now = g_get_monotonic_time(), settle = (gint64)w->opt->settle_ms * 1000;
    GArray *ready = g_array_new(FALSE, FALSE, sizeof(ready_file));
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, w->candidates);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        candidate *c = v;
        if (c->statted && now - c->changed_at >= settle) {
            ready_file r = {k, c};
            g_array_append_val(ready, r);
        }
    }
    g_array_sort(ready, cmp_ready);
    GPtrArray *gone = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < ready->len && w->in_flight < w->opt->jobs; i++) {
        ready_file *r = &g_array_index(ready, ready_file, i);
        if (!restat(w, r->name, r->c)) {
            g_ptr_array_add(gone, g_strdup(r->name));
            continue;
        }
        if (g_get_monotonic_time() - r->c->changed_at < settle) continue; /* it changed */
        char *p = g_build_filename(w->opt->inbox, r->name, NULL);
        gboolean busy = open_for_writing(p);
        g_free(p);
        if (busy) {
            r->c->changed_at = g_get_monotonic_time();
            continue;
        }
        claim(w, r->name);
        g_ptr_array_add(gone, g_strdup(r->name)); /* claimed, or taken by someone else */
    }
    for (guint i = 0; i < gone->len; i++)
        g_hash_table_remove(w->candidates, gone->pdata[i]);
    g_ptr_array_unref(gone);
    g_array_free(ready, TRUE);
}

static gboolean on_tick(gpointer data)
{
    watch *w = data;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, w->candidates);
    while (g_hash_table_iter_next(&it, &k, &v))
        if (!restat(w, k, v)) g_hash_table_iter_remove(&it);
    dispatch_more(w);
    return G_SOURCE_CONTINUE;
}

/* inotify, through GIO: a file appearing or changing (re)starts its wait. */
static void on_event(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev,
                     gpointer data)
{
    watch *w = data;
    GFile *f = NULL;
    switch (ev) {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
        f = file;
        break;
    case G_FILE_MONITOR_EVENT_RENAMED: /* file is the old name, other the new */
        f = other;
        /* fall through */
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT: {
        char *gone = g_file_get_basename(file);
        g_hash_table_remove(w->candidates, gone);
        g_free(gone);
        break;
    }
    default:
        break;
    }
    if (!f || !g_file_has_parent(f, w->inbox_file)) return;
    char *name = g_file_get_basename(f);
    note(w, name);
    g_free(name);
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

static gboolean refuse(GError **err, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static gboolean refuse(GError **err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error_literal(err, MS_ERROR, MS_ERR_USAGE, msg);
    g_free(msg);
    return FALSE;
}

static gboolean inside(const char *path, const char *dir)
{
    gsize n = strlen(dir);
    return strcmp(dir, "/") == 0 ||
           (strncmp(path, dir, n) == 0 && (path[n] == 0 || path[n] == '/'));
}

/* The absolute path of `path` with symlinks resolved, for the part of it
 * that exists; NULL when even "/" cannot be resolved. */
static char *resolve(const char *path)
{
    char *real = realpath(path, NULL);
    if (real) {
        char *r = g_strdup(real);
        free(real);
        return r;
    }
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    char *parent = strcmp(dir, path) != 0 ? resolve(dir) : NULL;
    char *r = parent ? g_build_filename(parent, base, NULL) : NULL;
    g_free(parent);
    g_free(dir);
    g_free(base);
    return r;
}

/* Nothing the daemon writes may be in INBOX. */
static gboolean outside_inbox(const char *file, const char *inbox_real, GError **err)
{
    if (!file) return TRUE;
    char *real = resolve(file);
    gboolean ok = !real || !inside(real, inbox_real);
    g_free(real);
    return ok ||
           refuse(err, "%s is inside the inbox %s; nothing may be written there", file, inbox_real);
}

static gboolean check_folders(watch *w, GError **err)
{
    const ms_watch_options *o = w->opt;
    if (!g_file_test(o->inbox, G_FILE_TEST_IS_DIR))
        return refuse(err, "%s is not a folder", o->inbox);
    char *inbox = resolve(o->inbox), *out = resolve(o->out_dir);
    gboolean ok = inbox && out;
    if (!ok) ms_watch_io_error(err, "cannot resolve", inbox ? o->out_dir : o->inbox);
    if (ok && inside(out, inbox))
        ok = refuse(err, "the output folder %s is inside the inbox %s; choose a folder outside it",
                    o->out_dir, o->inbox);
    if (ok && inside(inbox, out)) {
        for (int d = 0; d < MS_WATCH__DIRS && ok; d++) {
            char *sub = g_build_filename(out, ms_watch_dir_names[d], NULL);
            if (inside(inbox, sub))
                ok = refuse(err, "the inbox %s is inside the output folder's %s/", o->inbox,
                            ms_watch_dir_names[d]);
            g_free(sub);
        }
    }
    ok = ok && outside_inbox(o->csv, inbox, err) && outside_inbox(o->db, inbox, err);
    for (int d = 0; d < MS_WATCH__DIRS && ok; d++) {
        w->dir[d] = g_build_filename(o->out_dir, ms_watch_dir_names[d], NULL);
        if (g_mkdir_with_parents(w->dir[d], 0755) != 0)
            ok = ms_watch_io_error(err, "cannot create", w->dir[d]);
    }
    struct stat a, b;
    if (ok && stat(inbox, &a) == 0 && stat(w->dir[MS_WATCH_PROCESSING], &b) == 0 &&
        a.st_dev != b.st_dev)
        ok = refuse(err,
                    "%s and %s are on different file systems; a file is claimed by an "
                    "atomic rename, so they must be on the same one",
                    o->inbox, o->out_dir);
    g_free(inbox);
    g_free(out);
    return ok;
}

static gboolean take_lock(watch *w, GError **err)
{
    char *path = g_build_filename(w->opt->out_dir, "watch.lock", NULL);
    w->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    gboolean ok = w->lock_fd >= 0 || ms_watch_io_error(err, "cannot create", path);
    if (ok && flock(w->lock_fd, LOCK_EX | LOCK_NB) != 0)
        ok = errno == EWOULDBLOCK
                 ? refuse(err, "another motionscan watch is writing to %s", w->opt->out_dir)
                 : ms_watch_io_error(err, "cannot lock", path);
    g_free(path);
    return ok;
}

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
    if (!check_folders(w, err) || !take_lock(w, err)) return FALSE;
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
    w->sources[w->n_sources++] = g_timeout_add(tick, on_tick, w);
    if (o->poll_seconds > 0) {
        w->sources[w->n_sources++] = g_timeout_add_seconds((guint)o->poll_seconds, scan_inbox, w);
    } else {
        GError *e = NULL;
        w->monitor = g_file_monitor_directory(w->inbox_file, G_FILE_MONITOR_WATCH_MOVES, NULL, &e);
        if (!w->monitor) {
            g_set_error(err, MS_ERROR, MS_ERR_USAGE, "cannot watch %s: %s (try --poll SECONDS)",
                        o->inbox, e->message);
            g_error_free(e);
            return FALSE;
        }
        g_signal_connect(w->monitor, "changed", G_CALLBACK(on_event), w);
        w->sources[w->n_sources++] = g_timeout_add_seconds(MS_WATCH_RESCAN_SECONDS, scan_inbox, w);
    }
    scan_inbox(w); /* the files already there */
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
    w->queue = g_async_queue_new();
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
    w->threads = g_new0(GThread *, opt->jobs);
    for (int i = 0; i < opt->jobs; i++)
        w->threads[i] = g_thread_new("ms-watch", worker_main, w);
    dispatch_more(w);
    g_main_loop_run(w->loop);
    for (int i = 0; i < opt->jobs; i++)
        g_async_queue_push(w->queue, &stop_job);
    for (int i = 0; i < opt->jobs; i++)
        g_thread_join(w->threads[i]);
    status = w->status;
    if (w->error) g_propagate_error(err, g_steal_pointer(&w->error));
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
    g_free(w->threads);
    g_hash_table_destroy(w->candidates);
    g_queue_clear_full(&w->backlog, g_free);
    g_queue_clear_full(&w->suspects, g_free);
    g_hash_table_destroy(w->crashes);
    g_free(w->crashes_path);
    g_async_queue_unref(w->queue);
    g_main_loop_unref(w->loop);
    g_free(w);
    return status;
}
