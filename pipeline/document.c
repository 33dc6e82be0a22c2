#include "pipeline/document.h"

#include <string.h>

#include "pipeline/ingest.h"
#include "pipeline/ms_error.h"
#include "pipeline/pages.h"
#include "pipeline/text.h"

void ms_worker_init(ms_worker *w)
{
    memset(w, 0, sizeof *w);
    w->matcher = ms_matcher_new();
}

void ms_worker_dispose(ms_worker *w)
{
    ms_ocr_free(w->ocr);
    g_clear_error(&w->ocr_error);
    ms_matcher_free(w->matcher);
    memset(w, 0, sizeof *w);
}

static ms_ocr *worker_ocr(const ms_context *ctx, ms_worker *w, GError **err)
{
    if (!w->ocr && !w->ocr_error) ms_ocr_new(&ctx->ocr, &w->ocr, &w->ocr_error);
    if (w->ocr_error) {
        g_propagate_error(err, g_error_copy(w->ocr_error));
        return NULL;
    }
    return w->ocr;
}

/* One page: its text layer when it has real text, otherwise OCR. */
static void process_page(const ms_context *ctx, ms_worker *w, ms_doc *doc, int index,
                         GArray *words, ms_page_result *pr)
{
    gint64 t0 = g_get_monotonic_time();
    GError *err = NULL;
    pr->number = index + 1;
    pr->dpi = ctx->dpi;
    pr->conf = -1;
    guint before = words->len;
    int alnum = ms_doc_text_layer(doc, index, ctx->dpi, words);
    if (alnum >= MS_TEXT_LAYER_MIN_CHARS) {
        pr->source = "text";
        pr->n_words = (int)(words->len - before);
        ms_doc_page_size(doc, index, ctx->dpi, &pr->width, &pr->height);
        goto out;
    }
    /* Too little text to trust (an empty layer, a stray header): OCR it. */
    for (guint i = before; i < words->len; i++) ms_word_clear(&g_array_index(words, ms_word, i));
    g_array_set_size(words, before);

    int dpi = ctx->dpi;
    PIX *pix = ms_doc_render_page(doc, index, ctx->dpi, &ctx->limits, &dpi, &err);
    ms_ocr *ocr = pix ? worker_ocr(ctx, w, &err) : NULL;
    ms_ocr_page_info info;
    if (ocr && ms_ocr_page(ocr, pix, dpi, index + 1, words, &info, &err)) {
        pr->source = "ocr";
        pr->conf = info.mean_conf;
        pr->skew = info.skew_degrees;
        pr->n_words = info.n_words;
    } else {
        pr->source = "error";
        pr->error_code = ms_error_name_of(err);
        pr->error = g_strdup(err ? err->message : "unknown error");
    }
    pr->dpi = dpi;
    if (pix) pr->width = pixGetWidth(pix), pr->height = pixGetHeight(pix);
    pixDestroy(&pix);
    g_clear_error(&err);
out:
    pr->seconds = (g_get_monotonic_time() - t0) / 1e6;
}

/* The normalised text as a transcript ('\f' between pages) that `run --text`
 * reads back: rules can then be tried again without OCR. */
static void save_text(const char *dir, const char *path, const ms_text *t)
{
    GString *out = g_string_sized_new(t->str->len + 16);
    for (guint p = 0; p < t->pages->len; p++) {
        gsize s = g_array_index(t->pages, gsize, p);
        gsize e = p + 1 < t->pages->len ? g_array_index(t->pages, gsize, p + 1) : t->str->len;
        if (p) g_string_append_c(out, '\f');
        gsize len = e - s;
        while (len && t->str->str[s + len - 1] == '\n') len--; /* the page separator */
        g_string_append_len(out, t->str->str + s, (gssize)len);
    }
    /* The name is the input's last component only, so no input path ("../x",
     * "/etc/x") reaches outside `dir`; "." and ".." (never regular files) are
     * refused all the same.  g_file_set_contents() writes a new file and
     * renames it over NAME.txt, so a symlink planted at NAME.txt is replaced,
     * never followed. */
    char *base = g_path_get_basename(path);
    char *name = g_strconcat(base, ".txt", NULL);
    char *dest = g_build_filename(dir, name, NULL);
    GError *err = NULL;
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || strchr(base, '/'))
        g_printerr("motionscan: %s: no text file name can be derived from it\n", path);
    else if (!g_file_set_contents(dest, out->str, (gssize)out->len, &err))
        g_printerr("motionscan: --save-text: %s\n", err->message);
    g_clear_error(&err);
    g_free(dest);
    g_free(name);
    g_free(base);
    g_string_free(out, TRUE);
}

