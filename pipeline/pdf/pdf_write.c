/* The searchable PDF, assembled with qpdf's C API (see pdf_out.h).  qpdf
 * copies every object it does not touch as it is: with decode level "none"
 * no image stream is decoded, so scanned pages keep their bytes and
 * born-digital pages their text; only the new streams (the text layers, the
 * font) are compressed. */
#include "pipeline/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

#include "pipeline/base/ms_error.h"

ms_pdf_job *ms_pdf_job_new(int first, int last)
{
    ms_pdf_job *job = g_new0(ms_pdf_job, 1);
    job->first = first, job->last = last;
    job->pages = g_array_new(FALSE, TRUE, sizeof(ms_pdf_page));
    return job;
}

ms_pdf_page *ms_pdf_job_add_page(ms_pdf_job *job, int index, int rotation, int width, int height)
{
    ms_pdf_page p = {index, rotation, width, height, g_array_new(FALSE, TRUE, sizeof(ms_pdf_word))};
    g_array_append_val(job->pages, p);
    return &g_array_index(job->pages, ms_pdf_page, job->pages->len - 1);
}

void ms_pdf_page_add_word(ms_pdf_page *p, const char *text, const float box[4])
{
    ms_pdf_word w = {g_strdup(text), {box[0], box[1], box[2], box[3]}};
    g_array_append_val(p->words, w);
}

void ms_pdf_job_free(ms_pdf_job *job)
{
    if (!job) return;
    for (guint i = 0; i < job->pages->len; i++) {
        GArray *words = g_array_index(job->pages, ms_pdf_page, i).words;
        for (guint k = 0; k < words->len; k++) g_free(g_array_index(words, ms_pdf_word, k).text);
        g_array_free(words, TRUE);
    }
    g_array_free(job->pages, TRUE);
    g_free(job->title), g_free(job->subject);
    g_free(job);
}

ms_pdf_job *ms_pdf_job_slice(const ms_pdf_job *job, int first, int last)
{
    ms_pdf_job *part = ms_pdf_job_new(first, last);
    for (guint i = 0; i < job->pages->len; i++) {
        const ms_pdf_page *p = &g_array_index(job->pages, ms_pdf_page, i);
        if (p->index < first || p->index > last) continue;
        ms_pdf_page *q = ms_pdf_job_add_page(part, p->index, p->rotation, p->width, p->height);
        for (guint k = 0; k < p->words->len; k++) {
            const ms_pdf_word *w = &g_array_index(p->words, ms_pdf_word, k);
            ms_pdf_page_add_word(q, w->text, w->box);
        }
    }
    return part;
}

const char *ms_pdf_font_dir(const char *tessdata)
{
    return tessdata && *tessdata ? tessdata : "/usr/share/tesseract-ocr/5/tessdata";
}

gboolean ms_pdf_qpdf_failed(qpdf_data q, int code, const char *what, GError **err)
{
    if (!qpdf_has_error(q)) return FALSE;
    qpdf_error e = qpdf_get_error(q);
    const char *detail = e ? qpdf_get_error_message_detail(q, e) : NULL;
    g_set_error(err, MS_ERROR, code, "%s: %s", what, detail && *detail ? detail : "qpdf failed");
    return TRUE;
}

/* A page's box as [x0 y0 x1 y1], normalised; FALSE when it is not one. */
static gboolean page_box(qpdf_data q, qpdf_oh page, double b[4])
{
    qpdf_oh box = qpdf_oh_get_key(q, page, "/CropBox");
    if (!qpdf_oh_is_array(q, box) || qpdf_oh_get_array_n_items(q, box) != 4)
        box = qpdf_oh_get_key(q, page, "/MediaBox");
    if (!qpdf_oh_is_array(q, box) || qpdf_oh_get_array_n_items(q, box) != 4) return FALSE;
    double v[4];
    for (int i = 0; i < 4; i++)
        if (!qpdf_oh_get_value_as_number(q, qpdf_oh_get_array_item(q, box, i), &v[i]) || !isfinite(v[i]))
            return FALSE;
    b[0] = MIN(v[0], v[2]), b[1] = MIN(v[1], v[3]), b[2] = MAX(v[0], v[2]), b[3] = MAX(v[1], v[3]);
    return b[2] > b[0] && b[3] > b[1];
}

