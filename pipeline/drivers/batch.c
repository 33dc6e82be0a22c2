#include "pipeline/drivers/batch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline/ingest/ingest.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/drivers/shard.h"

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
    int outside = 0;
    return ms_batch_collect_shard(inputs, n, text_mode, NULL, skipped, &outside);
}

GPtrArray *ms_batch_collect_shard(char **inputs, int n, gboolean text_mode, const ms_shard *shard,
                                  int *skipped, int *outside)
{
    *skipped = *outside = 0;
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    /* path -> its shard key, from the first input root it was found under */
    GHashTable *keys = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < n; i++) {
        if (g_file_test(inputs[i], G_FILE_TEST_IS_DIR)) {
            /* "samples/" and "samples" give the same paths */
            char *dir = g_strdup(inputs[i]);
            gsize len = strlen(dir);
            while (len > 1 && dir[len - 1] == '/') dir[--len] = 0;
            guint first = all->len;
            walk(dir, all, 0, text_mode, skipped);
            ms_shard_note_keys(keys, all, first, dir);
            g_free(dir);
        } else {
            g_ptr_array_add(all, g_strdup(inputs[i]));
            ms_shard_note_keys(keys, all, all->len - 1, NULL);
        }
    }
    g_ptr_array_sort(all, cmp_path);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < all->len; i++) {
        char *p = g_ptr_array_index(all, i);
        if (out->len && strcmp(g_ptr_array_index(out, out->len - 1), p) == 0) continue;
        if (!ms_shard_keeps(shard, g_hash_table_lookup(keys, p))) {
            (*outside)++;
            continue;
        }
        g_ptr_array_add(out, g_strdup(p));
    }
    g_hash_table_destroy(keys);
    g_ptr_array_free(all, TRUE);
    return out;
}

/* The pool.  Work items are "open document i" and "page p of document i".
 * A free worker takes, in this order: a page of the earliest open document
 * that still has pages to hand out; else the next document to open, if fewer
 * than `window` are open; else it waits.  The worker that completes a
 * document's last page extracts it.  So twenty 1-page filings and one 40-page
 * filing keep every worker busy, and documents finish roughly in path order,
 * which keeps the writer's queue (and memory) short. */
typedef struct {
    ms_doc_job *job; /* set once opened, until finished */
    int n;           /* pages */
    int next_page;   /* next page to hand out */
    int done;        /* pages done */
    gboolean finished;
} doc_slot;

typedef struct {
    const ms_context *ctx;
    GPtrArray *paths;
    doc_slot *docs;
    ms_result **results; /* slot per path, filled by workers */
    int next_open;       /* next document to open */
    int opening;         /* being opened now */
    int open;            /* opened, not finished */
    int window;          /* most documents open at once */
    int first;           /* no document before it has pages to hand out */
    /* progress, read by the writer */
    int files_done, pages_done, pages_known;
    GMutex lock;
    GCond cond;
} shared;

/* With the lock held: a page to process, or -1. */
static int take_page(shared *sh, int *page)
{
    for (int i = sh->first; i < sh->next_open; i++) {
        doc_slot *d = &sh->docs[i];
        if (d->job && d->next_page < d->n) {
            *page = d->next_page++;
            return i;
        }
        if (i == sh->first && (d->finished || (d->job && d->next_page >= d->n))) sh->first++;
    }
    return -1;
}

/* With the lock held; unlocks while finishing. */
static void finish_doc(shared *sh, ms_worker *w, int i, ms_doc_job *job)
{
    g_mutex_unlock(&sh->lock);
    ms_result *r = ms_doc_job_finish(sh->ctx, w, job);
    g_mutex_lock(&sh->lock);
    sh->results[i] = r;
    sh->docs[i].finished = TRUE;
    sh->open--;
    sh->files_done++;
    g_cond_broadcast(&sh->cond);
}

static gpointer worker_main(gpointer data)
{
    shared *sh = data;
    ms_worker w;
    ms_worker_init(&w);
    ms_worker_start(&w, sh->ctx);
    g_mutex_lock(&sh->lock);
    for (;;) {
        int page = 0, i = take_page(sh, &page);
        if (i >= 0) {
            doc_slot *d = &sh->docs[i];
            ms_doc_job *job = d->job;
            g_mutex_unlock(&sh->lock);
            ms_doc_job_page(sh->ctx, &w, job, page);
            g_mutex_lock(&sh->lock);
            sh->pages_done++;
            if (++d->done == d->n) {
                d->job = NULL;
                finish_doc(sh, &w, i, job);
            }
            continue;
        }
        if (sh->next_open < (int)sh->paths->len && sh->open < sh->window) {
            i = sh->next_open++;
            sh->open++, sh->opening++;
            g_mutex_unlock(&sh->lock);
            ms_doc_job *job = ms_doc_job_open(sh->ctx, &w, g_ptr_array_index(sh->paths, i));
            int n = ms_doc_job_pages(job);
            g_mutex_lock(&sh->lock);
            sh->opening--;
            if (n == 0) {
                finish_doc(sh, &w, i, job);
            } else {
                sh->docs[i] = (doc_slot){job, n, 0, 0, FALSE};
                sh->pages_known += n;
                g_cond_broadcast(&sh->cond); /* pages for the others */
            }
            continue;
        }
        if (sh->next_open >= (int)sh->paths->len && !sh->opening) break; /* nothing more to hand out */
        g_cond_wait(&sh->cond, &sh->lock);
    }
    g_cond_broadcast(&sh->cond);
    g_mutex_unlock(&sh->lock);
    ms_worker_dispose(&w);
    return NULL;
}

