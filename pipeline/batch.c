#include "pipeline/batch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline/ingest.h"
#include "pipeline/ms_error.h"

/* In a folder, a file is an input when its name says it is a document or its
 * first bytes do: a broken "x.pdf" still gets its error record, while the
 * README and expected-record JSON beside the scans are not inputs. */
static gboolean looks_like_document(const char *path, gboolean text_mode)
{
    static const char *const exts[] = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", NULL};
    if (text_mode) return g_str_has_suffix(path, ".txt"); /* --text: transcripts */
    char *lower = g_ascii_strdown(path, -1);
    gboolean named = FALSE;
    for (const char *const *e = exts; *e && !named; e++) named = g_str_has_suffix(lower, *e);
    g_free(lower);
    if (named) return TRUE;
    guint8 head[1024];
    FILE *f = fopen(path, "rb");
    if (!f) return TRUE; /* unreadable: let ingest say why */
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return ms_format_sniff(head, n) != MS_FMT_UNKNOWN;
}

static void walk(const char *dir, GPtrArray *out, int depth, gboolean text_mode, int *skipped)
{
    if (depth > 64) return; /* deeper than any real filing tree */
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d) {
        g_ptr_array_add(out, g_strdup(dir)); /* unreadable folder: its own error record */
        return;
    }
    const char *name;
    while ((name = g_dir_read_name(d))) {
        if (name[0] == '.') continue;
        char *p = g_build_filename(dir, name, NULL);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(p, out, depth + 1, text_mode, skipped);
            g_free(p);
        } else if (looks_like_document(p, text_mode)) {
            g_ptr_array_add(out, p);
        } else {
            (*skipped)++;
            g_free(p);
        }
    }
    g_dir_close(d);
}

static gint cmp_path(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *ms_batch_collect(char **inputs, int n, gboolean text_mode, int *skipped)
{
    *skipped = 0;
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < n; i++) {
        if (g_file_test(inputs[i], G_FILE_TEST_IS_DIR)) {
            /* "samples/" and "samples" give the same paths */
            char *dir = g_strdup(inputs[i]);
            gsize len = strlen(dir);
            while (len > 1 && dir[len - 1] == '/') dir[--len] = 0;
            walk(dir, all, 0, text_mode, skipped);
            g_free(dir);
        } else {
            g_ptr_array_add(all, g_strdup(inputs[i]));
        }
    }
    g_ptr_array_sort(all, cmp_path);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < all->len; i++) {
        char *p = g_ptr_array_index(all, i);
        if (out->len && strcmp(g_ptr_array_index(out, out->len - 1), p) == 0) continue;
        g_ptr_array_add(out, g_strdup(p));
    }
    g_ptr_array_free(all, TRUE);
    return out;
}

typedef struct {
    const ms_context *ctx;
    GPtrArray *paths;
    ms_result **results; /* slot per path, filled by workers */
    gint next;           /* next path to take (atomic) */
    GMutex lock;
    GCond done;
} shared;

static gpointer worker_main(gpointer data)
{
    shared *sh = data;
    ms_worker w;
    ms_worker_init(&w);
    for (;;) {
        gint i = g_atomic_int_add(&sh->next, 1);
        if (i >= (gint)sh->paths->len) break;
        ms_result *r = ms_document_process(sh->ctx, &w, g_ptr_array_index(sh->paths, i));
        g_mutex_lock(&sh->lock);
        sh->results[i] = r;
        g_cond_broadcast(&sh->done);
        g_mutex_unlock(&sh->lock);
    }
    ms_worker_dispose(&w);
    return NULL;
}

gboolean ms_batch_run(const ms_context *ctx, const ms_batch_options *opt, GPtrArray *paths,
                      ms_batch_stats *stats, GError **err)
{
    gint64 t0 = g_get_monotonic_time();
    memset(stats, 0, sizeof *stats);
    shared sh = {.ctx = ctx, .paths = paths, .results = g_new0(ms_result *, paths->len + 1)};
    g_mutex_init(&sh.lock);
    g_cond_init(&sh.done);
    int jobs = CLAMP(opt->jobs, 1, MS_MAX_WORKERS);
    if ((guint)jobs > paths->len) jobs = MAX(1, (int)paths->len);
    GThread **threads = g_new0(GThread *, jobs);
    for (int j = 0; j < jobs; j++) threads[j] = g_thread_new("ms-worker", worker_main, &sh);

    gboolean ok = TRUE;
    for (guint i = 0; i < paths->len; i++) {
        g_mutex_lock(&sh.lock);
        while (!sh.results[i]) g_cond_wait(&sh.done, &sh.lock);
        ms_result *r = sh.results[i];
        sh.results[i] = NULL;
        g_mutex_unlock(&sh.lock);

        JsonNode *rec = ms_record_build(r, opt->rules_dir);
        for (guint k = 0; ok && k < opt->sinks->len; k++)
            ok = ms_sink_write(g_ptr_array_index(opt->sinks, k), json_node_get_object(rec), err);
        /* after a write error, keep draining so the workers finish */
        json_node_unref(rec);
        stats->files++;
        if (r->skipped) stats->skipped++;
        else if (r->error_code) stats->failed++;
        else stats->ok++;
        stats->pages += (int)r->pages->len;
        ms_result_free(r);
    }
    for (int j = 0; j < jobs; j++) g_thread_join(threads[j]);
    g_free(threads);
    g_free(sh.results);
    g_mutex_clear(&sh.lock);
    g_cond_clear(&sh.done);
    stats->seconds = (g_get_monotonic_time() - t0) / 1e6;
    return ok;
}
