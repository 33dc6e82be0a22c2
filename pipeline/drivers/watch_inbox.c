/* watch_inbox — the files in INBOX, from the first event or listing to the
 * claim: each waits until it is stable (see watch.c), then free workers get
 * the backlog and the stable files, oldest first. */
#include "pipeline/drivers/watch_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void note(watch *w, const char *name)
{
    if (ms_watch_ignored_name(name)) return;
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

gboolean ms_watch_scan_inbox(gpointer data)
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
    char *c = ms_watch_claim_name(w, name);
    if (!c) {
        g_free(from);
        return FALSE;
    }
    char *to = ms_watch_in_dir(w, MS_WATCH_PROCESSING, c);
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
        ms_watch_dispatch(w, c, ms_watch_clean_name(name)); /* for the log */
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
void ms_watch_dispatch_more(watch *w)
{
    if (w->draining || w->retry_source) return; /* no new reading while records wait */
    if (!g_queue_is_empty(&w->suspects)) { /* one at a time, alone */
        if (w->in_flight == 0) ms_watch_dispatch(w, g_queue_pop_head(&w->suspects), NULL);
        return;
    }
    while (w->in_flight < w->opt->jobs && !g_queue_is_empty(&w->backlog))
        ms_watch_dispatch(w, g_queue_pop_head(&w->backlog), NULL);
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
        gboolean busy = ms_watch_open_for_writing(p);
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

gboolean ms_watch_on_tick(gpointer data)
{
    watch *w = data;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, w->candidates);
    while (g_hash_table_iter_next(&it, &k, &v))
        if (!restat(w, k, v)) g_hash_table_iter_remove(&it);
    ms_watch_dispatch_more(w);
    return G_SOURCE_CONTINUE;
}

/* inotify, through GIO: a file appearing or changing (re)starts its wait. */
void ms_watch_on_event(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev,
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
