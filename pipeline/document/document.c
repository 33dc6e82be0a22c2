#include "pipeline/document/document.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/base/text.h"
#include "pipeline/document/document_pdf.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ocr/barcode.h"
#include "pipeline/pages/pages.h"
#include "pipeline/worker/worker_proc.h"

void ms_worker_init(ms_worker *w)
{
    memset(w, 0, sizeof *w);
    w->matcher = ms_matcher_new();
}

void ms_worker_start(ms_worker *w, const ms_context *ctx)
{
    if (ctx->worker_exe && !w->proc) w->proc = ms_proc_new(ctx);
}

void ms_worker_dispose(ms_worker *w)
{
    ms_proc_free(w->proc);
    ms_ocr_free(w->ocr);
    g_clear_error(&w->ocr_error);
    ms_matcher_free(w->matcher);
    memset(w, 0, sizeof *w);
}

ms_ocr *ms_worker_ocr(const ms_context *ctx, ms_worker *w, GError **err)
{
    if (!w->ocr && !w->ocr_error) ms_ocr_new(&ctx->ocr, &w->ocr, &w->ocr_error);
    if (w->ocr_error) {
        g_propagate_error(err, g_error_copy(w->ocr_error));
        return NULL;
    }
    return w->ocr;
}

struct ms_doc_job {
    ms_result *r;
    ms_input in;
    ms_doc *doc;        /* NULL when there is no page work */
    int n;              /* pages to process */
    GArray **words;     /* per page: the page's words (ms_word) */
    gint64 t0, t_pages; /* monotonic microseconds: start, pages ready */
    gint64 deadline;    /* monotonic microseconds; 0 = none */
    int fd;             /* with worker processes: a sealed memfd of the bytes, else -1 */
    guint64 id;         /* with worker processes: names the document to them */
    int fatal;          /* atomic: 1 + the code of a worker lost on one of its pages */
    int fatal_page;     /* that page's index, set by the one that set `fatal` */
    gboolean *ready;    /* per page: read with the open (worker processes only) */
    gboolean asked;     /* the worker was asked to open it; its answer is not taken yet */
    guint64 ticket;     /* ms_proc_open_send()'s, while asked */
};

/* OCR words that a text-layer word already covers (their centre inside it)
 * are dropped: on a mixed page the layer is exact, OCR adds the rest. */
static void merge_ocr_words(GArray *words, guint text_end)
{
    guint out = text_end;
    for (guint i = text_end; i < words->len; i++) {
        ms_word *o = &g_array_index(words, ms_word, i);
        float cx = (o->x0 + o->x1) / 2, cy = (o->y0 + o->y1) / 2;
        gboolean covered = FALSE;
        for (guint j = 0; j < text_end && !covered; j++) {
            const ms_word *t = &g_array_index(words, ms_word, j);
            covered = cx >= t->x0 - 2 && cx <= t->x1 + 2 && cy >= t->y0 - 2 && cy <= t->y1 + 2;
        }
        if (covered) ms_word_clear(o);
        else g_array_index(words, ms_word, out++) = *o;
    }
    g_array_set_size(words, out);
}

static void drop_words(GArray *words)
{
    for (guint i = 0; i < words->len; i++) ms_word_clear(&g_array_index(words, ms_word, i));
    g_array_set_size(words, 0);
}

static void page_fail(ms_page_result *pr, GError *err)
{
    pr->source = "error";
    pr->error_code = ms_error_name_of(err);
    pr->error = g_strdup(err ? err->message : "unknown error");
}

/* The OCR deadline for this page: what is left of the document's time,
 * capped by --ocr-timeout (0: none).  FALSE when no time is left. */