/* The page as shown (its /Rotate applied, as Poppler renders it for OCR):
 * its size in points, and the matrix from that frame to user space. */
static void shown_frame(const double b[4], int rotate, double *wd, double *hd, double cm[6])
{
    double w = b[2] - b[0], h = b[3] - b[1];
    gboolean side = rotate == 90 || rotate == 270;
    *wd = side ? h : w, *hd = side ? w : h;
    const double m[4][6] = {{1, 0, 0, 1, b[0], b[1]},
                            {0, 1, -1, 0, b[2], b[1]},
                            {-1, 0, 0, -1, b[2], b[3]},
                            {0, -1, 1, 0, b[0], b[3]}};
    memcpy(cm, m[rotate / 90], sizeof m[0]);
}

static qpdf_oh text_stream(qpdf_data q, const char *s, size_t len)
{
    qpdf_oh st = qpdf_oh_new_stream(q);
    qpdf_oh none = qpdf_oh_new_null(q);
    qpdf_oh_replace_stream_data(q, st, (const unsigned char *)s, len, none, none);
    return qpdf_make_indirect_object(q, st);
}

/* The font, made when a page first needs it (a born-digital document never
 * reads pdf.ttf). */
typedef struct {
    const char *dir;
    gboolean made;
    qpdf_oh oh;
} lazy_font;

/* The font in the page's /Resources /Font, made where missing. */
static void add_font(qpdf_data q, qpdf_oh page, qpdf_oh font)
{
    qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
    if (!qpdf_oh_is_dictionary(q, res)) {
        res = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, page, "/Resources", res);
    }
    qpdf_oh fonts = qpdf_oh_get_key(q, res, "/Font");
    if (!qpdf_oh_is_dictionary(q, fonts)) {
        fonts = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, res, "/Font", fonts);
    }
    qpdf_oh_replace_key(q, fonts, MS_PDF_FONT_NAME, font);
}

/* The page's content wrapped in q ... Q (so whatever state it leaves does
 * not move the text), then the text layer; its /Rotate turned upright. */
static gboolean add_text_layer(qpdf_data q, qpdf_oh page, const ms_pdf_page *p, lazy_font *font,
                               GError **err)
{
    double b[4], wd, hd, cm[6];
    if (!page_box(q, page, b)) {
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_PDF, "page %d has no usable size", p->index + 1);
        return FALSE;
    }
    int rotate = 0;
    qpdf_oh r = qpdf_oh_get_key(q, page, "/Rotate");
    if (qpdf_oh_is_integer(q, r)) rotate = (int)(((qpdf_oh_get_int_value(q, r) % 360) + 360) % 360);
    if (rotate % 90) rotate = 0; /* Poppler reads such a value as 0 as well */
    shown_frame(b, rotate, &wd, &hd, cm);
    if (p->words->len) {
        GString *text = ms_pdf_text_layer(p, wd, hd, cm);
        g_string_prepend(text, "Q\n");
        qpdf_oh contents = qpdf_oh_new_array(q);
        qpdf_oh_append_item(q, contents, text_stream(q, "q\n", 2));
        qpdf_oh old = qpdf_oh_get_key(q, page, "/Contents");
        if (qpdf_oh_is_array(q, old))
            for (int i = 0; i < qpdf_oh_get_array_n_items(q, old); i++)
                qpdf_oh_append_item(q, contents, qpdf_oh_get_array_item(q, old, i));
        else if (qpdf_oh_is_stream(q, old))
            qpdf_oh_append_item(q, contents, old);
        qpdf_oh_append_item(q, contents, text_stream(q, text->str, text->len));
        g_string_free(text, TRUE);
        qpdf_oh_replace_key(q, page, "/Contents", contents);
        if (!font->made && !ms_pdf_font_new(q, font->dir, &font->oh, err)) return FALSE;
        font->made = TRUE;
        add_font(q, page, font->oh);
    }
    if (p->rotation) qpdf_oh_replace_key(q, page, "/Rotate", qpdf_oh_new_integer(q, (rotate + p->rotation) % 360));
    return !ms_pdf_qpdf_failed(q, MS_ERR_OUTPUT, "the text layer", err);
}