/* The progress line on a terminal: files and pages done, pages a second, and
 * the time left, estimated from the pages still to do (documents not yet
 * opened are counted at the mean pages per document so far). */
static void show_progress(const shared *sh, gint64 t0, gboolean last)
{
    int files = (int)sh->paths->len;
    double secs = (g_get_monotonic_time() - t0) / 1e6;
    int opened = sh->next_open - sh->opening;
    double per_doc = opened > 0 ? (double)sh->pages_known / opened : 1.0;
    double total = sh->pages_known + per_doc * (files - opened);
    double rate = secs > 0 ? sh->pages_done / secs : 0;
    int width = 24, fill = files ? (int)((double)sh->files_done / files * width) : width;
    char bar[32];
    for (int k = 0; k < width; k++) bar[k] = k < fill ? '#' : '.';
    bar[width] = 0;
    fprintf(stderr, "\r[%s] %d/%d files  %d pages  %.1f pages/s", bar, sh->files_done, files,
            sh->pages_done, rate);
    if (!last && rate > 0 && total > sh->pages_done) {
        int left = (int)((total - sh->pages_done) / rate + 0.5);
        fprintf(stderr, "  %d:%02d left ", left / 60, left % 60);
    } else {
        fputs("           ", stderr);
    }
    if (last) fputc('\n', stderr);
    fflush(stderr);
}

/* The basenames more than one path has (for --save-text's names). */
static GHashTable *shared_basenames(GPtrArray *paths)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *twice = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < paths->len; i++) {
        char *base = g_path_get_basename(g_ptr_array_index(paths, i));
        if (g_hash_table_contains(seen, base)) g_hash_table_add(twice, base);
        else g_hash_table_add(seen, base);
    }
    g_hash_table_destroy(seen);
    return twice;
}

gboolean ms_batch_run(const ms_context *ctx_in, const ms_batch_options *opt, GPtrArray *paths,
                      ms_batch_stats *stats, GError **err)
{
    ms_context batch_ctx = *ctx_in;
    const ms_context *ctx = &batch_ctx;
    if ((batch_ctx.save_text_dir || batch_ctx.pdf_dir) && !batch_ctx.save_text_shared)
        batch_ctx.save_text_shared = shared_basenames(paths);
    gint64 t0 = g_get_monotonic_time();
    memset(stats, 0, sizeof *stats);
    int jobs = CLAMP(opt->jobs, 1, MS_MAX_WORKERS);
    shared sh = {.ctx = ctx,
                 .paths = paths,
                 .docs = g_new0(doc_slot, paths->len + 1),
                 .results = g_new0(ms_result *, paths->len + 1),
                 .window = 2 * jobs + 2};
    g_mutex_init(&sh.lock);
    g_cond_init(&sh.cond);
    GThread **threads = g_new0(GThread *, jobs);
    for (int j = 0; j < jobs; j++) threads[j] = g_thread_new("ms-worker", worker_main, &sh);

    gboolean ok = TRUE;
    gint64 next_show = 0;
    for (guint i = 0; i < paths->len; i++) {
        g_mutex_lock(&sh.lock);
        while (!sh.results[i]) {
            if (opt->progress && g_get_monotonic_time() >= next_show) {
                show_progress(&sh, t0, FALSE);
                next_show = g_get_monotonic_time() + G_TIME_SPAN_SECOND / 4;
            }
            if (opt->progress) g_cond_wait_until(&sh.cond, &sh.lock, next_show);
            else g_cond_wait(&sh.cond, &sh.lock);
        }
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
    if (opt->progress && paths->len) show_progress(&sh, t0, TRUE);
    g_free(threads);
    g_free(sh.results);
    g_free(sh.docs);
    g_mutex_clear(&sh.lock);
    g_cond_clear(&sh.cond);
    stats->seconds = (g_get_monotonic_time() - t0) / 1e6;
    if (batch_ctx.save_text_shared != ctx_in->save_text_shared)
        g_hash_table_destroy(batch_ctx.save_text_shared);
    return ok;
}