static gboolean page_deadline(const ms_context *ctx, gint64 deadline, gint64 now, int index,
                              int *deadline_ms, GError **err)
{
    *deadline_ms = 0;
    if (!deadline) return TRUE;
    gint64 left = deadline - now;
    if (left <= 0) {
        g_set_error(err, MS_ERROR, MS_ERR_TIMEOUT,
                    "page %d: not read: the document passed its time limit", index + 1);
        return FALSE;
    }
    *deadline_ms = (int)MIN(left / 1000 + 1, G_MAXINT);
    if (ctx->ocr.deadline_ms > 0) *deadline_ms = MIN(*deadline_ms, ctx->ocr.deadline_ms);
    return TRUE;
}

/* The text layer's decision: TRUE when the page is born-digital and read
 * from the layer alone (pr filled in); otherwise `mixed` says whether the
 * layer's words are kept beside the OCR (a scan with a typed line), and
 * *text_words is how many there are. */
static gboolean read_text_layer(const ms_context *ctx, ms_doc *doc, GArray *words, int index,
                                ms_page_result *pr, gboolean *mixed, guint *text_words)
{
    int alnum = ms_doc_text_layer(doc, index, ctx->dpi, words);
    *text_words = words->len;
    *mixed = FALSE;
    if (alnum >= MS_TEXT_LAYER_MIN_CHARS) {
        *mixed = alnum < MS_TEXT_LAYER_FULL_CHARS &&
                 ms_doc_image_share(doc, index) >= MS_MIXED_IMAGE_SHARE;
        if (!*mixed) {
            pr->source = "text";
            pr->n_words = (int)words->len;
            ms_doc_page_size(doc, index, ctx->dpi, &pr->width, &pr->height);
            return TRUE;
        }
    } else {
        /* Too little text to trust (an empty layer, a stray header): OCR. */
        drop_words(words);
        *text_words = 0;
    }
    return FALSE;
}

/* A scanned page that OCR found little text on may be a separator sheet:
 * its barcodes go to pr->barcodes.  Pages with text are not scanned, so the
 * cost falls on the few pages that could be separators. */
static void scan_barcodes(PIX *pix, int dpi, const GArray *words, ms_page_result *pr)
{
    int alnum = 0;
    for (guint i = 0; i < words->len && alnum < MS_BARCODE_SCAN_BELOW; i++)
        for (const char *c = g_array_index(words, ms_word, i).text; c && *c; c++)
            alnum += g_ascii_isalnum(*c);
    if (alnum >= MS_BARCODE_SCAN_BELOW) return;
    GArray *found = g_array_new(FALSE, TRUE, sizeof(ms_barcode));
    g_array_set_clear_func(found, ms_barcode_clear);
    if (ms_barcode_scan(pix, dpi, pr->number, found)) pr->barcodes = found;
    else g_array_unref(found);
}

/* Render and OCR the page; on a mixed page add the OCR words the layer lacks. */
static void ocr_page(const ms_context *ctx, ms_worker *w, ms_doc *doc, gint64 deadline,
                     GArray *words, int index, int deadline_ms, gboolean mixed, guint text_words,
                     ms_page_result *pr)
{
    GError *err = NULL;
    int dpi = ctx->dpi;
    PIX *pix = ms_doc_render_page(doc, index, ctx->dpi, &ctx->limits, &dpi, &err);
    if (pix && dpi != ctx->dpi && text_words) {
        /* the page was downscaled: text-layer boxes follow it */
        float f = (float)dpi / (float)ctx->dpi;
        for (guint i = 0; i < text_words; i++) {
            ms_word *t = &g_array_index(words, ms_word, i);
            t->x0 *= f, t->y0 *= f, t->x1 *= f, t->y1 *= f;
        }
    }
    ms_ocr *ocr = pix ? ms_worker_ocr(ctx, w, &err) : NULL;
    ms_ocr_page_info info;
    if (ocr && ms_ocr_page(ocr, pix, dpi, index + 1, deadline_ms, words, &info, &err)) {
        pr->source = info.blank ? (mixed ? "text" : "blank") : mixed ? "text+ocr" : "ocr";
        pr->conf = info.blank ? -1 : info.mean_conf;
        pr->skew = info.skew_degrees;
        pr->rotation = info.rotation;
        pr->reading = info.reading;
        pr->reading_reason = g_steal_pointer(&info.reading_reason);
        pr->looks = g_steal_pointer(&info.looks);
        if (mixed) merge_ocr_words(words, text_words);
        scan_barcodes(pix, dpi, words, pr);
        pr->n_words = (int)words->len;
    } else {
        if (deadline && g_get_monotonic_time() >= deadline) {
            g_clear_error(&err);
            g_set_error(&err, MS_ERROR, MS_ERR_TIMEOUT,
                        "page %d: stopped: the document passed its time limit", index + 1);
        }
        page_fail(pr, err);
        drop_words(words); /* text-layer words of a failed mixed page */
    }
    pr->dpi = dpi;
    if (pix) pr->width = pixGetWidth(pix), pr->height = pixGetHeight(pix);
    pixDestroy(&pix);
    g_clear_error(&err);
}