static const ms_pdf_page *job_page(const ms_pdf_job *job, int index)
{
    for (guint i = 0; i < job->pages->len; i++)
        if (g_array_index(job->pages, ms_pdf_page, i).index == index)
            return &g_array_index(job->pages, ms_pdf_page, i);
    return NULL;
}

/* A PDF input: text layers on its OCRed pages, the other pages removed. */
static gboolean pdf_pages(qpdf_data q, const ms_pdf_job *job, lazy_font *font, GError **err)
{
    int n = qpdf_get_num_pages(q);
    if (n <= job->last) {
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_PDF,
                    "qpdf reads %d pages where page %d was read", MAX(n, 0), job->last + 1);
        return FALSE;
    }
    qpdf_push_inherited_attributes_to_page(q);
    for (guint i = 0; i < job->pages->len; i++) {
        const ms_pdf_page *p = &g_array_index(job->pages, ms_pdf_page, i);
        if (p->index >= job->first && p->index <= job->last &&
            !add_text_layer(q, qpdf_get_page_n(q, (size_t)p->index), p, font, err))
            return FALSE;
    }
    for (int i = n - 1; i >= 0; i--)
        if (i < job->first || i > job->last) qpdf_remove_page(q, qpdf_get_page_n(q, (size_t)i));
    return !ms_pdf_qpdf_failed(q, MS_ERR_CORRUPT_PDF, "the PDF's pages", err);
}

/* An image input: one new page per image. */
static gboolean image_pages(qpdf_data q, const ms_input *in, const ms_limits *lim,
                            const ms_pdf_job *job, lazy_font *font, GError **err)
{
    for (int i = job->first; i <= job->last; i++) {
        qpdf_oh page;
        double wd, hd;
        if (!ms_pdf_image_page(q, in, i, lim, &page, &wd, &hd, err)) return FALSE;
        const ms_pdf_page *p = job_page(job, i);
        if (p && !add_text_layer(q, page, p, font, err)) return FALSE;
        qpdf_add_page(q, q, page, FALSE);
    }
    return !ms_pdf_qpdf_failed(q, MS_ERR_OUTPUT, "the image pages", err);
}

/* The title (and, when asked, the subject) in the document information. */
static void set_info(qpdf_data q, const ms_pdf_job *job)
{
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
    if (!qpdf_oh_is_dictionary(q, info)) {
        info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
        qpdf_oh_replace_key(q, trailer, "/Info", info);
    }
    if (job->title) qpdf_oh_replace_key(q, info, "/Title", qpdf_oh_new_unicode_string(q, job->title));
    if (job->subject) qpdf_oh_replace_key(q, info, "/Subject", qpdf_oh_new_unicode_string(q, job->subject));
    qpdf_oh_replace_key(q, info, "/Producer", qpdf_oh_new_unicode_string(q, "motionscan " MS_VERSION));
}

static GBytes *write_out(qpdf_data q, GError **err)
{
    qpdf_init_write_memory(q);
    qpdf_set_decode_level(q, qpdf_dl_none);
    qpdf_set_compress_streams(q, QPDF_TRUE);
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_write(q);
    if (ms_pdf_qpdf_failed(q, MS_ERR_OUTPUT, "writing the PDF", err)) return NULL;
    return g_bytes_new(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
}

GBytes *ms_pdf_write(const ms_input *in, const char *password, const ms_limits *lim,
                     const char *font_dir, const ms_pdf_job *job, GError **err)
{
    if (job->first < 0 || job->last < job->first) {
        g_set_error(err, MS_ERROR, MS_ERR_INTERNAL, "no pages to write");
        return NULL;
    }
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    GBytes *out = NULL;
    lazy_font font = {font_dir, FALSE, 0};
    gboolean ok;
    if (in->format == MS_FMT_PDF) {
        gsize len = 0;
        const char *data = g_bytes_get_data(in->bytes, &len);
        qpdf_read_memory(q, "input", data, len, password ? password : "");
        ok = !ms_pdf_qpdf_failed(q, MS_ERR_CORRUPT_PDF, "qpdf cannot read the PDF", err) &&
             pdf_pages(q, job, &font, err);
    } else {
        qpdf_empty_pdf(q);
        ok = image_pages(q, in, lim, job, &font, err);
    }
    if (ok) {
        set_info(q, job);
        out = write_out(q, err);
    }
    qpdf_cleanup(&q);
    return out;
}
