#include "pipeline/drivers/batch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline/ingest/ingest.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/drivers/scheduler.h"
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

/* The progress line on a terminal: files and pages done, pages a second, and
 * the time left, estimated from the pages still to do (documents not yet
 * opened are counted at the mean pages per document so far). */
static void show_progress(ms_scheduler *s, int files, gint64 t0, gboolean last)
{
    ms_scheduler_progress p;
    ms_scheduler_progress_get(s, &p);
    double secs = (g_get_monotonic_time() - t0) / 1e6;
    double per_doc = p.opened > 0 ? (double)p.pages_known / p.opened : 1.0;
    double total = p.pages_known + per_doc * (files - p.opened);
    double rate = secs > 0 ? p.pages_done / secs : 0;
    int width = 24, fill = files ? (int)((double)p.finished / files * width) : width;
    char bar[32];
    for (int k = 0; k < width; k++) bar[k] = k < fill ? '#' : '.';
    bar[width] = 0;
    fprintf(stderr, "\r[%s] %d/%d files  %d pages  %.1f pages/s", bar, p.finished, files,
            p.pages_done, rate);
    if (!last && rate > 0 && total > p.pages_done) {
        int left = (int)((total - p.pages_done) / rate + 0.5);
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

/* The scheduler's `done`, on a worker thread, in path order: the records are
 * written by the calling thread. */
static void on_done(ms_result *r, void *doc_user, void *user)
{
    (void)doc_user;
    g_async_queue_push(user, r);
}

/* The next result in path order; on a terminal, the progress line is drawn
 * every quarter second meanwhile. */
static ms_result *next_result(GAsyncQueue *results, ms_scheduler *s, const ms_batch_options *opt,
                              int files, gint64 t0, gint64 *next_show)
{
    if (!opt->progress) return g_async_queue_pop(results);
    for (;;) {
        gint64 now = g_get_monotonic_time();
        if (now >= *next_show) {
            show_progress(s, files, t0, FALSE);
            *next_show = now + G_TIME_SPAN_SECOND / 4;
        }
        ms_result *r = g_async_queue_timeout_pop(results, (guint64)MAX(*next_show - now, 1));
        if (r) return r;
    }
}

static void count(ms_batch_stats *stats, const ms_result *r)
{
    stats->files++;
    if (r->skipped) stats->skipped++;
    else if (r->error_code) stats->failed++;
    else stats->ok++;
    stats->pages += (int)r->pages->len;
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
    GAsyncQueue *results = g_async_queue_new();
    ms_scheduler_options so = {
        .workers = opt->jobs, .order = MS_SCHEDULER_IN_ORDER, .done = on_done, .user = results};
    ms_scheduler *s = ms_scheduler_new(ctx, &so);
    for (guint i = 0; i < paths->len; i++)
        ms_scheduler_submit(s, ctx, g_ptr_array_index(paths, i), NULL);
    ms_scheduler_close(s);

    gboolean ok = TRUE;
    gint64 next_show = 0;
    for (guint i = 0; i < paths->len; i++) {
        ms_result *r = next_result(results, s, opt, (int)paths->len, t0, &next_show);
        /* one record per filing of a stapled stack; after a write error,
         * keep draining so the workers finish */
        for (guint part = 0; part < ms_result_part_count(r); part++) {
            JsonNode *rec = ms_record_build_part(r, part, opt->rules_dir);
            for (guint k = 0; ok && k < opt->sinks->len; k++)
                ok = ms_sink_write(g_ptr_array_index(opt->sinks, k), json_node_get_object(rec), err);
            json_node_unref(rec);
        }
        count(stats, r);
        ms_result_free(r);
    }
    if (opt->progress && paths->len) show_progress(s, (int)paths->len, t0, TRUE);
    ms_scheduler_free(s);
    g_async_queue_unref(results);
    stats->seconds = (g_get_monotonic_time() - t0) / 1e6;
    if (batch_ctx.save_text_shared != ctx_in->save_text_shared)
        g_hash_table_destroy(batch_ctx.save_text_shared);
    return ok;
}