/* One page: its text layer when it has real text, otherwise OCR, or both on a
 * scan that carries a line of real text.  Blank pages are not OCRed. */
void ms_page_read(const ms_context *ctx, ms_worker *w, ms_doc *doc, gint64 deadline, int index,
                  ms_page_result *pr, GArray *words)
{
    gint64 t0 = g_get_monotonic_time();
    GError *err = NULL;
    pr->number = index + 1;
    pr->dpi = ctx->dpi;
    pr->conf = -1;
    int deadline_ms = 0;
    gboolean mixed = FALSE;
    guint text_words = 0;
    if (!page_deadline(ctx, deadline, t0, index, &deadline_ms, &err)) page_fail(pr, err);
    else if (!read_text_layer(ctx, doc, words, index, pr, &mixed, &text_words))
        ocr_page(ctx, w, doc, deadline, words, index, deadline_ms, mixed, text_words, pr);
    g_clear_error(&err);
    pr->seconds = (g_get_monotonic_time() - t0) / 1e6;
}

gboolean ms_page_read_text(const ms_context *ctx, ms_doc *doc, gint64 deadline, int index,
                           ms_page_result *pr, GArray *words)
{
    gint64 t0 = g_get_monotonic_time();
    if (deadline && t0 >= deadline) return FALSE;
    ms_page_result p = {.number = index + 1, .dpi = ctx->dpi, .conf = -1};
    gboolean mixed = FALSE;
    guint first = words->len, text_words = 0;
    GArray *mine = first ? g_array_new(FALSE, FALSE, sizeof(ms_word)) : words;
    gboolean text = read_text_layer(ctx, doc, mine, index, &p, &mixed, &text_words);
    if (!text) drop_words(mine);
    else if (mine != words) g_array_append_vals(words, mine->data, mine->len);
    if (mine != words) g_array_free(mine, TRUE);
    if (!text) return FALSE;
    p.seconds = (g_get_monotonic_time() - t0) / 1e6;
    *pr = p;
    return TRUE;
}

/* One page of a job: in the worker process, or here.  After a page lost its
 * worker (a crash, out of memory), the document's other pages are not read. */
static void process_page(const ms_context *ctx, ms_worker *w, ms_doc_job *job, int index)
{
    ms_page_result *pr = &g_array_index(job->r->pages, ms_page_result, index);
    GArray *words = job->words[index];
    int fatal = g_atomic_int_get(&job->fatal);
    if (fatal) {
        pr->number = index + 1, pr->source = "error", pr->dpi = ctx->dpi, pr->conf = -1;
        pr->error_code = ms_error_name(fatal - 1);
        pr->error = g_strdup_printf("page %d: not read: another page lost its worker", index + 1);
    } else if (w->proc) {
        ms_proc_page(w->proc, ctx, job->id, job->fd, job->in.format, job->r->path, index,
                     job->deadline, pr, words);
        int code = ms_error_code_of_name(pr->error_code);
        if ((code == MS_ERR_WORKER_CRASHED || code == MS_ERR_OUT_OF_MEMORY) &&
            g_atomic_int_compare_and_exchange(&job->fatal, 0, code + 1))
            job->fatal_page = index; /* read in finish, after every page is done */
    } else {
        ms_page_read(ctx, w, job->doc, job->deadline, index, pr, words);
    }
}

