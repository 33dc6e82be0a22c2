#include "pipeline/document/document_pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/base/text.h"
#include "pipeline/worker/worker_proc.h"

/* The PDF may hold the input, its text layers and re-encoded images: bounded
 * at 8 times the input plus 64 MB, which no honest reply comes near. */
#define PDF_MAX_BYTES(input) ((gint64)(input) * 8 + (64LL << 20))

ms_pdf_job *ms_document_pdf_job(const ms_result *r, GArray *const *words, int first, int last)
{
    ms_pdf_job *job = ms_pdf_job_new(first, last);
    for (int i = first; i <= last && i < (int)r->pages->len; i++) {
        const ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
        gboolean ocr = strcmp(pr->source, "ocr") == 0 || strcmp(pr->source, "text+ocr") == 0;
        if (!ocr && !pr->rotation) continue;
        ms_pdf_page *p = ms_pdf_job_add_page(job, i, pr->rotation, pr->width, pr->height);
        for (guint k = 0; ocr && k < words[i]->len; k++) {
            const ms_word *w = &g_array_index(words[i], ms_word, k);
            float box[4] = {w->x0, w->y0, w->x1, w->y1};
            /* OCR words only (a text layer's are on the page already), and
             * no debris (a lone "|", a blank box), which the text drops too */
            if (w->conf >= 0 && w->text && !ms_text_is_debris(w->text)) ms_pdf_page_add_word(p, w->text, box);
        }
    }
    return job;
}

/* One line of text: runs of white space (the title's line breaks) as one space. */
static char *one_line(const char *s)
{
    char **parts = g_regex_split_simple("\\s+", s, 0, 0);
    char *joined = g_strjoinv(" ", parts);
    g_strfreev(parts);
    return g_strstrip(joined);
}

static void set_metadata(const ms_context *ctx, const ms_extraction *x, ms_pdf_job *job)
{
    if (x && x->title) job->title = one_line(x->title);
    if (!ctx->pdf_identity || !x) return;
    GString *s = g_string_new(NULL);
    if (x->a_number) g_string_append_printf(s, "A-number %s", x->a_number);
    if (x->respondent) g_string_append_printf(s, "%sRespondent %s", s->len ? "; " : "", x->respondent);
    job->subject = s->len ? g_string_free(s, FALSE) : (g_string_free(s, TRUE), NULL);
}

/* The bytes written here: only without worker processes (the unit tests). */
static gboolean write_here(const ms_context *ctx, const ms_input *in, const ms_pdf_job *job,
                           int out_fd, GError **err)
{
    GBytes *pdf = ms_pdf_write(in, ctx->password, &ctx->limits, ms_pdf_font_dir(ctx->ocr.tessdata),
                               job, err);
    if (!pdf) return FALSE;
    gsize len = 0;
    const char *data = g_bytes_get_data(pdf, &len);
    gboolean ok = TRUE;
    for (gsize off = 0; ok && off < len;) {
        ssize_t k = write(out_fd, data + off, len - off);
        if (k < 0 && errno == EINTR) continue;
        ok = k > 0;
        if (ok) off += (gsize)k;
    }
    if (!ok) g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "the PDF cannot be written: %s", g_strerror(errno));
    g_bytes_unref(pdf);
    return ok;
}

/* Fill a temporary file beside `dest` and rename it over `dest`. */
static gboolean write_file(const ms_context *ctx, ms_worker *w, const ms_result *r,
                           const ms_pdf_job *job, const ms_input *in, int fd, guint64 id,
                           const char *dest, GError **err)
{
    /* a short temporary name: one as long as NAME.pdf could pass NAME_MAX */
    char *dir = g_path_get_dirname(dest);
    char *tmp = g_build_filename(dir, ".motionscan-pdf-XXXXXX", NULL);
    int out = g_mkstemp_full(tmp, O_RDWR | O_CLOEXEC, 0644);
    gboolean ok = out >= 0;
    if (!ok)
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: cannot be created: %s", tmp, g_strerror(errno));
    else if (w->proc)
        ok = ms_proc_pdf(w->proc, ctx, id, fd, in->format, r->path, job, out,
                         PDF_MAX_BYTES(r->size), err);
    else
        ok = write_here(ctx, in, job, out, err);
    if (out >= 0 && close(out) != 0 && ok) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s", tmp, g_strerror(errno));
        ok = FALSE;
    }
    if (ok && rename(tmp, dest) != 0) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: cannot be renamed into place: %s", dest,
                    g_strerror(errno));
        ok = FALSE;
    }
    if (!ok && out >= 0) unlink(tmp);
    g_free(tmp), g_free(dir);
    return ok;
}

/* One PDF: `job` (taken) with the filing `x`'s metadata, written as
 * DIR/NAME`ext`; its outcome in `out`. */
static void write_one(const ms_context *ctx, ms_worker *w, const ms_result *r, const ms_extraction *x,
                      ms_pdf_job *job, const char *ext, const ms_input *in, int fd, guint64 id,
                      ms_pdf_outcome *out)
{
    GError *err = NULL;
    set_metadata(ctx, x, job);
    char *dest = ms_output_path(ctx->pdf_dir, ctx->save_text_shared, r->path, ext);
    if (!dest)
        g_set_error(&err, MS_ERROR, MS_ERR_OUTPUT, "%s: no PDF name can be derived from it", r->path);
    else if (write_file(ctx, w, r, job, in, fd, id, dest, &err))
        out->file = g_steal_pointer(&dest);
    if (err) {
        out->error_code = g_strdup(ms_error_name_of(err));
        out->error = g_strdup(err->message);
        g_printerr("motionscan: --pdf: %s%s: %s\n", r->path, ext, err->message);
        g_error_free(err);
    }
    g_free(dest);
    ms_pdf_job_free(job);
}

char *ms_document_pdf_suffix(guint index, guint count)
{
    if (count <= 1) return g_strdup(".pdf");
    /* zero-padded to the count's width, so that the parts sort in order */
    int width = snprintf(NULL, 0, "%u", count);
    return g_strdup_printf("-part%0*uof%u.pdf", width, index + 1, count);
}

void ms_document_pdf(const ms_context *ctx, ms_worker *w, ms_result *r, ms_pdf_job *job,
                     const ms_input *in, int fd, guint64 id)
{
    if (!r->parts->len) {
        write_one(ctx, w, r, r->x, job, ".pdf", in, fd, id, &r->pdf);
        return;
    }
    for (guint i = 0; i < r->parts->len; i++) {
        ms_part *p = &g_array_index(r->parts, ms_part, i);
        char *ext = ms_document_pdf_suffix(i, r->parts->len);
        write_one(ctx, w, r, p->x, ms_pdf_job_slice(job, p->first - 1, p->last - 1), ext, in, fd, id,
                  &p->pdf);
        g_free(ext);
    }
    ms_pdf_job_free(job);
}