/* A transcript instead of a scan: for rule authors checking a wording. */
static void process_plain_text(const ms_context *ctx, ms_worker *w, ms_result *r)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(r->path, &data, &len, &err)) {
        g_set_error(&err, MS_ERROR, MS_ERR_UNREADABLE, "%s: cannot read", r->path);
        ms_result_fail(r, err);
        g_error_free(err);
        return;
    }
    GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(ck, (const guchar *)data, (gssize)len);
    g_strlcpy(r->sha256, g_checksum_get_string(ck), sizeof r->sha256);
    g_checksum_free(ck);
    r->size = (gint64)len;
    r->format = "text";
    if (ctx->skip && ctx->skip(r->sha256, ctx->skip_user)) {
        r->skipped = TRUE;
        g_free(data);
        return;
    }
    ms_text *t = ms_text_from_plain(data);
    g_array_set_size(r->pages, t->pages->len);
    for (guint i = 0; i < t->pages->len; i++) {
        ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
        pr->number = (int)i + 1, pr->source = "text", pr->dpi = ctx->dpi, pr->conf = -1;
    }
    r->x = ms_extract(ctx->rules, w->matcher, t);
    ms_text_free(t);
    g_free(data);
}

ms_result *ms_document_process(const ms_context *ctx, ms_worker *w, const char *path)
{
    if (ctx->plain_text) {
        ms_result *r = ms_result_new(path);
        process_plain_text(ctx, w, r);
        return r;
    }

    gint64 t0 = g_get_monotonic_time();
    ms_result *r = ms_result_new(path);
    ms_input in;
    ms_doc *doc = NULL;
    GError *err = NULL;
    GArray *words = NULL;

    gboolean loaded = ms_input_load(path, &ctx->limits, &in, &err);
    g_strlcpy(r->sha256, in.sha256, sizeof r->sha256);
    r->size = in.bytes ? (gint64)g_bytes_get_size(in.bytes) : 0;
    r->format = ms_format_name(in.format);
    r->t_read = (g_get_monotonic_time() - t0) / 1e6;
    if (loaded && ctx->skip && ctx->skip(in.sha256, ctx->skip_user)) {
        r->skipped = TRUE; /* known by its bytes: never opened or OCRed */
        goto out;
    }
    if (!loaded || !ms_doc_open(&in, &ctx->limits, ctx->password, &doc, &err)) {
        ms_result_fail(r, err);
        goto out;
    }

    gint64 t1 = g_get_monotonic_time();
    int n = ms_doc_page_count(doc);
    words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    g_array_set_size(r->pages, n);
    int good = 0;
    for (int i = 0; i < n; i++) {
        ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
        process_page(ctx, w, doc, i, words, pr);
        if (strcmp(pr->source, "error") != 0) good++;
    }
    r->t_pages = (g_get_monotonic_time() - t1) / 1e6;
    if (!good) {
        /* Every page failed: the first page's reason is the document's. */
        const ms_page_result *p0 = &g_array_index(r->pages, ms_page_result, 0);
        r->error_code = g_strdup(p0->error_code);
        r->error_message = n == 1 ? g_strdup_printf("%s: %s", path, p0->error)
                                  : g_strdup_printf("%s: none of the %d pages could be read (%s)",
                                                    path, n, p0->error);
        goto out;
    }

    gint64 t2 = g_get_monotonic_time();
    ms_text *text = ms_text_build(g_steal_pointer(&words), n);
    if (ctx->save_text_dir) save_text(ctx->save_text_dir, path, text);
    r->x = ms_extract(ctx->rules, w->matcher, text);
    ms_text_free(text);
    r->t_extract = (g_get_monotonic_time() - t2) / 1e6;
out:
    if (words) {
        g_array_set_clear_func(words, ms_word_clear);
        g_array_free(words, TRUE);
    }
    g_clear_error(&err);
    ms_doc_free(doc);
    ms_input_dispose(&in);
    r->t_total = (g_get_monotonic_time() - t0) / 1e6;
    return r;
}