/* The normalised text as a transcript ('\f' between pages) that `run --text`
 * reads back: rules can then be tried again without OCR. */
static void save_text(const char *dir, GHashTable *shared, const char *path, const ms_text *t)
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
    /* g_file_set_contents() writes a new file and renames it over NAME.txt,
     * so a symlink planted at NAME.txt is replaced, never followed. */
    char *dest = ms_output_path(dir, shared, path, ".txt");
    GError *err = NULL;
    if (dest && !g_file_set_contents(dest, out->str, (gssize)out->len, &err))
        g_printerr("motionscan: --save-text: %s\n", err->message);
    g_clear_error(&err);
    g_free(dest);
    g_string_free(out, TRUE);
}

/* Part [first, last] of a text: a new text from copies of those pages'
 * words, so evidence keeps the file's page numbers. */
static ms_text *part_text(const ms_text *t, int first, int last)
{
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    for (guint i = 0; i < t->words->len; i++) {
        const ms_word *w = &g_array_index(t->words, ms_word, i);
        if (w->page < first || w->page > last) continue;
        ms_word c = *w;
        c.text = g_strdup(w->text);
        g_array_append_val(words, c);
    }
    return ms_text_build(words, last);
}

/* A stack's only filing whose other pages are blank: its fields come from
 * the whole text, exactly as for a file that is not a stack. */
static gboolean one_filing_and_blanks(const ms_stack *st)
{
    for (guint i = 0; i < st->non_filing->len; i++)
        if (strcmp(g_array_index(st->non_filing, ms_stack_page, i).kind, "blank") != 0) return FALSE;
    return st->parts->len == 1;
}

/* The barcodes of every page, as shallow copies: the values stay owned by
 * r->pages (r->non_filing borrows them from there).  g_array_unref. */
static GArray *page_barcodes(const ms_result *r)
{
    GArray *all = g_array_new(FALSE, FALSE, sizeof(ms_barcode));
    for (guint i = 0; i < r->pages->len; i++) {
        const GArray *b = g_array_index(r->pages, ms_page_result, i).barcodes;
        if (b) g_array_append_vals(all, b->data, b->len);
    }
    return all;
}

/* The fields: one extraction for a single filing (r->x), one per filing of a
 * stapled stack (r->parts), from that filing's pages only. */
static void extract_parts(const ms_context *ctx, ms_worker *w, ms_result *r, const ms_text *t)
{
    GArray *barcodes = ctx->no_split ? NULL : page_barcodes(r);
    ms_stack *st = ctx->no_split ? NULL : ms_stack_find(ctx->rules, w->matcher, t, barcodes);
    if (barcodes) g_array_unref(barcodes);
    r->stack_unsplit = ctx->no_split;
    if (!st || (st->parts->len == 1 && !st->non_filing->len)) {
        r->x = ms_extract(ctx->rules, w->matcher, t);
        ms_stack_free(st);
        return;
    }
    gboolean whole = one_filing_and_blanks(st);
    for (guint i = 0; i < st->parts->len; i++) {
        ms_stack_part *sp = &g_array_index(st->parts, ms_stack_part, i);
        ms_part part = {.first = sp->first, .last = sp->last, .boundary_page = sp->page,
                        .confidence = sp->confidence, .review = sp->review,
                        .cues = g_steal_pointer(&sp->cues)};
        ms_text *pt = whole ? NULL : part_text(t, sp->first, sp->last);
        part.x = ms_extract(ctx->rules, w->matcher, pt ? pt : t);
        ms_text_free(pt);
        g_array_append_val(r->parts, part);
    }
    g_array_append_vals(r->non_filing, st->non_filing->data, st->non_filing->len);
    ms_stack_free(st);
}

char *ms_output_path(const char *dir, GHashTable *shared, const char *path, const char *ext)
{
    /* The name is the input's last component only, so no input path ("../x",
     * "/etc/x") reaches outside `dir`; "." and ".." (never regular files) are
     * refused all the same. */
    char *base = g_path_get_basename(path);
    char *dest = NULL;
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || strchr(base, '/')) {
        g_printerr("motionscan: %s: no output file name can be derived from it\n", path);
    } else if (shared && g_hash_table_contains(shared, base)) {
        /* two inputs named alike ("a/scan.pdf", "b/scan.pdf"): one file each */
        char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, path, -1);
        char *name = g_strdup_printf("%s~%.8s%s", base, h, ext);
        dest = g_build_filename(dir, name, NULL);
        g_free(name);
        g_free(h);
    } else {
        char *name = g_strconcat(base, ext, NULL);
        dest = g_build_filename(dir, name, NULL);
        g_free(name);
    }
    g_free(base);
    return dest;
}

/* A transcript instead of a scan: for rule authors checking a wording. */
static void process_plain_text(const ms_context *ctx, ms_worker *w, ms_result *r)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    /* the size is checked before anything is read; the error is set once */
    if (!ms_read_file(r->path, ctx->no_follow ? O_NOFOLLOW : 0, ctx->limits.max_file_bytes, &data,
                      &len, &err)) {
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
    extract_parts(ctx, w, r, t);
    ms_text_free(t);
    g_free(data);
}

static void job_free(ms_doc_job *job)
{
    for (int i = 0; i < job->n; i++) {
        g_array_set_clear_func(job->words[i], ms_word_clear);
        g_array_free(job->words[i], TRUE);
    }
    g_free(job->words);
    g_free(job->ready);
    ms_doc_free(job->doc);
    ms_input_dispose(&job->in);
    if (job->fd >= 0) close(job->fd);
    g_free(job);
}

/* The bytes as a sealed memfd: the worker reads exactly what was hashed, and
 * cannot change it. */
static int bytes_fd(GBytes *bytes)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(bytes, &len);
    int fd = memfd_create("motionscan-input", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    gsize off = 0;
    while (fd >= 0 && off < len) {
        ssize_t k = write(fd, data + off, len - off);
        if (k <= 0) {
            close(fd);
            return -1;
        }
        off += (gsize)k;
    }
    if (fd >= 0) fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
    return fd;
}

static void job_pages_init(const ms_context *ctx, ms_doc_job *job, int n)
{
    job->n = n;
    g_array_set_size(job->r->pages, job->n);
    job->words = g_new0(GArray *, job->n);
    for (int i = 0; i < job->n; i++) job->words[i] = g_array_new(FALSE, FALSE, sizeof(ms_word));
    job->ready = g_new0(gboolean, MAX(job->n, 1));
    job->t_pages = g_get_monotonic_time();
}

/* The pages the worker read with the open move into the job. */
static void take_ready(ms_doc_job *job, GArray *ready)
{
    for (guint i = 0; i < ready->len; i++) {
        ms_proc_ready *pg = &g_array_index(ready, ms_proc_ready, i);
        g_array_index(job->r->pages, ms_page_result, pg->index) = pg->pr;
        memset(&pg->pr, 0, sizeof pg->pr);
        g_array_free(job->words[pg->index], TRUE);
        job->words[pg->index] = g_steal_pointer(&pg->words);
        job->ready[pg->index] = TRUE;
    }
}

/* Ask the worker process to open the document (its answer is taken by
 * take_open); FALSE with err set. */
static gboolean ask_open(const ms_context *ctx, ms_worker *w, ms_doc_job *job, GError **err)
{
    static guint64 next_id; /* atomic */
    if (job->fd < 0) {
        job->fd = bytes_fd(job->in.bytes);
        if (job->fd < 0) {
            g_set_error(err, MS_ERROR, MS_ERR_INTERNAL, "%s: the bytes cannot be passed to a worker: %s",
                        job->r->path, g_strerror(errno));
            return FALSE;
        }
        job->id = (guint64)g_atomic_pointer_add((gsize *)&next_id, 1) + 1;
    }
    job->asked = ms_proc_open_send(w->proc, ctx, job->id, job->fd, job->in.format, job->r->path,
                                   job->deadline, &job->ticket, err);
    return job->asked;
}

/* The worker's answer to ask_open, with the pages it read at once; FALSE with
 * err set.  Asked again when the worker it was sent to was lost on an earlier
 * document, its time limit counted afresh. */
static gboolean take_open(const ms_context *ctx, ms_worker *w, ms_doc_job *job, GError **err)
{
    GArray *ready = g_array_new(FALSE, FALSE, sizeof(ms_proc_ready));
    g_array_set_clear_func(ready, ms_proc_ready_clear);
    int n;
    gint64 waited;
    while ((n = ms_proc_open_recv(w->proc, ctx, job->r->path, job->ticket, ready, &waited, err)) ==
           MS_PROC_ASK_AGAIN) {
        if (ctx->limits.doc_ms > 0)
            job->deadline = g_get_monotonic_time() + (gint64)ctx->limits.doc_ms * 1000;
        if (!ask_open(ctx, w, job, err)) break;
    }
    job->asked = FALSE;
    /* the time it waited behind the worker's other documents is not its own */
    if (job->deadline) job->deadline += waited;
    if (n >= 0) {
        job_pages_init(ctx, job, n);
        take_ready(job, ready);
    }
    g_array_unref(ready);
    return n >= 0;
}

ms_doc_job *ms_doc_job_begin(const ms_context *ctx, ms_worker *w, const char *path)
{
    ms_doc_job *job = g_new0(ms_doc_job, 1);
    job->t0 = g_get_monotonic_time();
    job->fd = -1;
    ms_result *r = job->r = ms_result_new(path);
    if (ctx->plain_text) {
        process_plain_text(ctx, w, r);
        return job;
    }
    GError *err = NULL;
    gboolean loaded =
        ms_input_load_flags(path, ctx->no_follow ? O_NOFOLLOW : 0, &ctx->limits, &job->in, &err);
    g_strlcpy(r->sha256, job->in.sha256, sizeof r->sha256);
    r->size = job->in.bytes ? (gint64)g_bytes_get_size(job->in.bytes) : 0;
    r->format = ms_format_name(job->in.format);
    r->t_read = (g_get_monotonic_time() - job->t0) / 1e6;
    if (loaded && ctx->skip && ctx->skip(job->in.sha256, ctx->skip_user)) {
        r->skipped = TRUE; /* known by its bytes: never opened or OCRed */
    } else if (!loaded) {
        ms_result_fail(r, err);
    } else if (w->proc) {
        if (ctx->limits.doc_ms > 0) job->deadline = job->t0 + (gint64)ctx->limits.doc_ms * 1000;
        if (!ask_open(ctx, w, job, &err)) ms_result_fail(r, err);
    } else if (!ms_doc_open(&job->in, &ctx->limits, ctx->password, &job->doc, &err)) {
        ms_result_fail(r, err);
    } else {
        job_pages_init(ctx, job, ms_doc_page_count(job->doc));
        if (ctx->limits.doc_ms > 0) job->deadline = job->t0 + (gint64)ctx->limits.doc_ms * 1000;
    }
    g_clear_error(&err);
    return job;
}

gboolean ms_doc_job_asked(const ms_doc_job *job)
{
    return job->asked;
}

gint64 ms_doc_job_bytes(const ms_doc_job *job)
{
    return job->in.bytes ? (gint64)g_bytes_get_size(job->in.bytes) : 0;
}

void ms_doc_job_wait(const ms_context *ctx, ms_worker *w, ms_doc_job *job)
{
    GError *err = NULL;
    if (job->asked && !take_open(ctx, w, job, &err)) ms_result_fail(job->r, err);
    g_clear_error(&err);
}

int ms_doc_job_pages(const ms_doc_job *job)
{
    return job->n;
}

gboolean ms_doc_job_page_ready(const ms_doc_job *job, int index)
{
    return index >= 0 && index < job->n && job->ready[index];
}

void ms_doc_job_page(const ms_context *ctx, ms_worker *w, ms_doc_job *job, int index)
{
    g_return_if_fail(index >= 0 && index < job->n && !job->ready[index]);
    process_page(ctx, w, job, index);
}

ms_result *ms_doc_job_finish(const ms_context *ctx, ms_worker *w, ms_doc_job *job)
{
    ms_result *r = g_steal_pointer(&job->r);
    int n = job->n, good = 0, timed_out = 0;
    /* the page that lost its worker, if one did */
    const ms_page_result *lost =
        job->fatal ? &g_array_index(r->pages, ms_page_result, job->fatal_page) : NULL;
    if (n) r->t_pages = (g_get_monotonic_time() - job->t_pages) / 1e6;
    for (int i = 0; i < n; i++) {
        const ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
        int code = pr->error_code ? ms_error_code_of_name(pr->error_code) : -1;
        if (strcmp(pr->source, "error") != 0) good++;
        else if (code == MS_ERR_TIMEOUT) timed_out++;
    }
    if (lost) {
        /* A library crashed or ran away on this document: one error record. */
        r->error_code = g_strdup(lost->error_code);
        r->error_message = g_strdup_printf("%s: %s", r->path, lost->error);
    } else if (timed_out && ctx->limits.doc_ms == 0) {
        const ms_page_result *p = NULL;
        for (int i = 0; i < n && !p; i++) {
            const ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
            if (g_strcmp0(pr->error_code, "timeout") == 0) p = pr;
        }
        r->error_code = g_strdup("timeout");
        r->error_message = g_strdup_printf("%s: %s", r->path, p->error);
    } else if (timed_out) {
        /* A document cut short is not a reliable extraction: an error record,
         * saying how far it got. */
        r->error_code = g_strdup("timeout");
        r->error_message = g_strdup_printf(
            "%s: stopped at the time limit of %d s per document (raise it with --doc-timeout); "
            "%d of %d pages were read",
            r->path, ctx->limits.doc_ms / 1000, good, n);
    } else if (n && !good) {
        /* Every page failed: the first page's reason is the document's. */
        const ms_page_result *p0 = &g_array_index(r->pages, ms_page_result, 0);
        r->error_code = g_strdup(p0->error_code);
        r->error_message = n == 1 ? g_strdup_printf("%s: %s", r->path, p0->error)
                                  : g_strdup_printf("%s: none of the %d pages could be read (%s)",
                                                    r->path, n, p0->error);
    } else if (n) {
        gint64 t2 = g_get_monotonic_time();
        /* before the words move into the text */
        ms_pdf_job *pdf = ctx->pdf_dir ? ms_document_pdf_job(r, job->words, 0, n - 1) : NULL;
        GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
        for (int i = 0; i < n; i++) {
            /* the words move: each page's array is emptied without clearing them */
            g_array_append_vals(words, job->words[i]->data, job->words[i]->len);
            g_array_set_size(job->words[i], 0);
        }
        ms_text *text = ms_text_build(words, n);
        if (ctx->save_text_dir) save_text(ctx->save_text_dir, ctx->save_text_shared, r->path, text);
        extract_parts(ctx, w, r, text);
        ms_text_free(text);
        r->t_extract = (g_get_monotonic_time() - t2) / 1e6;
        if (pdf) ms_document_pdf(ctx, w, r, pdf, &job->in, job->fd, job->id);
    }
    r->t_total = (g_get_monotonic_time() - job->t0) / 1e6;
    job_free(job);
    return r;
}
